"""orders carry the dine-in table or pager number the customer typed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(
            sa.Column("table_number", sa.String(length=8), nullable=False, server_default="")
        )


def downgrade() -> None:
    # not a batch (SQLite would rebuild "orders", which payments and items reference):
    # SQLite 3.35+ and PostgreSQL drop a column in place
    op.execute("ALTER TABLE orders DROP COLUMN table_number")
