"""Alembic environment: runs on the connection handed over by kiosk.db.migrate."""

from __future__ import annotations

from alembic import context

from kiosk.db.models import Base

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    module = type(obj).__module__
    if type_ == "type" and module == "kiosk.db.types":
        autogen_context.imports.add("import kiosk.db.types")  # type: ignore[attr-defined]
        return f"kiosk.db.types.{type(obj).__name__}()"
    return False


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through 'kiosk db upgrade'")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline migrations are not supported")
run_migrations_online()
