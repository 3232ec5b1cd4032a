"""Database layer: typed SQLAlchemy models, engine set-up, unit of work, migrations.

No Qt here, ever: everything in this package works from a script or a test.
"""

from kiosk.db.engine import Database, DatabaseBusy, DatabaseError, SchemaError

__all__ = ["Database", "DatabaseBusy", "DatabaseError", "SchemaError"]
