"""Persistence: SQLAlchemy models, the central database, migrations, unit of work."""
