"""Choose the event location of a sentence from the toponyms found in it."""

from __future__ import annotations

import re

from .cues import cuebook
from .gazetteer import TIER_BASE, TIER_OVERLAY, TIER_SUPPLEMENT, Gazetteer
from .model import Location, Place, Toponym
from .normalize import name_key

_CTX_FIRST, _CTX_OTHER = 4.0, 3.0


def tier_of(p: Place) -> int:
    if p.source == "supplement":
        return TIER_SUPPLEMENT
    if p.source.startswith(("acled-import", "geonames-import", "import")):
        return TIER_OVERLAY
    return TIER_BASE


def rank_candidates(candidates: tuple[Place, ...] | list[Place], context_iso3: list[str] | None,
                    gazetteer: Gazetteer, surface: str | None = None) -> list[Place]:
    """Re-rank candidates: the document's countries first (most salient strongest), then curated
    sources and population (Gazetteer.score), keeping the scan order as the tie-breaker."""
    ctx = [c for c in (context_iso3 or []) if c]
    nkey = name_key(surface) if surface else None

    def key(ip):
        i, p = ip
        s = gazetteer.score(tier_of(p), p, nkey) - 0.01 * i
        if ctx:
            if p.iso3 == ctx[0]:
                s += _CTX_FIRST
            elif p.iso3 in ctx[1:]:
                s += _CTX_OTHER
        return -s

    return [p for _, p in sorted(enumerate(candidates), key=key)]


def mentioned_countries(text: str, toponyms: list[Toponym], gazetteer: Gazetteer | None = None) -> list[str]:
    """ISO3 codes of the countries a document talks about, most salient first.

    Counts country names (weight 2), the best candidate of other toponyms (weight 1; border mentions
    count 0.5) and demonyms ("Malian", "nigérien", weight 1). Ties go to the earlier mention."""
    gaz = gazetteer or Gazetteer.default()
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    # where the attackers fled to or a convoy was heading ("ont pris la fuite vers le Mali") counts as little as a border
    motion = cuebook().motion

    firm: set[str] = set()  # countries named other than as a border or a destination

    def add(iso: str, w: float, pos: int) -> None:
        score[iso] = score.get(iso, 0.0) + w
        first.setdefault(iso, pos)
        if w >= 1.0:
            firm.add(iso)

    # a name shared by towns of several countries ("Kita": a Tokyo ward and a Malian town) votes last, for the
    # country the rest of the report names, so that "Kita, dans la région de Kayes" stays in Mali
    shared: list[Toponym] = []
    for t in toponyms:
        if not t.candidates:
            continue
        p = t.candidates[0]
        key = name_key(t.text)
        namesakes = {c.iso3 for c in t.candidates if name_key(c.name) == key}
        if p.kind != "country" and len(namesakes) > 1:
            shared.append(t)
            continue
        w = 2.0 if p.kind == "country" else 1.0
        if t.cue == "border" or t.cue in motion:
            w = 0.5
        add(p.iso3, w, t.start)
    for m in re.finditer(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text):
        iso = gaz.is_demonym(m.group())
        if iso and not gaz.is_country_name(m.group()):
            add(iso, 1.0, m.start())
    # (when the report names no country, the country that most of the shared names have in common: Kita and Kayes)
    common: dict[str, int] = {}
    for t in shared:
        for iso in {c.iso3 for c in t.candidates if name_key(c.name) == name_key(t.text)}:
            common[iso] = common.get(iso, 0) + 1
    for t in shared:
        key = name_key(t.text)
        isos = list(dict.fromkeys(c.iso3 for c in t.candidates if name_key(c.name) == key))
        # ("dans le département de Gaya ... la bande frontalière avec le Bénin et le Nigeria": a border names no home)
        named = [i for i in isos if i in firm]
        iso = max(named, key=lambda i: score[i]) if named else max(isos, key=lambda i: (common[i], i in gaz.home))
        add(iso, 0.5 if t.cue == "border" or t.cue in motion else 1.0, t.start)
    return sorted(score, key=lambda k: (-score[k], first[k]))


def _precision(t: Toponym, p: Place, cue_precision: dict[str, int | None]) -> int:
    if p.kind in ("country", "admin1"):
        return 3
    if t.cue in ("region", "cercle"):
        return 3
    return cue_precision.get(t.cue or "", None) or 1


# "au Niger", "dans le sud-ouest du Niger", "in northern Mali": a country given as where things are (not "l'ambassade de France")
_IN_COUNTRY = re.compile(r"(?:\b(?:au|aux|en|in)\s+|\b(?:nord|sud|est|ouest|centre|north|south|east|west|northern|southern|eastern|western|central)"
                         r"(?:-(?:est|ouest|east|west))?\s+(?:du\s+|de\s+l['’]|de\s+la\s+|of\s+)?)$", re.I)
_FAR_KM = 50
_APPROX = {"dizaine": 10, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100}


def _far(text: str, start: int) -> bool:
    """A distance of more than 50 km before a landmark ("some 200 km north of Bamako")."""
    m = None
    for m in re.finditer(r"(\d+(?:[.,]\d+)?|\w+aine)\s*(?:km|kms|kilom[eè]t\w*|miles?)\b", text[max(0, start - 90) : start], re.I):
        pass
    if m is None:
        return False
    n = m.group(1).lower()
    km = _APPROX.get(n) if n.endswith("aine") else float(n.replace(",", "."))
    if km is not None and "mile" in m.group(0).lower():
        km *= 1.6
    return km is not None and km > _FAR_KM


def resolve_location(text: str, start: int, end: int, toponyms: list[Toponym],
                     context_iso3: list[str] | None = None, gazetteer: Gazetteer | None = None) -> Location:
    """The event location for the sentence ``text[start:end]``.

    Toponyms inside the span are considered; destinations/origins ("towards X", "vers X", "from X")
    only when nothing else is there; border mentions ("the Algerian border") never. Cues give the
    precision: near/outskirts/km from -> 2, region/province/cercle -> 3 at the admin unit, a bare
    country -> 3. Candidates are ranked by the document's countries (``context_iso3``, most salient
    first), then our supplement / the user overlay, then population.
    """
    gaz = gazetteer or Gazetteer.default()
    cb = cuebook()
    inside = [t for t in toponyms if t.start >= start and t.end <= end and t.candidates]
    if not inside:
        return Location(None, None, None, None, None, "no toponym in sentence")
    role = {c.name: c.role for c in cb.cues}
    cue_precision = {c.name: c.precision for c in cb.cues}
    usable = [t for t in inside if t.cue != "border" and role.get(t.cue or "") != "aside"]
    # "à environ 200 kilomètres au nord de Bamako": a far landmark says roughly where, not the place
    events = [t for t in usable if role.get(t.cue or "", "event") != "motion" and not (t.cue == "km_from" and _far(text, t.start))]
    notes: list[str] = []
    if events:
        pool = events
    elif usable:
        pool = usable
        notes.append("only a destination/origin is named")
    else:
        return Location(None, None, None, None, None, "only border mentions in sentence")

    # "dans la zone de Boni, ... dans le sud-ouest du Niger": the report's own country, named in the sentence, is where its villages are;
    # a namesake elsewhere (Boni in Mali) is abroad even when the report mentions that country too
    named = {t.candidates[0].iso3 for t in pool if t.candidates[0].kind == "country" and _IN_COUNTRY.search(text, max(0, t.start - 30), t.start)}
    named &= set((context_iso3 or [])[:1])
    choices = []
    for order, t in enumerate(pool):
        ranked = rank_candidates(t.candidates, context_iso3, gaz, t.text)
        p = ranked[0]
        prec = _precision(t, p, cue_precision)
        is_country = p.kind == "country"
        # "la localité de Sima, dans la commune de Seguenega – province du Yatenga": a village of the report's
        # country beats a namesake abroad (Sima in the Comoros) even when named less precisely
        abroad = bool(context_iso3) and p.iso3 not in context_iso3 or not is_country and bool(named) and p.iso3 not in named
        choices.append((abroad, is_country, prec, order, t, p, ranked))
    choices.sort(key=lambda c: (c[0], c[1], c[2], c[3]))
    _, is_country, prec, _, t, p, ranked = choices[0]

    reason_bits = [f"'{t.text}'" + (f" (cue: {t.cue})" if t.cue else "")]
    alt = next((q for q in ranked[1:] if q.iso3 != p.iso3 or q.kind == p.kind), None)
    if alt is not None:
        reason_bits.append(f"chosen over {alt.name}, {alt.iso3}")
        if context_iso3 and p.iso3 in context_iso3 and alt.iso3 != p.iso3:
            reason_bits.append("by document countries")
    if t.cue in ("region", "cercle") and p.kind == "locality":
        # "la province du Bam": a unit of that name in a country of the report beats a town abroad
        units = [q for q in ranked if q.kind in ("admin1", "admin2") and (not context_iso3 or q.iso3 in context_iso3[:1])]
        if units:
            p = units[0]
            reason_bits.append(f"{t.cue} -> {p.kind} {p.name}")
    if t.cue in ("region", "cercle") and p.kind == "locality":
        unit = gaz.admin1(t.text, p.iso3) if t.cue == "region" else gaz.admin2(t.text, p.iso3)
        if unit is None and t.cue == "cercle":
            unit = gaz.admin1(t.text, p.iso3)
        if unit is not None:
            p = unit
            reason_bits.append(f"{t.cue} -> {unit.kind} {unit.name}")
        else:
            reason_bits.append(f"{t.cue} cue but no such unit; using the town itself")
        prec = 3
    if is_country:
        reason_bits.append("country only")
    elif p.kind == "locality":
        p, note = gaz.fill_admin(p)
        if note:
            reason_bits.append(note)
    reason = "; ".join(notes + reason_bits) + f"; precision {prec}"
    return Location(place=p, geo_precision=prec, start=t.start, end=t.end, quote=text[t.start:t.end], reason=reason)


