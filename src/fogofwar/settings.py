"""One settings object, read from the environment; command-line options override it."""

from __future__ import annotations

import os

from pydantic import BaseModel

DEFAULT_DB = "sqlite:///fogofwar.db"


def database_url(value: str | None) -> str:
    """A SQLAlchemy URL; a bare path (``events.db``) means a SQLite file."""
    if not value:
        return DEFAULT_DB
    return value if "://" in value else f"sqlite:///{value}"


class Settings(BaseModel):
    db: str = DEFAULT_DB

    @classmethod
    def from_env(cls) -> "Settings":
        """``FOGOFWAR_DB``: the database URL (default ``sqlite:///fogofwar.db`` in the current directory)."""
        return cls(db=database_url(os.environ.get("FOGOFWAR_DB")))


def settings(db: str | None = None) -> Settings:
    """The settings in force: ``db`` (from ``--db``) wins over ``FOGOFWAR_DB``, which wins over the default."""
    s = Settings.from_env()
    if db:
        s = s.model_copy(update={"db": database_url(db)})
    return s
