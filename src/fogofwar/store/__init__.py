"""The store: SQLAlchemy tables, Alembic migrations shipped in the package, idempotent ingest."""

from .db import IngestReport, Store, claim_id

__all__ = ["IngestReport", "Store", "claim_id"]
