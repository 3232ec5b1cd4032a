"""payments may be 'refunding' while the provider answers a refund

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 17:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = "status IN ('pending', 'succeeded', 'failed', 'refunded')"
NEW = "status IN ('pending', 'succeeded', 'failed', 'refunding', 'refunded')"


def _replace(condition: str) -> None:
    with op.batch_alter_table("payments", recreate="auto") as batch:
        batch.drop_constraint(op.f("ck_payments_status"), type_="check")
        batch.create_check_constraint("status", condition)


def upgrade() -> None:
    _replace(NEW)


def downgrade() -> None:
    op.execute("UPDATE payments SET status = 'succeeded' WHERE status = 'refunding'")
    _replace(OLD)
