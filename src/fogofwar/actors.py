"""Actors: find actor mentions in a text and resolve them through the registry.

A mention is either specific (an alias or acronym of a registry actor) or
generic ("the jihadists", "Russian", "gunmen", "villagers"). Generic mentions
resolve to the nearest specific actor of the same kind in the document, else to
the registry's fallback ("Unidentified Armed Group (Mali)"), which needs the
event's country and is named at assembly time (``name_actor``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .codebook import ActorEntry, ActorRegistry, GenericEntry, actor_registry
from .models import Actor

_POSS = r"(?:['’]s)?"
_NOT_CIVILIAN = re.compile(r"\s+(?:militias?|auxiliar(?:y|ies)|volunteers?|self-defen[cs]e|defen[cs]e|guards?|joint task force|milices?|supplétifs?"
                           r"|of\s+the\s+(?:vehicle|car|truck)|du\s+véhicule)\b", re.I)  # "the driver of the vehicle" (a car bomb's) is no civilian


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    entry: ActorEntry | None  # specific actor (given, or resolved from a generic word)
    generic: GenericEntry | None  # the generic word's class, when the text was generic
    country: str | None = None  # from a demonym ("Malian soldiers")

    @property
    def kind(self) -> str | None:
        if self.entry is not None:
            return self.entry.kind
        return self.generic.kind if self.generic else None

    @property
    def key(self) -> str:
        """Identity used to group mentions: the registry id, else the generic class + country."""
        if self.entry is not None:
            return self.entry.id
        # generic words that fall back to the same ACLED template are the same actor ("gunmen", "jihadists")
        return f"generic:{self.generic.fallback if self.generic else '?'}:{self.country or ''}"


@dataclass(frozen=True)
class _Matchers:
    specific: re.Pattern
    acronyms: re.Pattern
    generic: re.Pattern
    demonym: re.Pattern
    alias_to_entry: dict[str, ActorEntry]
    acronym_to_entry: dict[str, ActorEntry]
    word_to_generic: dict[str, GenericEntry]
    demonyms: dict[str, dict]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _fold(s: str) -> str:
    """Lookup key: French web copy often drops the accent of a capital ("Etat-major", "Etat islamique")."""
    return s.lower().replace("é", "e")


def _alt_folded(words) -> str:
    """An alternation of folded words where a bare "e" also matches "é" (used with re.I, so "É" and "E" too)."""
    return "|".join(re.escape(w).replace("e", "[eé]") for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=4)
def _matchers(lang: str) -> _Matchers:
    reg = actor_registry()
    alias_to_entry: dict[str, ActorEntry] = {}
    acronym_to_entry: dict[str, ActorEntry] = {}
    for a in reg.actors:
        for lang_aliases in a.aliases.values():  # an English name in a French report still names the actor
            for alias in lang_aliases:
                alias_to_entry.setdefault(_fold(alias), a)
        for n in a.all_names():
            alias_to_entry.setdefault(_fold(n), a)
        for acr in a.acronyms:
            acronym_to_entry.setdefault(acr, a)
    word_to_generic: dict[str, GenericEntry] = {}
    for g in reg.generic:
        for w in g.words.get(lang, ()):
            word_to_generic.setdefault(_fold(w), g)
    demonyms = reg.demonyms.get(lang, {})
    force_words = [w for g in reg.generic if g.kind == "state_military" for w in g.words.get(lang, ())]
    # nouns after a demonym that mean that country's forces ("Afghan forces", "Israeli airstrikes", "frappes israéliennes")
    force_words += ["convoy", "column", "contractors", "mercenaries", "allies", "military column", "army column", "forces", "police", "navy",
                    "airstrikes", "air strikes", "airstrike", "air strike", "warplanes", "jets", "fighter jets", "drones", "helicopters", "artillery",
                    "shelling", "gunboats", "commandos", "special forces"] if lang == "en" else [
        "convoi", "colonne", "mercenaires", "alliés", "forces", "police", "marine", "frappes", "frappes aériennes", "avions", "drones",
        "hélicoptères", "artillerie", "bombardements", "commandos", "forces spéciales"]
    dem = _alt(demonyms)
    if lang == "en":
        demonym_re = rf"(?<![\w-])(?P<d1>{dem})(?:(?:-|\s+and\s+)(?P<d2>{dem}))?\s+(?:[a-z]+\s+)?(?P<noun>{_alt(force_words)})(?![\w-])"
    else:
        demonym_re = rf"(?<![\w-])(?P<noun>{_alt(force_words)})\s+(?P<d1>{dem})(?:(?:-|\s+et\s+)(?P<d2>{dem}))?(?![\w-])"  # "militaires russes et maliens"
    return _Matchers(
        specific=re.compile(rf"(?<![\w-])(?:{_alt_folded(alias_to_entry)}){_POSS}(?![\w-])", re.I),
        acronyms=re.compile(rf"(?<![\w-])(?:{_alt(acronym_to_entry)}){_POSS}(?![\w-])"),
        generic=re.compile(rf"(?<![\w-])(?:{_alt_folded(word_to_generic)})(?![\w-])", re.I),
        demonym=re.compile(demonym_re, re.I if lang == "fr" else 0),
        alias_to_entry=alias_to_entry,
        acronym_to_entry=acronym_to_entry,
        word_to_generic=word_to_generic,
        demonyms={k.lower(): v for k, v in demonyms.items()},
    )


def _strip_poss(s: str) -> str:
    return re.sub(r"['’]s$", "", s)


_PERSONS_OF_BOTH = re.compile(r"\b(?:personnes|victimes|blessés|morts|pertes)\s+civiles?\s+et\s+$|\bcivilian\s+and\s+$|\bciviles?\s+et\s+$", re.I)


def find_actors(text: str, lang: str) -> list[ActorMention]:
    """Every actor mention in the text, longest match first, generic ones resolved where the text allows."""
    m = _matchers(lang)
    reg = actor_registry()
    cands: list[tuple[int, int, int, ActorMention]] = []  # (start, -length, priority, mention)
    for hit in m.specific.finditer(text):
        entry = m.alias_to_entry[_fold(_strip_poss(hit.group(0)))]
        cands.append((hit.start(), -(hit.end() - hit.start()), 0, ActorMention(hit.start(), hit.end(), hit.group(0), entry, None)))
    for hit in m.acronyms.finditer(text):
        entry = m.acronym_to_entry[_strip_poss(hit.group(0))]
        cands.append((hit.start(), -(hit.end() - hit.start()), 0, ActorMention(hit.start(), hit.end(), hit.group(0), entry, None)))
    for hit in m.demonym.finditer(text):
        for key in ("d1", "d2"):
            d = hit.group(key)
            if not d:
                continue
            info = m.demonyms.get(d.lower(), {})
            kinds = [info.get("kind") or "state_military"] + ([info["also"]] if info.get("also") else [])
            for kind in kinds:
                g = next((g for g in reg.generic if g.kind == kind), None)
                entry = reg.state_military(info.get("country")) if kind == "state_military" else None
                cands.append((hit.start(), -(hit.end() - hit.start()), 1,
                              ActorMention(hit.start(), hit.end(), hit.group(0), entry, g, info.get("country"))))
    for hit in m.generic.finditer(text):
        g = m.word_to_generic[_fold(hit.group(0))]
        if g.kind == "civilians" and _NOT_CIVILIAN.match(text, hit.end()):
            continue  # "a civilian militia", "civilian auxiliaries" are armed
        if g.kind == "state_military" and _PERSONS_OF_BOTH.search(text, max(0, hit.start() - 40), hit.start()):
            continue  # "blessant plusieurs personnes civiles et militaires", "civilian and military casualties": a kind of person
        cands.append((hit.start(), -(hit.end() - hit.start()), 2, ActorMention(hit.start(), hit.end(), hit.group(0), None, g)))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[ActorMention] = []
    taken_until = -1
    taken_span: tuple[int, int] | None = None
    for start, _neg, _prio, mention in cands:
        if start < taken_until:
            # a second actor from the same demonym match ("Russian-Malian convoy", "French and Malian forces") shares the span
            if taken_span == (mention.start, mention.end) and chosen and chosen[-1].generic and mention.generic and chosen[-1].key != mention.key:
                chosen.append(mention)
            continue
        chosen.append(mention)
        taken_until = mention.end
        taken_span = (mention.start, mention.end)
    return _own_fighters(_resolve_generic(_absorb_heads(chosen, text), text), text)


# "le CSP-DPA ... Son porte-parole affirme que ses combattants ont tué", "JNIM said its fighters killed": a party's own men
# (as the subject of a verb: "of its fighters", "parmi ses hommes" count the dead, which the claims stage reads)
_OWN_FIGHTERS = re.compile(r"(?<!\bof )(?<!\bde )(?<!\bparmi )(?<!\bamong )\b(?:ses|leurs|its|their)\s+(?:propres\s+|own\s+)?"
                           r"(?:combattants|hommes|éléments|moudjahidines|fighters|men|mujahideen)"
                           r"(?=\s+(?:ont|avaient|avait|auraient|have|had|has|were|would|[\w-]+ed)\b)", re.I)
# "al Qaeda's affiliate", "al Qaeda-linked", "lié à Al-Qaïda": a name that only describes another group
_DESCRIBES_AFTER = re.compile(r"(?:(?:['’]s)?\s+(?:\w+\s+)?(?:affiliate|branch|franchise)|-(?:linked|affiliated|allied|backed|aligned|inspired))\b", re.I)
_DESCRIBED_BEFORE = re.compile(r"(?:\blinked\s+to|\baffiliated\s+(?:to|with)|\baffiliate\s+of|\blié(?:e|s|es)?\s+à|\baffilié(?:e|s|es)?\s+à|\bproches?\s+d['’e]\s*|\b(?:branche|filiale|franchise|émanation|aile|branch|wing|offshoot)\s+(?:[\w-]+\s+)?(?:d['’]|de\s+|of\s+))\s*(?:the\s+|l['’]|la\s+|le\s+)?"
                               r"(?:[^,.;]{0,40}\s(?:et|and)\s+(?:à\s+|au\s+|aux\s+|to\s+)?(?:the\s+|l['’]|la\s+|le\s+)?(?:groupe\s+|group\s+)?)?$", re.I)  # "affiliés à l'État islamique et à Al-Qaïda", "... et au groupe État islamique"


def _describes(m: ActorMention, text: str) -> bool:
    """"JNIM, lié à Al-Qaïda", "al Qaeda's affiliate": a name that only describes another group is nobody's referent."""
    return bool(text) and (bool(_DESCRIBES_AFTER.match(text, m.end)) or bool(_DESCRIBED_BEFORE.search(text[max(0, m.start - 70) : m.start])))


def _own_fighters(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """A possessive before a word for fighters names the party named last before it (within a few sentences)."""
    out = list(mentions)
    for hit in _OWN_FIGHTERS.finditer(text):
        if any(m.start < hit.end() and hit.start() < m.end for m in mentions):
            continue
        owner = next((m for m in reversed(mentions) if m.end <= hit.start() and hit.start() - m.end <= 250 and m.entry is not None
                      and m.generic is None and m.kind not in ("civilians", "protesters", "rioters", "aid") and not _describes(m, text)), None)
        if owner is not None:
            out.append(ActorMention(hit.start(), hit.end(), hit.group(0), owner.entry, None, owner.country))
    return sorted(out, key=lambda m: m.start)


def _absorb_heads(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """"FAMa soldiers", "JNIM fighters": a generic head noun right after a named actor is that actor."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.entry is not None and prev.generic is None and m.entry is None and m.generic is not None
                and m.generic.kind in ("state_military", "russian_forces", "jihadist", "separatist", "unidentified")
                and text[prev.end : m.start].strip() == ""):
            out[-1] = replace(prev, end=m.end, text=text[prev.start : m.end])
            continue
        if (prev is not None and prev.entry is None and prev.generic is not None and m.entry is not None and m.generic is None
                and prev.generic.kind in ("state_military", "russian_forces", "jihadist", "separatist", "unidentified", "communal_militia")
                and _OF_GROUP.fullmatch(text[prev.end : m.start])):  # ("les miliciens de Dan Na Ambassagou")
            out[-1] = replace(m, start=prev.start, text=text[prev.start : m.end])  # "les jihadistes de l'État islamique", "fighters of JNIM"
            continue
        out.append(m)
    return out


_OF_GROUP = re.compile(r"\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|d['’]|de\s+|of\s+(?:the\s+)?|from\s+(?:the\s+)?)", re.I)
# "the attackers, Dozo hunters according to witnesses": an apposition that names the generic actor before it
_DESCRIBED_AFTER_NAME = re.compile(r"\)?\s*,\s*(?:a|an|un|une)\s+(?:[\w'’-]+\s+){0,2}", re.I)
_APPOSITION = re.compile(r"\s*,\s*(?:(?:des|les|un|une|de|d['’]|the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}", re.I)


# "people", "personnes": civilians only by default; a named side or a list after "dont" says who they were
_PEOPLE_WORDS = frozenset({"people", "persons", "personnes", "gens"})


def is_people(a: ActorMention) -> bool:
    """A bare "people"/"personnes", read as civilians only for want of better."""
    return a.entry is None and a.generic is not None and a.generic.kind == "civilians" and a.text.lower() in _PEOPLE_WORDS


# a list that counts its members ("dont dix-neuf gendarmes et un civil") rather than naming some ("including some militiamen")
_COUNTED = re.compile(r"\d|\b(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|one|two|three|four|five|seven|eight|nine|ten)\b", re.I)
# where such a list ends: a sentence's pause, or a comma that no further member follows (", et 50 terroristes")
_LIST_END = re.compile(r"[.;]|,\s+(?!\d|(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\b)")


def list_members(text: str, start: int, stop_until: int, default_end: int, actors: list[ActorMention],
                 people: list[ActorMention]) -> list[ActorMention]:
    """Who "people" were, from the list after "dont"/"including" that starts at ``start``: counted ("dont dix-neuf
    gendarmes et un civil") the list is all of them; vague ("including some militiamen") it adds to the people.
    The list ends at its first pause before ``stop_until``, else at ``default_end``."""
    stop = _LIST_END.search(text, start, stop_until)
    end = stop.start() if stop else default_end
    listed = [a for a in actors if start <= a.start < end]
    if not listed:
        return people
    return listed if _COUNTED.search(text, start, end) else people + listed


def is_state_force(m: ActorMention) -> bool:
    """A registry actor coded as state forces (ACLED inter 1); ``events.roles.in_state_camp`` adds their allies."""
    return m.entry is not None and m.entry.inter == 1


def named_in_apposition(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """Named actors that stand in apposition to unnamed attackers: "les assaillants, des chasseurs dozos, ..."."""
    return [b for a, b in zip(mentions, mentions[1:])
            if a.generic is not None and a.generic.kind in ("unidentified", "jihadist") and b.entry is not None and b.generic is None
            and not is_state_force(b) and _APPOSITION.fullmatch(text[a.end : b.start])
            and not _DESCRIBED_BEFORE.search(text[max(0, b.start - 60) : b.start])]  # not "terroristes, affiliés à Al-Qaïda"


# "ses « soldats »", "its fighters": a group's own men, not the state's
_POSSESSIVE_BEFORE = re.compile(r"\b(?:ses|leurs|its|their)\s*[\"«“]?\s*$", re.I)


# "the rebels" may name a separatist movement or another rebel group
# ("a French soldier": France's forces, coded in the registry as a foreign military)
_KIND_FAMILY = {"separatist": {"separatist", "rebel"}, "state_military": {"state_military", "foreign_military"}}
_STATE_KINDS = frozenset({"state_military", "state_police", "government"})


def _resolve_generic(mentions: list[ActorMention], text: str = "") -> list[ActorMention]:
    """Give generic mentions the nearest specific actor of their kind: the last one before, else the first after.

    State forces are the exception: "the army", "the convoy" mean the army the report is about (the state
    military named most often), not whichever army was named last ("the Algerian army then closed the border").
    """
    counts: dict[str, int] = {}
    for m in mentions:
        if m.entry is not None and m.entry.kind == "state_military" and (m.generic is None or m.country is not None):
            counts[m.entry.id] = counts.get(m.entry.id, 0) + 1  # named ("FAMa") or by demonym ("Niger's armed forces")
    dominant = max(counts, key=lambda k: counts[k]) if counts else None
    reg = actor_registry()
    out = []
    for i, m in enumerate(mentions):
        if m.entry is not None or m.generic is None:
            out.append(m)
            continue
        if m.generic.kind == "state_military" and m.country is None:
            owner = next((p for p in reversed(out[max(0, i - 3) : i]) if p.entry is not None and p.entry.kind in ("jihadist", "separatist", "rebel")
                          and m.start - p.end < 80), None) if _POSSESSIVE_BEFORE.search(text[max(0, m.start - 12) : m.start]) else None
            if owner is not None:
                out.append(replace(m, entry=owner.entry, generic=None))  # "l'État islamique affirme que ses « soldats » ont tué"
                continue
            out.append(replace(m, entry=reg.by_id[dominant]) if dominant else m)
            continue
        target = None
        prev = out[-1] if out else None
        if (prev is not None and prev.entry is not None and prev.generic is None and m.generic.kind not in ("civilians",)
                # not "indique la Dirpa, un regroupement de terroristes"
                and (is_state_force(prev) or prev.entry.kind == "foreign_military") == (m.generic.kind in _STATE_KINDS)
                and _DESCRIBED_AFTER_NAME.fullmatch(text[prev.end : m.start])):
            out.append(replace(m, entry=prev.entry))  # "the VDP, a civilian militia that fights alongside the army": the VDP again
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (m.generic.kind in ("unidentified", "jihadist") and nxt is not None and nxt.entry is not None and not is_state_force(nxt)
                and _APPOSITION.fullmatch(text[m.end : nxt.start])):
            out.append(replace(m, entry=nxt.entry))  # "les assaillants, des chasseurs traditionnels dozos, ...": named in apposition
            continue
        kinds = _KIND_FAMILY.get(m.generic.kind, {m.generic.kind})
        for prev in reversed(mentions[:i]):
            if prev.entry is not None and prev.entry.kind in kinds and (m.country is None or prev.entry.country in (None, m.country)) and not _describes(prev, text):
                target = prev.entry
                break
        if target is None:
            for nxt in mentions[i + 1 :]:
                if nxt.entry is not None and nxt.entry.kind in kinds and (m.country is None or nxt.entry.country in (None, m.country)) and not _describes(nxt, text):
                    target = nxt.entry
                    break
        out.append(replace(m, entry=target) if target is not None else m)
    return out


def name_actor(mention: ActorMention, day: dt.date | None, country: str | None, registry: ActorRegistry | None = None) -> Actor:
    """The canonical actor for a mention on an event's date and in its country."""
    reg = registry or actor_registry()
    if (mention.entry is not None and mention.generic is not None and mention.country is None and country
            and mention.generic.kind in ("state_military", "state_police", "government") and mention.entry.country not in (None, country)):
        # "l'armée", "les soldats" of an event in Burkina Faso are Burkina's, even when the report named Mali's army more
        # often (the dominant army is only a guess made before the event's place was known)
        own = next((a for a in reg.actors if a.kind == mention.entry.kind and a.country == country), None)
        if own is not None:
            return Actor(name=own.name_on(day), inter=own.inter, country=own.country, kind=own.kind)
    if mention.entry is not None:
        return Actor(name=mention.entry.name_on(day), inter=mention.entry.inter, country=mention.entry.country, kind=mention.entry.kind)
    g = mention.generic
    where = mention.country or country
    if g is not None and g.kind in ("state_military", "state_police", "government"):
        entry = next((a for a in reg.actors if a.kind == g.kind and a.country == where), None)
        if entry is not None:
            return Actor(name=entry.name_on(day), inter=entry.inter, country=entry.country, kind=entry.kind)
    stand_in = g.fallback_in(country, day) if g is not None else None
    entry = reg.by_name(stand_in) if stand_in else None
    if entry is not None:  # "Russian soldiers" in Mali in 2023 are the Wagner Group
        return Actor(name=stand_in, inter=entry.inter, country=entry.country, kind=entry.kind)
    fallback = (g.fallback if g else "Unidentified Armed Group ({country})")
    if "{country}" in fallback and where is None:
        if g is not None and g.kind in ("state_military", "state_police", "government"):
            return Actor(name=f"{fallback.split(' {')[0].replace(' of', '')} (unknown country)", inter=g.inter, country=None, kind=g.kind)
        name = fallback.format(country="International")  # ACLED's label for a group whose country is unknown
    else:
        label = reg.forces_of.get(where, where) if g is not None and g.kind in ("state_military", "state_police") else where
        name = fallback.format(country=label) if "{country}" in fallback else fallback
    return Actor(name=name, inter=g.inter if g else 3, country=where, kind=g.kind if g else None)
