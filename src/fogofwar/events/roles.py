"""Who did what to whom, and when: the date, the sides and the sub-type of one trigger.

Reads the parse; the rules work on any language the codebook has (deps of English and French
Universal Dependencies both occur) and fall back to word order where the parse is poor.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..actors import ActorMention, is_people, is_state_force, list_members
from ..codebook import actor_registry, categories, lexicon, phrase_alternation
from ..dates import DateMention, SentenceDate, reporting_lemmas, reports
from ..detect import Trigger
from ..nlp import Parsed


# --- dates for one trigger -----------------------------------------------------------------------


def _clause_head(tok):
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _trigger_root(doc, trig: Trigger):
    span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
    return span.root if span is not None else doc[trig.token_start]


def date_for(parsed: Parsed, trig: Trigger, sd: SentenceDate) -> tuple[dt.date | None, int | None, list[DateMention], DateMention | None]:
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
        # "le massacre de Solhan, où 132 villageois avaient été tués en juin 2021": a relative clause on the
        # trigger's own phrase dates it
        rel = _clause_head(dtok)
        if rel.dep_ in ("relcl", "acl:relcl", "acl") and rel.head.i in {t.i for t in ttok.subtree}:
            inside = True
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
        # a nominal trigger ("this recalls the Solhan massacre, where 132 villagers were killed in June 2021")
        # names an event the sentence's one explicit date belongs to, however the parse attaches it
        nominal = ttok.pos_ in ("NOUN", "PROPN") and len([m for m in sd.mentions if m.role == "point" and m.anchor == "absolute"]) == 1
        if (main_clause and tclause.dep_ == "ROOT") or tclause.dep_ != "ROOT" or nominal:
            return sd.date, sd.precision, [sd.mention], sd.until
    if sd.prior is not None and sd.prior.date is not None:
        return sd.prior.date, sd.prior.precision, [x for x in (sd.prior.anchor,) if x], None
    return None, None, [], None


# --- actor roles ---------------------------------------------------------------------------------

_TARGET_DEPS = {"dobj", "obj", "nsubjpass", "nsubj:pass", "iobj"}
_TARGET_PREPS = {"on", "against", "at", "into", "contre", "sur", "visant"}
_AGENT_PREPS = {"by", "from", "par"}


@lru_cache(maxsize=4)
def _target_subject(lang: str) -> re.Pattern:
    # "est tombée mardi (06/10) dans une embuscade": up to four words may stand inside the phrase
    alt = phrase_alternation(lexicon(lang).cues.get("target_subject", []), r"\s+(?:[\w'()/-]+\s+){0,4}") or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alt})\s*[\w\s'\"«»-]{{0,25}}$", re.I)  # the trigger may be the phrase itself


_SUFFERED_BY = re.compile(r"\b(?:subie?s?|essuyée?s?|suffered|sustained|endured)\s+(?:\w+\s+){0,2}?(?:par|by)\s+(?:les?\s+|la\s+|l['’]\s*|the\s+)?$", re.I)


def _role(doc, trig: Trigger, mention: ActorMention, lang: str = "en") -> int:
    """1 = initiator, 2 = target, decided from the parse with word order as the fallback."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    ttok = _trigger_root(doc, trig)
    if mention.start < trig.start and _target_subject(lang).search(doc.text[max(mention.end, trig.start - 40) : trig.end]):
        return 2  # "a unit of the army fell into an ambush": the subject was ambushed
    if mention.start > trig.end and _SUFFERED_BY.search(doc.text, max(trig.end, mention.start - 40), mention.start):
        return 2  # "l'une des attaques les plus meurtrières subies par les forces de défense": who suffers it is the target
    if span is None:
        return 1 if mention.start < trig.start else 2
    tok = span.root
    # follow coordination to the first conjunct
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    path = [tok, *tok.ancestors]
    for i, t in enumerate(path[:6]):
        head = t.head
        if t.dep_.split(":")[0] in ("pobj", "pcomp", "obl", "nmod"):  # French UD adds subtypes: obl:arg, obl:mod
            prep = head.lower_ if head.dep_ in ("prep", "case") else next((c.lower_ for c in t.children if c.dep_ == "case"), "")
            if prep in _TARGET_PREPS:
                return 2
            if prep in _AGENT_PREPS:
                return 1
        if t.dep_ == "prep" and t.lower_ in _TARGET_PREPS and t.head in (ttok, ttok.head):
            return 2
        if t.dep_ == "prep" and t.lower_ in _AGENT_PREPS and t.head in (ttok, ttok.head):
            return 1
        if t.dep_ == "nsubj" and head in (ttok, ttok.head, _clause_head(ttok)) and any(c.dep_ in ("aux:pass", "auxpass") for c in head.children):
            return 2  # "le camp de la Minusma a été bombardé": a passive the parse labelled active
        if t.dep_ in ("nsubj", "poss", "agent", "compound", "amod") and head in (ttok, ttok.head, _clause_head(ttok)):
            return 1
        if t.dep_ in _TARGET_DEPS and head in (ttok, ttok.head, _clause_head(ttok)):
            return 2
    return 1 if mention.start < trig.start else 2


def _scope(doc, trig: Trigger, actor_tokens: set[int], elsewhere: set[int]) -> set[int]:
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
    # "les vecteurs aériens ont pris pour cible un plot d'où les terroristes s'apprêtaient à lancer des attaques":
    # a relative clause describing a noun is not the trigger's clause (unless the trigger is in it)
    root = _trigger_root(doc, trig)
    for t in h.subtree:
        if t.dep_ in ("relcl", "acl:relcl") and t.i != h.i and root not in t.subtree and t.head.i != root.i:  # the trigger's own relative tells it
            excluded.update(x.i for x in t.subtree)
        # "ont pris le contrôle de Dimbal ..., avant d'en être chassés mardi par l'armée": a later act's clause
        if (t.dep_ == "advcl" and t.i != h.i and root not in t.subtree
                and any(c.dep_ == "mark" and c.lower_ in ("avant", "before", "until", "jusqu'à") for c in t.children)):
            excluded.update(x.i for x in t.subtree)
    scope = {t.i for t in h.subtree} - excluded - elsewhere  # ("elsewhere": _relative_after, computed once by sides)
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


def _relative_after(doc, trig: Trigger) -> set[int]:
    """"… un plot logistique, d'où les terroristes s'apprêtaient à lancer des attaques": what a place relative after the
    trigger tells is another scene (the small French parse does not always mark it as a relative clause)."""
    root = _trigger_root(doc, trig)
    for t in doc[root.i + 1 : root.sent.end]:
        if t.lower_ in ("où", "where") and doc[t.i - 1].text in (",", "d'", "d’", "from"):
            return set(range(t.i, root.sent.end))
    return set()


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


def _inverted_source(parsed: Parsed, a: ActorMention) -> bool:
    """"..., témoignent des habitants de la zone", "..., said a local official": the speaker after its verb."""
    from ..claims import _claim_lex

    before = parsed.text[max(0, a.start - 40) : a.start]
    verbs = _claim_lex(parsed.document.lang)["source_verbs"]
    # "..., residents said.", "..., the defence ministry said, in the latest raid": a trailing speaker after a comma
    if re.search(r",\s*(?:(?:the|a|an|des|les|un|une|de)\s+)?(?:[\w-]+\s+)?$", before) and verbs.match(parsed.text, a.end + 1) and re.fullmatch(
            r"[^.;]{0,60}", parsed.text[a.end : a.end + 1]) and re.match(r"\s*[.;,]", parsed.text[verbs.match(parsed.text, a.end + 1).end() :]):
        return True
    for v in verbs.finditer(before):
        tail = before[v.end() :]
        if re.fullmatch(r"\s*(?:-t-(?:il|elle|on)\s+)?(?:(?:des|de|d'|les|la|le|l'|un|une|the|a|an)\s*)?(?:[\w-]+\s+)?", tail) and re.search(
                r"[,»\"]\s*$", before[max(0, v.start() - 3) : v.start()]):
            return True
    return False


def _subjects_of(verbs, lang: str, cue: str) -> set[int]:
    """Tokens of the (active) subjects of those ``verbs`` whose lemma is in the ``cue`` list."""
    lemmas = {w.lower() for w in lexicon(lang).cues.get(cue, [])}
    return {t.i for v in verbs if v.lemma_.lower() in lemmas
            for c in v.children if c.dep_.startswith("nsubj") and not c.dep_.endswith("pass") for t in c.subtree}


def _subjects_above(parsed: Parsed, trig: Trigger, cue: str) -> set[int]:
    """Tokens of the subjects of the verbs above the trigger whose lemma is in the ``cue`` list."""
    return _subjects_of(_trigger_root(parsed.doc, trig).ancestors, parsed.document.lang, cue)


_ENEMY_OF = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:de\s+l['’]\s*ennemi|des\s+ennemis|de\s+l['’]\s*adversaire|des\s+terroristes|by\s+the\s+enemy|from\s+the\s+enemy)\b", re.I)


def _reporters(parsed: Parsed, trig: Trigger) -> set[int]:
    """Tokens of the subject of a reporting verb whose object is the trigger, named as an event already known
    ("le ministère de la Défense a annoncé l'attaque", "the ministry reported the attack"): who tells of it."""
    root = _trigger_root(parsed.doc, trig)
    # ("a confirmé « des tirs indirects de l'ennemi »": an act the speaker puts on its enemy, whatever the article)
    enemy_s = bool(_ENEMY_OF.match(parsed.text, trig.end))
    if root.pos_ != "NOUN" or not (enemy_s or any(c.dep_ == "det" and c.lower_ in ("the", "le", "la", "l'", "les") for c in root.children)):
        return set()
    verb = root  # ("n'avaient pas réagi au bilan de l'attaque", "did not comment on the toll of the attack": through the nouns)
    for _ in range(5):
        if verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    lang = parsed.document.lang
    if not reports(verb, reporting_lemmas(lang)) or verb.lemma_.lower() in {w.lower() for w in lexicon(lang).cues.get("claimers", [])}:
        return set()  # ("JNIM claimed the bombardment": who claims an act did it)
    subject = {t.i for c in verb.children if c.dep_.startswith("nsubj") and not c.dep_.endswith("pass") for t in c.subtree}
    if not subject and enemy_s:
        # (the small French parse often loses the subject of "l'État-major ... a confirmé": everything before the verb speaks)
        subject = set(range(verb.sent.start, verb.i))
    return subject


@lru_cache(maxsize=4)
def _enemy_words(lang: str) -> frozenset[str]:
    """One-word generic names of armed groups ("terroristes", "jihadists"): the dead of a state's own operation."""
    return frozenset(w.lower() for g in actor_registry().generic if g.kind in ("jihadist", "separatist")
                     for w in g.words.get(lang, ()) if " " not in w)


def _toll_reporters(parsed: Parsed, trig: Trigger) -> set[int]:
    """Tokens of the subject of a reporting verb whose object is a toll, told before the trigger ("L'armée annonce la
    mort d'au moins treize personnes lors d'une attaque", "the army announced the deaths of 13 soldiers in an
    ambush"): who counts the dead tells of the act. Claimers keep it ("JNIM claimed the deaths of ...")."""
    lang = parsed.document.lang
    tolls = {w.lower() for w in lexicon(lang).cues.get("toll_nouns", [])}
    sent = parsed.sentences[trig.sentence]
    span = parsed.doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if not tolls or span is None:
        return set()
    lemmas = reporting_lemmas(lang)
    claimers = {w.lower() for w in lexicon(lang).cues.get("claimers", [])}
    for t in span:
        if t.idx >= trig.start:
            break
        # the small French model reads "annonce" in "L'armée annonce la mort" as a noun: its verb is "annoncer"
        lemma = t.lemma_.lower()
        if t.pos_ not in ("VERB", "AUX", "NOUN") or not ({lemma, lemma + "r"} & lemmas) or {lemma, lemma + "r"} & claimers:
            continue
        obj = next((u for u in span.doc[t.i + 1 : min(t.i + 4, span.end)] if u.pos_ in ("NOUN", "PROPN", "VERB")), None)
        if obj is None or obj.lower_ not in tolls:
            continue
        if _enemy_words(lang) & {u.lower_ for u in span.doc[obj.i : span.end] if u.idx < trig.start}:
            return set()  # "l'armée annonce la mort de 20 terroristes lors d'une opération": the army's own act
        return {x.i for c in t.children if c.dep_.startswith("nsubj") and not c.dep_.endswith("pass") for x in c.subtree}
    return set()


def _violent(trig: Trigger) -> bool:
    if trig.resolve in ("violence", "territory"):
        return True
    if trig.resolve or not trig.sub_event_type:
        return False
    return categories().get(trig.sub_event_type).event_type in ("Battles", "Violence against civilians", "Explosions/Remote violence")


_STATE_BODY = re.compile(r"(?:ministère|ministre|état-major|etat-major|direction|ministry|minister|general\s+staff|chief\s+of\s+staff)\b", re.I)


def _state_body(a: ActorMention) -> bool:
    """A state body that issues statements, named by a generic word ("le ministère de la Défense", "the general staff")."""
    return a.entry is None and a.kind == "state_military" and bool(_STATE_BODY.match(a.text))


_PROTECTED = re.compile(r"\b(?:sécurisation|protection|sécuriser|protéger|au\s+profit|escorte|secure|securing|protect|protecting|escorting|protection\s+of)\s+(?:des|de\s+la|du|de|les|la|le|the|of\s+the|of)?\s*$", re.I)


def _speaks_next(parsed: Parsed, a: ActorMention) -> bool:
    """A reporting verb follows the actor in its own clause ("la junte au pouvoir à Ouagadougou n'a pas réagi"),
    read on the words, as the parse often loses such a subject."""
    span = parsed.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return False
    lemmas = reporting_lemmas(parsed.document.lang)
    stems = _reporting_stems(parsed.document.lang)
    for t in parsed.doc[span.end : span.end + 10]:
        if t.is_punct or t.is_sent_start:
            return False
        # ("n'a pas réagi": the small French model tags the participle an adjective, lemma "réagi")
        if t.pos_ in ("VERB", "AUX") and reports(t, lemmas) or t.pos_ == "ADJ" and t.lower_.startswith(stems):
            return True
    return False


@lru_cache(maxsize=4)
def _reporting_stems(lang: str) -> tuple[str, ...]:
    """Stems of the one-word reporting verbs ("réagir" -> "réag"), to know their participles by sight."""
    return tuple(w[:-2] for w in reporting_lemmas(lang) if " " not in w and len(w) > 5 and w.endswith(("er", "ir", "re")))


def _subjects_in(parsed: Parsed, sent, cue: str) -> set[int]:
    """Tokens of the subjects of the sentence's verbs whose lemma is in the ``cue`` list."""
    span = parsed.doc.char_span(sent.start, sent.end, alignment_mode="expand")
    return _subjects_of(span if span is not None else [], parsed.document.lang, cue)


def _accusers(parsed: Parsed, trig: Trigger) -> set[int]:
    """Tokens of the subject of a verb of accusation above the trigger ("the CSP-DPA accused the army of
    killing 13 civilians in a drone strike"): the accuser reports the event, the accused did it."""
    return _subjects_above(parsed, trig, "accusers")


def _without_descriptions(parsed: Parsed, actors: list[ActorMention]) -> list[ActorMention]:
    """Drop actors that only qualify an apposition of another one ("JNIM, the al-Qaeda affiliate, ...")."""
    spans = {id(a): parsed.doc.char_span(a.start, a.end, alignment_mode="expand") for a in actors}
    mine = {t.i for sp in spans.values() if sp is not None for t in sp}
    out = []
    for a in actors:
        sp = spans[id(a)]
        others = {t.i for b in actors if b is not a and b.key != a.key and spans[id(b)] is not None for t in spans[id(b)]}
        tok = sp.root if sp is not None else None
        described = (tok is not None and tok.dep_ in ("compound", "poss", "amod", "nmod") and tok.head.dep_ == "appos"
                     and tok.head.i not in mine and tok.head.head.i in others)
        # "Al Qaeda's Sahel affiliate JNIM", "the Islamic State's West Africa branch": the owner describes the group
        described = described or bool(_OWNER_OF.match(parsed.text, a.end))
        if not described:
            out.append(a)
    return out


_OWNER_OF = re.compile(r"(?:(?:(?<=['’]s)|['’]s)\s+(?:[\w-]+\s+){0,2}?|\s+)(?:affiliates?|branch(?:es)?|franchises?|offshoots?|wing|arm)\b"
                       r"|-(?:linked|affiliated|allied|backed|aligned|inspired)\b", re.I)  # "al Qaeda's Sahel affiliate", "al Qaeda-linked JNIM"


@lru_cache(maxsize=4)
def _affiliation(lang: str) -> re.Pattern:
    words = sorted(lexicon(lang).cues.get("affiliation", []), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in words) or '(?!x)x'})\s*(?:the\s+|l'|la\s+|le\s+)?$", re.I)


@lru_cache(maxsize=4)
def _not_party(lang: str) -> re.Pattern | None:
    words = lexicon(lang).cues.get("not_party", [])
    return re.compile("|".join(re.escape(w).replace("'", "['’]") for w in words), re.I) if words else None


def _opposed(parsed: Parsed, trig: Trigger, actors: list[ActorMention]):
    """"De violents combats ont opposé les jihadistes de l'EI à ceux du JNIM", "clashes between JNIM and IS":
    the frame names both sides, whatever the parse makes of them."""
    sent = parsed.sentences[trig.sentence]
    text = parsed.text
    for cue, sep in lexicon(parsed.document.lang).cues.get("opposing", []):
        for m in re.finditer(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", text[sent.start : sent.end], re.I):
            c0 = sent.start + m.end()
            if abs(c0 - trig.end) > 60 and abs(sent.start + m.start() - trig.end) > 60:
                continue
            # the separator outside any actor's name ("Groupe de soutien à l'islam et aux musulmans")
            link = next((x for x in re.compile(rf"\s{re.escape(sep)}\s", re.I).finditer(text, c0, sent.end)
                         if not any(a.start <= x.start() < a.end for a in actors)), None)
            if link is None:
                continue
            first = [a for a in actors if c0 <= a.start < link.start()]
            second_end = re.compile(r"[,;.]\s").search(text, link.end(), sent.end)
            second = [a for a in actors if link.end() <= a.start < (second_end.start() if second_end else sent.end)]
            if first and second and {a.key for a in first}.isdisjoint({a.key for a in second}):
                return first, second
    return None


def sides(parsed: Parsed, trig: Trigger, actors: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    all_actors = list(actors)
    aff = _affiliation(parsed.document.lang)
    actors = [a for a in actors if not _attributed(parsed, a) and not _inverted_source(parsed, a) and not aff.search(parsed.text[max(0, a.start - 30) : a.start])]
    actors = _without_descriptions(parsed, actors)
    # "Si la junte au pouvoir à Ouagadougou n'a pas réagi, le JNIM a revendiqué l'assaut": a government that speaks
    # (or keeps silent) about the act in the same sentence tells of it
    actors = [a for a in actors if a.kind != "government" or not _speaks_next(parsed, a)]
    # "une unité ... en mission de sécurisation des populations a été la cible d'une attaque": the protected are not hit
    actors = [a for a in actors if not (is_civilian(a) and _PROTECTED.search(parsed.text, max(0, a.start - 30), a.start))]
    if _violent(trig):
        # a government fights through its forces: ACLED codes it in strategic developments only, never as a side of
        # violence ("déclare le porte-parole du gouvernement en annonçant la nouvelle de l'attaque")
        actors = [a for a in actors if a.kind != "government"]
    no_part = _not_party(parsed.document.lang)
    sent = parsed.sentences[trig.sentence]
    if no_part is not None and no_part.search(parsed.text, sent.start, sent.end):
        actors = [a for a in actors if a.kind not in ("state_military", "state_police", "russian_forces")]  # "les FAN n'ont pas pris part aux combats"
    framed = _opposed(parsed, trig, actors)
    if framed is not None:
        return framed
    # "Residents of villages along the Niger River said they heard fighting": people who tell of a fight are not in it
    tellers = _subjects_above(parsed, trig, "tellers")
    if parsed.in_title(trig.sentence):
        # "Attaque du détachement de Falagountou : le Gouvernement annonce une centaine de terroristes neutralisés": in a
        # title, whoever announces anything tells of the act, wherever the parse hangs it
        tellers |= _subjects_in(parsed, sent, "tellers")
    if tellers:
        spans = [(a, parsed.doc.char_span(a.start, a.end, alignment_mode="expand")) for a in actors]
        # (and so is a governor or a government that reports it: "le gouverneur ... déplore des pertes et indique que")
        # (and so is a ministry or a general staff whose communiqué tells it: "Le ministère de la Défense informe que ... une
        # unité a été la cible d'une attaque")
        actors = [a for a, sp in spans if sp is None or sp.root.i not in tellers or not (is_civilian(a) or a.kind == "government" or _state_body(a))]
    accusers = _accusers(parsed, trig) | _reporters(parsed, trig) | _toll_reporters(parsed, trig)
    if accusers:
        spans = [(a, parsed.doc.char_span(a.start, a.end, alignment_mode="expand")) for a in actors]
        actors = [a for a, sp in spans if sp is None or sp.root.i not in accusers]
    elsewhere = _relative_after(parsed.doc, trig)
    if elsewhere:
        kept = [(a, parsed.doc.char_span(a.start, a.end, alignment_mode="expand")) for a in actors]
        actors = [a for a, sp in kept if sp is None or sp.root.i not in elsewhere]
    spans = [parsed.doc.char_span(a.start, a.end, alignment_mode="expand") for a in actors]
    actor_tokens = {t.i for sp in spans if sp is not None for t in sp}
    # "JNIM claimed destroying a MINUSMA vehicle by IED": who claims the act did it, wherever the parse puts it
    claim_subj = _subjects_above(parsed, trig, "claimers")
    claimers = [a for a, sp in zip(actors, spans) if sp is not None and sp.root.i in claim_subj and not in_state_camp(a) and not is_civilian(a)]
    scope = _scope(parsed.doc, trig, actor_tokens, elsewhere)
    if scope:
        inside = []
        for a in actors:
            span = parsed.doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is not None and span.root.i in scope and not _described(span.root, parsed.doc, trig):
                inside.append(a)
        if inside:
            # "des FAMa et des instructeurs russes pris en embuscade": an ally coordinated with an actor inside is inside
            roots = {sp.root.i: a for a, sp in zip(actors, spans) if sp is not None}
            for a in inside[:]:
                sp = parsed.doc.char_span(a.start, a.end, alignment_mode="expand")
                head = roots.get(sp.root.head.i) if sp is not None and sp.root.dep_ == "conj" else None
                if head is not None and head not in inside and in_state_camp(head) and in_state_camp(a):
                    inside.append(head)
            actors = sorted(inside, key=lambda a: a.start)
    side1: list[ActorMention] = list(claimers)
    side2: list[ActorMention] = []
    for a in actors:
        if a in claimers:
            continue
        (side1 if _role(parsed.doc, trig, a, parsed.document.lang) == 1 else side2).append(a)
    # one actor cannot be on both sides of one fight
    keys1 = {a.key for a in side1}
    side2 = [a for a in side2 if a.key not in keys1]
    # allies do not fight each other: state forces and their auxiliaries on both sides is a parse error
    # ("the army, supported by Wagner, fought the rebels" read with Wagner as the agent)
    st1 = [a for a in side1 if in_state_camp(a)]
    st2 = [a for a in side2 if in_state_camp(a)]
    if st1 and st2:
        if len(st1) + (len(side1) == len(st1)) <= len(st2) + (len(side2) == len(st2)):
            side1, side2 = [a for a in side1 if a not in st1], side2 + st1
        else:
            side1, side2 = side1 + st2, [a for a in side2 if a not in st2]
    if not side1 and len(side2) > 1 and all(in_state_camp(a) for a in side2) and any(_passive_or_object(parsed, trig, a) for a in side2):
        pass  # "ont tué sept éléments des FAMa et de Wagner": allies hit together, their attacker named elsewhere
    elif not side1 and len(side2) > 1 and all(is_civilian(a) or a.kind == "peacekeepers" for a in side2) and any(
            _passive_or_object(parsed, trig, a) for a in side2):
        pass  # "le camp de la Minusma a été bombardé, blessant plusieurs personnes": peacekeepers and civilians hit together
    elif (not side1 or not side2) and len({a.key for a in side1 or side2}) > 1:
        side1, side2 = _split_camps(side1 or side2)
    elif not side1 and side2 and all(is_civilian(a) for a in side2):
        pass  # victims without a named perpetrator stay the target
    elif not side1 and side2 and not _passive_or_object(parsed, trig, side2[0]):
        side1, side2 = side2, []  # a lone actor the parse did not mark as the target ("clashes with JNIM") acts
    if side1 and not side2 and trig.resolve != "protest" and all(is_civilian(a) for a in side1):
        side1, side2 = [], side1  # "a child was killed", "the driver was wounded": civilians alone are the victims
    side2 = _listed_people(parsed, side2, all_actors)
    return side1, side2


_LIST_OF = re.compile(r"[^.;]{0,25}?\b(?:dont|parmi\s+lesquel(?:le)?s|including|among\s+them)\s+", re.I)


def _listed_people(parsed: Parsed, side: list[ActorMention], actors: list[ActorMention]) -> list[ActorMention]:
    """"vingt personnes tuées dont dix-neuf gendarmes et un civil": the people are the groups the list names."""
    if not side or not all(is_people(a) for a in side):
        return side
    last = max(a.end for a in side)
    m = _LIST_OF.match(parsed.text, last)
    if m is None:
        return side
    return list_members(parsed.text, m.end(), m.end() + 120, m.end() + 120, actors, side)


def _passive_or_object(parsed: Parsed, trig: Trigger, a: ActorMention) -> bool:
    """"an army unit was ambushed", "attacked the army", "attack on the army": the parse says target."""
    span = parsed.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return False
    if a.start < trig.start and _target_subject(parsed.document.lang).search(parsed.text[max(a.end, trig.start - 40) : trig.end]):
        return True
    if a.start > trig.end and _SUFFERED_BY.search(parsed.text, max(trig.end, a.start - 40), a.start):
        return True
    tok = span.root
    while tok.head.i != tok.i and (tok.dep_ in ("compound", "amod", "flat", "flat:name") or (
            tok.dep_ in ("nmod", "pobj") and tok.head.pos_ in ("NOUN", "NUM", "ADP") and tok.head.i != _trigger_root(parsed.doc, trig).i)):
        tok = tok.head  # "an army unit was ambushed": the unit is the army; "plusieurs dizaines de terroristes": the tens
    if tok.dep_ in _TARGET_DEPS and tok.head.i == _trigger_root(parsed.doc, trig).i:
        return True
    case = [c.lower_ for c in tok.children if c.dep_ in ("case", "prep")]
    return (tok.dep_ == "pobj" and tok.head.lower_ in _TARGET_PREPS) or any(c in _TARGET_PREPS for c in case)


def _mentions(text: str, words, plural: bool = False, prefix: bool = False) -> bool:
    """Whether lower-case ``text`` contains one of ``words`` as a word (``plural``: an optional final s;
    ``prefix``: the word may continue, "disperse" matching "dispersed")."""
    tail = "" if prefix else (r"s?(?!\w)" if plural else r"(?!\w)")
    return any(re.search(rf"(?<!\w){re.escape(w.lower() if plural else w)}{tail}", text) for w in words)


_CIVILIAN_CONVOY = re.compile(r"\bconvo(?:i|y)s?\s+(?:de|d['’]|of)\s+(?:\w+\s+)?(?:camions?|citernes?|camions-citernes|trucks?|lorr(?:y|ies)|tankers?|fuel\s+tankers?|commerçants|traders|bus)\b", re.I)


def implied_target(parsed: Parsed, trig: Trigger, lang: str) -> str | None:
    """What an attack with no named target hit: "attacked the village" (civilians), "attacked a military post" (forces),
    "killed two Fulani", "the mayor was killed by gunmen" (people, hence civilians)."""
    cues = lexicon(lang).cues
    root = _trigger_root(parsed.doc, trig)
    objects = [c for c in root.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
    after = parsed.text[trig.end : trig.end + 60].lower()
    after = re.split(r"[.;]|, (?:then|and|before|after|puis|avant)\b", after)[0]
    # the trigger's object first, then the words right after it
    for words in [" ".join(t.text.lower() for t in obj.subtree) for obj in objects] + [after]:
        if _CIVILIAN_CONVOY.search(words):
            return "civilians"  # "un convoi de camions-citernes", "a convoy of fuel tankers": a convoy of traders
        for kind, key in (("state_military", "military_targets"), ("civilians", "civilian_targets")):
            if _mentions(words, cues.get(key, []), plural=True):
                return kind
    # an attack on someone who is neither a force, nor a place, nor named as an armed group: people, hence
    # civilians (ACLED's one-sided violence); "militants attacked near X" with no object stays a clash
    places = {w.lower() for w in cues.get("place_nouns", [])}
    for obj in objects:
        head = obj.lemma_.lower()
        if obj.pos_ == "NOUN" and head not in places and not obj.ent_type_:
            return "civilians"
    return None


def sentence_target(text: str, lang: str) -> str | None:
    """Who a one-sided act hit when only the sentence's words say it: civilians ("a bus", "a child") or forces
    ("a military vehicle"), and nothing when it names both or neither."""
    cues = lexicon(lang).cues
    low = text.lower()
    mil = _mentions(low, cues.get("military_targets", []), plural=True)
    civ = _mentions(low, cues.get("civilian_targets", []), plural=True)
    if civ and not mil:
        return "civilians"
    if mil and not civ:
        return "state_military"
    return None


_STATE_CAMP = {"state_military", "state_police", "government", "russian_forces", "foreign_military", "progovernment_militia", "peacekeepers"}


def in_state_camp(a: ActorMention) -> bool:
    return is_state_force(a) or a.kind in _STATE_CAMP


def _split_camps(actors: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """When the parse puts everyone on one side, state forces and their allies face the others."""
    state = [a for a in actors if in_state_camp(a)]
    others = [a for a in actors if not in_state_camp(a) and a.kind not in ("civilians",)]
    civilians = [a for a in actors if a.kind == "civilians"]
    if state and others:
        first_state = actors.index(state[0]) < actors.index(others[0])
        return (state, others + civilians) if first_state else (others, state + civilians)
    if (state or others) and civilians:
        return state or others, civilians  # "the army killed 13 civilians" read on one side: the armed side acts
    if civilians and len(civilians) == len(actors):
        return [], civilians  # victims without a named perpetrator stay the target
    groups = list(dict.fromkeys(a.entry.id for a in others if a.entry is not None))
    if not state and not civilians and len(groups) == 2:
        # "Fighters from Islamic State's Sahel Province and al Qaeda-linked JNIM clashed": two armed groups with no
        # state force on either side fight each other
        return [a for a in others if a.entry is not None and a.entry.id == groups[0]], [a for a in others if a.entry is None or a.entry.id != groups[0]]
    return actors, []


def is_civilian(a: ActorMention) -> bool:
    return a.kind in ("civilians", "aid")


# words that only say someone was hurt; with nobody named they describe no event ("the wounded were taken to X")
_OUTCOME_ONLY = {"wounded", "wound", "injured", "injure", "killed", "kill", "killing", "shot", "dead", "blessés", "blessé", "tués", "tué"}


def resolve_sub_type(trig: Trigger, side1: list[ActorMention], side2: list[ActorMention], sentence_text: str, lang: str) -> str | None:
    if trig.sub_event_type:
        return trig.sub_event_type
    armed = lambda side: [a for a in side if not is_civilian(a) and a.kind not in ("protesters", "rioters")]  # noqa: E731
    if trig.resolve == "violence":
        if any(a.kind == "protesters" for a in side2) and any(in_state_camp(a) for a in side1):
            return "Excessive force against protesters"  # "police opened fire on demonstrators"
        civ1, civ2 = any(is_civilian(a) for a in side1), any(is_civilian(a) for a in side2)
        if (civ2 and not armed(side2)) or (civ1 and not armed(side1)):
            return "Attack"  # armed men against civilians, whichever side the parse put them on
        if armed(side1) and armed(side2) or armed(side1 + side2):
            return "Armed clash"
        if not side1 and not side2 and _mentions(trig.text.lower(), lexicon(lang).cues.get("atrocity", []), plural=True):
            return "Attack"  # "the massacres in Tillia": a massacre is of the defenceless
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
        # "..., au lendemain de violentes émeutes dans la capitale": another day's crowd says nothing of this one
        low = _AFTER_ANOTHER.sub(" ", sentence_text.lower())
        intervention = _mentions(low, cues.get("intervention", []), prefix=True)
        if intervention and _mentions(low, cues.get("lethal", []), prefix=True):
            return "Excessive force against protesters"
        if _mentions(low, cues.get("riot", []), prefix=True):
            return "Violent demonstration"  # "the protests turned violent", "burned tyres", "ransacked"
        if intervention:
            return "Protest with intervention"
        return "Peaceful protest"
    return None


_AFTER_ANOTHER = re.compile(r"\b(?:au\s+lendemain|à\s+la\s+veille|la\s+veille|in\s+the\s+aftermath|the\s+day\s+after|a\s+day\s+after|on\s+the\s+eve)"
                            r"\s+(?:de|du|des|d['’]|of)\s*[^,;.]*", re.I)


def place_follows(parsed: Parsed, trig: Trigger, toponyms, lang: str) -> bool:
    nouns = [w.lower() for w in lexicon(lang).cues.get("place_nouns", [])]
    end = min(trig.end + 45, parsed.sentences[trig.sentence].end)  # "s'être emparé d'un butin. | Chef-lieu de ...": not past the sentence
    after = parsed.text[trig.end : end]
    if any(trig.end <= t.start <= min(trig.end + 35, end) for t in toponyms):
        return True
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", after.lower()) for n in nouns)
