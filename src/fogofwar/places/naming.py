"""Place names as ACLED spells them (plain ASCII, a few renamed admin units), read from
``codebook/places/acled_names.yaml``. The gazetteer keeps its own spellings; only output is renamed."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import yaml

from ..codebook import codebook_dir


@lru_cache(maxsize=1)
def _renames() -> dict[str, dict[str, str]]:
    data = yaml.safe_load((codebook_dir() / "places" / "acled_names.yaml").read_text(encoding="utf-8"))
    return {k: dict(v or {}) for k, v in (data.get("rename") or {}).items()}


def ascii_fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def acled_name(name: str | None, level: str) -> str | None:
    """``level`` is admin1, admin2 or location."""
    if not name:
        return name
    name = _renames().get(level, {}).get(name, name)
    return ascii_fold(name)
