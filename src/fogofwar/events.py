"""Assemble events for one document: triggers + actors + places + dates + claims -> ``Event``s.

ACLED's rule decides the grouping: one event = one day, one location, one
actor pair. A mention with its own date founds or joins the event of that day;
an undated mention ("the battle of Tinzaouaten") joins the dated event it fits
(same place, shared actors), and only becomes an event of its own, dated by
publication with a week's precision, when nothing fits. A mention dated well
before publication is background: kept with its own date and
``background: true``, never coded on the article's date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import places as places_stage
from .actors import ActorMention, find_actors, name_actor
from .claims import RawClaim, find_claims, name_claims, reconcile
from .codebook import actor_registry, categories, lexicon, version
from .dates import DateMention, SentenceDate, resolve_dates
from .detect import Trigger, detect_mentions
from .models import Claim, Episode, Event, Evidence
from .nlp import Parsed
from .places.naming import acled_name

BACKGROUND_DAYS = 14  # a dated mention this long before publication is context, not news
MAX_SPAN_DAYS = 7  # "until" spans longer than this are not split into daily events
CONTEXT_DAYS = 7  # an event this long before the report's main event is context for it


@dataclass
class Mention:
    trigger: Trigger
    sub_event_type: str
    date: dt.date | None
    precision: int | None
    date_evidence: list[DateMention]
    side1: list[ActorMention]
    side2: list[ActorMention]
    location: places_stage.Location
    location_fallback: bool
    background: bool
    attached: bool = False  # an undated mention folded into a dated event: evidence, not the event's type
    weak: bool = False  # typed by default, with nobody named ("the town was attacked"): never decides the type


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

    def keys(self, side: int) -> set[str]:
        return {a.key for a in (self.side1 if side == 1 else self.side2)}


# --- dates for one trigger -----------------------------------------------------------------------


def _clause_head(tok):
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _trigger_root(doc, trig: Trigger):
    span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
    return span.root if span is not None else doc[trig.token_start]


def _date_for(parsed: Parsed, trig: Trigger, sd: SentenceDate) -> tuple[dt.date | None, int | None, list[DateMention], DateMention | None]:
    """(date, precision, evidence, until) for one trigger: a date in its own phrase or clause, else the narrative."""
    doc = parsed.doc
    ttok = _trigger_root(doc, trig)
    tclause = _clause_head(ttok)
    best = None
    for m in sd.mentions:
        if m.role not in ("point", "until"):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        dtok = span.root
        path = []
        for anc in dtok.ancestors:
            if anc.i == ttok.i:
                break
            path.append(anc)
        else:
            path = None
        # a date inside the trigger's phrase, not behind a relative clause ("an offensive which began in 2023")
        inside = path is not None and not any(t.dep_ in ("relcl", "acl", "advcl", "ccomp") for t in path)
        governs = ttok.i in {t.i for t in dtok.subtree}  # "in November 2023, when ... the recovery of the city"
        same_clause = _clause_head(dtok).i == tclause.i
        if m.precision > 3 and not (inside or same_clause):
            continue
        if inside or governs or same_clause:
            # a date before a weekday before "overnight"/"then"; then the nearest
            rank = (0 if inside or governs else 1, {"absolute": 0, "weekday": 1}.get(m.anchor, 2), abs(m.start - trig.start))
            if best is None or rank < best[0]:
                best = (rank, m)
    if best is not None:
        m = best[1]
        if m.role == "until":
            start = sd.date if sd.date and sd.date <= m.date else (sd.prior.date if sd.prior and sd.prior.date and sd.prior.date <= m.date else m.date)
            ev = [x for x in (sd.mention, sd.anchor, m) if x is not None]
            return start, 1, ev, m
        ev = [m] + ([sd.anchor] if m.anchor == "narrative" and sd.anchor else [])
        return m.date, m.precision, ev, sd.until
    # no date governs the trigger: the sentence's own date if it is in the main clause, else the narrative before it
    if sd.date is not None and (sd.mention is None or sd.source != "explicit"):
        ev = [x for x in (sd.mention, sd.anchor) if x is not None]
        return sd.date, sd.precision, ev, sd.until
    if sd.mention is not None and sd.source == "explicit":
        span = doc.char_span(sd.mention.start, sd.mention.end, alignment_mode="expand")
        main_clause = span is not None and _clause_head(span.root).dep_ == "ROOT"
        # a trigger in a subordinate clause elaborates the dated phrase ("... in November 2023, when the
        # contractors were decisive in the recovery of the city"); one in the main clause keeps the narrative
        if (main_clause and tclause.dep_ == "ROOT") or tclause.dep_ != "ROOT":
            return sd.date, sd.precision, [sd.mention], sd.until
    if sd.prior is not None and sd.prior.date is not None:
        return sd.prior.date, sd.prior.precision, [x for x in (sd.prior.anchor,) if x], None
    return None, None, [], None


# --- actor roles ---------------------------------------------------------------------------------

_TARGET_DEPS = {"dobj", "obj", "nsubjpass", "nsubj:pass", "iobj"}
_TARGET_PREPS = {"on", "against", "at", "into", "contre", "sur", "visant"}
_AGENT_PREPS = {"by", "from", "par"}


def _role(doc, trig: Trigger, mention: ActorMention) -> int:
    """1 = initiator, 2 = target, decided from the parse with word order as the fallback."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    ttok = _trigger_root(doc, trig)
    if span is None:
        return 1 if mention.start < trig.start else 2
    tok = span.root
    # follow coordination to the first conjunct
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    path = [tok, *tok.ancestors]
    for i, t in enumerate(path[:6]):
        head = t.head
        if t.dep_ in ("pobj", "pcomp", "obl", "nmod") or (t.dep_ in ("pobj",) and head.dep_ == "prep"):
            prep = head.lower_ if head.dep_ in ("prep", "case") else next((c.lower_ for c in t.children if c.dep_ == "case"), "")
            if prep in _TARGET_PREPS:
                return 2
            if prep in _AGENT_PREPS:
                return 1
        if t.dep_ == "prep" and t.lower_ in _TARGET_PREPS and t.head in (ttok, ttok.head):
            return 2
        if t.dep_ == "prep" and t.lower_ in _AGENT_PREPS and t.head in (ttok, ttok.head):
            return 1
        if t.dep_ in ("nsubj", "poss", "agent", "compound", "amod") and head in (ttok, ttok.head, _clause_head(ttok)):
            return 1
        if t.dep_ in _TARGET_DEPS and head in (ttok, ttok.head, _clause_head(ttok)):
            return 2
    return 1 if mention.start < trig.start else 2


def _scope(doc, trig: Trigger, actor_tokens: set[int]) -> set[int]:
    """Token range of the trigger's own clause: its clause head's subtree without coordinated clauses.

    "The Algerian army then blocked the border and CSP-DPA fighters decided to confront the convoy":
    the Algerian army is not a party to the confrontation.
    """
    h = _clause_head(_trigger_root(doc, trig))
    while h.dep_ in ("xcomp", "ccomp") and h.head.i != h.i:
        h = h.head
    excluded = set()
    for child in h.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            excluded.update(t.i for t in child.subtree)
    scope = {t.i for t in h.subtree} - excluded
    # "the column began a retreat but fell into an ambush": a coordinated verb shares its head's subject,
    # unless another noun phrase stands right before it ("... and CSP-DPA fighters decided to confront")
    if not any(c.dep_.startswith("nsubj") for c in h.children):
        left = [t for t in doc[max(h.sent.start, h.i - 1) : h.i] if t.pos_ in ("NOUN", "PROPN") and t.i in actor_tokens]
        if left:
            scope |= {t.i for t in left[-1].subtree} | {left[-1].i}
        elif h.dep_ == "conj":
            for c in h.head.children:
                if c.dep_.startswith("nsubj"):
                    scope |= {t.i for t in c.subtree}
    return scope


def _described(tok, doc, trig: Trigger) -> bool:
    """True for an actor named inside a relative clause that describes someone else
    ("a civilian militia that supports the army"): not a party to the event."""
    troot = _trigger_root(doc, trig)
    for anc in [tok, *tok.ancestors]:
        if anc.i == troot.i or anc.i == _clause_head(troot).i:
            return False
        if anc.dep_ in ("relcl", "acl:relcl") and anc.pos_ in ("VERB", "AUX"):
            return True
    return False


@lru_cache(maxsize=4)
def _source_cue(lang: str) -> re.Pattern:
    cues = lexicon(lang).claims["attribution"]["before_source"]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(c.lower()) for c in sorted(cues, key=len, reverse=True))})\s", re.I)


def _attributed(parsed: Parsed, a: ActorMention) -> bool:
    """An actor named as a source ("according to the CSP-DPA", "selon un communiqué du ministère de la Défense",
    "selon le Cadre stratégique ... (CSP-DPA)") reports the event; it is not a party to it."""
    window_start = max(0, a.start - 120)
    before = parsed.text[window_start : a.start]
    cues = list(_source_cue(parsed.document.lang).finditer(before))
    if not cues:
        return False
    between = before[cues[-1].end() :]
    between = re.sub(r"\([^)]*\)?", "", between)  # a parenthesis ("(CSP-DPA)") does not end the source
    return not re.search(r"[,.;:\n]", between) and len(between.split()) <= 14


def _sides(parsed: Parsed, trig: Trigger, actors: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    actors = [a for a in actors if not _attributed(parsed, a)]
    spans = [parsed.doc.char_span(a.start, a.end, alignment_mode="expand") for a in actors]
    actor_tokens = {t.i for sp in spans if sp is not None for t in sp}
    scope = _scope(parsed.doc, trig, actor_tokens)
    if scope:
        inside = []
        for a in actors:
            span = parsed.doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is not None and span.root.i in scope and not _described(span.root, parsed.doc, trig):
                inside.append(a)
        if inside:
            actors = inside
    side1: list[ActorMention] = []
    side2: list[ActorMention] = []
    for a in actors:
        (side1 if _role(parsed.doc, trig, a) == 1 else side2).append(a)
    # one actor cannot be on both sides of one fight
    keys1 = {a.key for a in side1}
    side2 = [a for a in side2 if a.key not in keys1]
    # allies do not fight each other: state forces and their auxiliaries on both sides is a parse error
    # ("the army, supported by Wagner, fought the rebels" read with Wagner as the agent)
    st1 = [a for a in side1 if _in_state_camp(a)]
    st2 = [a for a in side2 if _in_state_camp(a)]
    if st1 and st2:
        if len(st1) + (len(side1) == len(st1)) <= len(st2) + (len(side2) == len(st2)):
            side1, side2 = [a for a in side1 if a not in st1], side2 + st1
        else:
            side1, side2 = side1 + st2, [a for a in side2 if a not in st2]
    if not side1 or not side2:
        side1, side2 = _split_camps(side1 or side2)
    return side1, side2


def _implied_target(parsed: Parsed, trig: Trigger, lang: str) -> str | None:
    """What an attack with no named target hit: "attacked the village" (civilians), "attacked a military post" (forces),
    "killed two Fulani", "the mayor was killed by gunmen" (people, hence civilians)."""
    cues = lexicon(lang).cues
    root = _trigger_root(parsed.doc, trig)
    objects = [c for c in root.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
    for obj in objects:
        words = " ".join(t.text.lower() for t in obj.subtree)
        for kind, key in (("state_military", "military_targets"), ("civilians", "civilian_targets")):
            if any(re.search(rf"(?<!\w){re.escape(w.lower())}s?(?!\w)", words) for w in cues.get(key, [])):
                return kind
    after = parsed.text[trig.end : trig.end + 60].lower()
    after = re.split(r"[.;]|, (?:then|and|before|after|puis|avant)\b", after)[0]
    for kind, key in (("state_military", "military_targets"), ("civilians", "civilian_targets")):
        if any(re.search(rf"(?<!\w){re.escape(w.lower())}s?(?!\w)", after) for w in cues.get(key, [])):
            return kind
    return None


_STATE_CAMP = {"state_military", "state_police", "government", "russian_forces", "foreign_military", "progovernment_militia", "peacekeepers"}


def _in_state_camp(a: ActorMention) -> bool:
    return (a.entry is not None and a.entry.inter == 1) or a.kind in _STATE_CAMP


def _split_camps(actors: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """When the parse puts everyone on one side, state forces and their allies face the others."""
    state = [a for a in actors if _in_state_camp(a)]
    others = [a for a in actors if not _in_state_camp(a) and a.kind not in ("civilians",)]
    civilians = [a for a in actors if a.kind == "civilians"]
    if state and others:
        first_state = actors.index(state[0]) < actors.index(others[0])
        return (state, others + civilians) if first_state else (others, state + civilians)
    if civilians and len(civilians) == len(actors):
        return [], civilians  # victims without a named perpetrator stay the target
    return actors, []


def _is_civilian(a: ActorMention) -> bool:
    return a.kind in ("civilians", "aid")


# words that only say someone was hurt; with nobody named they describe no event ("the wounded were taken to X")
_OUTCOME_ONLY = {"wounded", "wound", "injured", "injure", "killed", "kill", "killing", "shot", "dead", "blessés", "blessé", "tués", "tué"}


def _resolve_sub_type(trig: Trigger, side1: list[ActorMention], side2: list[ActorMention], sentence_text: str, lang: str) -> str | None:
    if trig.sub_event_type:
        return trig.sub_event_type
    armed = lambda side: [a for a in side if not _is_civilian(a) and a.kind not in ("protesters", "rioters")]  # noqa: E731
    if trig.resolve == "violence":
        if any(a.kind == "protesters" for a in side2) and any(_in_state_camp(a) for a in side1):
            return "Excessive force against protesters"  # "police opened fire on demonstrators"
        civ1, civ2 = any(_is_civilian(a) for a in side1), any(_is_civilian(a) for a in side2)
        if (civ2 and not armed(side2)) or (civ1 and not armed(side1)):
            return "Attack"  # armed men against civilians, whichever side the parse put them on
        if armed(side1) and armed(side2) or armed(side1 + side2):
            return "Armed clash"
        if not side1 and not side2 and trig.text.lower().split()[0] not in _OUTCOME_ONLY:
            return "Armed clash"  # "the town had been attacked": an attack by unnamed parties; confidence says so
        return None
    if trig.resolve == "territory":
        takers = side1 or side2
        if any((a.entry is not None and a.entry.inter == 1) or a.kind == "state_military" for a in takers):
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    if trig.resolve == "protest":
        cues = lexicon(lang).cues
        low = sentence_text.lower()
        if any(re.search(rf"(?<!\w){re.escape(w)}", low) for w in cues.get("lethal", [])) and any(
            re.search(rf"(?<!\w){re.escape(w)}", low) for w in cues.get("intervention", [])
        ):
            return "Excessive force against protesters"
        if any(re.search(rf"(?<!\w){re.escape(w)}", low) for w in cues.get("riot", [])):
            return "Violent demonstration"  # "the protests turned violent", "burned tyres", "ransacked"
        if any(re.search(rf"(?<!\w){re.escape(w)}", low) for w in cues.get("intervention", [])):
            return "Protest with intervention"
        return "Peaceful protest"
    return None


def _place_follows(parsed: Parsed, trig: Trigger, toponyms, lang: str) -> bool:
    nouns = [w.lower() for w in lexicon(lang).cues.get("place_nouns", [])]
    after = parsed.text[trig.end : trig.end + 45]
    if any(trig.end <= t.start <= trig.end + 35 for t in toponyms):
        return True
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", after.lower()) for n in nouns)


# --- the document pass ---------------------------------------------------------------------------


# strategic developments coded with the acting party only
_ONE_SIDED_SD = {"Change to group/activity", "Headquarters or base established"}


@dataclass
class DocumentAnalysis:
    """Everything the stages found in one document, kept for evidence and for the eval's diagnostics."""

    parsed: Parsed
    sentence_dates: list[SentenceDate]
    triggers: list[Trigger]
    actors: list[ActorMention]
    toponyms: list
    countries: list[str]
    mentions: list[Mention]
    raw_claims: list[RawClaim]


def analyse(parsed: Parsed) -> DocumentAnalysis:
    doc = parsed.document
    text = parsed.text
    lang = doc.lang
    sdates = resolve_dates(parsed)
    triggers = detect_mentions(parsed)
    actors = find_actors(text, lang)
    gaz = places_stage.Gazetteer.default()
    toponyms = [
        t for t in places_stage.scan_toponyms(text, gaz, lang=lang) if not any(a.start <= t.start < a.end or t.start <= a.start < t.end for a in actors)
    ]
    countries = places_stage.mentioned_countries(text, toponyms, gaz)
    # national actors say where a report is even when it names no country ("FAMa", "Dozo hunters", "VDP")
    for a in actors:
        if a.entry is not None and a.entry.country and a.entry.inter != 8:
            c = gaz.country(a.entry.country)
            if c is not None and c.iso3 not in countries:
                countries.append(c.iso3)
    toponyms = _plausible_toponyms(parsed, toponyms, countries)
    published = doc.published
    # the document's main place: the most cited locality among event sentences
    trig_sents = sorted({t.sentence for t in triggers})
    sent_locs = {}
    for si in trig_sents:
        s = parsed.sentences[si]
        sent_locs[si] = places_stage.resolve_location(text, s.start, s.end, toponyms, countries, gaz)
    main = _main_location(sent_locs.values(), toponyms, countries, gaz, text)
    raw_claims = find_claims(parsed, actors)
    figures = [(c.fig_start, c.fig_end) for c in raw_claims if c.fig_start is not None]
    # a sentence that names the weapon ("an IED struck", "airstrikes targeting", "fired mortars against")
    # describes one act: its generic words ("attack", "target", "kill") are not a second, battle-type event
    weapon_sentences = {t.sentence for t in triggers if t.sub_event_type and categories().get(t.sub_event_type).event_type == "Explosions/Remote violence"}
    triggers = [t for t in triggers if not (t.resolve == "violence" and t.sentence in weapon_sentences)]
    # fighters detained in the course of a clash are part of the clash (ACLED codes the clash, not the arrests)
    fight_sentences = {t.sentence for t in triggers if t.resolve == "violence" or t.sub_event_type == "Armed clash"}
    triggers = [t for t in triggers if not (t.sub_event_type == "Arrests" and t.sentence in fight_sentences)]
    mentions: list[Mention] = []
    for trig in triggers:
        if trig.resolve == "violence" and any(a <= trig.start < b for a, b in figures):
            continue  # "50 Wagner members and 10 Malian soldiers killed" is a claim, not an event description
        sent = parsed.sentences[trig.sentence]
        sd = sdates[trig.sentence]
        if sd.habitual:
            continue
        if lexicon(lang).triggers and trig.resolve == "territory" and not _place_follows(parsed, trig, toponyms, lang):
            continue
        sent_actors = [a for a in actors if sent.start <= a.start < sent.end]
        side1, side2 = _sides(parsed, trig, sent_actors)
        if trig.resolve == "violence" and not side2:
            target = _implied_target(parsed, trig, lang)
            if target is not None:
                g = next(g for g in actor_registry().generic if g.kind == target)
                side2 = [ActorMention(trig.end, trig.end, "", None, g)]  # no span of its own: named at assembly
        sub = _resolve_sub_type(trig, side1, side2, sent.text, lang)
        if sub is None:
            continue
        if sub == "Armed clash" and any(a.kind in ("protesters", "rioters") for a in side1 + side2):
            sub = "Violent demonstration"  # "protesters clashed with police": a riot, not a battle between armed groups
        if sub == "Remote explosive/landmine/IED":
            # a mine or an IED hits its victims; only an armed group can have laid it
            side1, side2 = [a for a in side1 + side2 if not _in_state_camp(a) and not _is_civilian(a)], [
                a for a in side1 + side2 if _in_state_camp(a) or _is_civilian(a)]
        if sub in _ONE_SIDED_SD:
            side2 = []
        date, precision, evidence, until = _date_for(parsed, trig, sd)
        loc, fallback = _event_location(sent_locs.get(trig.sentence), main, toponyms)
        background = bool(date and published and precision is not None and (date < published - dt.timedelta(days=BACKGROUND_DAYS)))
        days = [date]
        if until is not None and date is not None and until.date > date and (until.date - date).days <= MAX_SPAN_DAYS:
            days = [date + dt.timedelta(days=i) for i in range((until.date - date).days + 1)]
            evidence = evidence + [until]
        weak = not (side1 or side2)
        for day in days:
            mentions.append(Mention(trig, sub, day, precision, evidence, side1, side2, loc, fallback, background, weak=weak))
    return DocumentAnalysis(parsed, sdates, triggers, actors, toponyms, countries, mentions, raw_claims)


_DIRECTIONAL = {"towards", "from"}
_TRUSTED_CUES = {"in", "near", "outskirts", "km_from", "region", "cercle"}


def _plausible_toponyms(parsed: Parsed, toponyms, countries: list[str]):
    """Drop names that only look like places: people ("Shevchenko"), demonyms, places in countries the report never mentions."""
    doc = parsed.doc
    keep = []
    for t in toponyms:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and any(tok.ent_type_ in ("PERSON", "NORP", "ORG", "PER") for tok in span) and (t.cue or "") not in _TRUSTED_CUES:
            if not any(c.source == "supplement" for c in t.candidates):
                continue
        if not t.candidates:
            continue
        isos = {c.iso3 for c in t.candidates}
        if countries and not isos & set(countries[:4]) and (t.cue or "") not in _TRUSTED_CUES and all(c.kind != "country" for c in t.candidates):
            continue
        keep.append(t)
    return keep


def _event_location(sent_loc, main, toponyms):
    """The sentence's place, unless it is only a destination or a region that the report's main place refines."""
    if sent_loc is None or sent_loc.place is None:
        return main, True
    cue = next((t.cue for t in toponyms if t.start == sent_loc.start), None)
    if cue in _DIRECTIONAL and main is not None and main.place is not None and main.place.name != sent_loc.place.name:
        return main, True
    if (sent_loc.geo_precision or 0) >= 3 and main is not None and main.place is not None and (main.geo_precision or 3) < 3:
        if main.place.admin1 == sent_loc.place.admin1 or main.place.iso3 == sent_loc.place.iso3:
            return main, True
    return sent_loc, False


def _main_location(locs, toponyms, countries, gaz, text):
    counts: dict[str, tuple[int, places_stage.Location]] = {}
    for loc in locs:
        if loc is not None and loc.place is not None and loc.geo_precision and loc.geo_precision <= 2:
            key = loc.place.name
            n, first = counts.get(key, (0, loc))
            counts[key] = (n + 1, first)
    if counts:
        return max(counts.values(), key=lambda v: v[0])[1]
    # no locality in any event sentence: the best toponym of the whole document, at its own precision
    loc = places_stage.resolve_location(text, 0, len(text), toponyms, countries, gaz)
    return loc


def _wildcards(side: list[ActorMention], known: list[ActorMention]) -> set[str]:
    """Keys of a side, where "the attackers"/"gunmen" (an unidentified group) stand for the one named
    non-state armed actor of the event, if there is exactly one ("IS Sahel fighters attacked ... the attackers withdrew")."""
    keys = set()
    named = {a.key for a in known if a.entry is not None and not _in_state_camp(a) and a.kind not in ("civilians", "protesters", "rioters")}
    for a in side:
        if a.entry is None and a.generic is not None and a.generic.kind in ("unidentified", "jihadist") and len(named) == 1:
            keys |= named
        else:
            keys.add(a.key)
    return keys


def _compatible(d: Draft, m: Mention) -> int:
    """0 = another event, 1 = same pair as is, 2 = same pair with the mention's sides swapped.

    A side that brings a new actor while sharing none with the draft's side is another actor pair:
    the JNIM ambush and the CSP-DPA attack on the same convoy, the same day, are two events.
    """
    k1 = _wildcards(m.side1, d.side1 + d.side2)
    k2 = _wildcards(m.side2, d.side1 + d.side2)
    d1, d2 = d.keys(1), d.keys(2)
    if not (k1 or k2) or not (d1 or d2):
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


def _same_place(a: places_stage.Location | None, b: places_stage.Location | None) -> bool:
    if a is None or b is None or a.place is None or b.place is None:
        return True
    if a.place.name == b.place.name:
        return True
    return places_stage.haversine_km(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude) <= 25


def _add(d: Draft, m: Mention, how: int) -> None:
    s1, s2 = (m.side1, m.side2) if how == 1 else (m.side2, m.side1)
    for mine, target in ((s1, d.side1), (s2, d.side2)):
        for a in mine:
            if a.key in d.keys(1) or a.key in d.keys(2):
                continue
            if a.entry is None and a.generic is not None and a.generic.kind in ("unidentified", "jihadist") and any(
                    x.entry is not None and not _in_state_camp(x) for x in target):
                continue  # "the attackers" are the named group already on that side
            target.append(a)
    d.mentions.append(m)
    if d.location is None or (d.location.place is None and m.location.place is not None) or (
        not m.location_fallback and d.mentions and all(x.location_fallback for x in d.mentions[:-1])
    ):
        d.location = m.location


def group(mentions: list[Mention], published: dt.date | None) -> list[Draft]:
    """Group mentions into drafts: one per day, place and actor pair."""
    drafts: list[Draft] = []
    dated = [m for m in mentions if m.date is not None]
    undated = [m for m in mentions if m.date is None]
    # strongest mentions found events first, so that a clash founds the day and a passing "wounded" joins it
    dated.sort(key=lambda m: (m.date, m.weak, categories().get(m.sub_event_type).priority, m.trigger.start))
    for m in dated:
        target = None
        for d in drafts:
            if d.date == m.date and d.background == m.background and _same_place(d.location, m.location):
                how = _compatible(d, m)
                if how and _family(d) == _family_of(m.sub_event_type):
                    target = (d, how)
                    break
        if target is None:
            d = Draft(date=m.date, precision=m.precision, location=m.location, background=m.background)
            _add(d, m, 1)
            drafts.append(d)
        else:
            _add(target[0], m, target[1])
            target[0].precision = min(target[0].precision or 3, m.precision or 3)
    for m in undated:
        best = None
        for d in drafts:
            if d.background or not _same_place(d.location, m.location):
                continue
            how = _compatible(d, m)
            if not how or _family(d) != _family_of(m.sub_event_type):
                continue
            overlap = len(({a.key for a in m.side1} | {a.key for a in m.side2}) & (d.keys(1) | d.keys(2)))
            score = (overlap, len(d.mentions))
            if best is None or score > best[0]:
                best = (score, d, how)
        if best is None or best[0][0] == 0:
            # no shared actor: an undated mention with one side named may fill the empty side of the
            # report's main dated event at the same place ("the battle for Tinzaouaten ... the CSP-DPA")
            k = {a.key for a in m.side1} | {a.key for a in m.side2}
            open_drafts = [d for d in drafts if not d.background and _same_place(d.location, m.location)
                           and _family(d) == _family_of(m.sub_event_type) and (not d.side2 or not d.side1)]
            if k and open_drafts and (not m.side1 or not m.side2):
                d = max(open_drafts, key=lambda d: len(d.mentions))
                side = m.side1 or m.side2
                (d.side2 if d.side1 else d.side1).extend(a for a in side if a.key not in d.keys(1) | d.keys(2))
                m.attached = True
                d.mentions.append(m)
                continue
        if best is not None:
            m.attached = True
            _add(best[1], m, best[2])
        else:
            d = Draft(date=published, precision=2, location=m.location, background=False, undated=True)
            _add(d, m, 1)
            drafts.append(d)
    return drafts


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


# --- drafts -> events ----------------------------------------------------------------------------


def _primary(side: list[ActorMention], day, country) -> tuple[str | None, int | None, list[str]]:
    if not side:
        return None, None, []
    named = [(name_actor(a, day, country), a) for a in side]
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
    _mark_earlier_context(drafts)
    events: list[Event] = []
    for d in drafts:
        loc = d.location
        place = loc.place if loc else None
        country = place.country if place else _country_from_iso(analysis.countries[0] if analysis.countries else None)
        if country is None:  # no place at all: the country of a named national actor ("FAMa", "Katiba Macina", "VDP")
            country = next((a.entry.country for a in d.side1 + d.side2 if a.entry is not None and a.entry.country and a.entry.inter != 8), None)
        # civilians are the target side in one-sided violence
        if any(_is_civilian(a) for a in d.side1) and d.side2 and not any(_is_civilian(a) for a in d.side2):
            d.side1, d.side2 = d.side2, d.side1
        deciding = [m for m in d.mentions if not m.attached and not m.weak] or [m for m in d.mentions if not m.weak] or d.mentions
        sub = min((m.sub_event_type for m in deciding), key=lambda s: categories().get(s).priority)
        st = categories().get(sub)
        _fill_unknown_sides(d, st)
        a1, i1, as1 = _primary(d.side1 or d.side2, d.date, country)
        a2, i2, as2 = _primary(d.side2 if d.side1 else [], d.date, country)
        evidence = _evidence(doc, d, a1, a2)
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
    _attach_claims(analysis, drafts, events)
    for ev in events:
        ev.notes = notes(ev)
    return events


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


def _fill_unknown_sides(d: Draft, st) -> None:
    """ACLED's conventions for sides the report leaves unnamed.

    One-sided violence and explosions with only the victims named: the perpetrator is an unidentified
    armed group. A battle with one side named: the other side is an unidentified armed group.
    Protests and riots: the participants are protesters or rioters of the country.
    """
    if st.event_type == "Protests" or st.event_type == "Riots":
        kind = "protesters" if st.event_type == "Protests" else "rioters"
        crowd = [a for a in d.side1 + d.side2 if a.kind in ("civilians", kind)]
        others = [a for a in d.side1 + d.side2 if a not in crowd and _in_state_camp(a)]
        d.side1 = [_generic(kind)] if crowd or not (d.side1 or d.side2) else [a for a in d.side1 if a not in others]
        d.side2 = others if st.event_type == "Protests" or others else [a for a in d.side2 if a not in crowd]
        if not d.side1:
            d.side1 = [_generic(kind)]
        return
    victims_only = not d.side1 and d.side2
    if st.event_type in ("Violence against civilians", "Explosions/Remote violence") and victims_only:
        d.side1 = [_generic("unidentified")]
    elif st.event_type == "Battles" and (bool(d.side1) != bool(d.side2)):
        side = d.side1 or d.side2
        if any(_in_state_camp(a) for a in side) or all(a.kind not in ("unidentified",) for a in side):
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
                by_sentence.setdefault(m.trigger.sentence, ep)
    sd = analysis.sentence_dates
    published = doc.published
    assigned: dict[int, list[RawClaim]] = {}
    for rc in analysis.raw_claims:
        when = sd[rc.sentence]
        if when.date and published and when.date < published - dt.timedelta(days=BACKGROUND_DAYS) and rc.sentence not in by_sentence:
            continue  # a toll from a background event
        ep = by_sentence.get(rc.sentence, main)
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
        claims = name_claims(raw, doc, first.event_date, country, opponents, targets)
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
    for _, e in [(None, e) for e in events if e.background]:
        e.fatalities = 0
        e.reasons.setdefault("fatalities", "background event: casualty figures in the report are not about it")


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
