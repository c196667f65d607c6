"""Initial tables: documents, events, event_documents, claims, event_claims, evidence.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("outlet", sa.String(300)),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("source_path", sa.Text),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("background", sa.Boolean, nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("time_precision", sa.Integer),
        sa.Column("disorder_type", sa.String(100)),
        sa.Column("event_type", sa.String(100), nullable=False),
        sa.Column("sub_event_type", sa.String(100), nullable=False),
        sa.Column("actor1", sa.String(300)),
        sa.Column("inter1", sa.Integer),
        sa.Column("assoc_actor_1", sa.JSON, nullable=False),
        sa.Column("actor2", sa.String(300)),
        sa.Column("inter2", sa.Integer),
        sa.Column("assoc_actor_2", sa.JSON, nullable=False),
        sa.Column("interaction", sa.Integer),
        sa.Column("civilian_targeting", sa.String(100)),
        sa.Column("country", sa.String(200)),
        sa.Column("iso3", sa.String(3)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("admin2", sa.String(200)),
        sa.Column("location", sa.String(300)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("fatalities", sa.Integer),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("disputed", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("notes", sa.Text),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("episode", sa.JSON),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("codebook_version", sa.String(40)),
    )
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_table(
        "event_documents",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("document_id", sa.String(200), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_documents_document_id", "event_documents", ["document_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(300), primary_key=True),
        sa.Column("claimant", sa.String(300), nullable=False),
        sa.Column("claimant_kind", sa.String(20), nullable=False),
        sa.Column("via", sa.JSON, nullable=False),
        sa.Column("victims", sa.Text),
        sa.Column("victims_inferred", sa.Boolean, nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("low", sa.Integer),
        sa.Column("high", sa.Integer),
        sa.Column("vague", sa.Boolean, nullable=False),
        sa.Column("vague_term", sa.String(100)),
        sa.Column("document", sa.String(200), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
    )
    op.create_table(
        "event_claims",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("claim_id", sa.String(300), sa.ForeignKey("claims.id"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_claims_claim_id", "event_claims", ["claim_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("document", sa.String(200), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
    )
    op.create_index("ix_evidence_event_id", "evidence", ["event_id"])


def downgrade() -> None:
    for name in ("evidence", "event_claims", "claims", "event_documents", "events", "documents"):
        op.drop_table(name)
