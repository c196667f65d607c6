"""``Store``: documents, events, claims and evidence in a SQL database (SQLite by default).

Writes are idempotent and crash-safe: a document already stored is skipped, and
each batch of documents is written in one transaction, so a batch killed half
way leaves nothing behind and running the same command again resumes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, or_, select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..ingest import parse_date
from ..merge import merge_events, same_event
from ..models import Claim, Document, Episode, Event, Evidence, ExtractionResult
from . import schema as t

MIGRATIONS = Path(__file__).parent / "migrations"

# Event fields kept in the events table as they are; the rest live in link tables.
LINKED = ("documents", "claims", "evidence")
SCALARS = tuple(f for f in Event.model_fields if f not in LINKED)


@dataclass
class IngestReport:
    """What one ``ingest`` did. ``events_written`` counts new events and merged ones."""

    new_documents: int = 0
    skipped_documents: int = 0
    events_written: int = 0
    events_merged: int = 0  # of events_written, how many were folded into a stored event

    def __add__(self, other: "IngestReport") -> "IngestReport":
        return IngestReport(
            self.new_documents + other.new_documents,
            self.skipped_documents + other.skipped_documents,
            self.events_written + other.events_written,
            self.events_merged + other.events_merged,
        )


def claim_id(c: Claim) -> str:
    """The claim's own id, else a stable hash of where and what it says."""
    if c.id:
        return c.id
    key = f"{c.document}|{c.start}|{c.end}|{c.claimant}|{c.outcome}|{c.low}|{c.high}|{c.victims}"
    return f"{c.document}:h{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), max(1, size)):
        yield items[i : i + size]


class Store:
    """A fogofwar database. Open with ``Store.open(url)``; migrations run on open."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str | None = None) -> "Store":
        """Open (creating if needed) the database at ``url`` and bring its tables up to date.

        ``url`` is a SQLAlchemy URL or a bare SQLite file path; ``None`` reads
        ``FOGOFWAR_DB``, else ``sqlite:///fogofwar.db``.
        """
        from ..settings import settings

        url = settings(url).db
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot use database URL {url!r}: {exc}") from None
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine)
        store.migrate()
        return store

    def migrate(self) -> None:
        """Run the Alembic migrations shipped in the package up to the newest one."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {self.engine.url!r}: {_reason(exc)}") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _tx(self, what: str) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{what} failed, nothing written: {_reason(exc)}") from None

    # -- documents -------------------------------------------------------------------------
    def has_document(self, id: str) -> bool:
        with self.engine.connect() as conn:
            return _has_document(conn, id)

    def documents(self) -> list[Document]:
        """All stored documents, with the text that evidence offsets index into."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents).order_by(t.documents.c.ingested_at, t.documents.c.id)).mappings()
            return [
                Document(**{k: r[k] for k in ("id", "text", "outlet", "url", "published", "lang", "title", "source_path")})
                for r in rows
            ]

    # -- writing ---------------------------------------------------------------------------
    def ingest(self, result: ExtractionResult) -> IngestReport:
        """Write an extraction result in ONE transaction: all of it, or nothing.

        Documents already stored are skipped, and so are events that only they
        support. Each new event is merged (``merge.same_event``/``merge_events``)
        with a stored event of the same day, place and actors, else inserted.
        """
        report = IngestReport()
        with self._tx("ingest") as conn:
            before = {d.id for d in result.documents if _has_document(conn, d.id)}
            now = dt.datetime.now(dt.timezone.utc)
            for d in result.documents:
                if d.id in before:
                    report.skipped_documents += 1
                    continue
                conn.execute(insert(t.documents).values(**_document_row(d), ingested_at=now))
                report.new_documents += 1
            for e in result.events:
                if e.documents and set(e.documents) <= before:
                    continue  # only already-stored documents support it: it is stored
                merged = _write_event(conn, e)
                report.events_written += 1
                report.events_merged += int(merged)
        return report

    def ingest_documents(
        self,
        documents: Iterable[Document],
        batch_size: int = 20,
        progress: Callable[[Document], None] | None = None,
    ) -> IngestReport:
        """Extract and store documents not stored yet, one transaction per batch of ``batch_size``.

        Extraction runs per document before each batch's transaction opens; the
        store merges events across documents as ``pipeline.extract`` would.
        """
        from ..pipeline import extract_document

        report = IngestReport()
        new: list[Document] = []
        seen: set[str] = set()
        for d in documents:
            if d.id in seen:
                continue
            seen.add(d.id)
            if self.has_document(d.id):
                report.skipped_documents += 1
                if progress:
                    progress(d)
            else:
                new.append(d)
        for batch in _chunks(new, batch_size):
            events: list[Event] = []
            for d in batch:
                events += extract_document(d)
                if progress:
                    progress(d)
            report = report + self.ingest(ExtractionResult(documents=batch, events=events))
        return report

    # -- reading ---------------------------------------------------------------------------
    def events(
        self,
        country: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        event_type: str | None = None,
    ) -> list[Event]:
        """Stored events, rebuilt with documents, claims and evidence, in (date, location, id) order.

        ``country`` matches the country name or ISO3 code, ``event_type`` the event
        or sub-event type (both case-insensitive); ``since``/``until`` are inclusive.
        """
        q = select(t.events)
        if country:
            q = q.where(or_(func.lower(t.events.c.country) == country.lower(), func.upper(t.events.c.iso3) == country.upper()))
        if since:
            q = q.where(t.events.c.event_date >= parse_date(since, "--since date"))
        if until:
            q = q.where(t.events.c.event_date <= parse_date(until, "--until date"))
        if event_type:
            et = event_type.lower()
            q = q.where(or_(func.lower(t.events.c.event_type) == et, func.lower(t.events.c.sub_event_type) == et))
        with self.engine.connect() as conn:
            evs = _load_events(conn, q)
        evs.sort(key=lambda e: (str(e.event_date), e.location or "", e.id))
        return evs

    def event_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.events)).scalar_one()


# -- helpers -----------------------------------------------------------------------------------


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).splitlines()[0]


def _has_document(conn: Connection, id: str) -> bool:
    return conn.execute(select(t.documents.c.id).where(t.documents.c.id == id)).first() is not None


def _document_row(d: Document) -> dict:
    return {k: getattr(d, k) for k in ("id", "text", "outlet", "url", "published", "lang", "title", "source_path")}


def _event_row(e: Event) -> dict:
    row = {f: getattr(e, f) for f in SCALARS}
    row["episode"] = e.episode.model_dump(mode="json") if e.episode else None
    return row


def _event_exists(conn: Connection, id: str) -> bool:
    return conn.execute(select(t.events.c.id).where(t.events.c.id == id)).first() is not None


def _candidates(conn: Connection, e: Event) -> list[Event]:
    q = select(t.events).where(t.events.c.event_type == e.event_type, t.events.c.background == e.background)
    q = q.where(t.events.c.event_date.is_(None) if e.event_date is None else t.events.c.event_date == e.event_date)
    return _load_events(conn, q.order_by(t.events.c.seq))


def _write_event(conn: Connection, e: Event) -> bool:
    """Insert ``e`` or merge it into the stored event it is the same as; True when merged."""
    for old in _candidates(conn, e):
        if same_event(old, e):
            merged = merge_events([old, e])[0]
            seq = _delete_event(conn, old.id)
            if merged.id != old.id and _event_exists(conn, merged.id):
                merged.id = old.id  # a different stored event has that key: keep the old id
            _insert_event(conn, merged, seq)
            return True
    if _event_exists(conn, e.id):
        existing = _load_events(conn, select(t.events).where(t.events.c.id == e.id))[0]
        if not set(existing.documents).isdisjoint(e.documents):
            return False  # the same document's event, written before
        n = 2
        while _event_exists(conn, f"{e.id}-{n}"):
            n += 1
        e = e.model_copy(update={"id": f"{e.id}-{n}"})
    _insert_event(conn, e)
    return False


def _delete_event(conn: Connection, id: str) -> int:
    seq = conn.execute(select(t.events.c.seq).where(t.events.c.id == id)).scalar_one()
    for table in (t.event_claims, t.event_documents, t.evidence):
        conn.execute(delete(table).where(table.c.event_id == id))
    conn.execute(delete(t.events).where(t.events.c.id == id))
    return seq


def _insert_event(conn: Connection, e: Event, seq: int | None = None) -> None:
    if seq is None:
        seq = (conn.execute(select(func.max(t.events.c.seq))).scalar() or 0) + 1
    conn.execute(insert(t.events).values(**_event_row(e), seq=seq))
    if e.documents:
        conn.execute(insert(t.event_documents), [{"event_id": e.id, "document_id": d, "position": i} for i, d in enumerate(e.documents)])
    if e.evidence:
        conn.execute(insert(t.evidence), [{"event_id": e.id, "position": i, **ev.model_dump()} for i, ev in enumerate(e.evidence)])
    links = []
    for i, c in enumerate(e.claims):
        cid = claim_id(c)
        if conn.execute(select(t.claims.c.id).where(t.claims.c.id == cid)).first() is None:
            conn.execute(insert(t.claims).values(**{**c.model_dump(), "id": cid}))
        if cid not in {x["claim_id"] for x in links}:
            links.append({"event_id": e.id, "claim_id": cid, "position": i})
    if links:
        conn.execute(insert(t.event_claims), links)


def _load_events(conn: Connection, query) -> list[Event]:
    rows = [dict(r) for r in conn.execute(query).mappings()]
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    docs: dict[str, list[str]] = {i: [] for i in ids}
    claims: dict[str, list[Claim]] = {i: [] for i in ids}
    evid: dict[str, list[Evidence]] = {i: [] for i in ids}
    for part in _chunks(ids, 500):
        for r in conn.execute(
            select(t.event_documents).where(t.event_documents.c.event_id.in_(part)).order_by(t.event_documents.c.event_id, t.event_documents.c.position)
        ).mappings():
            docs[r["event_id"]].append(r["document_id"])
        q = (
            select(t.event_claims.c.event_id, t.claims)
            .join(t.claims, t.claims.c.id == t.event_claims.c.claim_id)
            .where(t.event_claims.c.event_id.in_(part))
            .order_by(t.event_claims.c.event_id, t.event_claims.c.position)
        )
        for r in conn.execute(q).mappings():
            claims[r["event_id"]].append(Claim(**{k: r[k] for k in Claim.model_fields}))
        q = select(t.evidence).where(t.evidence.c.event_id.in_(part)).order_by(t.evidence.c.event_id, t.evidence.c.position)
        for r in conn.execute(q).mappings():
            evid[r["event_id"]].append(Evidence(**{k: r[k] for k in Evidence.model_fields}))
    out = []
    for r in rows:
        r.pop("seq")
        ep = r.pop("episode")
        out.append(Event(**r, episode=Episode.model_validate(ep) if ep else None, documents=docs[r["id"]], claims=claims[r["id"]], evidence=evid[r["id"]]))
    return out
