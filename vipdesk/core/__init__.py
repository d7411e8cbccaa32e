"""Pure domain logic: no Qt, no SQLAlchemy, no I/O."""
