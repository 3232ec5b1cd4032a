"""PDPA: when and under which policy a member gave or withdrew marketing consent; erasure

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-02 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kiosk.db.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.add_column(
            sa.Column("marketing_consent_at", kiosk.db.types.UTCDateTime(), nullable=True)
        )
        batch.add_column(
            sa.Column(
                "marketing_policy_version",
                sa.String(length=32),
                nullable=False,
                server_default="",
            )
        )
        batch.add_column(sa.Column("erased_at", kiosk.db.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("erased_at")
        batch.drop_column("marketing_policy_version")
        batch.drop_column("marketing_consent_at")
