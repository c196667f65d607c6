"""Shared fixtures: the bundled example reports, read and extracted once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogofwar.models import Document, ExtractionResult

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "tinzaouaten-2024-07-30.en.txt"


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    from fogofwar.cli import example_paths

    return example_paths()


@pytest.fixture(scope="session")
def example_docs(example_paths) -> list[Document]:
    from fogofwar.ingest import read_paths

    return read_paths([str(p) for p in example_paths])


@pytest.fixture(scope="session")
def example_result(example_docs) -> ExtractionResult:
    from fogofwar.pipeline import extract

    return extract(example_docs)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (it lives outside the repo, in ../shared)")
    return SEED


@pytest.fixture()
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture()
def kill_batch_after(monkeypatch):
    """Make the store die while writing its Nth event of a batch; returns a function that heals it."""
    from fogofwar.store import db as store_db

    real_insert = store_db._insert_event

    def arm(n: int):
        calls = {"n": 0}

        def failing_insert(conn, e, seq=None):
            calls["n"] += 1
            if calls["n"] == n:
                raise RuntimeError("killed mid-batch")
            return real_insert(conn, e, seq)

        monkeypatch.setattr(store_db, "_insert_event", failing_insert)
        return lambda: monkeypatch.setattr(store_db, "_insert_event", real_insert)

    return arm
