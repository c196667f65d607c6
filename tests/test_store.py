"""The store on real SQLite files and real documents: idempotent, crash-safe, lossless."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select

from fogofwar.errors import StoreError
from fogofwar.models import Event, ExtractionResult
from fogofwar.pipeline import extract
from fogofwar.store import IngestReport, Store
from fogofwar.store import db as store_db
from fogofwar.store import schema as t


def _snapshot(store: Store) -> list[dict]:
    return [e.model_dump(mode="json") for e in store.events()]


def test_open_runs_migrations_and_creates_tables(db_url):
    with Store.open(db_url) as store:
        names = set(inspect(store.engine).get_table_names())
    assert {"documents", "events", "event_documents", "claims", "event_claims", "evidence", "alembic_version"} <= names


def test_migrations_match_the_table_metadata(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with Store.open(db_url) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert diff == []


def test_reopen_is_a_no_op(db_url, example_result):
    with Store.open(db_url) as store:
        store.ingest(example_result)
        before = _snapshot(store)
    with Store.open(db_url) as store:
        assert _snapshot(store) == before


def test_every_event_field_is_stored():
    stored = set(store_db.SCALARS) | set(store_db.LINKED)
    assert stored == set(Event.model_fields), "an Event field is not stored: add a column and a migration"
    columns = {c.name for c in t.events.columns} - {"seq"}
    assert columns == set(store_db.SCALARS)


def test_round_trip_is_lossless(db_url, example_result):
    with Store.open(db_url) as store:
        store.ingest(example_result)
        assert store.events() == sorted(example_result.events, key=lambda e: (str(e.event_date), e.location or "", e.id))
        assert {d.id: d for d in store.documents()} == {d.id: d for d in example_result.documents}


def test_evidence_and_claim_quotes_index_the_stored_text(db_url, example_result):
    with Store.open(db_url) as store:
        store.ingest(example_result)
        texts = {d.id: d.text for d in store.documents()}
        evs = store.events()
    assert evs and any(e.claims for e in evs)
    for e in evs:
        for span in [*e.evidence, *e.claims]:
            assert texts[span.document][span.start : span.end] == span.quote


def test_same_documents_twice_are_stored_once(db_url, example_docs):
    with Store.open(db_url) as store:
        first = store.ingest_documents(example_docs)
        snap = _snapshot(store)
        second = store.ingest_documents(example_docs)
        assert first.new_documents == len(example_docs) and first.events_written > 0
        assert second == IngestReport(new_documents=0, skipped_documents=len(example_docs), events_written=0)
        assert _snapshot(store) == snap
        assert len(store.documents()) == len(example_docs)
        assert all(store.has_document(d.id) for d in example_docs)


def test_ingesting_the_same_result_twice_changes_nothing(db_url, example_result):
    with Store.open(db_url) as store:
        store.ingest(example_result)
        snap = _snapshot(store)
        again = store.ingest(example_result)
        assert again.new_documents == 0 and again.events_written == 0
        assert _snapshot(store) == snap


def test_store_merges_like_extract(db_url, example_docs, example_result):
    """One document per transaction, merged in the store, gives what extract merges in memory."""
    with Store.open(db_url) as store:
        report = store.ingest_documents(example_docs, batch_size=1)
        assert store.events() == example_result.events
    assert report.events_merged > 0  # the English and French Tinzaouaten reports share events


def test_claims_are_stored_once_and_linked_to_several_events(db_url, example_result):
    with Store.open(db_url) as store:
        store.ingest(example_result)
        with store.engine.connect() as conn:
            claims = conn.execute(select(t.claims.c.id)).scalars().all()
            links = conn.execute(select(t.event_claims.c.claim_id)).scalars().all()
    assert len(claims) == len(set(claims))
    assert set(links) == set(claims)
    distinct = {c.id for e in example_result.events for c in e.claims}
    assert len(claims) == len(distinct)


def test_a_failure_mid_batch_leaves_nothing_and_rerun_resumes(db_url, example_docs, kill_batch_after):
    clean_url = db_url.replace("test.db", "clean.db")
    with Store.open(clean_url) as clean:
        clean.ingest_documents(example_docs)
        expected = _snapshot(clean)

    with Store.open(db_url) as store:
        heal = kill_batch_after(3)  # the batch has written two events when it dies
        with pytest.raises(RuntimeError):
            store.ingest_documents(example_docs, batch_size=len(example_docs))
        assert store.events() == [] and store.documents() == []
        heal()
        store.ingest_documents(example_docs)
        assert _snapshot(store) == expected


def test_a_failed_later_batch_keeps_earlier_batches(db_url, example_docs, monkeypatch):
    real_ingest = Store.ingest
    calls = {"n": 0}

    def dying_ingest(self, result):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("killed in batch 2")
        return real_ingest(self, result)

    with Store.open(db_url) as store:
        monkeypatch.setattr(Store, "ingest", dying_ingest)
        with pytest.raises(RuntimeError):
            store.ingest_documents(example_docs, batch_size=2)
        assert len(store.documents()) == 2
        monkeypatch.setattr(Store, "ingest", real_ingest)
        report = store.ingest_documents(example_docs, batch_size=2)
        assert report.skipped_documents == 2 and report.new_documents == len(example_docs) - 2
        assert store.events() == extract(example_docs).events


def test_a_database_error_rolls_back_the_whole_result(db_url, example_result):
    """An event citing a document that is in neither the result nor the store breaks the foreign key."""
    bad = example_result.events[-1].model_copy(update={"id": "FOW-bad", "documents": ["doc-missing"], "event_date": None})
    result = ExtractionResult(documents=example_result.documents, events=[*example_result.events, bad])
    with Store.open(db_url) as store:
        with pytest.raises(StoreError, match=r"\[F300\] ingest failed, nothing written"):
            store.ingest(result)
        assert store.events() == [] and store.documents() == []


def test_filters(db_url, example_result):
    with Store.open(db_url) as store:
        store.ingest(example_result)
        every = store.events()
        countries = {e.country for e in every if e.country}
        assert len(countries) >= 2  # Mali and Burkina Faso
        for c in countries:
            got = store.events(country=c)
            assert got and all(e.country == c for e in got)
            iso = got[0].iso3
            assert store.events(country=iso.lower()) == [e for e in every if e.iso3 == iso]
        assert all(e.event_date and e.event_date.year >= 2024 for e in store.events(since="2024-01-01"))
        assert all(e.event_date and e.event_date.year <= 2021 for e in store.events(until="2021-12-31"))
        battles = store.events(event_type="battles")
        assert battles and all(e.event_type == "Battles" for e in battles)
        assert store.events(country="Atlantis") == []


def test_bad_urls_are_store_errors(tmp_path):
    with pytest.raises(StoreError):
        Store.open("nosuchdialect://x")
    with pytest.raises(StoreError):
        Store.open(f"sqlite:///{tmp_path}/missing-dir/x.db")


def test_bare_path_means_sqlite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store.open("plain.db") as store:
        assert store.engine.url.drivername == "sqlite"
    assert (tmp_path / "plain.db").exists()
    monkeypatch.setenv("FOGOFWAR_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with Store.open(None):
        pass
    assert (tmp_path / "env.db").exists()
