"""menu items carry a spice level, allergen codes and the upsell flag

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 10:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("menu_items") as batch:
        batch.add_column(
            sa.Column("spice_level", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("allergens", sa.String(length=200), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("upsell", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    # not a batch (SQLite would rebuild "menu_items", which option groups and order items
    # reference): SQLite 3.35+ and PostgreSQL drop a column in place
    for column in ("upsell", "allergens", "spice_level"):
        op.execute(f"ALTER TABLE menu_items DROP COLUMN {column}")
