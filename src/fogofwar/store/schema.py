"""The tables, as SQLAlchemy Core metadata; portable types only (SQLite now, PostgreSQL later).

Migrations under ``migrations/versions/`` create exactly these tables; a test
compares the two so they cannot drift.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("text", Text, nullable=False),  # the text as read: evidence offsets index into it
    Column("outlet", String(300)),
    Column("url", Text),
    Column("published", Date),
    Column("lang", String(8), nullable=False),
    Column("title", Text),
    Column("source_path", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("seq", Integer, nullable=False),  # order of first writing: merging follows it, as merge_events does
    Column("background", Boolean, nullable=False, default=False),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("disorder_type", String(100)),
    Column("event_type", String(100), nullable=False),
    Column("sub_event_type", String(100), nullable=False),
    Column("actor1", String(300)),
    Column("inter1", Integer),
    Column("assoc_actor_1", JSON, nullable=False),
    Column("actor2", String(300)),
    Column("inter2", Integer),
    Column("assoc_actor_2", JSON, nullable=False),
    Column("interaction", Integer),
    Column("civilian_targeting", String(100)),
    Column("country", String(200)),
    Column("iso3", String(3)),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("location", String(300)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("disputed", Boolean, nullable=False, default=False),
    Column("confidence", Float, nullable=False),
    Column("notes", Text),
    Column("sources", JSON, nullable=False),
    Column("episode", JSON),
    Column("reasons", JSON, nullable=False),
    Column("codebook_version", String(40)),
    Index("ix_events_event_date", "event_date"),
    Index("ix_events_country", "country"),
    Index("ix_events_event_type", "event_type"),
)

event_documents = Table(
    "event_documents",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", String(200), ForeignKey("documents.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_event_documents_document_id", "document_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(300), primary_key=True),
    Column("claimant", String(300), nullable=False),
    Column("claimant_kind", String(20), nullable=False),
    Column("via", JSON, nullable=False),
    Column("victims", Text),
    Column("victims_inferred", Boolean, nullable=False, default=False),
    Column("outcome", String(20), nullable=False),
    Column("low", Integer),
    Column("high", Integer),
    Column("vague", Boolean, nullable=False, default=False),
    Column("vague_term", String(100)),
    Column("document", String(200), ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
)

event_claims = Table(
    "event_claims",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", String(300), ForeignKey("claims.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_event_claims_claim_id", "claim_id"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("field", String(100), nullable=False),
    Column("document", String(200), ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Index("ix_evidence_event_id", "event_id"),
)
