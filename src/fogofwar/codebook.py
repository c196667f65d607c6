"""Load and check the codebook: versioned data files in ``fogofwar/codebook/``.

Everything an analyst may want to read or extend (categories, actor aliases,
trigger words, vague quantities) lives in those files; this module only reads
them, checks them, and caches them per language. ``FOGOFWAR_CODEBOOK`` points
to a user copy of the folder to use instead of the shipped one.
"""

from __future__ import annotations

import re

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import CodebookError

SHIPPED = Path(__file__).parent / "codebook"
LANGS = ("en", "fr")


def codebook_dir() -> Path:
    return Path(os.environ.get("FOGOFWAR_CODEBOOK", SHIPPED))


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans only: in a lexicon, "no", "on" and "off" are words, not booleans."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _read(rel: str) -> Any:
    path = codebook_dir() / rel
    if not path.exists():
        raise CodebookError(f"codebook file missing: {path}")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - safe loader subclass
    except yaml.YAMLError as exc:
        raise CodebookError(f"codebook file {path} is not valid YAML: {exc}") from exc


@lru_cache(maxsize=1)
def version() -> str:
    return (codebook_dir() / "VERSION").read_text(encoding="utf-8").strip()


# --- event categories --------------------------------------------------------------------------


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    priority: int  # 1 = highest, the codebook's order
    definition: str


@dataclass(frozen=True)
class Categories:
    sub_types: dict[str, SubEventType]

    def get(self, name: str) -> SubEventType:
        try:
            return self.sub_types[name]
        except KeyError:
            raise CodebookError(f"unknown sub-event type {name!r}") from None

    def event_types(self) -> list[str]:
        seen: list[str] = []
        for s in self.sub_types.values():
            if s.event_type not in seen:
                seen.append(s.event_type)
        return seen


@lru_cache(maxsize=1)
def categories() -> Categories:
    data = _read("event_types.yaml")
    subs: dict[str, SubEventType] = {}
    rank = 0
    for et in data["event_types"]:
        for st in et["sub_event_types"]:
            rank += 1
            if st["name"] in subs:
                raise CodebookError(f"sub-event type {st['name']!r} listed twice")
            subs[st["name"]] = SubEventType(st["name"], et["name"], et["disorder_type"], rank, st.get("definition", ""))
    if len(subs) != 25:
        raise CodebookError(f"expected ACLED's 25 sub-event types, found {len(subs)}")
    return Categories(subs)


# --- actors ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatedName:
    name: str
    start: dt.date | None
    end: dt.date | None


def _name_in_force(names: tuple[DatedName, ...], day: dt.date | None) -> str:
    if day is not None:
        for n in names:
            if (n.start is None or n.start <= day) and (n.end is None or day <= n.end):
                return n.name
        # before the first or after the last dated name: nearest one
        if names[0].start and day < names[0].start:
            return names[0].name
    return names[-1].name


@dataclass(frozen=True)
class ActorEntry:
    id: str
    inter: int
    country: str | None
    kind: str | None
    names: tuple[DatedName, ...]
    aliases: dict[str, tuple[str, ...]]
    acronyms: tuple[str, ...]
    # a name that means a different actor by country ("Islamic State" in Mali is the Sahel Province): country -> id
    by_country: tuple[tuple[str, str], ...] = ()

    def name_on(self, day: dt.date | None) -> str:
        """The canonical name in force on ``day`` (the latest one when the day is unknown)."""
        return _name_in_force(self.names, day)

    def all_names(self) -> set[str]:
        return {n.name for n in self.names}


@dataclass(frozen=True)
class GenericEntry:
    kind: str
    fallback: str
    inter: int
    words: dict[str, tuple[str, ...]]
    # the event's country -> the dated names that stand in for the fallback there (Russian forces in Mali: Wagner)
    fallback_by_country: dict[str, tuple[DatedName, ...]] = field(default_factory=dict)

    def fallback_in(self, country: str | None, day: dt.date | None) -> str | None:
        names = self.fallback_by_country.get(country or "")
        return _name_in_force(names, day) if names else None


@dataclass(frozen=True)
class ActorRegistry:
    actors: tuple[ActorEntry, ...]
    generic: tuple[GenericEntry, ...]
    demonyms: dict[str, dict[str, dict[str, str]]]
    by_id: dict[str, ActorEntry] = field(default_factory=dict)
    forces_of: dict[str, str] = field(default_factory=dict)  # "United States" -> "the United States"

    def by_name(self, name: str) -> ActorEntry | None:
        for a in self.actors:
            if name in a.all_names():
                return a
        return None

    def state_military(self, country: str | None) -> ActorEntry | None:
        for a in self.actors:
            if a.kind == "state_military" and a.country == country:
                return a
        return None

    def inter_of(self, name: str) -> int | None:
        entry = self.by_name(name)
        if entry:
            return entry.inter
        for g in self.generic:
            prefix = g.fallback.split("{")[0]
            if prefix and name.startswith(prefix):
                return g.inter
        return None


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


@lru_cache(maxsize=1)
def actor_registry() -> ActorRegistry:
    """actors.yaml (the Sahel, curated) and actors_world.yaml (the most reported groups elsewhere), plus
    generic words and demonyms (generic.yaml, then demonyms.yaml for every other country)."""
    records = list(_read("actors.yaml")["actors"])
    forces_of: dict[str, str] = {}
    if (codebook_dir() / "demonyms.yaml").exists():
        forces_of = {c["country"]: c["forces_of"] for c in _read("demonyms.yaml").get("countries") or [] if c.get("forces_of")}
    if (codebook_dir() / "actors_world.yaml").exists():
        world = _read("actors_world.yaml")
        records += world.get("actors") or []
        curated = {a.get("country") for a in records if a.get("kind") == "state_military"}
        for sf in world.get("state_forces") or []:
            country = sf["country"]
            if country in curated:
                continue
            names = list(sf["names"])
            first = _date(names[0].get("from"))
            if first is not None:  # before ACLED's first dated name: the plain template
                names.insert(0, {"name": f"Military Forces of {forces_of.get(country, country)}", "to": first - dt.timedelta(days=1)})
            records.append({"id": f"state.{country}", "inter": 1, "country": country, "kind": "state_military", "names": names})
    actors = []
    seen: set[str] = set()
    for a in records:
        if a["id"] in seen:
            raise CodebookError(f"actor id {a['id']!r} is defined twice")
        seen.add(a["id"])
        names = tuple(DatedName(n["name"], _date(n.get("from")), _date(n.get("to"))) for n in a["names"])
        if not names:
            raise CodebookError(f"actor {a['id']} has no name")
        if a["inter"] not in range(1, 9):
            raise CodebookError(f"actor {a['id']} has inter {a['inter']}, expected 1-8")
        aliases = {lang: tuple(v or ()) for lang, v in (a.get("aliases") or {}).items()}
        by_country = tuple((str(k), str(v)) for k, v in (a.get("by_country") or {}).items())
        actors.append(ActorEntry(a["id"], a["inter"], a.get("country"), a.get("kind"), names, aliases, tuple(a.get("acronyms") or ()), by_country))
    gdata = _read("generic.yaml")
    generic = tuple(
        GenericEntry(g["kind"], g["fallback"], g["inter"], {lang: tuple(g.get(lang) or ()) for lang in LANGS},
                     {c: tuple(DatedName(n["name"], _date(n.get("from")), _date(n.get("to"))) for n in names)
                      for c, names in (g.get("fallback_by_country") or {}).items()})
        for g in gdata["generic"]
    )
    demonyms: dict[str, dict[str, dict[str, str]]] = {lang: {} for lang in LANGS}
    if (codebook_dir() / "demonyms.yaml").exists():
        for c in _read("demonyms.yaml").get("countries") or []:
            for lang in LANGS:
                for word in c.get(lang) or ():
                    demonyms[lang].setdefault(str(word), {"country": c["country"]})
    for lang, table in (gdata.get("demonyms") or {}).items():  # the curated Sahel table wins
        demonyms.setdefault(lang, {}).update(table)
    reg = ActorRegistry(tuple(actors), generic, demonyms, forces_of=forces_of)
    reg.by_id.update({a.id: a for a in actors})
    for a in actors:
        for country, target in a.by_country:
            if target not in reg.by_id:
                raise CodebookError(f"actor {a.id}: by_country {country} names unknown actor {target!r}")
    return reg


# --- per-language lexicons ---------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Everything language-specific the stages need, read from the codebook for one language."""

    lang: str
    triggers: list[dict[str, Any]]
    cues: dict[str, list[str]]
    claims: dict[str, Any]
    dates: dict[str, Any]
    vague: dict[str, dict[str, Any]]
    modifiers: dict[str, list[str]]


def phrase_alternation(phrases, gap: str) -> str:
    """A regex alternation of lexicon phrases, longest first, with ``gap`` between their words (what may stand
    inside a phrase: an adverb in "fait également état", a quote in "porté « disparu »", a date in
    "tombée mardi dans une embuscade")."""
    # (ties in length in a fixed order: a set's order changes with every run's hash seed)
    return "|".join(gap.join(re.escape(w) for w in p.split()) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))


@lru_cache(maxsize=len(LANGS))
def lexicon(lang: str) -> Lexicon:
    if lang not in LANGS:
        raise CodebookError(f"no lexicon for language {lang!r} (have: {', '.join(LANGS)})")
    trig = _read(f"triggers/{lang}.yaml")
    q = _read(f"quantities/{lang}.yaml")
    cats = categories()
    for t in trig["triggers"]:
        if "sub_event_type" in t:
            cats.get(t["sub_event_type"])
        elif t.get("resolve") not in {"violence", "territory", "protest"}:
            raise CodebookError(f"trigger entry without sub_event_type or known resolve rule: {t}")
    return Lexicon(
        lang=lang,
        triggers=trig["triggers"],
        cues=trig.get("cues", {}),
        claims=_read(f"claims/{lang}.yaml"),
        dates=_read(f"dates/{lang}.yaml"),
        vague=q.get("vague", {}),
        modifiers=q.get("modifiers", {}),
    )
