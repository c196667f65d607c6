"""Drafts into ``Event``s: ACLED actor naming conventions, evidence, claims per episode, notes."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import replace

from .. import places as places_stage
from ..actors import ActorMention, is_people, name_actor, named_in_apposition
from ..claims import RawClaim, name_claims, reconcile
from ..codebook import actor_registry, categories, lexicon, phrase_alternation, version
from ..models import Actor, Episode, Event, Evidence
from ..places.cues import cuebook
from ..places.naming import acled_name
from ..places.normalize import name_key
from .analysis import BACKGROUND_DAYS, DocumentAnalysis
from .grouping import Draft, _family, _same_place, group
from .roles import in_state_camp, is_civilian, resolve_sub_type, sentence_target


CONTEXT_DAYS = 7  # an event this long before the report's main event is context for it


# --- drafts -> events ----------------------------------------------------------------------------


def _primary(side: list[ActorMention], day, country) -> tuple[str | None, int | None, list[str]]:
    if not side:
        return None, None, []
    named = [(name_actor(a, day, country), a) for a in side]
    if country and all(a.kind == "aid" for _, a in named):
        # aid workers are civilians to ACLED: "Civilians (Mali)", with the organisation associated
        named.insert(0, (Actor(name=f"Civilians ({country})", inter=7, country=country, kind="civilians"), None))
    # state forces lead their side; external forces (Wagner) and militias are associated to them
    order = {1: 0, 2: 1, 3: 2, 4: 3, 6: 4, 5: 5, 7: 6, 8: 7}
    counts: dict[str, int] = {}
    for actor, _ in named:
        counts[actor.name] = counts.get(actor.name, 0) + 1
    ranked = sorted(dict.fromkeys(a.name for a, _ in named), key=lambda n: (order[next(a.inter for a, _ in named if a.name == n)], -counts[n]))
    primary = ranked[0]
    inter = next(a.inter for a, _ in named if a.name == primary)
    assoc = [n for n in ranked[1:] if n != primary]
    return primary, inter, assoc


def build_events(analysis: DocumentAnalysis) -> list[Event]:
    parsed = analysis.parsed
    doc = parsed.document
    drafts = [d for d in group(analysis.mentions, doc.published) if not (d.background and (d.precision or 4) > 3)]
    _date_the_undated(analysis, drafts)
    _mark_earlier_context(drafts)
    _same_fight_enemy(drafts)
    events: list[Event] = []
    coded: list[Draft] = []  # the drafts that became events, in step with ``events``
    blamed = _blamed_group(analysis)
    for d in drafts:
        loc = _unlisted_location(analysis, d, d.location)
        place = loc.place if loc else None
        country = place.country if place else _country_from_iso(analysis.countries[0] if analysis.countries else None)
        if country is None:  # no place at all: the country of a named national actor ("FAMa", "Katiba Macina", "VDP")
            country = next((a.entry.country for a in d.side1 + d.side2 if a.entry is not None and a.entry.country and a.entry.inter != 8), None)
        for side in (d.side1, d.side2):  # "treize personnes" killed among the gendarmes of the event: no civilian side
            if any(not is_civilian(a) for a in side):
                side[:] = [a for a in side if not is_people(a)]
        # civilians are the target side in one-sided violence
        if any(is_civilian(a) for a in d.side1) and d.side2 and not any(is_civilian(a) for a in d.side2):
            d.side1, d.side2 = d.side2, d.side1
        deciding = ([m for m in d.mentions if not m.attached and not m.weak and not m.restated] or [m for m in d.mentions if not m.weak and not m.restated]
                    or [m for m in d.mentions if not m.weak] or d.mentions)
        # "the army has retaken Ber after fighting": a change of hands decides the type even when told undated
        deciding += [m for m in d.mentions if m.trigger.resolve == "territory" and not m.weak and m not in deciding]
        # a generic "attack"/"opened fire" is typed again from the event's sides as grouped: the gunmen of one
        # sentence and the residents they shot at in another make an attack on civilians, not a clash
        # "an attack on herders' camps": a clash word whose own phrase names civilians
        civilians_hit = bool(d.side2) and all(is_civilian(a) for a in d.side2) and any(not is_civilian(a) for a in d.side1)
        subs = [(resolve_sub_type(m.trigger, d.side1, d.side2, "", doc.lang) if m.trigger.resolve == "violence" and d.side1 and d.side2 else None)
                or ("Attack" if m.sub_event_type == "Armed clash" and civilians_hit and sentence_target(m.trigger.text, doc.lang) == "civilians" else None)
                or m.sub_event_type for m in deciding]
        sub = min(subs, key=lambda s: categories().get(s).priority)
        if categories().get(sub).event_type == "Protests":
            # "le sit-in ... Le rassemblement a été dispersé au gaz lacrymogène": force told in another sentence of
            # the same protest, even undated, makes it a protest with intervention
            protest = [m.sub_event_type for m in d.mentions if categories().get(m.sub_event_type).event_type == "Protests"]
            sub = min(protest + [sub], key=lambda s: categories().get(s).priority)
        if sub == "Attack" and "Looting/property destruction" in subs and _nobody_hurt(analysis, d):
            sub = "Looting/property destruction"  # "looted shops ... no one was hurt": ACLED's looting, not an attack
        if sub == "Government regains territory" and d.side1 and all(_unnamed(a) for a in d.side2):
            # "les FDS ont repris le contrôle de Mansila": from the armed group the report names for it ("les terroristes
            # du JNIM qui occupaient la localité"), the one it names most, even when the army's words were "les terroristes"
            held = Counter(a.entry.id for a in analysis.actors if a.entry is not None and a.entry.inter in (2, 3) and not in_state_camp(a))
            if held:
                top = held.most_common(1)[0][0]
                d.side2 = [next(a for a in analysis.actors if a.entry is not None and a.entry.id == top)]
        if sub == "Air/drone strike" and any(in_state_camp(a) for a in d.side2) and not any(in_state_camp(a) for a in d.side1):
            d.side1, d.side2 = d.side2, d.side1  # the state strikes; a group's own claim in the same draft does not make it the striker
        st = categories().get(sub)
        # what the event's sentences say was hit, by majority ("le camp militaire de Sokolo a été la cible d'une attaque"
        # against "des habitants disent avoir entendu des tirs")
        hit = Counter(sentence_target(parsed.sentences[i].text, doc.lang) for i in {m.trigger.sentence for m in d.mentions})
        _fill_unknown_sides(d, st, sub, "state_military" if hit["state_military"] > hit["civilians"] else "civilians" if hit["civilians"] > hit["state_military"] else None)
        if blamed is not None and not d.background and (st.event_type in _BLAMEABLE or sub == "Looting/property destruction") and d.side1 and all(
                _unnamed(a) for a in d.side1):
            d.side1 = [blamed]  # "no group has claimed the attack, but residents blamed the Islamic State Sahel Province"
        elif (blamed is not None and not d.background and st.event_type == "Battles" and d.side1 and all(in_state_camp(a) for a in d.side1)
              and d.side2 and all(_unnamed(a) and a.text.lower() in _ATTACKER_WORDS for a in d.side2)):
            d.side2 = [blamed]  # "l'armée a accroché un groupe d'assaillants" the day after the attack blamed on the EIGS: its attackers
        a1, i1, as1 = _primary(d.side1 or d.side2, d.date, country)
        a2, i2, as2 = _primary(d.side2 if d.side1 else [], d.date, country)
        if a1 is None and sub == "Change to group/activity":
            continue  # "... were expelled" with nobody named: no actor to code a change for

        evidence = _evidence(doc, d, a1, a2)
        if place is not None and place.source == "unlisted":
            evidence.insert(0, _ev(doc, "location", loc.start, loc.end))  # the village's own name, before the area's
        reasons = {}
        if a2 is None:
            reasons["actor2"] = "no second actor named in the report"
        for fname, side in (("actor1", d.side1 or d.side2), ("actor2", d.side2 if d.side1 else [])):
            if side and all(a.start == a.end for a in side):
                reasons[fname] = "not named in the report: ACLED's convention for an unnamed party"
        if d.undated:
            reasons["event_date"] = "no date in the text for this event: publication date, precision 2"
        if loc is None or place is None:
            reasons["location"] = loc.reason if loc else "no place name found"
        elif place.source == "unlisted":
            reasons["location"] = loc.reason
        elif any(m.location_fallback for m in d.mentions) and all(m.location_fallback for m in d.mentions):
            reasons["location"] = "no place in the event's sentences: the report's main place"
        unknown = _unknown_places(analysis, d)
        if unknown:  # named in the report but unknown to the gazetteer: the coded place may be a neighbour of the real one
            reasons["unresolved_places"] = f"not in the gazetteer: {', '.join(unknown)} (add to codebook/places/supplement.csv or import a GeoNames dump)"
        inter_pair = sorted(x for x in (i1, i2) if x is not None)
        interaction = int(f"{inter_pair[0]}{inter_pair[1]}") if len(inter_pair) == 2 else (inter_pair[0] * 10 if inter_pair else None)
        civ = "Civilian targeting" if (st.event_type == "Violence against civilians" or (i2 == 7 and st.event_type == "Explosions/Remote violence")) else None
        conf = _confidence(d, a1, a2)
        ev = Event(
            id="",
            documents=[doc.id],
            background=d.background,
            event_date=d.date,
            time_precision=min(d.precision or 2, 3) if d.date else None,
            disorder_type=st.disorder_type,
            event_type=st.event_type,
            sub_event_type=sub,
            actor1=a1,
            inter1=i1,
            assoc_actor_1=as1,
            actor2=a2,
            inter2=i2,
            assoc_actor_2=as2,
            interaction=interaction,
            civilian_targeting=civ,
            country=country,
            iso3=place.iso3 if place else (analysis.countries[0] if analysis.countries else None),
            admin1=acled_name(place.admin1, "admin1") if place and loc.geo_precision and loc.geo_precision <= 3 else None,
            admin2=acled_name(place.admin2, "admin2") if place and loc.geo_precision and loc.geo_precision <= 2 else None,
            location=acled_name(place.name, "location") if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geo_precision=loc.geo_precision if place else None,
            confidence=conf,
            evidence=evidence,
            sources=[doc.outlet] if doc.outlet else [],
            reasons=reasons,
            codebook_version=version(),
        )
        ev.id = event_id(ev)
        events.append(ev)
        coded.append(d)
    _attach_claims(analysis, coded, events)
    for ev in events:
        ev.notes = notes(ev)
    return events


_BLAMEABLE = {"Violence against civilians", "Explosions/Remote violence", "Battles"}


def _unnamed(a: ActorMention) -> bool:
    return a.entry is None and (a.generic is None or a.generic.kind in ("unidentified", "jihadist"))


def _blamed_group(analysis: DocumentAnalysis) -> ActorMention | None:
    """The one group the report's sources hold responsible for the news ("residents blamed the Islamic State Sahel
    Province", "des élus attribuent les deux attaques à la katiba Macina"); None when several or none are."""
    parsed = analysis.parsed
    cues = lexicon(parsed.document.lang).cues.get("blamed", [])
    if not cues:
        return None
    alternation = phrase_alternation(cues, r"\s+(?:[\w'’-]+\s+){0,3}?")  # "attribue à" also reads "attribue l'enlèvement à"
    # ("attribuent ces tirs aux combattants du JNIM", "blamed on fighters of the Islamic State": the group they belong to)
    rx = re.compile(rf"(?<![\w-])(?P<cue>{alternation})\s+(?:[\w-]+\s+(?:du|de\s+la|des|de|d['’]|of)\s*)?(?:(?:the|la|le|les|des|du)\s+|l['’])?", re.I)
    published = parsed.document.published
    found = []
    for si, sent in enumerate(parsed.sentences):
        when = analysis.sentence_dates[si]
        if when.date and published and when.date <= published - dt.timedelta(days=BACKGROUND_DAYS):
            continue  # "Ogossagou, where 150 were killed in 2019 in an attack blamed on Dozo hunters": another event's
        # ("pris depuis 2015 dans une spirale de violences attribuées à des mouvements affiliés à Al-Qaïda": years of them;
        # but "l'attribuent à l'EIS, très actif dans la région depuis 2022" blames the news on a group active since then)
        since = min((m.start for m in when.mentions if m.role == "since" and m.precision >= 3), default=None)
        for m in rx.finditer(parsed.text, sent.start, sent.end):
            if since is not None and since < m.start():
                continue
            # (the first name after the cue, past its adjectives: "fighters of the al Qaeda-linked Group for Support of Islam")
            a = next((a for a in analysis.actors if m.end() - 2 <= a.start <= m.end() + 40 and not re.search(r"[,;.:()]", parsed.text[m.end() : a.start])), None)
            if a is None:  # ("se réclamant du Groupe de soutien ...": the name itself began where a head noun was looked for)
                # (or inside the cue's own gap: "se réclamant de" read over "se réclamant du Groupe de soutien")
                a = next((a for a in analysis.actors if m.start("cue") < a.start <= m.end("cue") + 6 and a.entry is not None), None)
            if a is not None and a.entry is not None and a.generic is None and not in_state_camp(a) and not is_civilian(a):
                found.append(a)
        found += [a for a in named_in_apposition(analysis.actors, parsed.text) if sent.start <= a.start < sent.end]
    return found[0] if len({a.entry.id for a in found}) == 1 else None


def _date_the_undated(analysis: DocumentAnalysis, drafts: list[Draft]) -> None:
    """"Mali denied that a French air strike killed civilians ... The incident on Sunday in central Mali": a report
    whose only news is told without a date next to it happened on the one day the report gives for its news."""
    published = analysis.parsed.document.published
    if published is None or any(not d.undated and not d.background for d in drafts):
        return
    days = {m.date for sd in analysis.sentence_dates for m in sd.mentions
            if m.role == "point" and m.precision == 1 and m.date is not None
            and published - dt.timedelta(days=BACKGROUND_DAYS) < m.date <= published}
    undated = [d for d in drafts if d.undated and not d.background]
    if len(days) == 1:
        for d in undated:
            d.date, d.precision, d.undated = next(iter(days)), 1, False


def _same_fight_enemy(drafts: list[Draft]) -> None:
    """"Deux jours d'intenses combats contre les terroristes du GSIM ... l'opération a débuté mardi par un assaut sur les
    positions que les terroristes occupaient": the state's unnamed enemy of one day is the group its fight at the same
    place names on the next or the previous day, when that fight names exactly one."""
    live = [d for d in drafts if not d.background and d.date is not None and d.mentions and _family(d) == "violence"]
    for d in live:
        near = [n for n in live if n is not d and abs((n.date - d.date).days) <= 1 and _same_place(n.location, d.location) and n.side1 and n.side2]
        if not d.side1 and not d.side2 and len(near) == 1 and all(categories().get(m.sub_event_type).event_type == "Battles" for m in d.mentions):
            # "l'offensive a été lancée dimanche ... les premiers accrochages": a day of the fight that names nobody is
            # fought by the sides of its one neighbouring day
            d.side1, d.side2 = list(near[0].side1), list(near[0].side2)
            continue
        for state, other in ((d.side1, d.side2), (d.side2, d.side1)):
            if not state or not all(in_state_camp(a) for a in state) or not all(_unnamed(a) for a in other):
                continue
            keys = {a.key for a in state}
            named = {a.entry.id: a for n in live if n is not d and abs((n.date - d.date).days) <= 1 and _same_place(n.location, d.location)
                     and keys & {a.key for a in n.side1 + n.side2}
                     for a in n.side1 + n.side2 if a.entry is not None and not in_state_camp(a) and not is_civilian(a) and a.entry.inter in (2, 3)}
            if len(named) == 1:
                other[:] = list(named.values())
            break


def _mark_earlier_context(drafts: list[Draft]) -> None:
    """An event a week or more before the report's main event is context for it ("two weeks earlier, an ambush
    near Boni had killed 15 soldiers"), even when it is less than BACKGROUND_DAYS before publication."""
    live = [d for d in drafts if not d.background and d.date is not None and not d.undated]
    if len(live) < 2:
        return
    main = max(live, key=lambda d: (sum(not m.attached for m in d.mentions), d.date))
    for d in live:
        if d.date <= main.date - dt.timedelta(days=CONTEXT_DAYS):
            d.background = True


def _generic(kind: str) -> ActorMention:
    g = next(g for g in actor_registry().generic if g.kind == kind)
    return ActorMention(0, 0, "", None, g)  # no span of its own: an ACLED convention, not a word in the text


def _nobody_hurt(analysis: DocumentAnalysis, d: Draft) -> bool:
    """The paragraphs that tell the event say nobody was harmed."""
    parsed = analysis.parsed
    paras = {parsed.sentences[m.trigger.sentence].para for m in d.mentions}
    text = " ".join(s.text for s in parsed.sentences if s.para in paras).lower()
    cues = [c.lower() for c in lexicon(parsed.document.lang).cues.get("no_casualties", [])]
    return any(re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text) for c in cues)


_ATTACKER_WORDS = {"assaillants", "assaillant", "attaquants", "attaquant", "attackers", "attacker", "assailants", "assailant"}


def _fill_unknown_sides(d: Draft, st, sub: str = "", target: str | None = None) -> None:
    """ACLED's conventions for sides the report leaves unnamed.

    One-sided violence and explosions with only the victims named: the perpetrator is an unidentified
    armed group. A battle with one side named: the other side is an unidentified armed group, or the
    state's forces when an armed group's fight is told as one on a military post or convoy (``target``:
    what the event's sentences say was hit). Shells or bombs that fell among civilians hit them.
    Protests and riots: the participants are protesters or rioters of the country.
    """
    if st.event_type == "Protests" or st.event_type == "Riots":
        kind = "protesters" if st.event_type == "Protests" else "rioters"
        crowd = [a for a in d.side1 + d.side2 if a.kind in ("civilians", kind)]
        others = [a for a in d.side1 + d.side2 if a not in crowd and in_state_camp(a)]
        d.side1 = [_generic(kind)] if crowd or not (d.side1 or d.side2) else [a for a in d.side1 if a not in others]
        d.side2 = others if st.event_type == "Protests" or others else [a for a in d.side2 if a not in crowd]
        if sub == "Peaceful protest":
            d.side2 = []  # "protested against Barkhane / the government": what a protest is against is not a party to it
        if not d.side1:
            d.side1 = [_generic(kind)]
        if sub in ("Protest with intervention", "Excessive force against protesters") and not d.side2:
            d.side2 = [_generic("state_police")]  # "dispersé au gaz lacrymogène": by the police, ACLED's convention when unnamed
        return
    if st.event_type == "Battles" and d.side1 and not any(_unnamed(a) or in_state_camp(a) for a in d.side1) and d.side2 and all(
            _unnamed(a) and a.text.lower() in _ATTACKER_WORDS for a in d.side2):
        d.side2 = []  # "une attaque des groupes armés terroristes ... les assaillants ont été repoussés": one side, told twice
    victims_only = not d.side1 and d.side2
    if sub in ("Attack", "Abduction/forced disappearance", "Looting/property destruction") and not d.side1 and not d.side2:
        d.side1, d.side2 = [_generic("unidentified")], [_generic("civilians")]  # "le massacre de Seytenga avait fait 86 morts"
    elif (st.event_type in ("Violence against civilians", "Explosions/Remote violence") or sub == "Looting/property destruction") and victims_only:
        d.side1 = [_generic("unidentified")]
    elif st.event_type == "Explosions/Remote violence" and sub != "Air/drone strike" and not d.side1 and not d.side2:
        d.side1 = [_generic("unidentified")]  # "un minibus a sauté sur une mine": laid by someone unnamed
    if st.event_type == "Explosions/Remote violence" and d.side1 and not d.side2 and target == "civilians" and not any(in_state_camp(a) for a in d.side1):
        # "un obus est tombé dans une concession près du marché": an armed group's shells on civilians (a state's strike
        # whose target the report leaves open stays open: who it hit is disputed more often than not)
        d.side2 = [_generic("civilians")]
    elif st.event_type == "Battles" and victims_only:
        d.side1 = [_generic("unidentified")]  # "an army unit was ambushed": by someone unnamed
    elif st.event_type == "Battles" and (bool(d.side1) != bool(d.side2)):
        side = d.side1 or d.side2
        if target == "state_military" and not any(in_state_camp(a) for a in side) and not any(a.kind == "civilians" for a in side):
            d.side1, d.side2 = side, [_generic("state_military")]  # "le camp militaire de Sokolo ... les assaillants ont été repoussés"
        elif any(in_state_camp(a) for a in side) or all(a.kind not in ("unidentified",) for a in side):
            d.side1, d.side2 = side, [_generic("unidentified")]


_PLACE_CUE = re.compile(
    r"(?:\b(?:in|near|at|outside|around|village of|town of|locality of|commune of|area of|à|près de|village de|localité de|commune de|"
    r"zone de|non loin de|aux environs de)\s+)(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})"
)


def _unknown_places(analysis: DocumentAnalysis, d: Draft) -> list[str]:
    """Capitalised names after a place cue in the event's sentences that the gazetteer does not know:
    shown in ``reasons`` so that an analyst can add them to the supplement."""
    text = analysis.parsed.text
    known = [(t.start, t.end) for t in analysis.toponyms] + [(a.start, a.end) for a in analysis.actors]
    months = {m.lower() for m in lexicon(analysis.parsed.document.lang).dates.get("months", {})}
    weekdays = {w.lower() for w in lexicon(analysis.parsed.document.lang).dates.get("weekdays", [])}
    out: list[str] = []
    for si in sorted({m.trigger.sentence for m in d.mentions}):
        sent = analysis.parsed.sentences[si]
        for m in _PLACE_CUE.finditer(text, sent.start, sent.end):
            name = m.group("name")
            if any(a <= m.start("name") < b for a, b in known) or name.lower() in months | weekdays or name in out:
                continue
            out.append(name)
    return out[:3]


_BEARING = re.compile(r"\b(?:au|à\s+l['’]|in\s+the|to\s+the)?\s*(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest|north|south|east|west|"
                      r"north-?east|north-?west|south-?east|south-?west)\s+(?:de|d['’]|du|of)\s+(?:la\s+(?:capitale|ville)\s+[\w-]+\s+|the\s+capital,?\s+)?$", re.I)


def _unlisted_location(analysis: DocumentAnalysis, d: Draft, loc: places_stage.Location | None) -> places_stage.Location | None:
    """"Une quarantaine de femmes ont été enlevées aux abords de Liptougou, dans la province de la Gnagna": a village the
    gazetteer does not know, named by a place cue in the event's own sentences, is where the event happened; coded by its
    name, with the admin units and coordinates of the area the report puts it in, at precision 3. Only when the known
    place is that area, the country, or a town named elsewhere in the report; the village named first in the event's
    own sentences, else in the rest of their paragraphs."""
    if loc is None or loc.place is None:
        return loc
    own = [m for m in d.mentions if not m.attached and not m.anaphoric and not m.headline] or d.mentions
    parsed = analysis.parsed
    # "dans la région de Kouré, au sud-est de la capitale nigérienne Niamey": a bearing from a town says only the side of
    # it the act was on; a village named for the act is where it was
    bearing = loc.start is not None and _BEARING.search(parsed.text, max(0, loc.start - 60), loc.start) is not None
    if loc.place.kind == "locality" and (loc.geo_precision or 3) < 3 and not all(m.location_fallback for m in own) and not bearing:
        return loc
    known = [(t.start, t.end) for t in analysis.toponyms if t.candidates] + [(a.start, a.end) for a in analysis.actors]
    lex = lexicon(parsed.document.lang).dates
    calendar = {m.lower() for m in lex.get("months", {})} | {w.lower() for w in lex.get("weekdays", [])}
    found: dict[str, tuple[int, int, str]] = {}
    gaz = places_stage.Gazetteer.default()
    # ("The attack took place in a village called Kankanfogouol": the act named again says where it was)
    # (and the act's other tellings attached to it: "aircraft had struck a gathering on the outskirts of Soudougui")
    told = sorted({m.trigger.sentence for m in own} | {m.trigger.sentence for m in d.mentions if (m.anaphoric or m.attached) and not m.headline})
    # the event's own sentences first; then the rest of their paragraphs ("La commune rurale de Logobou a reçu la visite
    # d'hommes armés. ... ils ont mis le feu à la mairie")
    paras = {parsed.sentences[i].para for i in told if not parsed.in_title(i)}
    for group in (told, [s.index for s in parsed.sentences if s.para in paras and s.index not in told]):
        for si in group:
            sent = parsed.sentences[si]
            for start, end, name in cuebook().unlisted_names(parsed.text, sent.start, sent.end):
                if (any(a < end and start < b for a, b in known) or name.lower() in calendar or re.search(r"['’]s$", name)
                        or any(w.isupper() and len(w) > 1 or gaz.is_demonym(w) or w.endswith("ish") for w in re.split(r"[ -]", name))):
                    continue  # "in Libyan", "Kurdish", "BRIEF"
                found.setdefault(name_key(name), (start, end, name))
        if found:
            break
    if not found:
        return loc
    # the first named ("le village de Ségué, dans la commune de Ségué-Iré": the village, then its commune)
    start, end, name = next(iter(found.values()))
    area = loc.place
    if area.kind == "locality":
        # a town named elsewhere in the report stands for the village's region unless the village's own sentence names
        # another region
        sent = next(s for s in parsed.sentences if s.start <= start < s.end)
        regions = {name_key(c.admin1 or c.name) for t in analysis.toponyms if sent.start <= t.start < sent.end and t.candidates
                   for c in t.candidates[:1] if c.kind in ("admin1", "admin2")}
        if regions and name_key(area.admin1 or "") not in regions:
            return loc
    if area.kind == "country":
        # "à Biba dans la Boucle du Mouhoun": the region the village's own sentence names is its area
        sent = next(s for s in parsed.sentences if s.start <= start < s.end)
        area = next((c for t in analysis.toponyms if sent.start <= t.start < sent.end and t.candidates
                     for c in t.candidates[:1] if c.kind in ("admin1", "admin2") and c.iso3 == area.iso3), area)
    admin1 = None if area.kind == "country" else area.admin1 or (area.name if area.kind == "admin1" else None)
    admin2 = (area.admin2 or area.name) if area.kind == "admin2" else None
    place = replace(area, name=name, kind="locality", admin1=admin1, admin2=admin2, population=None, source="unlisted")
    return places_stage.Location(place, 3, start, end, name,
                                 f"'{name}' is not in the gazetteer: coded by name at the coordinates of {area.name}; precision 3")


def _country_from_iso(iso3: str | None) -> str | None:
    if not iso3:
        return None
    gaz = places_stage.Gazetteer.default()
    p = gaz.country(iso3)
    return p.country if p else None


def _confidence(d: Draft, a1, a2) -> float:
    w = max(m.trigger.weight for m in d.mentions)
    c = 1 - (1 - w) ** len(d.mentions) if len(d.mentions) > 1 else w
    if not a2:
        c *= 0.85
    if not a1:
        c *= 0.7
    if d.undated:
        c *= 0.8
    if all(m.location_fallback for m in d.mentions):
        c *= 0.9
    if d.location is None or d.location.place is None:
        c *= 0.7
    return round(min(c, 0.99), 2)


def _ev(doc, field_name: str, start: int, end: int) -> Evidence:
    return Evidence(field=field_name, document=doc.id, start=start, end=end, quote=doc.text[start:end])


def _evidence(doc, d: Draft, a1: str | None, a2: str | None) -> list[Evidence]:
    out: list[Evidence] = []
    seen = set()

    def add(f, s, e):
        if (f, s, e) not in seen and 0 <= s < e <= len(doc.text):
            seen.add((f, s, e))
            out.append(_ev(doc, f, s, e))

    for m in d.mentions:
        add("event_type", m.trigger.start, m.trigger.end)
        for dm in m.date_evidence:
            add("event_date", dm.start, dm.end)
        if m.location is not None and m.location.start is not None and m.location.end is not None:
            add("location", m.location.start, m.location.end)
    if d.location is not None and d.location.start is not None and not any(e.field == "location" for e in out):
        add("location", d.location.start, d.location.end)
    day, country = d.date, None
    for side, fname, primary in ((d.side1 or d.side2, "actor1", a1), (d.side2 if d.side1 else [], "actor2", a2)):
        for a in side:
            actor = name_actor(a, day, d.location.place.country if d.location and d.location.place else country)
            add(fname if actor.name == primary else fname.replace("actor", "assoc_actor_"), a.start, a.end)
    return out


def _attach_claims(analysis: DocumentAnalysis, drafts: list[Draft], events: list[Event]) -> None:
    """Claims concern the episode (a multi-day fight) they were made about; fatalities split over its days."""
    doc = analysis.parsed.document
    live = [(d, e) for d, e in zip(drafts, events) if not e.background]
    episodes = _episodes(live)
    # which episode a claim sentence speaks about: one with a mention in that sentence, else the main one
    main = max(episodes, key=lambda ep: sum(len(d.mentions) for d, _ in ep)) if episodes else None
    by_sentence = {}
    for ep in episodes:
        for d, _ in ep:
            for m in d.mentions:
                if not m.anaphoric:
                    by_sentence.setdefault(m.trigger.sentence, ep)
    # a background event keeps the toll told in its own sentence ("38 soldiers were killed there in 2019"),
    # never one of the news
    for d, e in zip(drafts, events):
        if e.background:
            ep = [(d, e)]
            episodes.append(ep)
            for m in d.mentions:
                if not m.anaphoric:
                    by_sentence.setdefault(m.trigger.sentence, ep)
    # "The attack revived memories of the massacre in Solhan, where gunmen killed 132": the act named again speaks
    # for its sentence only when nothing else there does, and the sentence gives no other day ("Le 9 novembre, ils ont
    # tué treize de nos parents, a lancé l'un des organisateurs de la marche")
    for ep in episodes:
        for d, e in ep:
            for m in d.mentions:
                own = analysis.sentence_dates[m.trigger.sentence]
                if own.source != "explicit" or own.date == e.event_date:
                    by_sentence.setdefault(m.trigger.sentence, ep)
    sd = analysis.sentence_dates
    published = doc.published
    assigned: dict[int, list[RawClaim]] = {}
    sents = analysis.parsed.sentences
    told = {(rc.outcome, rc.quantity.low, rc.quantity.high) for rc in analysis.raw_claims if rc.quantity is not None and sents[rc.sentence].para > 0}
    # "Gourma : 19 morts, 7 blessés et 4 disparus": a headline that restates figures the body gives with their source is
    # the body's; all its figures go, not only those repeated ("vingt militaires et un civil tués" against "21 martyrs, dont 1 civil")
    restated = {rc.sentence for rc in analysis.raw_claims if analysis.parsed.in_title(rc.sentence)
                and rc.claimant_kind == "outlet" and rc.quantity is not None and (rc.outcome, rc.quantity.low, rc.quantity.high) in told}
    for rc in analysis.raw_claims:
        if rc.sentence in restated and rc.claimant_kind == "outlet":
            continue
        when = sd[rc.sentence]
        if when.date and published and when.date <= published - dt.timedelta(days=BACKGROUND_DAYS) and rc.sentence not in by_sentence:
            # a toll from a background event: that event's, if the report codes it ("The army had then announced 15 dead")
            ep = next((ep for ep in episodes if ep[0][1].background and ep[0][1].event_date == when.date), None)
            if ep is not None:
                assigned.setdefault(id(ep), []).append(rc)
            continue
        ep = by_sentence.get(rc.sentence) or _told_before(by_sentence, sents, rc.sentence) or main
        if ep is None:
            continue
        assigned.setdefault(id(ep), []).append(rc)
    for ep in episodes:
        raw = assigned.get(id(ep), [])
        first = ep[0][1]
        country = first.country
        opponents = _opponents(ep)
        one_sided = first.event_type in ("Violence against civilians", "Explosions/Remote violence")
        targets = [n for n in [first.actor2, *first.assoc_actor_2] if n] if one_sided else None
        reg = actor_registry()
        # (the state's own militias are never "the terrorists" among the dead: "neutraliser une centaine de terroristes" near the VDP)
        armed = [n for n in dict.fromkeys([first.actor1, first.actor2, *first.assoc_actor_1, *first.assoc_actor_2])
                 if n and (entry := reg.by_name(n)) is not None and entry.inter in (2, 3, 4) and entry.kind != "progovernment_militia"]
        attacked = [n for n in [first.actor2, *first.assoc_actor_2] if n] if first.event_type == "Battles" else None
        claims = name_claims(raw, doc, first.event_date, country, opponents, targets, armed[0] if len(armed) == 1 else None, attacked)
        if first.event_type in ("Protests", "Riots") and first.actor1:
            # "sept personnes ont été blessées" at a protest: the protesters, as ACLED names them
            civilians = f"Civilians ({country})" if country else None
            for c in claims:
                if c.victims is None or c.victims == civilians:
                    c.victims = first.actor1
        # a headline's "4 soldiers killed" restates the army's figure quoted in the body: one claim, the army's
        claims = [c for c in claims if not (c.claimant_kind == "outlet" and any(
            o.claimant_kind != "outlet" and (o.outcome, o.low, o.high) == (c.outcome, c.low, c.high) for o in claims))]
        for i, c in enumerate(claims):
            c.id = f"{doc.id}:c{c.start}-{i}"
        rec = reconcile(claims, doc.lang)
        days = sorted({e.event_date for _, e in ep if e.event_date})
        ep_model = None
        if len(days) > 1:
            ep_model = Episode(
                id="ep-" + hashlib.sha256(f"{doc.id}|{days[0]}|{first.location}".encode()).hexdigest()[:10],
                first_day=days[0],
                last_day=days[-1],
                days=len(days),
                fatalities_low=rec.low,
                fatalities_best=rec.best,
                fatalities_high=rec.high,
            )
        shares = _split(rec.acled, max(1, len(days))) if rec.acled is not None else None  # undated: one share
        given_day: set = set()
        for _, e in ep:
            e.claims = claims
            e.fatalities_low, e.fatalities_best, e.fatalities_high = rec.low, rec.best, rec.high
            e.disputed = rec.disputed
            e.episode = ep_model
            if shares is None:
                e.fatalities = 0
                e.reasons.setdefault("fatalities", "no casualty figure reported")
            elif e.event_date in given_day:
                e.fatalities = 0
                e.reasons["fatalities"] = "the day's share is coded on the first event of that day"
            else:
                e.fatalities = shares[days.index(e.event_date)] if e.event_date in days else shares[0]
                given_day.add(e.event_date)
                if len(days) > 1:
                    e.reasons["fatalities"] = f"lowest credible total {rec.acled} split over the {len(days)} days of the fight"


def _told_before(by_sentence: dict, sents, i: int):
    """The episode told last before sentence ``i``, at most four sentences back and in its paragraph or the one before:
    "Des individus armés ont ouvert le feu sur des habitants ... Le bilan, selon ces mêmes sources, s'élève à 19 morts"
    counts that attack, not the report's main fight."""
    for j in range(i - 1, -1, -1):
        if sents[j].para < sents[i].para - 1 or i - j > 4:
            return None
        if j in by_sentence:
            return by_sentence[j]
    return None


def _split(total: int, days: int) -> list[int]:
    base, rem = divmod(total, days)
    return [base + (rem if i == 0 else 0) for i in range(days)]


def _episodes(live: list[tuple[Draft, Event]]) -> list[list[tuple[Draft, Event]]]:
    """Events of one fight: same place, a shared actor, on consecutive days."""
    eps: list[list[tuple[Draft, Event]]] = []
    for d, e in sorted(live, key=lambda x: (x[1].event_date or dt.date.min)):
        names = {e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2} - {None}
        for ep in eps:
            last = max((x[1].event_date for x in ep if x[1].event_date), default=None)
            ep_names = {n for _, x in ep for n in (x.actor1, x.actor2, *x.assoc_actor_1, *x.assoc_actor_2) if n}
            near = last is None or e.event_date is None or 0 <= (e.event_date - last).days <= 1
            if near and ep[0][1].location == e.location and names & ep_names and ep[0][1].event_type == e.event_type:
                ep.append((d, e))
                break
        else:
            eps.append([(d, e)])
    return eps


def _opponents(ep) -> dict[str, list[str]]:
    opp: dict[str, list[str]] = {}
    for _, e in ep:
        s1 = [n for n in [e.actor1, *e.assoc_actor_1] if n]
        s2 = [n for n in [e.actor2, *e.assoc_actor_2] if n]
        for a in s1:
            opp.setdefault(a, [])
            opp[a] += [b for b in s2 if b not in opp[a]]
        for b in s2:
            opp.setdefault(b, [])
            opp[b] += [a for a in s1 if a not in opp[b]]
    return opp


def event_id(ev: Event) -> str:
    key = f"{ev.event_date}|{ev.location}|{ev.event_type}|{'/'.join(sorted(x for x in (ev.actor1, ev.actor2) if x))}|{int(ev.background)}"
    return "FOW-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def notes(ev: Event) -> str:
    """An ACLED-style note in plain English, so a row reads on its own in a spreadsheet."""
    when = ev.event_date.strftime("%-d %B %Y") if ev.event_date else "On an unknown date"
    who = ev.actor1 or "An unidentified actor"
    if ev.assoc_actor_1:
        who += f" (with {', '.join(ev.assoc_actor_1)})"
    whom = ev.actor2 or ""
    if ev.assoc_actor_2:
        whom += f" (with {', '.join(ev.assoc_actor_2)})"
    where = ev.location or ev.admin1 or ev.country or "an unknown place"
    if ev.admin1 and ev.location and ev.location != ev.admin1:
        where += f" ({ev.admin1})"
    near = "near " if ev.geo_precision == 2 else "in " if ev.geo_precision != 3 else "in the region of "
    text = f"On {when}, {ev.sub_event_type.lower()}: {who}"
    if whom:
        text += f" against {whom}"
    text += f", {near}{where}."
    if ev.background:
        text += " Background event mentioned for context."
    if ev.claims:
        figs = []
        for c in ev.claims:
            rng = "?" if c.low is None and c.high is None else (f"{c.low}" if c.low == c.high else f"{c.low or '?'}-{c.high or '?'}")
            figs.append(f"{c.claimant}: {rng} {c.outcome}" + (f" ({c.victims})" if c.victims else ""))
        text += " Claims: " + "; ".join(figs) + "."
    if ev.disputed:
        text += " Casualty figures disputed."
    return text
