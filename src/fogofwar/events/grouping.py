"""Mentions into drafts: one per day, place and actor pair (ACLED's rule)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import places as places_stage
from ..actors import ActorMention, is_people
from ..codebook import categories
from ..models import Claim
from .analysis import Mention
from .roles import in_state_camp, is_civilian


@dataclass
class Draft:
    mentions: list[Mention] = field(default_factory=list)
    date: dt.date | None = None
    precision: int | None = None
    side1: list[ActorMention] = field(default_factory=list)
    side2: list[ActorMention] = field(default_factory=list)
    location: places_stage.Location | None = None
    background: bool = False
    claims: list[Claim] = field(default_factory=list)
    undated: bool = False
    part: int = 0  # the report's story it belongs to (see Mention.part)

    def keys(self, side: int) -> set[str]:
        return {a.key for a in (self.side1 if side == 1 else self.side2)}



def _wildcards(side: list[ActorMention], known: list[ActorMention], facing: list[ActorMention] = ()) -> set[str]:
    """Keys of a side, where "the attackers"/"gunmen" (an unidentified group) stand for the one named
    non-state armed actor of the event, if there is exactly one ("IS Sahel fighters attacked ... the attackers withdrew").
    The group the mention's other side names is not it ("JNIM repelled the attackers": the attackers are IS).
    "People" facing a named side are nobody's side ("la mort de treize personnes lors d'une attaque terroriste");
    alone ("ils ont tué neuf personnes") they are the civilians they stand for."""
    keys = set()
    named = {a.key for a in known if a.entry is not None and not in_state_camp(a) and a.kind not in ("civilians", "protesters", "rioters")}
    named -= {a.key for a in facing}
    for a in side:
        if a.start == a.end and not a.text:
            continue  # an actor only implied ("the checkpoint was set on fire": its forces) never splits an event
        if a.entry is None and a.generic is not None and a.generic.kind in ("unidentified", "jihadist") and len(named) == 1:
            keys |= named
        elif is_people(a) and facing:
            continue  # "la mort de treize personnes lors d'une attaque": people, soldiers among them, are nobody's side yet
        else:
            keys.add(a.key)
    return keys


def _compatible(d: Draft, m: Mention) -> int:
    """0 = another event, 1 = same pair as is, 2 = same pair with the mention's sides swapped.

    A side that brings a new actor while sharing none with the draft's side is another actor pair:
    the JNIM ambush and the CSP-DPA attack on the same convoy, the same day, are two events.
    """
    if _family_of(m.sub_event_type) == "demonstration" and _family(d) == "demonstration":
        return 1  # one crowd a day at one place: "les commerçants ... les manifestants ... le rassemblement"
    k1 = _wildcards(m.side1, d.side1 + d.side2, m.side2)
    k2 = _wildcards(m.side2, d.side1 + d.side2, m.side1)
    d1, d2 = d.keys(1), d.keys(2)
    if not (k1 or k2) or not (d1 or d2):
        return 1
    # one side known on each: "an army unit was ambushed ... the terrorists fled after the fighting"
    if not d1 and k1 and not k2 and d2 and not (k1 & d2):
        return 1
    if not d2 and k2 and not k1 and d1 and not (k2 & d1):
        return 1
    direct = len(k1 & d1) + len(k2 & d2)
    crossed = len(k1 & d2) + len(k2 & d1)
    if direct == 0 and crossed == 0:
        return 0
    how = 1 if direct >= crossed else 2
    a, b = (k1, k2) if how == 1 else (k2, k1)
    for mine, theirs, other in ((a, d1, d2), (b, d2, d1)):
        if mine - theirs - other and theirs and not (mine & theirs):
            return 0
    return how


def _key(name: str | None) -> str:
    """"Tillabéri" and "Tillaberi" are one region."""
    from ..places.gazetteer import name_key

    return name_key(name) if name else "?"


def _same_place(a: places_stage.Location | None, b: places_stage.Location | None) -> bool:
    if a is None or b is None or a.place is None or b.place is None:
        return True
    if a.place.name == b.place.name:
        return True
    # a report's "Mali" or "the Gao region" covers the village it names elsewhere
    for wide, narrow in ((a.place, b.place), (b.place, a.place)):
        if wide.kind == "country" and wide.iso3 == narrow.iso3:
            return True
        if wide.kind == "admin1" and wide.iso3 == narrow.iso3 and _key(wide.admin1 or wide.name) == _key(narrow.admin1):
            return True
        if wide.kind == "admin2" and wide.iso3 == narrow.iso3 and _key(wide.admin2 or wide.name) == _key(narrow.admin2):
            return True  # "Tapoa" (the province) and Diapaga, its town
    return places_stage.haversine_km(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude) <= 25


def _add(d: Draft, m: Mention, how: int) -> None:
    s1, s2 = (m.side1, m.side2) if how == 1 else (m.side2, m.side1)
    for mine, target in ((s1, d.side1), (s2, d.side2)):
        for a in mine:
            if a.key in d.keys(1) or a.key in d.keys(2):
                continue
            if a.start == a.end and not a.text and target:
                continue  # implied, and the event already names that side
            if a.entry is None and a.kind in ("state_military", "state_police") and any(
                    x.entry is not None and x.kind == a.kind for x in d.side1 + d.side2):
                continue  # "the army" after "the Malian army": the same force, already in the event
            if a.entry is None and a.generic is not None and a.generic.kind in ("unidentified", "jihadist") and any(
                    x.entry is not None and not in_state_camp(x) for x in target):
                continue  # "the attackers" are the named group already on that side
            target.append(a)
    d.mentions.append(m)
    if m.headline and d.location is not None and d.location.place is not None:
        return  # the title names the region; the body says where
    refines = (d.location is not None and d.location.place is not None and d.location.place.kind == "country" and m.location.place is not None
               and m.location.place.kind != "country" and m.location.place.iso3 == d.location.place.iso3 and not m.location_fallback)
    if refines or d.location is None or (d.location.place is None and m.location.place is not None) or (
        not m.location_fallback and d.mentions and all(x.location_fallback for x in d.mentions[:-1])
    ):
        d.location = m.location


def _attach(m: Mention, candidates: list[Draft], fill_target: list[ActorMention] | None = None) -> bool:
    """Fold a mention into the largest candidate as evidence, without its actors (optionally filling an
    empty target side); False when there is no candidate."""
    if not candidates:
        return False
    d = max(candidates, key=lambda d: len(d.mentions))
    m.attached = True
    d.mentions.append(m)
    if fill_target and d.side1 and not d.side2:
        d.side2.extend(fill_target)
    return True


def group(mentions: list[Mention], published: dt.date | None) -> list[Draft]:
    """Group mentions into drafts: one per day, place and actor pair; "cet accrochage", "this attack" name the
    act told before them again, wherever and whenever their own sentence says it was (one with nothing told
    before it is grouped as a new act)."""
    told = [m for m in mentions if not m.anaphoric]
    again = [m for m in mentions if m.anaphoric]
    while True:
        for m in mentions:
            m.attached = False
        drafts = _group(told, published)
        alone = [m for m in again if not _said_earlier(m, drafts)]
        if not alone:
            break
        told = sorted(told + alone, key=lambda m: m.trigger.start)
        again = [m for m in again if m not in alone]
    for m in again:
        # "cet assaut", "ces frappes": the act of that kind told last; "l'attaque de Bara": the last told by the same
        # word; else the last told
        d = max(_said_earlier(m, drafts), key=lambda p: p[:2])[2]
        m.attached = True
        how = _compatible(d, m)
        if how and m.demonstrative and (m.side1 or m.side2):
            # "Le bilan de cette attaque est de 12 morts dont trois VDP": who it hit, when the act told before named nobody
            location = d.location
            _add(d, m, how)
            d.location = location  # its own sentence's place does not move the act
        else:
            d.mentions.append(m)
    return drafts


def _said_earlier(m: Mention, drafts: list[Draft]) -> list[tuple[bool, int, Draft]]:
    """The drafts' mentions told before ``m`` that it may name again: (same kind or word, where, draft)."""
    return [(x.sub_event_type == m.sub_event_type if m.demonstrative else x.trigger.text.lower() == m.trigger.text.lower(), x.trigger.start, d)
            for d in drafts for x in d.mentions
            if not x.anaphoric and not x.headline and x.trigger.start < m.trigger.start and _family(d) == _family_of(m.sub_event_type)]


def _group(mentions: list[Mention], published: dt.date | None) -> list[Draft]:
    drafts: list[Draft] = []
    dated = [m for m in mentions if m.date is not None]
    undated = [m for m in mentions if m.date is None]
    # strongest mentions found events first, so that a clash founds the day and a passing "wounded" joins it
    # ... and days told exactly before days told by the week or month ("over the weekend" then "on Sunday afternoon")
    dated.sort(key=lambda m: ((m.precision or 1) > 1, m.date, m.weak, categories().get(m.sub_event_type).priority, m.trigger.start))
    for m in dated:
        target = None
        # "over the weekend" is dated to its Saturday: the same act told on the Sunday is that day's
        days = (m.date, m.date + dt.timedelta(days=1)) if m.precision == 2 else (m.date,)
        for d in sorted(drafts, key=lambda d: d.date != m.date):
            if d.date in days and d.background == m.background and d.part == m.part and _same_place(d.location, m.location):
                how = _compatible(d, m)
                if how and _family(d) == _family_of(m.sub_event_type):
                    target = (d, how)
                    break
        if target is None and m.precision == 3:
            # "a revendiqué l'attaque d'un convoi ... le mois dernier" beside "le 26 septembre": a month names no other
            # day than the one the report gives its act
            month = [d for d in drafts if (d.date.year, d.date.month) == (m.date.year, m.date.month) and d.precision == 1 and d.part == m.part
                     and _same_place(d.location, m.location) and _family(d) == _family_of(m.sub_event_type) and _compatible(d, m)]
            if month:
                d = max(month, key=lambda d: len(d.mentions))
                target = (d, _compatible(d, m))
        people = m.side1 + m.side2
        if target is None and people and all(a.kind == "civilians" for a in people) and m.trigger.text.lower().split()[0] in _OUTCOME_WORDS:
            # "several herders grazing nearby were wounded": hurt in the report's own fight there, not a second event
            if _attach(m, [d for d in drafts if d.date == m.date and d.background == m.background and _same_place(d.location, m.location)
                           and _family(d) == _family_of(m.sub_event_type)]):
                continue
        if target is None and m.sub_event_type == "Arrests":
            # "12 people had been arrested" at the day's protest there: the protest's intervention, not another event
            if _attach(m, [d for d in drafts if d.date == m.date and d.background == m.background and _same_place(d.location, m.location)
                           and _family(d) == "demonstration"]):
                continue
        if target is None and categories().get(m.sub_event_type).event_type == "Explosions/Remote violence":
            # one strike told by both sides the same day ("killed 13 civilians" / "struck terrorist targets"):
            # the same striker, place and weapon make one event; the disputed target is not a second one
            if _attach(m, [d for d in drafts if d.date in days and d.background == m.background and _same_place(d.location, m.location)
                           and any(x.sub_event_type == m.sub_event_type for x in d.mentions) and (d.keys(1) & {a.key for a in m.side1}
                           or any(a.kind == "state_military" for a in d.side1) and any(a.kind == "state_military" for a in m.side1))][:1]):
                continue
        if target is None:
            d = Draft(date=m.date, precision=m.precision, location=m.location, background=m.background, part=m.part)
            _add(d, m, 1)
            drafts.append(d)
        else:
            _add(target[0], m, target[1])
            target[0].precision = min(target[0].precision or 3, m.precision or 3)
    for m in undated:
        best = None
        for d in drafts:
            if d.background or not _same_place(d.location, m.location) or (d.part != m.part and any(x.part == m.part for x in drafts)):
                continue
            how = _compatible(d, m)
            if not how or _family(d) != _family_of(m.sub_event_type):
                continue
            # ("the attackers" are the one group the draft names: "repousser les assaillants" shares the JNIM's side)
            known = d.side1 + d.side2
            overlap = len((_wildcards(m.side1, known, m.side2) | _wildcards(m.side2, known, m.side1)) & (d.keys(1) | d.keys(2)))
            score = (overlap, any(x.sub_event_type == m.sub_event_type for x in d.mentions), len(d.mentions))
            if best is None or score > best[0]:
                best = (score, d, how)
        if best is None or best[0][0] == 0:
            # no shared actor: an undated mention with one side named may fill the empty side of the
            # report's main dated event at the same place ("the battle for Tinzaouaten ... the CSP-DPA")
            k = {a.key for a in m.side1 + m.side2 if a.text}  # an implied actor fills nothing
            open_drafts = [d for d in drafts if not d.background and _same_place(d.location, m.location)
                           and _family(d) == _family_of(m.sub_event_type) and (not d.side2 or not d.side1)]
            if k and open_drafts and (not m.side1 or not m.side2):
                d = max(open_drafts, key=lambda d: len(d.mentions))
                side = [a for a in (m.side1 or m.side2) if a.text]
                (d.side2 if d.side1 else d.side1).extend(a for a in side if a.key not in d.keys(1) | d.keys(2))
                m.attached = True
                d.mentions.append(m)
                continue
        people = m.side1 + m.side2
        # named by name ("JNIM claimed ..."), not a generic word resolved to a group the report names elsewhere
        named = [a for a in people if a.entry is not None and a.generic is None and not in_state_camp(a) and a.kind not in ("civilians", "protesters", "rioters")]
        unnamed = [a for a in people if a.entry is None and a.generic is not None and a.generic.kind in _UNNAMED]
        victims = [a for a in people if is_civilian(a)]
        if best is None and named and len(named) + len(unnamed) + len(victims) == len(people) and not (victims and (unnamed or m.headline)):
            # "JNIM claimed the attack": the named group is who "the gunmen" of the dated account were
            # ("21 civilians were killed in the attack, which it blamed on Islamic State fighters": so are its victims;
            # not in a title, which sums up several events: "neuf civils tués dans une attaque, le MSA dit avoir riposté";
            # not beside unnamed fighters: "MAA fighters clashed with unknown gunmen ... civilians caught in the crossfire")
            for d in sorted(drafts, key=lambda d: -len(d.mentions)):
                vague_place = m.location is None or m.location.place is None or (m.location.geo_precision or 3) >= 3
                if d.background or not (vague_place or _same_place(d.location, m.location)) or _family(d) != _family_of(m.sub_event_type):
                    continue
                side = next((x for x in (d.side1, d.side2) if x and all(a.entry is None and a.generic is not None and a.generic.kind in _UNNAMED for a in x)), None)
                if side is not None:
                    side[:] = named
                    m.attached = True
                    d.mentions.append(m)
                    break
            if m.attached:
                continue
        if best is None and people and all(a.kind == "civilians" for a in people):
            # "20 soldiers and a civilian killed in an ambush": civilians among the victims of the report's own
            # fight at that place, not a second event
            # the drone strike's dead are its target when the report names no other
            if _attach(m, [d for d in drafts if not d.background and _same_place(d.location, m.location)
                           and _family(d) == _family_of(m.sub_event_type)], fill_target=people):
                continue
        if best is None and categories().get(m.sub_event_type).event_type == "Explosions/Remote violence":
            # the army's "precision strikes on terrorist targets" and the rebels' "drone strikes killed 21
            # civilians" at the same place are one strike told by both sides: the undated account joins the
            # dated one as evidence, without bringing its disputed target along
            if _attach(m, [d for d in drafts if not d.background and _same_place(d.location, m.location)
                           and any(x.sub_event_type == m.sub_event_type for x in d.mentions)]):
                continue
        if best is None and m.headline:
            # "Gao : l'EIGS et le JNIM s'affrontent": the title sums up the body's news, named by region or town
            keys = {a.key for a in people if a.text}
            news = [d for d in drafts if not d.background and _family(d) == _family_of(m.sub_event_type) and _compatible(d, m)
                    and (not keys or keys & (d.keys(1) | d.keys(2)))]
            if news:
                main = max(news, key=lambda d: len(d.mentions))
                best = (None, main, _compatible(main, m))
        if best is None and not any(a.entry is not None for a in people) and _attach(m, [d for d in drafts if not d.background and not d.undated]):
            # "attacks" told undated with nobody named, in a report whose news is dated: part of that news, not
            # another event on the day of publication
            continue
        if best is not None:
            m.attached = True
            _add(best[1], m, best[2])
        else:
            d = Draft(date=published, precision=2, location=m.location, background=False, undated=True)
            _add(d, m, 1)
            drafts.append(d)
    return drafts


_UNNAMED = ("unidentified", "jihadist")
_OUTCOME_WORDS = {"wounded", "injured", "hurt", "killed", "dead", "blessés", "blessé", "blessées", "tués", "tué", "morts"}

_FAMILY = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "strategic",
}


def _family_of(sub: str) -> str:
    st = categories().get(sub)
    if sub in ("Other", "Looting/property destruction"):  # a surrender after a fight, arson during a raid: part of it
        return "violence"
    return _FAMILY[st.event_type]


def _family(d: Draft) -> str:
    return _family_of(d.mentions[0].sub_event_type)
