"""Cue patterns (loaded from codebook/places/cues.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .gazetteer import data_path
from .normalize import name_key

WINDOW = 80  # characters of left context examined for a cue


@dataclass(frozen=True)
class Cue:
    name: str
    precision: int | None
    role: str  # "event" | "motion"
    before: tuple[re.Pattern, ...]
    after: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class CueBook:
    cues: tuple[Cue, ...]
    border_before: tuple[re.Pattern, ...]
    border_after: tuple[re.Pattern, ...]
    never_single: frozenset[str]
    never_names: frozenset[str]
    common_single: frozenset[str]
    common_min_population: int

    def by_name(self, name: str | None) -> Cue | None:
        for c in self.cues:
            if c.name == name:
                return c
        return None

    @property
    def motion(self) -> frozenset[str]:
        """Names of the cues that say where someone went, not where something happened ("vers", "towards")."""
        return frozenset(c.name for c in self.cues if c.role == "motion")

    def is_border(self, text: str, start: int, end: int) -> bool:
        """The words at ``text[start:end]`` name a border ("la frontière malienne", "the Malian border")."""
        left = text[max(0, start - WINDOW):start]
        right = text[end:end + 40]
        return any(p.search(right) for p in self.border_after) or any(p.search(left) for p in self.border_before)

    def classify(self, text: str, start: int, end: int) -> str | None:
        if self.is_border(text, start, end):
            return "border"
        left = text[max(0, start - WINDOW):start]
        right = text[end:end + 40]
        for c in self.cues:
            for p in c.before:
                if p.search(left):
                    return c.name
            for p in c.after:
                if p.search(right):
                    return c.name
        return None


def _compile(pats) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in (pats or []))


@lru_cache(maxsize=1)
def cuebook() -> CueBook:
    with data_path("cues.yaml").open(encoding="utf-8") as f:
        d = yaml.safe_load(f)
    cues = tuple(
        Cue(name=k, precision=v.get("precision"), role=v.get("role", "event"),
            before=_compile(v.get("before")), after=_compile(v.get("after")))
        for k, v in d["cues"].items()
    )
    b = d.get("border") or {}
    return CueBook(
        cues=cues,
        border_before=_compile(b.get("before")),
        border_after=_compile(b.get("after")),
        never_single=frozenset(name_key(str(w)) for w in d.get("never_single") or []),
        never_names=frozenset(name_key(str(w)) for w in d.get("never_names") or []),
        common_single=frozenset(name_key(str(w)) for w in d.get("common_single") or []),
        common_min_population=int(d.get("common_min_population", 100000)),
    )
