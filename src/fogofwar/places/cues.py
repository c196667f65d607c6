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
    role: str  # "event" | "motion" | "aside" (never the event's place: "la junte au pouvoir à Ouagadougou")
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
    unlisted_before: re.Pattern | None = None  # "aux abords de", "outside": a capitalised name after it is a place

    def unlisted_names(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Capitalised names right after a strong place cue in ``text[start:end]`` (known or not to the gazetteer)."""
        if self.unlisted_before is None:
            return []
        return [(m.start("name"), m.end("name"), m.group("name")) for m in self.unlisted_before.finditer(text, start, end)
                if not _SPOKEN_TO.search(text, max(0, m.start() - 30), m.start()) and not m.group("name").isupper()]

    def by_name(self, name: str | None) -> Cue | None:
        for c in self.cues:
            if c.name == name:
                return c
        return None

    @property
    def motion(self) -> frozenset[str]:
        """Names of the cues that say where someone went, not where something happened ("vers", "towards")."""
        return frozenset(c.name for c in self.cues if c.role in ("motion", "aside"))

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
        unlisted_before=_unlisted(d.get("unlisted_place_before") or []),
    )


# "a indiqué à Studio Tamani", "told Reuters": whom a source spoke to is no place (nor an acronym: "à RFI")
_SPOKEN_TO = re.compile(r"(?:dit|déclaré|indiqué|confié|affirmé|expliqué|précisé|raconté|ajouté|annoncé|told|said|says|spoke)\s*(?:-t-\w+\s*)?$", re.I)


def _unlisted(phrases: list[str]) -> re.Pattern | None:
    if not phrases:
        return None
    alt = "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split()) for p in sorted(phrases, key=len, reverse=True))
    # the cue in any case, the name capitalised: up to three words ("Kouka", "Tin Hama", "Diallassagou-Peul")
    return re.compile(rf"(?<![\w'’-])(?i:{alt})(?:\s+|(?<=['’]))(?P<name>[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){{0,2}})")
