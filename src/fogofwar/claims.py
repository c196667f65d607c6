"""Casualty claims: who says how many of whose people were killed, wounded, captured or missing.

A figure is never flattened: each stays a ``Claim`` with its claimant, the
chain that relayed it, the victims, the outcome and a low/high range (a vague
"dozens" is a range). Numbers that are not casualties ("a dozen vehicles",
"1,000 men", "tens of thousands fled") are left out by the lexicon's
``not_casualty_nouns`` and by requiring an outcome word next to the number.
Reconciliation into one low/best/high per event lives here too
(``reconcile``), written down in docs/claims.md.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace
from functools import lru_cache

from .actors import ActorMention, is_people, list_members, name_actor
from .codebook import actor_registry, lexicon, phrase_alternation
from .models import Claim, Document
from .nlp import Parsed

_NUMBER_WORDS = {
    "en": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
    "thirty forty fifty sixty seventy eighty ninety hundred",
    "fr": "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante "
    "quatre-vingt quatre-vingts quatre-vingt-dix cent",
}


# words that may stand between an outcome and its figure: "death toll rose to 30", "the number of dead was higher, about 160"
# (a place may stand between the verb and its figure: "ont tué à Toumour huit personnes")
_TOLL_GAP = re.compile(
    r"[\s,:\"«»“”]*(?:(?:(?:à|in|at|near)\s+[A-ZÉ][\w'’-]+\s*)|(?:was|is|were|are|stood|stands|at|rose|risen|has|had|climbed|reached|to|of|higher|now|up|least|a|total|"
    r"s'élève|s'élevait|est|était|passé|de|d'|à|au|moins|plus|environ|près|toll|bilan|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|soir|matin|nuit|dernier|dernière|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
    r"night|morning|evening|last)(?:\b|(?<='))[\s,:\"«»“”]*){0,6}",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    low: int | None
    high: int | None
    vague: bool
    term: str | None
    acled: int | None
    single: bool = False  # "a civilian", "the mayor": one person named, the article standing for the figure


@lru_cache(maxsize=4)
def _quantity_re(lang: str) -> re.Pattern:
    lex = lexicon(lang)
    vague = sorted(lex.vague, key=len, reverse=True)
    mods = sorted({m for v in lex.modifiers.values() for m in v}, key=lambda m: (-len(m), m))
    words = sorted(_NUMBER_WORDS[lang].split(), key=len, reverse=True)
    num_word = rf"(?:{'|'.join(words)})(?:[- ](?:{'|'.join(words)}))*"
    mod = rf"(?P<mod>{'|'.join(re.escape(m) for m in mods)})\s+" if mods else ""
    # a quotation mark may open inside a vague figure: un bilan d'une « quinzaine de morts »
    vag = "|".join(r"[\s\"«“]+".join(map(re.escape, v.split())) for v in vague)
    return re.compile(
        rf"(?<![\w-])(?:{mod})?(?:(?P<digits>\d{{1,3}}(?:[,. ]\d{{3}})+|\d+)|(?P<vague>{vag})|(?P<word>{num_word}))(?![\w-])",
        re.I,
    )


def _word_to_int(word: str, lang: str) -> int | None:
    from text_to_num import text2num

    try:
        return int(text2num(word.lower().replace(" ", "-") if lang == "en" else word.lower(), lang))
    except ValueError:
        try:
            return int(text2num(word.lower(), lang))
        except ValueError:
            return None


# "30 à 32 morts", "between 30 and 32 killed", "30-32": one figure given as a range
_RANGE = re.compile(r"(?<![\w,.-])(?:(?:entre|between)\s+)?(\d{1,4})\s*(?:à|a|to|-|–|et|and)\s*(\d{1,4})(?![\w,.-])", re.I)


def find_quantities(text: str, start: int, end: int, lang: str) -> list[Quantity]:
    lex = lexicon(lang)
    out = []
    ranges = []
    for m in _RANGE.finditer(text, start, end):
        low, high = int(m.group(1)), int(m.group(2))
        between = re.match(r"(?:entre|between)", m.group(0), re.I)
        joined_by_and = re.search(r"\s(?:et|and)\s", m.group(0), re.I)
        if not (0 < low < high <= 3 * low + 10) or (joined_by_and and not between) or 1900 <= high <= 2100:
            continue  # "2 et 9 janvier", "12 and 40": two figures, not a range; "2019-2020": years
        ranges.append(m.span())
        out.append(Quantity(m.start(), m.end(), low, high, True, "range", low))
    for m in _quantity_re(lang).finditer(text, start, end):
        if any(a <= m.start() < b for a, b in ranges):
            continue
        mod = (m.group("mod") or "").lower()
        if m.group("digits"):
            value = int(re.sub(r"[,. ]", "", m.group("digits")))
            if 1900 <= value <= 2100 and not mod:  # a year, not a count
                continue
            low = high = value
            vague, term, acled = False, None, value
        elif m.group("vague"):
            term = " ".join(re.sub(r"[\"«“]", " ", m.group("vague")).lower().split())
            if mod and f"{mod} {term}" in {k.lower() for k in lex.vague}:
                term, mod = f"{mod} {term}", ""  # "about a dozen" is its own entry (10-14), not "about" + "a dozen" (12)
            spec = lex.vague[term] if term in lex.vague else lex.vague[next(k for k in lex.vague if k.lower() == term)]
            low, high, acled = spec.get("low"), spec.get("high"), spec.get("acled")
            vague = not spec.get("exact", False)
        else:
            value = _word_to_int(m.group("word"), lang)
            if value is None:
                continue
            low = high = value
            vague, term, acled = False, None, value
        q_start = m.start()
        if vague and low is not None and high is not None and high <= 1.3 * low + 4:
            # "plus d'une centaine", "au moins une dizaine": at least the collective noun's value, with no upper bound
            before = None if mod else _at_least_before(lang).search(text, max(start, m.start() - 20), m.start())
            if before is not None or mod in [x.lower() for x in lex.modifiers.get("at_least", [])]:
                q_start = before.start() if before is not None else q_start
                nominal = round((low + high) / 2)
                low, high, acled, term, mod = nominal, None, nominal, " ".join(text[q_start : m.end()].lower().split()), ""
        if mod and not vague:
            if mod in [x.lower() for x in lex.modifiers.get("at_least", [])]:
                high, vague, term = None, True, mod
            elif mod in [x.lower() for x in lex.modifiers.get("at_most", [])]:
                low, vague, term = (1 if high else None), True, mod
            elif mod in [x.lower() for x in lex.modifiers.get("about", [])]:
                vague, term = True, mod
        out.append(Quantity(q_start, m.end(), low, high, vague, term, acled))
    return _with_digits_repeated(text, sorted(out, key=lambda q: q.start))


def _with_digits_repeated(text: str, found: list[Quantity]) -> list[Quantity]:
    """"cinq (05) policiers", "un (01) blessé": the communiqués' figure written twice is one figure, to the bracket."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        close = re.match(r"\s*\)", text[q.end : q.end + 4])
        if prev is not None and close and (prev.low, prev.high) == (q.low, q.high) and re.fullmatch(r"\s*\(\s*", text[prev.end : q.start]):
            out[-1] = replace(prev, end=q.end + close.end())
            continue
        out.append(q)
    return out


@lru_cache(maxsize=4)
def _at_least_before(lang: str) -> re.Pattern:
    """An at-least modifier right before a collective noun, its article left to the noun ("plus d'" + "une centaine")."""
    forms = set()
    for mod in lexicon(lang).modifiers.get("at_least", []):
        words = re.sub(r"\s+(?:une|un|a|an)$", "", mod.lower()).split()
        body = r"\s+".join(re.escape(w) for w in words)
        if words and words[-1] == "de":  # "plus de" before "une centaine" is written "plus d'"
            body = r"\s+".join(re.escape(w) for w in words[:-1]) + r"\s+d(?:e\s+|['’])"
        forms.add(body)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(forms, key=len, reverse=True))})\s*$", re.I)


_ARTICLES = r"(?:un|une|des|les|le|la|deux|trois|plusieurs|a|an|the|two|three|several)"


def _source_alternation(c, phrases) -> str:
    adjs = c["attribution"].get("source_adjectives") or []
    adj = rf"(?:\s+(?:{'|'.join(map(re.escape, adjs))}))?" if adjs else ""
    out = []
    for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
        words = p.split()
        if len(words) > 1 and re.fullmatch(_ARTICLES, words[0], re.I):
            out.append(re.escape(words[0]) + adj + r"\s+" + r"\s+".join(map(re.escape, words[1:])))
        else:
            out.append(r"\s+".join(map(re.escape, words)))
    return "|".join(out)


_ARTICLE_RE = re.compile(rf"(?:{_ARTICLES}\s+|[dl]['’]\s*|de\s+)?", re.I)
_ORG_PREFIX = re.compile(r"(?:l['’]\s*)?(?:(?:ONG|NGO|organisation|organization)\s+)?", re.I)
# determiners a source's label is compared without ("des sources hospitalières" = "sources hospitalières")
_BARE_PREFIX = re.compile(rf"^(?:(?:{_ARTICLES}|de|quatre|certaines?|certains|d'autres|some|other)\s+|[dl]')+", re.I)


def _article_end(text: str, off: int) -> int:
    """Where the noun starts after an article or a small number: "des sources", "l'armée", "deux responsables"."""
    return _ARTICLE_RE.match(text, off).end()


def _organisation_at(lex, text: str, off: int) -> str | None:
    """"l'ONU", "Human Rights Watch", "l'ONG Human Rights Watch": an organisation's canonical name when one starts here."""
    for at in (off, _article_end(text, off)):
        at = _ORG_PREFIX.match(text, at).end()
        for name, rx in lex["organisations"]:
            if rx.match(text, at):
                return name
    return None


def _unnamed_at(lex, text: str, off: int):
    """An unnamed source starting at ``off``, with or without its article."""
    return lex["unnamed"].match(text, off) or lex["unnamed"].match(text, _article_end(text, off))


@lru_cache(maxsize=4)
def _source_adjective(lang: str) -> re.Pattern | None:
    adjs = lexicon(lang).claims["attribution"].get("source_adjectives") or []
    return re.compile(rf"^({_ARTICLES})\s+(?:{'|'.join(map(re.escape, adjs))})\s+", re.I) if adjs else None


def _plain_source(lang: str, text: str) -> str:
    """"une première source sécuritaire" -> "une source sécuritaire": the adjective does not change the label."""
    rx = _source_adjective(lang)
    return rx.sub(r"\1 ", text.strip()) if rx is not None else text


@lru_cache(maxsize=4)
def _claim_lex(lang: str):
    c = lexicon(lang).claims

    def alt(words):  # either apostrophe: "d'un" and "d’un"
        return "|".join(re.escape(w).replace("'", "['’]") for w in sorted(set(words), key=lambda w: (-len(w), w)))

    def verb_alt(phrases):  # "fait également état de", "has also claimed": one adverb inside a phrase
        return phrase_alternation(phrases, r"\s+(?:\w+(?:ment|ly)\s+)?")

    def spaced(words):  # "porté « disparu »": quotes may stand inside an outcome phrase
        return phrase_alternation(words, r"[\s\"]+")

    outcome_re = {o: re.compile(rf"(?<![\w-])(?:{spaced(ws)})(?![\w-])", re.I) for o, ws in c["outcomes"].items()}
    return {
        "outcomes": outcome_re,
        "not_casualty": re.compile(rf"^\s*(?:of\s+|de\s+|d')?(?:the\s+|les\s+)?(?:[\w-]+\s+)?(?:{alt(c['not_casualty_nouns'])})(?![\w-])", re.I),
        "weapons": re.compile(rf"^\s*(?:of\s+|de\s+|d')?(?:the\s+|les\s+)?(?:[\w-]+\s+)?(?:{alt(c.get('weapon_nouns') or ['(?!x)x'])})(?![\w-])", re.I),
        "before_source": re.compile(rf"(?<![\w-])(?:{alt(c['attribution']['before_source'])})(?:\s+|(?<=['’]))", re.I),
        # "a affirmé le porte-parole de l'armée": a title whose holder speaks for the actor named after it
        "speaks_for": re.compile(
            rf"(?:{_ARTICLES}\s+|l['’])(?:{alt(c['attribution'].get('speaks_for') or ['(?!x)x'])})\s+(?:de|du|des|d['’]|of)\s*(?:la\s+|le\s+|les\s+|l['’]|the\s+)?",
            re.I,
        ),
        "source_verbs": re.compile(rf"(?<![\w-])(?:{verb_alt(c['attribution']['source_verbs'])})(?![\w-])", re.I),
        # every phrase a source label names is an unnamed source too ("a medical source", "eyewitnesses")
        # "une première source sécuritaire", "un autre responsable": an adjective may follow a source's article
        "unnamed": re.compile(
            rf"(?<![\w-])(?:{_source_alternation(c, [*c['attribution']['unnamed_sources'], *(p for ps in (c.get('source_labels') or {}).values() for p in ps)])})(?![\w-])",
            re.I,
        ),
        # "un précédent bilan de l'armée", "le bilan communiqué par une source locale": the toll's author
        "toll_by": re.compile(c["attribution"].get("toll_by") or r"(?!x)x", re.I),
        "relays": re.compile(rf"(?<![\w-])(?:{alt(c['attribution']['relays'])})(?![\w-])"),
        "own_side": re.compile(rf"(?<![\w-])(?:{alt(c['attribution']['own_side'])})(?![\w-])", re.I),
        "enemy_side": re.compile(rf"(?<![\w-])(?:{alt(c['attribution'].get('enemy_side') or ['(?!x)x'])})(?![\w-])", re.I),
        "month_before": re.compile(rf"(?<![\w-])(?:{alt(lexicon(lang).dates['months'])})\.?\s+(?:the\s+)?$", re.I),
        "month_after": re.compile(rf"(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?(?:{alt(lexicon(lang).dates['months'])})(?![\w-])", re.I),
        "before_source_end": re.compile(
            rf"(?<![\w-])(?:{alt(c['attribution']['before_source'])})\s+(?:(?:the|le|la|les|l'|des|du)\s*)?(?:\w+\s+(?:of|de|du|des)\s+(?:the|la|le|l')?\s*)?$", re.I
        ),
        "among": re.compile(rf"\s*(?:{alt(c.get('among', []) or ['(?!x)x'])})\s+", re.I),
        "ambiguous": re.compile(rf"(?<![\w-])(?:{alt(c.get('ambiguous') or ['(?!x)x'])})(?![\w-])", re.I),
        "same_source": re.compile(rf"(?<![\w-])(?:{alt(c.get('same_source') or ['(?!x)x'])})(?![\w-])", re.I),
        "toll_words": re.compile(r"\b(?:bilan|toll|figures?|chiffres?|ministry|ministère)\b", re.I),
        "statement_nouns": {w.lower() for w in c.get("statement_nouns", [])},
        "group_nouns": {w.lower() for w in c.get("group_nouns", [])},
        "source_hints": {k: list(v) for k, v in (c.get("source_hints") or {}).items()},
        "officials": re.compile(rf"(?<![\w-])(?:{alt(c.get('officials', []) or ['(?!x)x'])})(?![\w-])", re.I),
        "loss": re.compile(rf"(?:{alt(c.get('loss_words', []) or ['(?!x)x'])})", re.I),
        "suffered": re.compile(c.get("suffered_losses", r"(?!x)x"), re.I),
        # "132 dead, including several children": a part of a figure already counted
        "subset": re.compile(rf"(?<![\w-])(?:{alt(c.get('subset', ['including']))})\s+$", re.I),
        "subset_start": re.compile(rf"(?:{alt(c.get('subset', ['including']))})\s+", re.I),
        "described_dead": re.compile(
            rf"\s*[,(]?\s*\"?\s*(?:{alt([*c.get('subset', ['including']), *(c.get('all_of_them') or [])])})\s+\"?\s*(?:(?:des|de|d['’]|les|the)\s+|d['’])?\"?\s*", re.I),
        # "selon nos informations": the outlet's own finding
        "own_reporting": re.compile(rf"(?<![\w-])(?:{alt(c.get('own_reporting') or ['(?!x)x'])})(?![\w-])", re.I),
        "cumulative": re.compile(c.get("cumulative") or r"(?!x)x", re.I),
        # a day of its own ("dimanche", "on Sunday", "le 3 mars"), from the dates lexicon: after years, the report's act
        "a_day": re.compile(rf"\b(?:{alt(lexicon(lang).dates['weekdays'])})\b|\b\d{{1,2}}(?:er)?\s+(?:{alt(lexicon(lang).dates['months'])})\b"
                            r"|\b(?:hier|yesterday)\b", re.I),
        # "C'est ce qu'affirment des habitants": a sentence whose source speaks for the sentence before it
        "said_before": re.compile(c.get("said_before") or r"(?!x)x", re.I),
        "most_of": re.compile(c.get("part_of", r"(?!x)x"), re.I),
        "one_person": _one_person(lang),
        "group_media": [(gid, re.compile(rf"(?<![\w-])(?:{alt(words)})(?![\w-])")) for gid, words in (c.get("group_media") or {}).items()],
        "organisations": [(name, re.compile(rf"(?:{alt(words)})(?![\w-])")) for name, words in (c.get("organisations") or {}).items()],
        "latter": re.compile(rf"(?:{alt(c.get('latter') or ['(?!x)x'])})(?![\w-])", re.I),
        # "no one was hurt", "aucun blessé": an outcome said not to have happened counts nobody
        "nobody": re.compile(rf"(?<![\w-])(?:{alt(lexicon(lang).cues.get('no_casualties') or ['(?!x)x'])})(?![\w-])", re.I),
        "affiliation": re.compile(rf"(?<![\w-])(?:{alt(lexicon(lang).cues.get('affiliation') or ['(?!x)x'])})\s*(?:the\s+|l['’]|la\s+|le\s+)?$", re.I),
        "outcome_exceptions": [({w.lower() for w in e["words"]}, re.compile(e["not_before"], re.I)) for e in c.get("outcome_exceptions") or []],
    }


def _outcomes_in(lex, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    hits = []
    nobody = [m.span() for m in lex["nobody"].finditer(text, start, end)]
    for outcome, rx in lex["outcomes"].items():
        for m in rx.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in nobody):
                continue
            if any(m.group(0).lower() in words and rx_not.match(text, m.end()) for words, rx_not in lex["outcome_exceptions"]):
                continue  # "tombés dans une embuscade"
            hits.append((m.start(), m.end(), outcome))
    hits.sort()
    return hits


@dataclass
class RawClaim:
    """A claim before its actors are named (names depend on the event's date and country)."""

    sentence: int
    claimant_mention: ActorMention | None
    claimant_text: str
    claimant_kind: str
    via: list[str]
    victim_mentions: list[ActorMention]
    victims_own: bool
    outcome: str
    quantity: Quantity | None
    start: int
    end: int
    fig_start: int | None = None  # the figure and its outcome words ("10 Malian soldiers killed")
    fig_end: int | None = None
    victims_enemy: bool = False  # "côté ennemi", "among the attackers": the claimant's opponents


_PRONOUN_AFTER_QUOTE = re.compile(r"^[\s,»\"]*(?:\w+\s+){0,2}?\w+-t-(?:il|elle)\b|^[\s,»\"]*\w+-(?:il|elle)\b|^[\s,\"]*(?:he|she)\s+(?:said|added|told)\b", re.I)
# "COMMUNIQUÉ DU GOUVERNEMENT", "Communiqué de presse de l'État-major": a report that opens with its issuer's header
_COMMUNIQUE_HEADER = re.compile(r"\s*communiqu[ée]\s+(?:de\s+presse\s+|officiel\s+|final\s+)?(?:du|de\s+la|de\s+l['’]|des)\s+", re.I)
_INFORMS = re.compile(r"\binforme(?:nt)?\s+l['’]opinion|\bporte(?:nt)?\s+à\s+la\s+connaissance", re.I)
_COMMUNIQUE_SIDE = re.compile(r"[\s\"«-]*(?:du\s+)?c[ôo]t[ée]\s+(?:amis?|ennemis?|terroristes?|des\s+(?:forces\s+amies|FDS|FAMa|FAN)|FDS|FAMa|FAN)\b", re.I)
# "Le bilan global provisoire s'établit comme suit :": a toll set out over the next lines, in the same voice
_LIST_FOLLOWS = re.compile(r"(?:comme\s+suit|(?:est|sont)\s+l[ea]s?\s+suivante?s?|as\s+follows)\s*:", re.I)
_VOICED = ("actor", "sources", "official", "organisation")  # claimants a back-reference may point to (not the outlet)


@dataclass
class _Voices:
    """Who has spoken so far in a report, carried from sentence to sentence: what back-references
    ("la même source", "il affirme", "le communiqué", "ce dernier", "le mouvement", "the official toll") point to."""

    speaker: tuple | None = None  # the last explicit attribution in the paragraph ("Selon un communiqué de l'armée ... Le bilan fait état de ...")
    para: int = -1
    state_speaker: ActorMention | None = None  # the last state body quoted in the document: whose "official toll" a later one is
    last_subject: ActorMention | None = None  # the last named actor that was a sentence's subject (for "it says", "il affirme")
    last_speaker: ActorMention | None = None  # the last party quoted in the document (whose "statement" a later sentence cites)
    last_source: tuple | None = None  # the last claimant of any kind but the outlet ("the same source" refers back to it)
    prev_claimant: tuple | None = None  # the previous sentence's claimant, if any ("il avance un bilan")
    last_armed: ActorMention | None = None  # the last named armed group ("le mouvement a affirmé" speaks for it)
    quote_open: bool = False  # inside a quotation that runs over several sentences or paragraphs
    last_official: tuple | None = None  # the last official quoted ("un communiqué du gouverneur"), when no party spoke
    list_speaker: tuple | None = None  # (paragraph, voice) of a toll set out "comme suit :" over the next lines
    communique: tuple | None = None  # the body whose communiqué the whole report is ("L'État-major général des armées informe l'opinion ...")
    quote_speaker: tuple | None = None  # who speaks in it: « L'État-major général des armées informe ... - côté ami : 03 morts »

    def sentence_claimant(self, lex, parsed: Parsed, sent, sent_actors, actors, quotes) -> tuple:
        """The sentence's claimant: its own attribution, else what its back-references point to."""
        text, s0, s1, doc = parsed.text, sent.start, sent.end, parsed.doc
        if sent.para != self.para:
            self.speaker, self.para = None, sent.para
        found = _as_source(_claimant(lex, text, s0, s1, sent_actors, parsed.document))
        quoted = _quote_attribution(text, s0, s1, quotes)  # where the words after the quotation holding the sentence stand
        if found[1] == "outlet" and quoted is not None:
            found = _quoted_by(lex, text, quoted, actors, parsed.document) or found
        found = _refine_source(lex, text, s0, s1, found)
        found = self._in_quotation(text, s0, s1, found)
        if found[1] == "outlet" and lex["own_reporting"].search(text, s0, s1):
            self.speaker = None  # "Selon nos informations, le bilan serait plus lourd": the outlet's own word
            return found
        if self.last_source is not None and (lex["same_source"].fullmatch(found[2] or "")
                                             or re.fullmatch(r"(?:the\s+|la\s+|les\s+)?sources?", found[2] or "", re.I)
                                             or found[1] == "outlet" and lex["same_source"].search(text, s0, s1)):
            found = self.last_source  # "a précisé la même source", "selon ces mêmes sources"
        if found[1] == "outlet" and quoted is not None and self.last_source is not None and _PRONOUN_AFTER_QUOTE.search(text, *quoted):
            # « Nous avons inhumé 22 personnes lundi. ... », a-t-il indiqué: "il" is the source quoted just before
            found = self.last_source
        if found[1] == "outlet" and (self.last_speaker is not None or self.last_official is not None) and (
                _statement_says(lex, doc, text, s0, s1) or quoted is not None and _statement_says(lex, doc, text, *quoted)):
            # "Lu mercredi à la télévision, le communiqué fait également état de neuf militaires blessés";
            # « Dans nos rangs, nous déplorons la perte de 6 soldats. ... », souligne le texte; "... indique un communiqué
            # du gouverneur. « Le bilan provisoire est de 22 morts », poursuit le texte"
            found = (self.last_speaker, "actor", self.last_speaker.text, found[3]) if self.last_speaker is not None else self.last_official
        if found[1] == "outlet" and self.list_speaker is not None and sent.para - self.list_speaker[0] <= 3:
            found = self.list_speaker[1]  # "A Diffa, un policier, deux militaires et un gendarme ont été blessés." after "comme suit :"
        elif found[1] in _VOICED:
            self.list_speaker = None
        if found[1] in _VOICED and _LIST_FOLLOWS.search(text, s0, s1):
            self.list_speaker = (sent.para, found)
        if found[1] == "outlet" and self.state_speaker is not None and _COMMUNIQUE_SIDE.match(text, s0):
            # "Côté ami, quatre VDP sont tombés": the communiqué's words, the state body quoted before speaks
            found = (self.state_speaker, "actor", self.state_speaker.text, found[3])
        if found[1] == "outlet" and _pronoun_says(lex, doc, text, s0, s1):
            if self.prev_claimant is not None:
                found = self.prev_claimant  # "Un élu local parle de 22 morts. Il fait état de quatre enlevés."
            elif self.last_subject is not None:
                # "JNIM gave another account. In a claim released by Az-Zallaqa, it says it killed 40": "it" is JNIM
                found = (self.last_subject, "actor", self.last_subject.text, found[3])
        latter = lex["latter"].match(text, s0)
        if latter is not None and found[1] in ("sources", "outlet", "actor") and (found[0] is None or found[0].start < latter.end()):
            named = [a for a in actors if a.end <= s0 and a.entry is not None and a.generic is None and a.kind != "civilians"]
            if named:  # "Ce dernier assure avoir tué « plus de quarante » combattants de l'EI": the group named last
                found = (named[-1], "actor", named[-1].text, found[3])
        if found[1] in ("sources", "outlet") and self.last_armed is not None and _group_says(lex, doc, text, s0, s1):
            found = (self.last_armed, "actor", self.last_armed.text, found[3])  # "le mouvement a affirmé"
        header = sent.index <= 2 and _COMMUNIQUE_HEADER.match(text, s0) is not None and len(text[s0:s1].split()) <= 10
        issuer = next((a for a in sent_actors if a.entry is not None or _institution(a)), None) if header else None
        if issuer is not None:
            self.communique = (issuer, "actor", issuer.text, found[3])  # the report is the communiqué its header names
        elif found[1] == "actor" and sent.index <= 2 and not text.startswith('"', s0) and _INFORMS.search(text, s0, s1):
            self.communique = found  # the report opens as a communiqué of the body that speaks in it
        elif found[1] == "outlet" and self.communique is not None:
            found = self.communique
        elif found[1] in _VOICED and not (self.communique is not None and found[0] is not None and self.communique[0] is not None
                                          and found[0].key == self.communique[0].key):
            self.communique = None  # "C'est en ces termes que l'armée a annoncé ...": the report now tells the communiqué
        self.last_subject = _subject_actor(doc, sent_actors) or self.last_subject
        if found[1] in _VOICED:
            self.speaker = found
        elif self.speaker is not None:
            found = self.speaker
        return found

    def _in_quotation(self, text: str, s0: int, s1: int, found: tuple) -> tuple:
        """A communiqué quoted over several paragraphs speaks for whoever opened it, to its closing mark."""
        if self.quote_open and found[1] == "outlet" and self.quote_speaker is not None:
            found = self.quote_speaker
        if text.count('"', s0, s1) % 2 == 1:  # an odd number of marks opens or closes a quotation
            if self.quote_open:
                self.quote_open, self.quote_speaker = False, None
            else:
                self.quote_open = True
                self.quote_speaker = found if found[1] in _VOICED else None
        return found

    def official(self, lex, claimant, ckind, ctext):
        """"the official toll" is the state body quoted before."""
        if ckind == "official" and self.state_speaker is not None and lex["toll_words"].search(ctext):
            return self.state_speaker, "actor", self.state_speaker.text
        return claimant, ckind, ctext

    def heard(self, claimant, ckind) -> None:
        if ckind == "actor" and claimant is not None:
            if claimant.kind in ("state_military", "government"):
                self.state_speaker = claimant
            self.last_speaker = claimant

    def end_sentence(self, found: tuple, sent_actors) -> None:
        self.heard(found[0], found[1])
        if found[1] == "official":
            self.last_official = found
        if found[1] in _VOICED:
            self.last_source = found
        self.prev_claimant = found if found[1] in _VOICED else None
        self.last_armed = next((a for a in reversed(sent_actors) if a.entry is not None and a.entry.inter in (2, 3, 4)), self.last_armed)


def find_claims(parsed: Parsed, actors: list[ActorMention]) -> list[RawClaim]:
    """Every casualty claim in the document, one per (figure, outcome)."""
    lex = _claim_lex(parsed.document.lang)
    text = parsed.text
    out: list[RawClaim] = []
    quotes = [m.span() for m in re.finditer(r'"[^"\n]{10,}"', text)]  # « ... » is '"' after normalisation
    voices = _Voices()
    for sent in parsed.sentences:
        s0, s1 = sent.start, sent.end
        in_sources = [m.span() for m in lex["unnamed"].finditer(text, s0, s1)]
        # "de sources militaires": the soldiers' word is a kind of source here, not an actor
        sent_actors = [a for a in actors if s0 <= a.start < s1 and not any(u0 <= a.start < u1 for u0, u1 in in_sources)]
        sentence_claimant = voices.sentence_claimant(lex, parsed, sent, sent_actors, actors, quotes)
        said_before = lex["said_before"].match(text, s0)
        if said_before and sentence_claimant[1] == "outlet" and (u := lex["unnamed"].search(text, s0, s1)) is not None:
            sentence_claimant = (None, "sources", u.group(0), sentence_claimant[3])  # "L'information a été rapportée vendredi, par des responsables locaux"
        if sentence_claimant[1] in _VOICED and said_before:
            for r in out:  # "Au moins 14 civils ont été tués dimanche. C'est ce qu'affirment des habitants."
                if r.sentence == sent.index - 1 and r.claimant_kind == "outlet":
                    r.claimant_mention, r.claimant_kind, r.claimant_text = sentence_claimant[0], sentence_claimant[1], sentence_claimant[2]
        found = _figure_claims(lex, parsed, sent, sent_actors, sentence_claimant, voices, out)
        voices.end_sentence(sentence_claimant, [a for a in sent_actors if not _described(lex, text, a)])  # not "lié à Al-Qaïda"
        if not found:
            out += _claims_without_figure(lex, text, sent, sent_actors, sentence_claimant)
    return out


def _source_article(lex, text: str, q: Quantity) -> bool:
    """"un élu", "une source policière", "a local official": an article that opens a source's name."""
    u = lex["unnamed"].match(text, q.start)
    return u is not None and u.end() > q.end


def _not_casualty(lex, text: str, q: Quantity, outcomes) -> bool:
    """"15 000 déplacés", "30 motos": a figure of things or of the displaced, unless an outcome word says they died
    ("quinze déplacés ont été tués")."""
    if lex["weapons"].match(text[q.end : q.end + 40]):
        return True  # "plusieurs obus sont tombés": what fell or hit is never who died
    m = lex["not_casualty"].match(text[q.end : q.end + 40])
    if m is None:
        return False
    end = q.end + m.end()
    return not any(end <= o[0] <= end + 20 and re.fullmatch(r"\s*(?:ont|a|have|has|were|was|sont|est)?\s*(?:été|been)?\s*", text[end : o[0]]) for o in outcomes)


_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|largest|biggest|most\s+\w+|plus\s+(?:meurtri\w*|lourd\w*|sanglant\w*|grave\w*|importan\w*|violent\w*))\b[^,.;]{0,30}$", re.I)


def _cumulative(lex, text: str, s0: int, s1: int, q: Quantity) -> bool:
    """A toll summed over years ("Depuis 2015, les violences ont fait plus de 10.000 morts"; "the mission has lost more than
    160 peacekeepers since its deployment"), unless a day of its own comes between ("Depuis 2019 ..., et dimanche 12 civils")."""
    # ("the deadliest attack since 2015", "l'attaque la plus meurtrière depuis 2015": a record, not a sum)
    before = [m for m in lex["cumulative"].finditer(text, s0, q.start) if not _SUPERLATIVE.search(text, max(s0, m.start() - 40), m.start())]
    if before and not lex["a_day"].search(text, before[-1].end(), q.start) and not re.search(r"[;:]", text[before[-1].end() : q.start]):
        return True
    after = lex["cumulative"].search(text, q.end, min(s1, q.end + 120))
    return (after is not None and not lex["a_day"].search(text, q.end, after.start()) and "," not in text[q.end : after.start()]
            and not _SUPERLATIVE.search(text, max(q.end, after.start() - 40), after.start()))


# between two figures of one list: "6 soldats et 34 VDP", "six soldiers, 34 VDP"; never across a clause (", et 50")
_SAME_LIST = re.compile(r"(?:[^,;.()«»\"]{0,40}?\s(?:et|and)\s+|[^,;.()«»\"]{0,40}?,\s+)", re.I)


def _sentence_figures(lex, text: str, s0: int, s1: int, outcomes, lang: str) -> list[Quantity]:
    """The figures of a sentence that may count casualties, and single persons named with an article."""
    found = find_quantities(text, s0, s1, lang)
    parts: set[int] = set()  # figures that detail one already counted
    for i, q in enumerate(found):
        if lex["subset"].search(text[max(s0, q.start - 25) : q.start]) or (
                i and i - 1 in parts and _SAME_LIST.fullmatch(text, found[i - 1].end, q.start)):
            parts.add(i)  # "dont huit militaires et trente-deux VDP": the whole list after "dont"
    quantities = [
        q for i, q in enumerate(found)
        if not _not_casualty(lex, text, q, outcomes) and i not in parts and not _cumulative(lex, text, s0, s1, q)
        and not _in_date(lex, text, q)
        # "d'après un notable de la localité, quinze civils": the article of a source is no figure
        and not (q.low == 1 and re.search(r"(?:selon|d['’]après|according\s+to|cité\s+par)\s+$", text[max(s0, q.start - 14) : q.start], re.I))
        # "Des habitants, une source policière, un élu et un responsable ont précisé": the article of a source
        and not (q.low == 1 and q.term is None and _source_article(lex, text, q))
        # "one of them, a teenager, succumbed": one of a figure already given
        and not (q.low == 1 and re.match(r"\s+(?:of\s+them|of\s+those|d'entre\s+(?:eux|elles)|d'eux)\b", text[q.end : q.end + 20], re.I))
    ]
    # "un couloir de la mort", "une confirmation": the French article read as the number one counts nobody unless
    # a person or an outcome follows it ("un mort", "un soldat tué", "une femme")
    persons = _person_words(lang)
    quantities = [q for q in quantities if not (lang == "fr" and text[q.start : q.end].lower() in ("un", "une") and not _names_people(text, q.end, persons))]
    singles = _singular_victims(text, s0, s1, outcomes, [q for q in quantities if not (q.low == 1 and q.term is None)], lang)
    # "un jeune du village a été tué": the article read as the number one gives way to the person it names
    quantities = [q for q in quantities if not any(q.start == x.start for x in singles)]
    return sorted(quantities + singles, key=lambda q: q.start)


def _figure_claims(lex, parsed: Parsed, sent, sent_actors, sentence_claimant, voices: _Voices, out: list[RawClaim]) -> bool:
    """Append the claims of the sentence's figures to ``out``; whether there was any."""
    text, s0, s1, lang = parsed.text, sent.start, sent.end, parsed.document.lang
    # "heavy losses", "dozens of victims": read as deaths only when the sentence says nothing more precise
    outcomes = _outcomes_in(lex, text, s0, s1) or [(m.start(), m.end(), "killed") for m in lex["ambiguous"].finditer(text, s0, s1)]
    quantities = _sentence_figures(lex, text, s0, s1, outcomes, lang)
    found_any = False
    shared = None  # an outcome before a figure, that a coordinated next figure shares
    for qi, q in enumerate(quantities):
        nxt_q = _next_figure(lex, text, quantities, qi, s1)
        chosen, shared = _bind_outcomes(lex, parsed.doc, text, q, nxt_q, outcomes, shared)
        if not chosen and out and out[-1].sentence == sent.index and lex["among"].match(text, q.end) and re.search(
                r"(?:\b(?:and|et)|,)\s*$", text[max(s0, q.start - 8) : q.start]):
            chosen = [(q.end, q.end, out[-1].outcome)]  # "cinq morts parmi les soldats et deux parmi les civils"
        if not chosen:
            continue
        if _perpetrators(text, q, chosen, lang):
            continue
        claimant, ckind, ctext, via = _refine_source(lex, text, s0, s1, _claimant_for(lex, parsed.doc, text, s0, q.start, sent_actors, sentence_claimant))
        span_end = max(c[1] for c in chosen)
        victims = _figure_victims(lex, text, sent, sent_actors, q, nxt_q, chosen, claimant, lang)
        # "the rebels admit losing seven fighters": a loss verb speaks of the claimant's own side
        side = _side_phrase(lex, text, s0, s1, q)  # "côté ami, deux blessés ; côté ennemi, vingt neutralisés"
        own = side == "own" or (side is None and bool(lex["own_side"].search(text, s0, s1))) or any(
            lex["loss"].fullmatch(text[c[0] : c[1]]) for c in chosen)
        # "en infligeant de lourdes pertes à l'ennemi": dealt to the enemy
        dealt = _DEALT_TO.match(text, q.end) or _DEALT_TO.match(text, span_end)
        enemy = side == "enemy" or (dealt is not None and not victims and bool(re.match(r"(?:l['’]\s*)?ennemis?\b|(?:the\s+)?enemy\b", text[dealt.end() : dealt.end() + 12], re.I)))
        own = own and not enemy
        # the figure's own words ("10 soldiers killed") are a claim, not an event description; "gunmen
        # killed nine civilians" is both, so a verb before the figure is left to the event detector
        fs, fe = (q.start, span_end) if chosen[0][0] > q.start and not q.single else (None, None)
        # "two soldiers were killed and ten wounded": a bare figure coordinated with the last one shares its victims
        # ("deux soldats tués, tandis que dix autres ont été blessés": "others" are more of the same)
        others = re.match(r"\s+(?:autres|others|more)\b", text[q.end : q.end + 10], re.I)
        if not victims and out and out[-1].victim_mentions and (out[-1].sentence == sent.index and (re.search(
                r"^[^.;:]{0,40}(?:\b(?:and|et|ainsi\s+que|as\s+well\s+as)(?:\s+(?:de|d['’]|des|of))?|,)\s*$", text[(out[-1].fig_end or out[-1].quantity.end if out[-1].quantity else s0) : q.start])
                or others) or others and out[-1].sentence == sent.index - 1 and q.start - s0 < 3):
            victims = list(out[-1].victim_mentions)  # "Cinq militaires ont été tués. Neuf autres ont été blessés."
            if out[-1].sentence == sent.index and not others:
                # "quatre militaires et deux VDP tombés, ainsi que neuf blessés": the wounded are of every group listed before
                for r in out:
                    if r.sentence == sent.index and r.outcome == out[-1].outcome:
                        victims += [v for v in _victims_or_own(r) if v.key not in {x.key for x in victims}]
        if not victims and side is None and not own and out and out[-1].sentence == sent.index - 1 and out[-1].victim_mentions and (
                out[-1].claimant_kind, out[-1].claimant_text) == (ckind, ctext) and q.start - s0 < 25 and not any(a.start < q.start for a in sent_actors):
            # « Dans nos rangs, la perte de 6 soldats et de 4 VDP. Une dizaine de blessés ont été pris en charge »:
            # the wounded opening the next sentence are of the groups the same source listed
            for r in out:
                if r.sentence == sent.index - 1 and (r.claimant_kind, r.claimant_text) == (ckind, ctext):
                    victims += [v for v in _victims_or_own(r) if v.key not in {x.key for x in victims}]
        claimant, ckind, ctext = voices.official(lex, claimant, ckind, ctext)
        for c in chosen:
            out.append(RawClaim(sent.index, claimant, ctext, ckind, via, victims, own, c[2], q, s0, s1, fs, fe, enemy))
            found_any = True
        voices.heard(claimant, ckind)
    _share_victims_backwards(text, out, sent.index)
    return found_any


# "une cinquantaine d'individus armés ont kidnappé ces filles", "dozens of gunmen killed": the subject of an active
# transitive verb counts who did it, not its victims (unlike "ont péri", "have died", "ont perdu la vie")
_ACTIVE_AUX = {"fr": re.compile(r"^[^.;:,]{0,60}?\b(?:ont|a|avaient|avait)\s+(?:(?:d['’]abord|aussi|également|ensuite)\s+)?$", re.I),
               "en": re.compile(r"^[^.;:,]{0,60}?\b(?:have|has|had)\s+(?:(?:also|then)\s+)?$", re.I)}  # (English "a" is an article)
_TRANSITIVE = re.compile(r"(?:tué|tués|tuée|tuées|kidnappé|kidnappés|enlevé|enlevés|enlevée|enlevées|abattu|abattus|blessé|blessés|exécuté|exécutés|"
                         r"massacré|massacrés|capturé|capturés|killed|kidnapped|abducted|wounded|injured|shot|executed|massacred|captured)$", re.I)


def _perpetrators(text: str, q: Quantity, chosen, lang: str) -> bool:
    o = chosen[0]
    aux = _ACTIVE_AUX.get(lang, _ACTIVE_AUX["en"])
    return o[0] >= q.end and bool(_TRANSITIVE.match(text[o[0] : o[1]])) and bool(aux.match(text[q.end : o[0]]))


def _victims_or_own(r: RawClaim) -> list[ActorMention]:
    """A figure's named dead, or the claimant itself when it tells its own losses ("nous déplorons la perte de 6 soldats")."""
    return list(r.victim_mentions) or ([r.claimant_mention] if r.victims_own and r.claimant_mention is not None else [])


def _share_victims_backwards(text: str, out: list[RawClaim], sentence: int) -> None:
    """"cinq morts et neuf blessés côté FAMa": the victims named after the last figure of a list are every figure's."""
    mine = [r for r in out if r.sentence == sentence and r.quantity is not None]
    for a, b in zip(reversed(mine[:-1]), reversed(mine[1:])):
        if not a.victim_mentions and b.victim_mentions and a.quantity.start < b.quantity.start and re.fullmatch(
                r"[^.;:,]{0,25}\s(?:and|et)\s+|,\s*", text[(a.fig_end or a.quantity.end) : b.quantity.start]):
            a.victim_mentions = list(b.victim_mentions)


def _figure_victims(lex, text: str, sent, sent_actors, q: Quantity, nxt_q: int, chosen, claimant, lang: str) -> list[ActorMention]:
    """Whose dead a figure counts: the actors between the figure and its outcome word or the next figure
    ("50 Wagner members and 10 Malian soldiers killed"), after a verb before it ("killed 12 soldiers"), or
    named after the outcome ("des dizaines de morts parmi les assaillants")."""
    s0, s1 = sent.start, sent.end
    limit = min(chosen[0][0], nxt_q) if chosen[0][0] > q.end else q.end + 60
    # (or one whose words begin with the figure: "un militaire a perdu la vie")
    victims = [a for a in sent_actors if (q.end <= a.start or a.start <= q.start < a.end) and a.end <= limit]
    if chosen[0][0] < q.start:
        victims = [a for a in sent_actors if q.end <= a.start <= min(q.end + 40, nxt_q)]
    # the speaker named after its verb is not among the dead: "de nombreux assaillants », avait indiqué l'armée"
    spoke = claimant is not None and claimant.start > q.end and bool(lex["source_verbs"].search(text, max(s0, claimant.start - 30), claimant.start))
    victims = [v for v in victims if claimant is None or not (spoke and v.start == claimant.start) and (
        v.key != claimant.key or not lex["own_side"].search(text, s0, s1))]
    victims += _demonym_victims(text, q.end, min(limit, s1, nxt_q), lang, victims)
    among = lex["among"].match(text, max(c[1] for c in chosen))
    if among:
        victims += [a for a in sent_actors if among.end() <= a.start <= among.end() + 15 and a.key not in {v.key for v in victims}
                    and not re.search(r"[,;.]|\d", text[among.end() : a.start])]  # not "au sein des FAMa, 04 civils tués"
    loss = next((c for c in chosen if c[0] < q.start and lex["loss"].fullmatch(text[c[0] : c[1]])), None)
    if not victims and loss is not None and claimant is None:
        # "Les militaires russes et maliens ont perdu sept hommes", told by unnamed sources: the losers are the
        # loss verb's subject (a party telling its own losses is handled by the claim's own-side flag)
        victims = [a for a in sent_actors if max(s0, loss[0] - 60) <= a.start and a.end <= loss[0]
                   and not re.search(r"[.;:]|\d", text[a.end : loss[0]])]
    if victims and all(is_people(v) for v in victims):
        # "vingt personnes tuées dont dix-neuf gendarmes et un civil": the people are those the list after "dont" names
        last = max(v.end for v in victims)
        sub = lex["subset_start"].search(text, last, min(s1, last + 40))
        if sub is not None and not re.search(r"[.;]", text[last : sub.start()]):
            victims = list_members(text, sub.end(), s1, sub.end() + min(100, s1 - sub.end()), sent_actors, victims)
    o0, o1 = chosen[0][0], chosen[0][1]
    if not victims and 0 <= o0 - q.end <= 4 and re.fullmatch(r"(?:corps|cadavres?|bodies|dépouilles)", text[o0:o1], re.I):
        # "une vingtaine de corps de terroristes", "the bodies of 12 soldiers": whose bodies
        of = re.match(r"\s+(?:de\s+|d['’]|des\s+|of\s+(?:the\s+)?)", text[o1 : o1 + 12])
        if of is not None:
            victims = [a for a in sent_actors if a.start == o1 + of.end()]
    if not victims and 0 <= o0 - q.end <= 2:
        # "12 wounded soldiers", "20 wounded soldiers and volunteers": the outcome as an adjective before its noun
        # ("01 blessé léger FAMa": an adjective of the wound may stand between)
        head = next((a for a in sent_actors if 0 <= a.start - o1 <= 3 or 0 < a.start - o1 <= 12 and re.fullmatch(
            r"\s+(?:léger|légers|légère|légères|grave|graves)\s+", text[o1 : a.start], re.I)), None)
        if head is not None:
            victims = [a for a in sent_actors if head.start <= a.start <= min(s1, nxt_q) and not re.search(r"[,;.]|\b(?:had|have|has|were|was|ont|a|été)\b", text[head.end : a.start])]
    if not victims and o1 <= q.start:
        # "put the number of JNIM fighters killed at about 35", "le nombre de soldats tués à 12"
        cue = None
        for cue in re.finditer(r"\b(?:number|nombre)\s+(?:of|de|d['’])\s*", text[s0:o0], re.I):
            pass
        if cue is not None:
            victims = [a for a in sent_actors if s0 + cue.end() <= a.start and a.end <= o0]
    if not victims:
        # "Côté FAMa : 14 morts, 11 blessés", "ont fait chez les militaires quatre blessés": a side named before the figure
        labelled = [a for a in sent_actors if a.end <= q.start and _SIDE_LABEL.search(text[max(s0, a.start - 25) : a.start])
                    and not re.search(r"[.;]", text[a.end : q.start])]
        if labelled:
            victims = [labelled[-1]]
    if not victims:
        # "affirme avoir infligé « une dizaine de morts » aux FAMa", "inflicted heavy losses on the army": whom the toll was dealt to
        dealt = _DEALT_TO.match(text, max(c[1] for c in chosen))
        if dealt is not None and re.search(r"\b(?:inflig\w*|inflict\w*|caus\w*|fait|made)\b", text[max(s0, q.start - 40) : q.start], re.I):
            victims = [a for a in sent_actors if a.start == dealt.end()]
    if not victims:
        # "7 morts, dont des enfants", "un bilan de 12 morts, « tous des civils »", "nine dead, all of them civilians":
        # who the dead were, said after the outcome without a figure of its own
        said = lex["described_dead"].match(text, max(c[1] for c in chosen))
        if said is not None:
            victims = [a for a in sent_actors if a.start == said.end() and a.end <= min(s1, nxt_q if nxt_q > said.end() else s1)]
    victims = [v for v in victims if not _attributed_text(lex, text, v) and not _BY_ATTACKER.search(text, max(s0, v.start - 30), v.start)]
    # "three members of the VDP, the army's civilian auxiliaries, were killed": the army in the apposition
    # describes the VDP; it is not among the dead
    return [v for i, v in enumerate(victims) if not (
        i > 0 and v.generic is not None and v.kind == "state_military" and victims[0].entry is not None and victims[0].generic is None
        and victims[0].kind != "state_military" and re.search(r"[,(]", text[victims[0].end : v.start]))]


_DEALT_TO = re.compile(r"\s*\"?\s*(?:aux|au|à\s+la|à\s+l['’]|à|on\s+the|on|to\s+the|to)\s+", re.I)
# "la mort de six soldats dans une attaque des rebelles": who attacked is not among the dead
_BY_ATTACKER = re.compile(r"\b(?:attaques?|embuscades?|assauts?|offensives?|raids?|attacks?|ambush(?:es)?)\s+(?:des|du|de\s+la|de\s+l['’]|d['’]|de|by\s+the|by|of\s+the)\s*$", re.I)
_SIDE_LABEL = re.compile(r"(?:\bcôté|\bdu\s+côté\s+d(?:es|u|e\s+la|e\s+l['’])|\bchez|\bon\s+the\s+side\s+of|\bon\s+the)\s*(?:les\s+|la\s+|le\s+|l['’]|the\s+)?$", re.I)


def _claims_without_figure(lex, text: str, sent, sent_actors, sentence_claimant) -> list[RawClaim]:
    """Losses acknowledged without a figure ("has acknowledged having suffered casualties") and a share of a group
    ("a neutralisé la plupart des assaillants")."""
    s0, s1 = sent.start, sent.end
    claimant, ckind, ctext, via = sentence_claimant
    out = []
    m = lex["suffered"].search(text, s0, s1)
    if m:
        out.append(RawClaim(sent.index, claimant, ctext, ckind, via, [claimant] if claimant else [], True, "killed", None, s0, s1))
    m = lex["most_of"].search(text, s0, s1)
    # (only with an outcome word: "une grande partie de la population s'était déplacée", "l'ensemble des fronts et
    # invite les populations" count nobody)
    told = _outcomes_in(lex, text, s0, s1)
    if m and told:
        victims = [a for a in sent_actors if m.end() <= a.start <= m.end() + 40]
        if victims:
            q = Quantity(m.start(), m.end(), None, None, True, m.group(0).strip().lower(), None)
            outcome = min(told, key=lambda o: abs(o[0] - m.end()))[2]
            out.append(RawClaim(sent.index, claimant, ctext, ckind, via, victims, False, outcome, q, s0, s1))
    return out


def _next_figure(lex, text: str, quantities: list[Quantity], qi: int, s1: int) -> int:
    """Where the next figure starts, past an aside that details this one: in "Sept personnes, parmi lesquelles
    un chef de village et un maître coranique, ont été enlevées" the outcome after the aside is the seven's."""
    q = quantities[qi]
    aside = re.match(r"[^,;.]{0,30},\s*", text[q.end : q.end + 60])
    if aside and lex["subset_start"].match(text, q.end + aside.end()):
        close = text.find(",", q.end + aside.end(), s1)
        if close != -1:
            later = [x.start for x in quantities[qi + 1 :] if x.start > close]
            return later[0] if later else s1
    return quantities[qi + 1].start if qi + 1 < len(quantities) else s1


def _quoted_by(lex, text: str, after: tuple[int, int], actors: list[ActorMention], document: Document):
    """A sentence inside a quotation is the word of whoever the quotation is attributed to after it (``after``, from
    ``_quote_attribution``): « Nos hommes sont tombés... Le bilan est de 16 morts », a annoncé le gouverneur."""
    found = _claimant(lex, text, *after, [a for a in actors if after[0] <= a.start < after[1]], document)
    return found if found[1] != "outlet" else None


def _quote_attribution(text: str, s0: int, s1: int, quotes) -> tuple[int, int] | None:
    """Where the words after the quotation holding the sentence stand (", souligne le texte"), if it is in one."""
    for q0, q1 in quotes:
        if q0 <= s0 and s1 <= q1 + 1:
            stop = text.find(".", q1, q1 + 200)
            return q1, stop if stop != -1 else min(len(text), q1 + 200)
    return None


_BARE_SOURCE = re.compile(r"(?:a|an|one|the|une|des|la|les|de)?\s*sources?", re.I)


def _refine_source(lex, text: str, s0: int, s1: int, found):
    """"a source at Gao hospital" is a medical source, "une source proche de l'armée" a security one (``source_hints``)."""
    _, kind, said, via = found
    if kind != "sources" or not _BARE_SOURCE.fullmatch((said or "").strip()):
        return found
    at = text.find(said, s0, s1)
    if at < 0:
        return found
    after = text[at + len(said) : min(at + len(said) + 40, s1)].lower()  # not into the next sentence
    for label, hints in lex["source_hints"].items():
        if any(re.search(rf"(?<![\w-]){re.escape(h.lower())}", after) for h in hints):
            return None, "sources", label, via
    return found


def _says_with_subject(lex, doc, text: str, s0: int, s1: int, fits) -> bool:
    """A reporting verb of the sentence has a subject that ``fits``: a pronoun ("it said", "il affirme"),
    a statement ("le communiqué fait état de"), a group noun ("le mouvement a affirmé")."""
    for verb in lex["source_verbs"].finditer(text, s0, s1):
        span = doc.char_span(verb.start(), verb.end(), alignment_mode="expand")
        if span is not None and any(c.dep_.startswith("nsubj") and fits(c) for c in span.root.children):
            return True
    return False


def _statement_says(lex, doc, text: str, s0: int, s1: int) -> bool:
    """"Le communiqué fait état de ...", "d'après le communiqué", "according to the statement": the statement quoted before."""
    nouns = lex["statement_nouns"]
    if _says_with_subject(lex, doc, text, s0, s1, lambda c: c.lower_ in nouns or c.lemma_.lower() in nouns):
        return True
    opening = re.match(r"[\s\"«-]*(?:(?:le|la|l['’]|un|une|the|a)\s*)?(?:(?:nouveau|dernier|premier|provisional|latest|new)\s+)?(\w+)", text[s0:s1], re.I)
    if opening and opening.group(1).lower() in nouns:
        return True  # "Le bilan provisoire est le suivant : ...", "The statement added that ..."
    for m in [*lex["before_source"].finditer(text, s0, s1), *lex["source_verbs"].finditer(text, s0, s1)]:
        # "selon le communiqué", "..., précise le communiqué" (the subject after its verb)
        word = re.match(r"\s*(?:le|la|ce|cette|son|leur|the|this|its|their)\s+(\w+)", text[m.end() : m.end() + 30], re.I)
        if word and word.group(1).lower() in nouns:
            return True
    return False


def _group_says(lex, doc, text: str, s0: int, s1: int) -> bool:
    """"le mouvement a affirmé", "selon ce groupe": the armed group named before."""
    nouns = lex["group_nouns"]
    if _says_with_subject(lex, doc, text, s0, s1, lambda c: c.lower_ in nouns or c.lemma_.lower() in nouns):
        return True
    for m in lex["before_source"].finditer(text, s0, s1):
        word = re.match(r"\s*(?:ce|le|cet|this|the)\s+(\w+)", text[m.end() : m.end() + 30], re.I)
        if word and word.group(1).lower() in nouns:
            return True
    return False


def _pronoun_says(lex, doc, text: str, s0: int, s1: int) -> bool:
    # not "celui avancé officiellement": a demonstrative stands for a thing, not a speaker
    return _says_with_subject(lex, doc, text, s0, s1, lambda c: c.pos_ == "PRON" and c.lower_ not in (
        "on", "one", "we", "nous", "i", "je", "celui", "celle", "ceux", "celles", "cela", "ceci", "ça", "this", "that"))


def _subject_actor(doc, actors: list[ActorMention]) -> ActorMention | None:
    """The named actor that is the subject of a verb in the sentence (what a following "it"/"il" refers to)."""
    for a in actors:
        if a.entry is None and a.kind not in ("state_military", "state_police", "government"):
            continue
        if _described(_claim_lex(doc.lang_), doc.text, a):
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        # "Un tout autre récit est avancé par le CSP-DPA ... Dans un communiqué, elle a dénoncé": a passive's agent too
        if span is not None and (span.root.dep_.startswith("nsubj") or span.root.dep_ in ("obl:agent", "agent")):
            return a
    return None


def _described(lex, text: str, a: ActorMention) -> bool:
    """"le JNIM, affilié à Al-Qaïda, affirme": an actor named to describe another one neither speaks nor acts."""
    return bool(lex["affiliation"].search(text[max(0, a.start - 30) : a.start]))


def _described_group(lex, text: str, a: ActorMention) -> bool:
    """"le groupe lié à Al-Qaïda affirme": Al-Qaeda describes the speaker; but "a Telegram channel linked to Wagner"
    is Wagner's own voice."""
    return _described(lex, text, a) and not re.search(r"\b(?:channel|account|media|outlet|chaîne|canal|compte|média|organe|site)\b",
                                                      text[max(0, a.start - 40) : a.start], re.I)


# between a named person and the outcome: "the mayor of Boni was assassinated", "un berger a été tué"
_PASSIVE_GAP = re.compile(
    r"(?:\s+(?:of|de|du|des)\s+(?:the\s+|la\s+|le\s+)?[\w'-]+)?\s+(?:was|has been|had been|is|were|a été|avait été|est|fut)\s+(?:\w+\s+)?", re.I)


@lru_cache(maxsize=4)
def _one_person(lang: str) -> re.Pattern:
    """An article and a singular person noun: "a civilian", "the mayor of Boni", "un berger", "le chef du village"."""
    cues = lexicon(lang).cues
    # (not the military targets: "une patrouille", "a convoy", "a checkpoint" are units and places, not one person)
    words = {w.lower() for w in [*cues.get("civilian_targets", []), *cues.get("persons", [])]}
    for g in actor_registry().generic:
        if g.kind in ("civilians", "protesters", "rioters"):  # not "the army", "the convoy": a body, not a person
            words |= {w.lower() for w in g.words.get(lang, ())}
    singular = sorted((w for w in words if " " not in w and not w.endswith(("s", "x"))), key=len, reverse=True)
    articles = r"(?:a|an|the)\s+" if lang == "en" else r"(?:un|une|le|la)\s+|l'"  # French "a" is a verb ("a indiqué")
    return re.compile(rf"(?<![\w-])(?P<art>{articles})(?:[\w'-]+\s+){{0,3}}?(?:{'|'.join(map(re.escape, singular))})(?![\w-])", re.I)


def _names_people(text: str, at: int, persons: frozenset[str]) -> bool:
    """The words after "un"/"une" name a person or an outcome: "un soldat", "un seul mort", "un de ses commandants"."""
    words = [w if w in persons else w[:-1] if w.endswith(("s", "x")) else w for w in re.findall(r"[\w-]+", text[at : at + 40].lower())]
    if words[:1] and words[0] in ("de", "des", "d", "d'entre"):  # "un de ses commandants", "une des victimes"
        return any(w in persons for w in words[1:4])
    return any(w in persons for w in words[:2])


@lru_cache(maxsize=4)
def _person_words(lang: str) -> frozenset[str]:
    """Every word of the codebook that names people or what befell them: actor words of every kind, persons and
    civilian targets, outcome words, and the claims lexicon's own `person_words`."""
    cues, c = lexicon(lang).cues, lexicon(lang).claims
    phrases = [*cues.get("civilian_targets", []), *cues.get("persons", []), *(w for ws in c["outcomes"].values() for w in ws),
               *c.get("ambiguous", [])]
    for g in actor_registry().generic:
        phrases += list(g.words.get(lang, ()))
    for a in actor_registry().actors:
        phrases += [*a.aliases.get(lang, ()), *a.acronyms]
    # a phrase's head word ("chef de village" -> "chef"), never its articles and prepositions
    words = {w[0] for p in phrases if (w := re.findall(r"[\w-]+", p.lower())) and (len(w) == 1 or len(w[0]) > 3)}
    words |= {w[:-1] for w in words if w.endswith(("s", "x")) and len(w) > 3}  # "militaires" -> "militaire"
    return frozenset(words | {w.lower() for w in c.get("person_words", [])})


_NOT_A_PERSON = re.compile(r"\s+(?:militias?|auxiliar(?:y|ies)|forces?|force|volunteers?|self-defen[cs]e|defen[cs]e|guards?|milices?|supplétifs?|armés?)\b", re.I)


def _singular_victims(text: str, s0: int, s1: int, outcomes, taken: list[Quantity], lang: str) -> list[Quantity]:
    """One victim named with an article is a count of one: "shot dead a civilian", "killed the village chief",
    "the mayor of Boni was assassinated", "a été tué un berger". The article stands for the figure."""
    out: list[Quantity] = []
    last_end = None
    for m in _one_person(lang).finditer(text, s0, s1):
        start, end = m.start(), m.end()
        if any(q.start <= start < q.end or start <= q.start < end for q in taken):
            continue
        if _NOT_A_PERSON.match(text, end):
            continue  # "a civilian militia", "un civil armé": the word qualifies a force, not a person
        after_verb = any(o[1] <= start and _TOLL_GAP.fullmatch(text[o[1] : start]) for o in outcomes)
        passive = any(0 < o[0] - end <= 45 and _PASSIVE_GAP.fullmatch(text[end : o[0]]) for o in outcomes)
        listed = last_end is not None and re.fullmatch(r"\s*(?:,|and|et)\s*", text[last_end:start])  # "killed a policeman and a bystander"
        if after_verb or passive or listed:
            out.append(Quantity(start, start + len(m.group("art").rstrip()), 1, 1, False, None, 1, single=True))
            last_end = end
    return out


def _side_phrase(lex, text: str, s0: int, s1: int, q: Quantity) -> str | None:
    """Whose losses a figure counts when the report says it by side: the nearest "côté ami" / "côté ennemi"
    (or "among its own" / "on the enemy side") before the figure, else right after it."""
    hits = [(m.start(), "own") for m in lex["own_side"].finditer(text, s0, s1)]
    hits += [(m.start(), "enemy") for m in lex["enemy_side"].finditer(text, s0, s1)]
    before = [h for h in hits if h[0] < q.start]
    if before:
        return max(before)[1]
    after = [h for h in hits if q.end <= h[0] <= q.end + 40]
    return min(after)[1] if after else None


def _attributed_text(lex, text: str, a: ActorMention) -> bool:
    """"..., selon le CSP-DPA": the source of a figure is not among its victims."""
    return bool(lex["before_source_end"].search(text[max(0, a.start - 30) : a.start]))


def _in_date(lex, text: str, q: Quantity) -> bool:
    """"On October 21, militiamen killed two men": the 21 is a day, not a count."""
    if lex["month_before"].search(text[max(0, q.start - 12) : q.start]) or lex["month_after"].match(text[q.end : q.end + 12]):
        return True
    # "du 03 au 04 février", "between 3 and 5 March": the first day of a span of days
    span = re.match(r"\s*(?:au|à|et|-|–|and|to)\s+\d{1,2}(?:er)?", text[q.end : q.end + 12], re.I)
    return span is not None and bool(lex["month_after"].match(text[q.end + span.end() : q.end + span.end() + 14]))



_ASIDES = re.compile(r"\([^()]*\)|,[^,.;:]{0,120},")


# "4 personnels FAMa qui ont trouvé la mort", "three soldiers who were killed": the figure's own relative clause
_OWN_RELATIVE = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}(?:qui|who)\s+(?:(?:ont|a|avaient|avait|sont|est|have|has|had|were|was)\s+)?(?:(?:été|been)\s+)?(?:(?:tous|all)\s+)?", re.I)


def _bind_outcomes(lex, doc, text: str, q: Quantity, nxt_q: int, outcomes, shared):
    """The outcome word(s) a figure belongs to, and what a coordinated next figure may share.

    After the figure: "two dead", "dozens of dead and wounded", "50 Wagner members and 10 Malian soldiers
    killed" (a listed figure shares the outcome). Before it: "killed 12 soldiers", "death toll of 30".
    Shared forward: "la mort de 47 soldats maliens et de 84 combattants".
    """
    if q.single and shared is not None and re.fullmatch(r"[^.;:]{0,60}\b(?:and|et)\s+", text[shared[1] : q.start]):
        return [shared[0]], shared  # "killed a policeman and a bystander and wounded two": the bystander was killed too
    # outcome after the figure: "two dead", "50 Wagner members and 10 Malian soldiers killed"
    # an apposition may stand between: "trois VDP, les supplétifs de l'armée, ont été tués"; a parenthesis and an
    # aside between commas do not count towards the distance ("Nine members of the VDP (...), a civilian force that ..., died")
    after = [o for o in outcomes if q.end <= o[0] and len(_ASIDES.sub("", text[q.end : o[0]])) <= 120]
    chosen: list[tuple[int, int, str]] = []
    # an outcome right before the figure binds first: "killed dozens of soldiers and seized trucks"
    adjacent = [o for o in outcomes if o[1] <= q.start and _TOLL_GAP.fullmatch(text[o[1] : q.start])]
    if adjacent and (not after or not re.fullmatch(r"\s*(?:(?:de|d['’]|of)\s*)?(?:(?:d['’])?autres\s+|others?\s+|more\s+)?", text[q.end : after[0][0]])):
        # (unless its own outcome follows at once: "une soixantaine de portés disparus", "des dizaines d'autres blessés")
        after = []
    if after:
        first = after[0]
        between = text[q.end : first[0]]
        gap = text[q.end : nxt_q]
        # "50 Wagner members and 10 Malian soldiers killed": figures in one list share the outcome word
        listed = re.search(r"(?:\band|\bet|,)\s*$", gap) and len(gap.split()) <= 7 and not lex["source_verbs"].search(gap)
        if listed and q.term is None and not q.single and q.low == 1 and text[q.start].isalpha() and not lex["one_person"].match(text, q.start):
            listed = False  # "selon une source de sécurité, 16 soldats tués": an article, not the first of a list
        if first[0] > nxt_q and not listed:
            after = []
        elif (re.search(r"[.;:]|\b(?:who|which|qui)\b", between) or _has_verb(doc, q.end, first[0])) and not _OWN_RELATIVE.fullmatch(between):
            after = []  # "une embuscade ... et revendique la mort de 47": another clause stands between
        elif (q.term is None and not q.single and q.low == 1 and not re.match(r"\s+(?:of|d'entre|de)\b", between) and not listed
              and len(between.split()) > (5 if _names_people(text, q.end, _person_words(doc.lang_)) else 3)):
            after = []  # "un"/"one" is an article far more often than a count (but "un Casque bleu a été tué" counts one)
        else:
            chosen.append(first)
            # "dead and wounded": one figure, two outcomes
            for o in after[1:]:
                if o[2] != first[2] and re.fullmatch(r"\s*(?:and|or|et|ou|,)\s*", text[chosen[-1][1] : o[0]]):
                    chosen.append(o)
    if not chosen:
        # outcome before the figure: "killed 12 soldiers", "killing at least five", "death toll of 30"
        before = [o for o in outcomes if o[1] <= q.start and q.start - o[1] <= 40]
        if before and _TOLL_GAP.fullmatch(text[before[-1][1] : q.start]):
            chosen.append(before[-1])
    if not chosen and shared is not None and re.fullmatch(r"[^.;:]{0,60}\b(?:and|et)\s+(?:de\s+|d'|of\s+|à\s+|to\s+)?", text[shared[1] : q.start]):
        chosen.append(shared[0])  # "la mort de 47 soldats maliens et de 84 combattants", "coûté la vie à sept civils et à deux VDP"
    if chosen and chosen[0][0] < q.start:
        shared = (chosen[0], q.end)
    else:
        shared = None
    return chosen, shared

def _has_verb(doc, start: int, end: int) -> bool:
    """A finite or infinitive verb between two offsets (auxiliaries and participles do not count)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    # a verb inside a relative clause ("two members of a militia that backs the army were killed") is the noun's
    return any(t.pos_ == "VERB" and t.tag_ not in ("VBN",) and "VerbForm=Part" not in str(t.morph) and t.dep_ not in ("relcl", "acl:relcl")
               for t in span)


# the words a bare demonym among the dead stands beside ("des dizaines de morts maliens et russes", "Malian and Russian deaths")
_DEMONYM_NEIGHBOURS = {"morts", "mort", "tués", "blessés", "victimes", "pertes", "décès", "disparus", "et", "de", "des", "parmi", "côté",
                       "deaths", "dead", "casualties", "losses", "killed", "wounded", "missing", "and", "or", "ou"}


def _demonym_victims(text: str, start: int, end: int, lang: str, already: list[ActorMention]) -> list[ActorMention]:
    """Bare demonyms among the victims: "dozens of Malian and Russian deaths"."""
    reg = actor_registry()
    dem = reg.demonyms.get(lang, {})
    out = []
    keys = {a.key for a in already}
    words = list(re.finditer(r"[\w’'-]+", text[start:end]))
    for idx, m in enumerate(words):
        info = dem.get(m.group(0)) or dem.get(m.group(0).lower())
        if not info:
            continue
        # "un Togolais", "deux Français": people of that country, not its forces (the French adjective is lower-case)
        person = lang == "fr" and m.group(0)[0].isupper() and (idx == 0 or bool(re.fullmatch(
            r"(?:un|une|des|les|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+)", words[idx - 1].group(0), re.I)))
        # a demonym qualifying a thing is no victim: "sept travaillant pour la compagnie française", "a French company"
        near = (words[idx - 1].group(0) if idx > 0 else "") if lang == "fr" else (words[idx + 1].group(0) if idx + 1 < len(words) else "")
        if near and near.lower() not in _DEMONYM_NEIGHBOURS and not person:
            continue
        kind = "civilians" if person else info.get("kind") or "state_military"
        # "trois ressortissants italiens", "two French nationals": the demonym of civilians named just before it
        if any(a.kind == "civilians" and 0 <= start + m.start() - a.end <= 3 for a in already):
            continue
        g = next((g for g in reg.generic if g.kind == kind), None)
        entry = reg.state_military(info.get("country")) if kind == "state_military" else None
        mention = ActorMention(start + m.start(), start + m.end(), m.group(0), entry, g, info.get("country"))
        if mention.key not in keys and not any(a.kind == kind for a in already):
            keys.add(mention.key)
            out.append(mention)
    return out


# "L'armée a, pour sa part, affirmé": an aside between the subject and its verb, not a speaker after it
_ASIDE = re.compile(r",\s*(?:pour\s+(?:sa|leur)\s+part|de\s+(?:son|leur)\s+côté|quant\s+à\s+(?:lui|elle|eux|elles)|(?:lui|elle|eux|elles)\s+aussi|"
                    r"toutefois|cependant|en\s+revanche|néanmoins|for\s+(?:its|their|his|her)\s+part|however|in\s+turn|meanwhile)\s*,\s*$", re.I)


def _claimant(lex, text: str, s0: int, s1: int, actors: list[ActorMention], document: Document):
    """(claimant mention, kind, text, via) for a sentence."""
    via = [m.group(0) for m in lex["relays"].finditer(text, s0, s1)]
    # "un précédent bilan de l'armée faisait état de cinq morts": the toll's author
    for m in lex["toll_by"].finditer(text, s0, s1):
        actor = next((a for a in actors if m.end() <= a.start <= m.end() + 4 and not re.search(r"\d", text[m.end() : a.start])), None)
        if actor is not None:  # (not "un bilan de 14 terroristes neutralisés": the toll's dead)
            return actor, "actor", actor.text, via
        unnamed = _unnamed_at(lex, text, m.end())
        if unnamed is not None:
            return None, "sources", unnamed.group(0), via
        org = _organisation_at(lex, text, m.end())
        if org is not None:
            return None, "organisation", org, via
        official = lex["officials"].match(text, m.end()) or lex["officials"].match(text, _article_end(text, m.end()))
        if official is not None:
            return None, "official", official.group(0), via
    # "according to X"
    inverted = [v.start() for v in lex["source_verbs"].finditer(text, s0, s1)
                if re.search(r"[,»\"]\s*(?:(?:a|ont|avait|avaient|has|had)\s+)?$", text[max(s0, v.start() - 12) : v.start()])
                and not _ASIDE.search(text, max(s0, v.start() - 40), v.start())]
    for m in lex["before_source"].finditer(text, s0, s1):
        if inverted and inverted[0] < m.start():
            continue  # "« ... », a expliqué un élu local, précisant ... selon les témoignages": the speaker after the quote
        after = text[m.end() : s1]
        if re.match(r"(?:l['’]|son\s+|leur\s+|its\s+|the\s+)?(?:acronyme|sigle|appellation|acronym)\b", after, re.I):
            continue  # "JNIM selon l'acronyme arabe": a name's gloss, not a source
        if re.match(r"(?:nos|our)\s+(?:informations|information|sources)\b", after, re.I):
            return None, "outlet", document.outlet or "the outlet", via  # "selon nos informations": the outlet's own
        if re.match(r"(?:laquelle|lequel|lesquels|lesquelles|qui|whom|which)\b", after, re.I):
            # "a confié une source sécuritaire, selon laquelle ...": the source just named
            back = [u for u in lex["unnamed"].finditer(text, s0, m.start()) if len(text[u.end() : m.start()].split()) <= 2]
            if back:
                return None, "sources", back[-1].group(0), via
            named = [a for a in actors if a.end <= m.start() and len(text[a.end : m.start()].split()) <= 2]
            if named:
                return named[-1], "actor", named[-1].text, via
            continue
        same = lex["same_source"].match(text, m.end()) or lex["same_source"].match(text, m.start())
        if same is not None:
            return None, "sources", same.group(0), via  # "selon la même source": resolved to the last source by the caller
        if re.search(r"sources?\s*$", m.group(0), re.I):
            # "a-t-on appris de sources militaires": the cue holds the source; its adjective says which
            adj = re.match(r"[\w-]+", after)
            phrase = f"{m.group(0).split()[-1]} {adj.group(0)}" if adj else ""
            if adj and lex["unnamed"].fullmatch(phrase):
                return None, "sources", phrase, via
            # "apprend-on de sources de sécurité": the cue's own noun starts the source's name
            named = lex["unnamed"].match(text, m.start() + re.search(r"sources?\s*$", m.group(0), re.I).start())
            if named is not None and named.end() > m.end():
                return None, "sources", named.group(0), via
        org = _organisation_at(lex, text, m.end())
        if org is None:
            toll = lex["toll_by"].match(text, _article_end(text, m.end()))  # "d'après un bilan de l'ONU"
            org = _organisation_at(lex, text, toll.end()) if toll else None
        if org is not None:
            return None, "organisation", org, via
        first = _unnamed_at(lex, text, m.end())
        if first is not None and not any(a.start <= first.start() < a.end and a.end >= first.end() for a in actors):
            return None, "sources", first.group(0), via  # "d'après un notable de la localité, quinze civils": the notable speaks
        actor = next((a for a in actors if m.end() <= a.start <= m.end() + 40 and not _described(lex, text, a)
                      and not re.search(r"[,;:]", text[m.end() : a.start])), None)  # not past the source phrase: "relayé par ses canaux, avoir tué 41 militaires"
        unnamed = lex["unnamed"].match(after) or lex["unnamed"].search(after[:40])
        relay = lex["relays"].match(after)
        if actor is not None:
            return actor, "actor", actor.text, [v for v in via if v not in actor.text]
        if unnamed is not None:
            return None, "sources", unnamed.group(0), via
        official = lex["officials"].match(after)
        if official is not None:
            return None, "official", official.group(0), via
        if relay is not None:
            others = [a for a in actors if a.start < m.start() and a.entry is not None]
            speaker = _speaker(lex, text, s0, m.start(), others)
            if speaker is not None:
                return speaker, "actor", speaker.text, via
            return None, "outlet", relay.group(0), [v for v in via if v != relay.group(0)]
    # inverted: "..., indiquent des sources locales", "..., témoignent des habitants", "..., said a security source"
    for v in lex["source_verbs"].finditer(text, s0, s1):
        if not re.search(r"(?:[,»\"]|\bce\s+qu['’]|\bce\s+que)\s*(?:(?:a|ont|avait|avaient|has|had)\s+)?$", text[max(s0, v.start() - 12) : v.start()], re.I) \
                or _ASIDE.search(text, max(s0, v.start() - 40), v.start()):
            continue  # "..., a indiqué X", "C'est ce qu'indique un communiqué du ministère"
        # "a indiqué à l'AFP une source sécuritaire", "a précisé jeudi cette source", "a annoncé à la télévision
        # publique le gouverneur": the speaker may stand a few words after its verb
        tail = text[v.end() : v.end() + 80]
        head = re.match(r"\s*(?:-t-(?:il|elle|on)\s+)?", tail).end()
        # "a déclaré Cheick Harouna Sankaré, maire de la localité voisine", "said Moulaye Guindo, the mayor": a name, then
        # the title that says what kind of source the person is
        named = re.match(r"(?:[A-ZÉÈ][\w'’.-]+\s+){1,3}?[A-ZÉÈ][\w'’-]+\s*,\s*", tail[head:])
        if named is not None:
            t_off = v.end() + head + named.end()
            art = _article_end(text, t_off) - t_off
            title = lex["unnamed"].match(text, t_off) or lex["unnamed"].match(text, t_off + art)
            if title is not None:
                return None, "sources", title.group(0), via
            official = lex["officials"].match(text, t_off)
            if official is not None:
                return None, "official", official.group(0), via
        words = [m.start() for m in re.finditer(r"(?<=\s)\S", tail[head:])]
        for off in [v.end() + head] + [v.end() + head + w for w in words[:8]]:
            if not re.fullmatch(r"[\s,]*(?:(?:à|au|aux|sur|dans|to|on|in|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|soir|matin|"
                                r"\w+day|evening|night|sous|par|under|by|également|aussi|encore|ensuite|also)\b[^,.;]*"
                                r"|(?:un|une|le|la|a|the)(?:\s+(?:communiqué|message|texte|document|statement|release)\b[^,.;]*)?)?[\s,]*",
                                text[v.end() + head : off], re.I) and off != v.end() + head:
                break  # only a place, a medium or a day may stand between the verb and its speaker
            art = _article_end(text, off) - off
            noun = re.match(r"[\w-]+", text[off + art : off + art + 20])
            definite = re.fullmatch(r"(?:le|la|l['’]|ce|cette|the|this|its|son|leur)\s*", text[off : off + art], re.I)
            if art and definite and noun and noun.group(0).lower() in lex["statement_nouns"] and not any(
                    0 <= a.start - (off + art + noun.end()) <= 25 for a in actors):  # but "un communiqué du ministère" names it
                # "..., précise le communiqué": the statement quoted before speaks (resolved by the caller), not an actor
                # named earlier in the sentence (but "..., évoque un bilan plus lourd": an object, not a speaker)
                return None, "outlet", document.outlet or "the outlet", via
            unnamed = lex["unnamed"].match(text, off) or lex["unnamed"].match(text, off + art)
            same = lex["same_source"].match(text, off)
            if unnamed is not None or same is not None:
                return None, "sources", (unnamed or same).group(0), via
            org = _organisation_at(lex, text, off)
            if org is not None:
                return None, "organisation", org, via
            official = lex["officials"].match(text, off)
            if official is not None and not any(off <= a.start < off + len(official.group(0)) for a in actors):
                return None, "official", official.group(0), via
            actor = next((a for a in actors if off <= a.start <= off + 12), None)
            title = lex["speaks_for"].match(text, off)
            if title is not None:
                actor = next((a for a in actors if title.end() - 2 <= a.start <= title.end() + 2), actor)
            if actor is not None:
                return actor, "actor", actor.text, via
    # "selon un communiqué diffusé par Az-Zallaqa": a group's own media speak for it
    medium = next(((gid, m) for gid, rx in lex["group_media"] for m in [rx.search(text, s0, s1)] if m), None)
    if medium is not None and medium[0] in actor_registry().by_id:
        gid, m = medium
        named = [a for a in actors if a.entry is not None and a.entry.id == gid]
        mention = named[0] if named else ActorMention(m.start(), m.end(), m.group(0), actor_registry().by_id[gid], None)
        return mention, "actor", mention.text, via
    # "X said / X's statement speaks of"
    # "sans faire état de pertes": a verb said not to be said reports nothing
    verbs = [v for v in lex["source_verbs"].finditer(text, s0, s1) if not re.search(r"\b(?:sans|without|not|pas)\s+$", text[max(s0, v.start() - 8) : v.start()], re.I)]
    # "Dans un communiqué lu vendredi, l'état-major affirme ...": past a statement noun with nobody before it, to the verb
    # whose speaker stands before it
    verb = verbs[0] if verbs else None
    if verb is not None and len(verbs) > 1 and verb.group(0).lower() in lex["statement_nouns"] | {"bilan", "revendication", "statement", "toll"}:
        if _speaker(lex, text, s0, verb.start(), actors) is None:
            # "Dans un communiqué publié le lendemain, l'état-major indique": the first verb with a speaker before it
            for v in verbs[1:]:
                if _speaker(lex, text, s0, v.start(), actors) is not None:
                    verb = v
                    break
                if re.search(r"\b(?:il|elle|ils|elles|it|they|he|she)\s+(?:\w+\s+){0,2}$", text[max(s0, v.start() - 25) : v.start()], re.I):
                    break  # "In a statement, it said it had killed ...": a pronoun speaks; the back-reference resolves it
    if verb is not None:
        # "Two aid workers were abducted, the UN said", "Human Rights Watch said soldiers executed ...": an organisation
        # right before the verb
        org = next((name for name, rx in lex["organisations"] for m in rx.finditer(text, max(s0, verb.start() - 40), verb.start())
                    if re.fullmatch(r"(?:\s+(?:has|have|had|a|ont|avait|also|aussi|\w+ly))*\s*", text[m.end() : verb.start()])), None)
        if org is not None:
            return None, "organisation", org, via
        speaker = _speaker(lex, text, s0, verb.start(), actors)
        if speaker is None and verb.group(0).lower() in lex["statement_nouns"] | {"statement"}:
            # "Dans un communiqué, l'état-major a salué une opération ...": the body that speaks right after its statement
            speaker = next((a for a in actors if verb.end() <= a.start <= verb.end() + 40 and not _described(lex, text, a) and (
                a.generic is None or a.kind in ("state_military", "government") and not a.text.split()[0].lower().endswith(("s", "x")))), None)
        closer = [u for rx in ("unnamed", "same_source") for u in lex[rx].finditer(text, s0, verb.start() + 1) if speaker is None or u.start() > speaker.end]
        closer.sort(key=lambda u: u.start())
        if speaker is not None and closer and len(text[closer[-1].end() : verb.start()].split()) <= 6:
            # "... killing 150 people, a security source said": the source stands between the victims and the verb
            return None, "sources", closer[-1].group(0), via
        if speaker is not None:
            return speaker, "actor", speaker.text, via
        # "the governor of the region reports 21 dead": an official speaks for the government
        last_verb = list(lex["source_verbs"].finditer(text, s0, s1))[-1]
        official = lex["officials"].search(text, s0, last_verb.start() + 1)
        if official is not None:
            return None, "official", official.group(0), via
        before = list(lex["unnamed"].finditer(text, s0, verb.start() + 1))
        if before:  # the source nearest its verb ("gunmen shot residents ..., a security source said")
            k = len(before) - 1
            while k > 0 and re.fullmatch(r"\s*(?:and|et|,)\s*", text[before[k - 1].end() : before[k].start()]):
                k -= 1  # "residents and a local official said": the first of the coordinated sources
            return None, "sources", before[k].group(0), via
    unnamed = lex["unnamed"].search(text, s0, s1)
    cue = re.search(r"\b(?:according|selon|d'après|said|say|says)(?![\w-])", text[s0:s1], re.I)
    # the unnamed source is the cue's: its subject before it, or its object right after it (not "residents"
    # who merely appear later in a sentence attributed to somebody else)
    if unnamed is not None and cue is not None and unnamed.start() - (s0 + cue.end()) <= 40:
        return None, "sources", unnamed.group(0), via
    # "Des sources locales ... évoquent des dizaines de morts": unnamed sources opening the sentence speak in it
    if unnamed is not None and len(text[s0 : unnamed.start()].split()) <= 2 and re.search(r"sources?\b", unnamed.group(0), re.I):
        return None, "sources", unnamed.group(0), via
    if via:
        return None, "outlet", via[0], via[1:]
    return None, "outlet", document.outlet or "the outlet", []


def _as_source(found):
    """Residents or villagers who speak are an unnamed source, not a party: "des habitants affirment ..."."""
    mention, kind, text, via = found
    if kind == "actor" and mention is not None and mention.kind == "civilians":
        return None, "sources", text, via
    return found


def _claimant_for(lex, doc, text: str, s0: int, q_start: int, actors: list[ActorMention], fallback):
    return _as_source(_claimant_for_inner(lex, doc, text, s0, q_start, actors, fallback))


def _claimant_for_inner(lex, doc, text: str, s0: int, q_start: int, actors: list[ActorMention], fallback):
    """The claimant of one figure: the subject of the last reporting verb before it ("the army said it lost
    four soldiers, while JNIM claimed 30"; "JNIM, which says it ambushed the column, claimed that 47..."),
    else the nearest actor before that verb, else the sentence's claimant."""
    verbs = [m for m in lex["source_verbs"].finditer(text, s0, q_start)]
    # a toll named as a noun has no speaker of its own ("... found during a search raising the death toll to eight,"
    # the security source said): the sentence's claimant speaks
    verbs = [m for m in verbs if not _toll_noun(doc, m)]
    if verbs:
        v = verbs[-1]
        # "mais des sources locales parlent de dix morts": the source right before its verb, whatever the parse says
        # ("des habitants de la région qui ont rapporté qu'un civil avait été tué": the source of the relative's verb)
        near = [u for u in lex["unnamed"].finditer(text, max(s0, v.start() - 60), v.start() + 1) if len(text[u.end() : v.start()].split()) <= 2
                or len(text[u.end() : v.start()].split()) <= 7 and re.search(r"\b(?:qui|who)\s+(?:(?:ont|a|avaient|avait|have|has|had)\s+)?$",
                                                                           text[u.end() : v.start()], re.I)]
        if near and any(m.end() >= near[-1].end() for m in lex["same_source"].finditer(text, max(s0, near[-1].start() - 10), near[-1].end() + 1)):
            return fallback  # "a précisé cette source, qui ajoute que ...": the source the sentence already resolved
        if near:
            return None, "sources", near[-1].group(0), fallback[3]
        # a word inside a quotation the verb stands outside of is no speaker: "que « 9 terroristes ont été neutralisés » ... et déplore"
        outside = text.count('"', s0, v.start()) % 2 == 0
        span = doc.char_span(v.start(), v.end(), alignment_mode="expand")
        if span is not None:
            verb = span.root
            # "JNIM said it fought ... and claimed to have killed 50": a coordinated verb shares its head's subject,
            # and a pronoun subject ("it", "il") points up to the verb that names the speaker
            for _ in range(4):
                subj = [c for c in verb.children if c.dep_.startswith("nsubj")]
                if subj and subj[0].pos_ != "PRON":
                    break
                if verb.head.i == verb.i:
                    break
                verb = verb.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
            for subj in subjects:
                idx = {t.idx for t in subj.subtree}
                lo, hi = min(idx), max(t.idx + len(t) for t in subj.subtree)
                official = lex["officials"].search(text, lo, min(hi, v.start()) + 1)
                if official is not None and not any(lo <= a.start < hi for a in actors):
                    return None, "official", official.group(0), fallback[3]
                # the speaker stands before its reporting verb; a subject found after it is a bad parse
                named = [a for a in actors if lo <= a.start < min(hi, v.start()) and not _in_relative(doc, a) and not _described_group(lex, text, a)
                         and not _adjective(text, a) and not (outside and text.count('"', s0, a.start) % 2 == 1)
                         # (not "un regroupement de terroristes ..., avec un bilan de": an unnamed group is no speaker)
                         and not (a.entry is None and a.generic is not None and a.generic.kind in ("jihadist", "unidentified", "separatist"))]
                if named:
                    return named[0], "actor", named[0].text, fallback[3]
            for subj in subjects:  # "mais des sources locales parlent de dix morts": an unnamed source as the subject
                lo = min(t.idx for t in subj.subtree)
                hi = max(t.idx + len(t) for t in subj.subtree)
                u = lex["unnamed"].search(text, lo, min(hi, v.start()) + 1)
                if u is not None:
                    return None, "sources", u.group(0), fallback[3]
            if subjects and any(x.pos_ != "PRON" or x.lower_ in ("on", "one") for x in subjects):
                return fallback  # "the source said", "on avance un bilan": a speaker that is no party; the sentence says who
        prev_end = verbs[-2].end() if len(verbs) > 1 else s0
        # (a generic word nobody named is no speaker: "un regroupement de terroristes ... avec un bilan de 14 neutralisés")
        cands = [a for a in actors if prev_end <= a.start < v.start() and not _in_relative(doc, a) and not _object(doc, a)
                 and not (outside and text.count('"', s0, a.start) % 2 == 1)
                 and not _described_group(lex, text, a) and (a.entry is not None or _institution(a)) and not _adjective(text, a)]
        if cands:
            sp = cands[-1]
            return sp, "actor", sp.text, fallback[3]
    return fallback


def _toll_noun(doc, m) -> bool:
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    return span is not None and len(span) == 1 and span.root.pos_ == "NOUN" and span.root.lower_ in ("toll", "bilan", "tolls", "bilans")


def _adjective(text: str, a: ActorMention) -> bool:
    """"160 véhicules civils", "civilian vehicles": the word qualifies a thing; nobody speaks."""
    return a.text.lower() in ("civils", "civil", "civile", "civiles") and bool(
        re.search(r"\b(?!(?:des|les|de|aux|deux|trois)\b)[a-zàâçéèêëîïôûù]{3,}\s+$", text[max(0, a.start - 25) : a.start]))


def _object(doc, a: ActorMention) -> bool:
    """"il affirme avoir tué 40 militaires et reconnaît ...": the soldiers are the object, not the next speaker."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and span.root.dep_.split(":")[0] in ("obj", "dobj", "iobj", "pobj", "obl")


def _in_relative(doc, a: ActorMention) -> bool:
    """An actor inside a relative clause ("JNIM, which says it fought beside the rebels, claimed ...") is not the speaker."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return False
    for t in span.root.ancestors:
        if t.dep_ in ("relcl", "acl:relcl"):
            return True
        if t.dep_ == "ROOT":
            break
    return False


def _institution(a: ActorMention) -> bool:
    """"l'état-major", "the army", "le gouvernement": a state body in the singular speaks; "soldiers" are counted."""
    return a.entry is None and a.generic is not None and a.generic.kind in ("state_military", "government") and not a.text.split()[0].lower().endswith(("s", "x"))


def _speaker(lex, text: str, s0: int, verb_start: int, actors: list[ActorMention]) -> ActorMention | None:
    actors = [a for a in actors if not _described(lex, text, a)]
    cands = [a for a in actors if s0 <= a.start < verb_start and (a.generic is None or _institution(a)) or (a.entry is not None and a.start < verb_start)]
    cands = [a for a in cands if a.start < verb_start]
    return cands[-1] if cands else None


def name_claims(
    raw: list[RawClaim], document: Document, day, country: str | None, opponents: dict[str, list[str]], targets: list[str] | None = None,
    armed_group: str | None = None, attacked: list[str] | None = None,
) -> list[Claim]:
    """Turn raw claims into ``Claim``s with canonical names; infer victims for a party's unattributed figure.

    ``armed_group``: the one named armed group of the event, whom "the attackers" among the dead are;
    ``attacked``: the event's target side, whose own toll an unattributed figure of theirs is."""
    claims = []
    for r in raw:
        if r.claimant_mention is not None:
            claimant = name_actor(r.claimant_mention, day, country).name
        elif r.claimant_kind == "sources":
            claimant = _source_label(document.lang, r.claimant_text)
        elif r.claimant_kind == "organisation":
            claimant = r.claimant_text  # "United Nations", "Human Rights Watch": the organisation's own name
        elif r.claimant_kind == "official":
            g = next(g for g in actor_registry().generic if g.kind == "government")
            claimant = name_actor(ActorMention(r.start, r.start, r.claimant_text, None, g), day, country).name
        else:
            claimant = r.claimant_text  # an outlet or a relay keeps its own name
        victims_names = []
        for v in r.victim_mentions:
            n = name_actor(v, day, country).name
            if armed_group and v.generic is not None and v.generic.kind in ("unidentified", "jihadist") and (v.entry is None or n not in opponents):
                # "dozens dead among the attackers" of a named group; "9 terroristes neutralisés" in a fight with the group the
                # report blames, though the word alone would read as the group named last ("la branche sahélienne ... le JNIM")
                n = armed_group
            if n not in victims_names:
                victims_names.append(n)
        inferred = False
        own_forces = claimant
        if r.claimant_kind == "official" or (r.claimant_mention is not None and r.claimant_mention.kind == "government"):
            mil = actor_registry().state_military(country)  # an official toll counts the state's forces
            own_forces = mil.name_on(day) if mil is not None else claimant
        # (an unnamed group beside a named one among a party's opponents is that group told twice)
        opponents = {k: ([n for n in v if not n.startswith("Unidentified Armed Group")] or v) for k, v in opponents.items()}
        if r.claimant_mention is None and r.claimant_kind == "outlet" and (r.victims_enemy or r.victims_own) and not victims_names:
            # "Côté ennemi : 07 morts. Côté ami : 42 morts" printed with no speaker: a communiqué's words, the state's side
            mil = actor_registry().state_military(country)
            own_forces = mil.name_on(day) if mil is not None else claimant
            if r.victims_own and not r.victims_enemy and mil is not None:
                victims_names = [own_forces]
        if not victims_names and r.victims_enemy and opponents.get(own_forces):
            # ("côté ennemi": the fighters the party faced, not the civilians of the same event)
            victims_names = [n for n in opponents[own_forces] if not n.startswith("Civilians")] or opponents[own_forces]
        elif not victims_names and r.outcome == "captured" and r.claimant_mention is not None and opponents.get(claimant):
            victims_names = opponents[claimant]  # "le groupe affirme avoir fait deux prisonniers": a party's prisoners are its enemies
            inferred = True
        elif not victims_names and r.victims_own and (r.claimant_mention is not None or r.claimant_kind == "official"):
            victims_names = [own_forces]
        elif not victims_names and targets:
            victims_names = list(targets)  # one-sided violence or an explosion: the toll is the target's
            inferred = True
        elif not victims_names and r.claimant_mention is not None and attacked and claimant in attacked:
            victims_names = [claimant]  # the ambushed army's "provisional toll" is its own
            inferred = True
        elif not victims_names and r.claimant_mention is not None and opponents.get(claimant):
            victims_names = opponents[claimant]
            inferred = True
        q = r.quantity
        claims.append(
            Claim(
                claimant=claimant,
                claimant_kind=r.claimant_kind if r.claimant_kind != "actor" or r.claimant_mention else "outlet",
                via=list(dict.fromkeys(r.via)),
                victims="; ".join(victims_names) if victims_names else None,
                victims_inferred=inferred,
                outcome=r.outcome,
                low=q.low if q else None,
                high=q.high if q else None,
                vague=bool(q.vague) if q else True,
                vague_term=(q.term if q else "casualties"),
                document=document.id,
                start=r.start,
                end=r.end,
                quote=document.text[r.start : r.end],
            )
        )
    # "Au moins dix-sept personnes y ont trouvé la mort ... Un élu local fait état, lui, de quatorze morts": when every
    # figure that names its dead names the same group (civilians, or the soldiers of an ambush), a bare toll of the
    # same fight counts them too
    named = {c.victims for c in claims if c.victims and c.outcome in ("killed", "wounded") and c.low is not None}
    if len(named) == 1:
        only = next(iter(named))
        claims = [c.model_copy(update={"victims": only, "victims_inferred": True}) if c.victims is None and c.outcome in ("killed", "wounded") else c
                  for c in claims]
    return claims


def _source_label(lang: str, text: str) -> str:
    """"sources locales", "a local source" -> "local sources": one English label per kind of unnamed source."""
    low = _bare_source(_plain_source(lang, text))
    labels, phrases, hints = _label_index(lang)
    if text.strip().lower() in labels:
        return text.strip().lower()  # already a label: "une source à l'hôpital" was refined to "medical sources"
    label = phrases.get(low)
    if label is not None:
        return label
    # "des sources hospitalières", "plusieurs habitants": the phrase's own words say which kind
    label = next((label for label, rx in hints if rx.search(low)), None)
    if label is not None:
        return label
    return _normal_source(text) if lang == "en" else "unnamed sources"


@lru_cache(maxsize=4)
def _label_index(lang: str):
    """The label names, each label phrase without its determiners (the first label listing it wins), and the hint words."""
    claims = lexicon(lang).claims
    labels = {*(claims.get("source_labels") or {}), *(claims.get("source_hints") or {})}
    phrases: dict[str, str] = {}
    for label, ps in (claims.get("source_labels") or {}).items():
        for p in ps:
            phrases.setdefault(_bare_source(p), label)
    hints = [(label, re.compile("|".join(rf"(?<![\w-]){re.escape(h.lower())}" for h in hs))) for label, hs in (claims.get("source_hints") or {}).items() if hs]
    return labels, phrases, hints


def _bare_source(text: str) -> str:
    """"Des sources hospitalières" -> "sources hospitalières": labels compare without determiners."""
    return _BARE_PREFIX.sub("", " ".join(text.lower().replace("’", "'").split()))


def _normal_source(text: str) -> str:
    t = re.sub(r"^(?:the|a|an|les?|la|des)\s+", "", text.strip(), flags=re.I)
    return t[0].lower() + t[1:] if t and not t[:2].isupper() else t


# --- reconciliation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reconciled:
    low: int | None
    best: int | None
    high: int | None
    acled: int | None
    disputed: bool


def claim_point(c: Claim, vague_acled: dict[str, int]) -> int | None:
    """The single figure a conservative coder takes from one claim."""
    if not c.vague:
        return c.low
    if c.vague_term and c.vague_term in vague_acled:
        return vague_acled[c.vague_term]
    return c.low


def reconcile(claims: list[Claim], lang: str = "en") -> Reconciled:
    """Low/best/high over claimants, from the 'killed' claims only.

    Each claimant's figures are summed over victim groups (JNIM's "50 Wagner and 10
    Malian soldiers" is 60). low = the smallest claimant total, high = the largest,
    best = the median of the claimants' point figures; ``acled`` = low, ACLED's most
    conservative reading. Disputed when claimants' ranges do not overlap.
    """
    vague_acled = {k.lower(): v.get("acled") for k, v in lexicon(lang).vague.items() if v.get("acled") is not None}
    per: dict[str, list[Claim]] = {}
    for c in claims:
        if c.outcome == "killed" and (c.low is not None or c.high is not None):
            per.setdefault(c.claimant, []).append(c)
    if not per:
        return Reconciled(None, None, None, None, False)
    ranges = []
    points = []
    for cl in per.values():
        # one figure per victim group (the claimant's highest for that group), summed over groups
        groups: dict[str | None, Claim] = {}
        for c in cl:
            cur = groups.get(c.victims)
            if cur is None or (c.low or 0, c.high or 0) > (cur.low or 0, cur.high or 0):
                groups[c.victims] = c
        cl = list(groups.values())
        lo = sum(c.low or 0 for c in cl)
        hi_parts = [c.high for c in cl]
        hi = None if any(h is None for h in hi_parts) else sum(hi_parts)
        if hi is None:
            hi = max(lo, max((c.low or 0) for c in cl))
        ranges.append((lo, hi))
        points.append(sum(claim_point(c, vague_acled) or 0 for c in cl))
    low = min(r[0] for r in ranges)
    high = max(r[1] for r in ranges)
    best = int(statistics.median_low(points))
    disputed = len(ranges) > 1 and max(r[0] for r in ranges) > min(r[1] for r in ranges)
    acled = min(points) if points else None
    return Reconciled(low, best, high, acled, disputed)
