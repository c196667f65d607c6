"""Detect event mentions: trigger words from the lexicon, in sentences that report something happening.

The detector only says *that* an event of some sub-type is mentioned, where,
and how sure it is; actors, places, dates and claims are attached by later
stages. A learned detector can replace ``detect_mentions`` as long as it
returns the same ``Trigger`` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .codebook import categories, lexicon
from .nlp import Parsed


@dataclass(frozen=True)
class Trigger:
    sentence: int
    start: int  # char offsets of the trigger words
    end: int
    text: str
    sub_event_type: str | None  # None when `resolve` decides from the actors
    resolve: str | None
    weight: float
    token_start: int  # token index in the spaCy doc, for the role analysis


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]  # "~" = gap of up to three tokens
    entry: dict


@lru_cache(maxsize=4)
def _phrases(lang: str) -> dict[str, list[_Phrase]]:
    from .nlp import pipeline

    tokenizer = pipeline(lang).tokenizer  # split phrases as the text is split ("sit-in" -> sit - in)
    index: dict[str, list[_Phrase]] = {}
    for entry in lexicon(lang).triggers:
        for phrase in entry["phrases"]:
            words = tuple(t.lower_ for t in tokenizer(str(phrase).lower().replace("’", "'")) if not t.is_space)
            index.setdefault(words[0], []).append(_Phrase(words, entry))
    for lst in index.values():
        lst.sort(key=lambda p: -len(p.words))
    return index


def _forms(tok) -> tuple[str, str]:
    return tok.lower_.replace("’", "'"), tok.lemma_.lower().replace("’", "'")


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    return frozenset(w.lower() for lang in ("en", "fr") for key in ("months", "weekdays") for w in lexicon(lang).dates.get(key, []))


def _date_word(tok) -> bool:
    return tok.like_num or tok.lower_ in _date_words()


def _match_at(tokens, i: int, words: tuple[str, ...]) -> int | None:
    """Index after the match of ``words`` starting at token i, or None."""
    j = i
    k = 0
    while k < len(words):
        w = words[k]
        if w == "~":
            # up to three words between, a date's words not counted ("ont repris le jeudi 20 février 2025 le contrôle")
            nxt, gap, words_between = words[k + 1], 0, 0
            while j + gap < len(tokens) and nxt not in _forms(tokens[j + gap]) and words_between <= 3 and gap < 9:
                words_between += not _date_word(tokens[j + gap])
                gap += 1
            if j + gap >= len(tokens) or nxt not in _forms(tokens[j + gap]) or words_between > 3:
                return None
            j += gap
            k += 1
            continue
        if j >= len(tokens) or w not in _forms(tokens[j]):
            return None
        j += 1
        k += 1
    return j


def _cue_near(words: list[str], tokens, i: int, before: int = 4) -> bool:
    window = " ".join(t.lower_ + " " + t.lemma_.lower() for t in tokens[max(0, i - before) : i])
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", window) for w in words)


def _purpose(tok) -> bool:
    """An infinitive of purpose or intent states an aim, not an event ("an offensive to reclaim territory")."""
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        return _purpose(tok.head)  # "pour retrouver et neutraliser les auteurs": both verbs are the aim
    return tok.pos_ == "VERB" and tok.dep_ in ("acl", "advcl", "xcomp", "relcl") and any(
        c.dep_ == "aux" and c.lower_ in ("to", "pour", "afin") for c in tok.children
    ) or (tok.dep_ in ("acl", "advcl", "xcomp") and any(c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in tok.children))


def _in_idiom(idioms, tokens, i: int, end: int) -> bool:
    """The trigger sits inside a set phrase that does not mean it ("ouvrait la marche d'un convoi")."""
    sent = tokens[0].sent
    low = sent.text.lower()
    t0, t1 = tokens[i].idx - sent.start_char, tokens[end - 1].idx + len(tokens[end - 1]) - sent.start_char
    return any(m.start() <= t0 and t1 <= m.end() for rx in idioms for m in rx.finditer(low))


def _aim(tok) -> bool:
    """A purpose clause proper ("to shield the town", "pour mettre ... à l'abri"), not a complement
    ("claimed to have detonated", "decided to confront")."""
    return (_purpose(tok) and tok.dep_ in ("advcl", "acl")
            and not any(c.dep_.startswith("aux") and c.lemma_.lower() in ("have", "avoir") for c in tok.children))


def _governed_by(tokens, i: int, words: set[str], purpose_counts: bool = True) -> bool:
    """True when a cue word governs the trigger in the parse (a negation on its verb, 'fear' above it)."""
    tok = tokens[i]
    if purpose_counts and _purpose(tok):
        return True
    # "dug to shield the town from attacks", "pour mettre la localité à l'abri des attaques": attacks in an aim
    if purpose_counts and tok.pos_ == "NOUN" and any(_aim(a) for a in list(tok.ancestors)[:3]):
        return True
    for anc in [tok, *list(tok.ancestors)[:3]]:
        lo, hi = sorted((anc.i, tok.i))
        if any(t.text in (":", ";") for t in tokens[lo:hi]):
            break  # "Le site n'était pas épargné : une frappe a fait six morts": a colon ends the negated clause
        if anc.lemma_.lower() in words or anc.lower_ in words:
            if anc is not tok:
                return True
        for child in anc.children:
            # "sans échange de tirs", "without a fight", "no clashes": the cue may be a preposition or a determiner
            if child.dep_ in ("neg", "advmod", "aux", "case", "mark", "det") and (child.lower_ in words or child.lemma_.lower() in words):
                return True
    return False


def _is_date_word(tokens, i: int, months: set[str]) -> bool:
    """"On March 28": a month, not a march."""
    tok = tokens[i]
    if tok.lower_ not in months:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    prv = tokens[i - 1] if i > 0 else None
    return tok.text[:1].isupper() or (nxt is not None and nxt.like_num) or (prv is not None and prv.like_num)


def _dated_after(tokens, end: int, months: set[str]) -> bool:
    """"après l'embuscade meurtrière du 16 juillet dernier": a referenced event with its own date is a past event
    worth coding (as background), not the news event referred to again."""
    window = tokens[end : end + 5]
    return any(t.lower_ in months and any(u.like_num for u in window) for t in window)


def detect_mentions(parsed: Parsed) -> list[Trigger]:
    lang = parsed.document.lang
    index = _phrases(lang)
    cues = lexicon(lang).cues
    months = {m.lower() for m in lexicon(lang).dates.get("months", {})}
    reference = sorted(w.lower() for w in cues.get("reference", []))
    negation = {w.lower() for w in cues.get("negation", [])}
    irrealis = {w.lower() for w in cues.get("irrealis", [])}
    protective = sorted(w.lower() for w in cues.get("protective", []))
    idioms = [re.compile(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])") for w in cues.get("idioms", [])]
    found: list[Trigger] = []
    for sent in parsed.sentences:
        tokens = list(sent.span)
        i = 0
        while i < len(tokens):
            best = None
            for form in set(_forms(tokens[i])):
                for ph in index.get(form, ()):
                    end = _match_at(tokens, i, ph.words)
                    if end is not None and (best is None or end - i > best[0] - i):
                        best = (end, ph)
            if best is None:
                i += 1
                continue
            end, ph = best
            # "took to the streets to protest": for a protest the purpose is the event
            purpose_counts = ph.entry.get("resolve") != "protest"
            if (_governed_by(tokens, i, negation | irrealis, purpose_counts) or _cue_near(sorted(irrealis), tokens, i, before=3)
                    or _is_date_word(tokens, i, months) or (_cue_near(reference, tokens, i, before=6) and not _dated_after(tokens, end, months))
                    or (tokens[i].pos_ == "NOUN" and _cue_near(protective, tokens, i, before=12))
                    or _in_idiom(idioms, tokens, i, end)
                    # "une manifestation interdite", "a banned march": a ban said of the act, not decreed in it
                    or (ph.entry.get("sub_event_type") == "Change to group/activity" and end - i == 1 and tokens[i].dep_ in ("amod", "acl")
                        and "Part" in tokens[i].morph.get("VerbForm"))):
                i = end
                continue
            first, last = tokens[i], tokens[end - 1]
            found.append(
                Trigger(
                    sentence=sent.index,
                    start=first.idx,
                    end=last.idx + len(last.text),
                    text=parsed.text[first.idx : last.idx + len(last.text)],
                    sub_event_type=ph.entry.get("sub_event_type"),
                    resolve=ph.entry.get("resolve"),
                    weight=float(ph.entry.get("weight", 0.7)),
                    token_start=first.i,
                )
            )
            i = end
    return found


def priority(sub_event_type: str) -> int:
    return categories().get(sub_event_type).priority
