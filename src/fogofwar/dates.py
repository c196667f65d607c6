"""Dates: every sentence gets the date the story has reached there, with its evidence.

Two anchors, as a careful reader uses them: the publication date for "on
Monday", "yesterday", "last week"; the narrative date for "the next day", "in
the following hours", "then". An explicit date ("25 July", "November 2023")
moves the narrative. Absolute and weekday expressions are parsed by
dateparser; narrative arithmetic and the lexicon (``codebook/dates/<lang>.yaml``)
are ours.

Precision follows ACLED's time_precision (1 day, 2 week, 3 month) plus 4 for
a year alone, which ACLED never codes (such mentions are background at most).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .datelines import dateline_spans, in_dateline
from .codebook import lexicon
from .nlp import Parsed


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date
    precision: int
    anchor: str  # "absolute" | "published" | "narrative"
    role: str = "point"  # "point" | "until" | "since" | "report" (when a statement was made, not the event)


@dataclass(frozen=True)
class SentenceDate:
    """The date a sentence speaks about. ``until`` ends a span ("holding out until 27 July")."""

    date: dt.date | None
    precision: int | None
    source: str  # "explicit" | "published" | "narrative" | "inherited" | "none"
    mention: DateMention | None = None
    until: DateMention | None = None
    habitual: bool = False
    mentions: tuple[DateMention, ...] = ()
    prior: "SentenceDate | None" = None  # the narrative date before this sentence (for triggers its date does not govern)
    anchor: DateMention | None = None  # the explicit mention the narrative date goes back to


@lru_cache(maxsize=4)
def _patterns(lang: str):
    lex = lexicon(lang).dates
    months = sorted(lex["months"], key=len, reverse=True)
    m = "|".join(re.escape(x) for x in months)
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|e)?"
    year = r"(?P<y>(?:19|20)\d\d)"
    weekday = "|".join(lex["weekdays"])
    absolute = [
        re.compile(rf"\b{day}\s+(?:de\s+)?(?P<m>{m})\.?(?:,?\s+{year})?\b", re.I),
        re.compile(rf"\b(?P<m>{m})\.?\s+{day}(?:,?\s+{year})?\b", re.I),
        re.compile(rf"\b(?P<m>{m})\.?\s+(?:of\s+|de\s+|d')?{year}\b", re.I),
        re.compile(rf"(?:\b(?:in|since|of|en|depuis|de)\s+|\bthe\s+|\b){year}\b(?!\s*(?:km|people|men|fighters|soldiers|%))", re.I),
    ]
    prefixes = "|".join(re.escape(p) for p in sorted(lex.get("month_prefixes", {}), key=len, reverse=True))
    if prefixes:  # "fin juillet", "mi-août", "late July": the month only
        absolute.append(re.compile(rf"(?<![\w-])(?P<pre>{prefixes})(?:\s+|-)(?P<m>{m})\b(?!\s*[0-3]?\d\b)", re.I))
    wd = re.compile(rf"\b(?:(?P<last>last|dernier)\s+)?(?P<w>{weekday})(?:\s+(?P<last2>dernier|last))?\b", re.I)
    rng = re.compile(
        rf"\b(?:du|from|between|of)\s+(?:(?:{weekday})\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th|er)?\s+(?:au|to|and|et|until|-|–)\s+"
        rf"(?:(?:{weekday})\s+)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th|er)?\s+(?P<m>{m})\.?(?:,?\s+{year})?\b",
        re.I,
    )
    rel = []
    # "June 4 to 5, 2021", "between March 3 and 4": month first
    rng_mf = re.compile(
        rf"\b(?:from\s+|between\s+)?(?P<m>{m})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:to|and|-|–|until)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{year})?",
        re.I,
    )
    for entry in lex["relative"]:
        for phrase in entry["phrases"]:
            rel.append((re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.I), entry))
    rel.sort(key=lambda x: -len(x[0].pattern))
    until = re.compile(rf"\b(?:{'|'.join(re.escape(u) for u in lex.get('until', []))})\s*$", re.I)
    since = re.compile(rf"\b(?:{'|'.join(re.escape(u) for u in lex.get('since', []))})\s*$", re.I)
    return absolute, wd, rel, until, since, {k.lower(): v for k, v in lex["months"].items()}, (rng, rng_mf)


@lru_cache(maxsize=4)
def _report_pattern(lang: str) -> re.Pattern:
    """A date right after a reporting word dates the statement, not the event ("a statement published on Monday")."""
    words = lexicon(lang).dates.get("report_words", [])
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b(?:\s+\w+){{0,2}}\s*$", re.I)


def _infer_year(month: int, day: int | None, ref: dt.date | None) -> int | None:
    if ref is None:
        return None
    year = ref.year
    try:
        cand = dt.date(year, month, day or 1)
    except ValueError:
        return None
    # a day-month without a year is the latest such date not far after the reference
    if cand > ref + dt.timedelta(days=7):
        year -= 1
    return year


def _dateparser(expr: str, lang: str, ref: dt.date) -> dt.date | None:
    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day, 12),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    got = dateparser.parse(expr, languages=[lang], settings=settings)
    return got.date() if got else None


_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/-]|\.\d)")
_THIS_MONTH = re.compile(r"\b(?:le\s+)?(\d{1,2})\s+courant\b", re.I)
_WEEKEND = re.compile(
    r"\b(?:(?P<last>(?:le\s+)?week-?end\s+(?:dernier|passé)|last\s+weekend|the\s+weekend\s+before)"
    r"|(?:ce|le|du|au\s+cours\s+du|pendant\s+le|durant\s+le|this|the|over\s+the|at\s+the|during\s+the)\s+week-?end)\b",
    re.I,
)


_OF_AN_EVENT = re.compile(r"\s+(?:de|du|des|of)\s+(?!(?:ce|cette|la\s+même|the\s+same)\b)|\s+d['’]", re.I)


def _written_dates(seg: str, published: dt.date | None):
    """Dates as the Sahel's press writes them: day first ("05/05/2024"), "le 3 courant" (this month), "le week-end
    (dernier)", "over the weekend" (the last Saturday, precision 2). Yields (match, date, precision, anchor)."""
    if published is None:
        return
    for m in _NUMERIC_DATE.finditer(seg):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            yield m, dt.date(y + 2000 if y < 100 else y, mo, d), 1, "absolute"
        except ValueError:
            continue
    for m in _THIS_MONTH.finditer(seg):
        d = int(m.group(1))
        ref = published if d <= published.day else (published.replace(day=1) - dt.timedelta(days=1))
        try:
            yield m, ref.replace(day=d), 1, "published"
        except ValueError:
            continue
    for m in _WEEKEND.finditer(seg):
        back = (published.weekday() - 5) % 7  # to the last Saturday
        if m.group("last") and back < 2:
            back += 7  # "le week-end dernier" read on a Saturday or Sunday: the one before
        elif not m.group("last") and back > 4:
            continue  # "ce week-end" in Thursday's or Friday's paper is still to come
        yield m, published - dt.timedelta(days=back), 2, "published"


def find_dates(
    text: str, start: int, end: int, lang: str, published: dt.date | None, narrative: dt.date | None, narrative_precision: int | None = None
) -> list[DateMention]:
    """All date expressions in ``text[start:end]``, resolved against both anchors."""
    absolute, wd, rel, until_re, since_re, months, rng = _patterns(lang)
    report_re = _report_pattern(lang)
    seg = text[start:end]
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def role_of(s: int) -> str:
        before = seg[max(0, s - 20) : s]
        if report_re.search(seg[max(0, s - 30) : s]):
            return "report"
        if until_re.search(before):
            return "until"
        if since_re.search(before):
            return "since"
        return "point"

    # "from 25 to 27 July", "du jeudi 25 au samedi 27 juillet": a start and an end
    for m in (x for pattern in rng for x in pattern.finditer(seg)):
        if not all(m.end() <= a or m.start() >= b for a, b in taken):
            continue
        mo = months.get(m.group("m").lower().rstrip("."))
        y = int(m.group("y")) if m.group("y") else _infer_year(mo, int(m.group("d2")), published)
        try:
            d1, d2 = dt.date(y, mo, int(m.group("d1"))), dt.date(y, mo, int(m.group("d2")))
        except (TypeError, ValueError):
            continue
        if d2 < d1:
            continue
        found.append(DateMention(start + m.start(), start + m.start("d2"), seg[m.start() : m.start("d2")], d1, 1, "absolute", "point"))
        night = [w.lower() for w in lexicon(lang).dates.get("night_words", [])]
        both = re.search(r"\b(?:and|et)\b", seg[m.end("d1") : m.start("d2")], re.I) and (d2 - d1).days > 1
        if both:  # "on January 4 and 9": two days, not the days between
            found.append(DateMention(start + m.start("d2"), start + m.end(), seg[m.start("d2") : m.end()], d2, 1, "absolute", "point"))
        elif not any(re.search(rf"\b{re.escape(w)}\s*(?:of\s+)?$", seg[max(0, m.start() - 15) : m.start()], re.I) for w in night):
            found.append(DateMention(start + m.start("d2"), start + m.end(), seg[m.start("d2") : m.end()], d2, 1, "absolute", "until"))
        taken.append(m.span())
    # "le 05/05/2024", "le 3 courant", "le week-end dernier"
    for m, when, precision, anchor in _written_dates(seg, published):
        if free(m.start(), m.end()):
            found.append(DateMention(start + m.start(), start + m.end(), m.group(0), when, precision, anchor, role_of(m.start())))
            taken.append(m.span())
    for i, pat in enumerate(absolute):
        for m in pat.finditer(seg):
            s, e = m.span()
            if not free(s, e):
                continue
            gd = m.groupdict()
            y = int(gd["y"]) if gd.get("y") else None
            mo = months.get((gd.get("m") or "").lower().rstrip("."))
            d = int(gd["d"]) if gd.get("d") else None
            if i == 3:  # year alone: only trusted when introduced ("in 2012", "the 2015 accords")
                ytxt = m.group(0).strip().lower()
                if ytxt == gd["y"] and not re.search(r"(in|since|en|depuis)\s*$", seg[max(0, s - 8) : s], re.I):
                    prev = seg[max(0, s - 5) : s].lower()
                    if "the" not in prev and "of" not in prev:
                        continue
                role = "since" if re.match(r"(?:since|depuis)\b", m.group(0), re.I) else role_of(s)  # "the deadliest since 2015"
                found.append(DateMention(start + s, start + e, m.group(0), dt.date(y, 1, 1), 4, "absolute", role))
                taken.append((s, e))
                continue
            if mo is None:
                continue
            if y is None:
                y = _infer_year(mo, d, published)
                if y is None:
                    continue
            ref = dt.date(y, mo, 1)
            if d is not None:
                parsed = _dateparser(m.group(0) if gd.get("y") else f"{m.group(0)} {y}", lang, published or ref)
                if parsed is None or parsed.month != mo:
                    try:
                        parsed = dt.date(y, mo, d)
                    except ValueError:
                        continue
                found.append(DateMention(start + s, start + e, m.group(0), parsed, 1, "absolute", role_of(s)))
            elif gd.get("pre"):  # "late July": a day inside the month, precision still the month's
                day_in = {k.lower(): v for k, v in lexicon(lang).dates["month_prefixes"].items()}.get(gd["pre"].lower(), 1)
                when = ref.replace(day=day_in)
                if published is not None and (when.year, when.month) == (published.year, published.month):
                    continue  # "earlier in August" in an August report says no more than the report's own date
                found.append(DateMention(start + s, start + e, m.group(0), when, 3, "absolute", role_of(s)))
            else:
                found.append(DateMention(start + s, start + e, m.group(0), ref, 3, "absolute", role_of(s)))
            taken.append((s, e))
    if published is not None:
        wd_alt = "|".join(lexicon(lang).dates["weekdays"])
        night_to = re.compile(rf"(?:{'|'.join(map(re.escape, lexicon(lang).dates.get('night_words', [])) or ['(?!x)x'])})\s+(?:(?:de|du|from|of)\s+)?(?:{wd_alt})\s+(?:à|au|to|into)\s*$", re.I)
        # "dans la nuit de mercredi à jeudi, vers 4 heures du matin": an hour after midnight puts it on the second day
        night_words = "|".join(map(re.escape, lexicon(lang).dates.get("night_words", []))) or "(?!x)x"
        small_hours = re.compile(
            rf"(?:{night_words})\s+(?:de|du|from|of)\s+(?P<w1>{wd_alt})\s+(?:à|au|to|into)\s+(?P<w2>{wd_alt})\b[\s,]*"
            r"(?:\w+\s+){0,3}?(?:vers|à|aux alentours de|autour de|around|at|about)\s+(?P<h>\d{1,2})\s*(?:h\b|heures?\b|a\.?\s?m\b|o'clock)",
            re.I,
        )
        after_midnight = {m.start("w1") for m in small_hours.finditer(seg) if int(m.group("h")) < 7}
        for m in wd.finditer(seg):
            s, e = m.span()
            if not free(s, e):
                continue
            if s in after_midnight:
                continue  # the night's first weekday, when the hour says the attack came after midnight
            if night_to.search(seg[max(0, s - 40) : s]) and not any(0 < s - w1 < 40 for w1 in after_midnight):
                continue  # "dans la nuit de jeudi à vendredi": the night is Thursday's
            # the latest such weekday on or before publication ("on Sunday" in Sunday's paper is today)
            target = [w.lower() for w in lexicon(lang).dates["weekdays"]].index(m.group("w").lower())
            delta = (published.weekday() - target) % 7
            if delta == 0 and (m.group("last") or m.group("last2")):
                delta = 7
            day = published - dt.timedelta(days=delta)
            found.append(DateMention(start + s, start + e, m.group(0), day, 1, "weekday", role_of(s)))
            taken.append((s, e))
    relational: list[tuple[int, int]] = []
    for pat, entry in rel:
        for m in pat.finditer(seg):
            s, e = m.span()
            if not free(s, e):
                continue
            anchor = entry["anchor"]
            if anchor == "narrative" and _OF_AN_EVENT.match(seg, e):
                relational.append((s, e))
            base = narrative if anchor == "narrative" else published
            if base is None:
                continue
            day = base + dt.timedelta(days=entry["days"])
            precision = entry.get("precision", 1)
            if anchor == "narrative" and narrative_precision:
                precision = max(precision, narrative_precision)  # "then" after "last summer" is no more precise
            found.append(DateMention(start + s, start + e, m.group(0), day, precision, anchor, role_of(s)))
            taken.append((s, e))
    if relational and any(m.anchor in ("absolute", "weekday") and m.role == "point" and m.precision == 1 for m in found):
        # "dimanche ..., au lendemain de violentes émeutes": the sentence's own day; the day after is another act's
        # (alone, "Le lendemain de l'attaque, les FAMa ont ratissé" counts from the act told before)
        found = [m for m in found if (m.start - start, m.end - start) not in relational]
    found.sort(key=lambda d: d.start)
    return found


@lru_cache(maxsize=4)
def _act_before(lang: str) -> re.Pattern:
    """An outcome word or an act's participle right before a date: "ont péri le 8 courant", "l'embuscade tendue mardi"."""
    words = [w for ws in lexicon(lang).claims["outcomes"].values() for w in ws] + list(lexicon(lang).dates.get("act_participles", []))
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w-])(?:{alt})\s+(?:(?:le|la|ce|cette|on|last|the|dans\s+la\s+nuit\s+de|in\s+the)\s+)?$", re.I)


@lru_cache(maxsize=4)
def reporting_lemmas(lang: str) -> frozenset[str]:
    """Lemmas (and verb-noun pairs) of the reporting verbs: a date they govern dates a statement."""
    return frozenset(w.lower() for w in lexicon(lang).dates.get("report_verbs", []))


@lru_cache(maxsize=4)
def _statement_nouns(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon(lang).claims.get("statement_nouns", []))


def reports(tok, report_lemmas: set[str]) -> bool:
    """A reporting verb, alone or with the noun that makes it one ("rendre compte", "faire état")."""
    lemma = tok.lemma_.lower()
    if lemma in report_lemmas:
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and f"{lemma} {nxt.text.lower()}" in report_lemmas


def _report_role(parsed: Parsed, m: DateMention, report_lemmas: set[str]) -> DateMention:
    """A date attached to a reporting verb dates the statement: "On Sunday the CSP-DPA claimed a victory"."""
    if m.role != "point" or not report_lemmas:
        return m
    if _act_before(parsed.document.lang).search(parsed.text[max(0, m.start - 40) : m.start]):
        return m  # "ont péri le 8 courant, ont indiqué des sources": the date is the deaths', whatever the parse says
    span = parsed.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    from dataclasses import replace

    sent = span.sent
    if re.fullmatch(r"\W*(?:(?:le|on|in|the|ce|dès\s+le|depuis\s+le)\s+)?", parsed.text[sent.start_char : m.start], re.I) and \
            parsed.text[m.end : m.end + 2].startswith(","):
        # "Le 17 février 2023, une unité était tombée dans une embuscade ... ; l'armée avait reconnu": a date opening
        # its sentence dates the first act told after it, unless that act is the statement
        # ("était tombée": the participle may be parsed as an adjective; "nous avons dénombré": an auxiliary as the verb)
        first = next((t for t in sent if t.idx >= m.end and (t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT") and not t.dep_.startswith("aux")
                      and t.dep_ != "cop" and t.lemma_.lower() not in ("avoir", "être", "have", "be")), None)
        if first is not None:
            # ("« Ce matin, nous avons dénombré 19 morts »": the day of the count, not of the killing)
            return replace(m, role="report") if reports(first, report_lemmas) else m
    tok = span.root
    for _ in range(5):  # "claimed responsibility for the attack on Sunday": through the nouns to the verb
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            if re.match(r"\s*rendez-vous", parsed.text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 14]):
                return m  # "s'étaient donné rendez-vous ... ce mercredi 20 janvier": a meeting, not a statement
            if tok.dep_ == "acl" and tok.head.lemma_.lower() in _statement_nouns(parsed.document.lang):
                return replace(m, role="report")  # "in a statement carried by state media on Saturday": the statement's day
            return replace(m, role="report") if reports(tok, report_lemmas) else m
    # no verb above the date (a fragmentary parse): a reporting verb anywhere in the sentence decides
    # ("le théâtre, le 7 septembre 2023, d'une attaque ..., revendiquée par le JNIM": a participle describing the act tells nothing)
    told = [t for t in span.sent if reports(t, report_lemmas) and t.dep_ not in ("acl", "amod")]
    if told and not any(t.pos_ == "VERB" and not reports(t, report_lemmas) for t in span.sent):
        return replace(m, role="report")
    return m


def _one_report_date(mentions: list[DateMention]) -> list[DateMention]:
    """"Dans un communiqué publié ce lundi, le JNIM a revendiqué l'attaque ... le 30 septembre dernier": of two
    different dates read as the statement's, the first is; the later one dates what the statement is about."""
    from dataclasses import replace

    reports = [m for m in mentions if m.role == "report"]
    if len(reports) < 2 or len({m.date for m in reports}) < 2:
        return mentions
    return [replace(m, role="point") if m.role == "report" and m is not reports[0] else m for m in mentions]


def resolve_dates(parsed: Parsed) -> list[SentenceDate]:
    """One ``SentenceDate`` per sentence, carrying the narrative date forward."""
    lang = parsed.document.lang
    published = parsed.document.published
    habitual_words = [w.lower() for w in lexicon(lang).cues.get("habitual", [])]
    report_lemmas = reporting_lemmas(lang)
    out: list[SentenceDate] = []
    narrative: dt.date | None = None
    narrative_precision: int | None = None
    anchor: DateMention | None = None
    said_on: dt.date | None = None
    last_para = -1
    datelines = dateline_spans(parsed.text)
    for sent in parsed.sentences:
        text = parsed.text
        if sent.para != last_para:
            said_on = None
        # "accused the army on Monday ... of a strike the previous day": with no narrative date yet, the date
        # a statement was made anchors the relative dates after it
        base, base_precision = (narrative, narrative_precision) if narrative is not None or said_on is None else (said_on, 1)
        mentions = [_report_role(parsed, m, report_lemmas) for m in find_dates(text, sent.start, sent.end, lang, published, base, base_precision)
                    if not in_dateline(datelines, m.start)]  # "OUAGADOUGOU, Feb 11 -": the day the report was filed
        mentions = _one_report_date(mentions)
        said_on = next((m.date for m in mentions if m.role == "report" and m.precision == 1), said_on)
        if narrative is None or sent.para != last_para:
            # "accused the army on Monday of a strike the previous day": the sentence's own date anchors its relative ones
            own = [m for m in mentions if m.anchor != "narrative" and m.precision == 1]
            if own:
                again = find_dates(text, sent.start, sent.end, lang, published, own[0].date, 1)
                mentions = _one_report_date([_report_role(parsed, m, report_lemmas) for m in again if not in_dateline(datelines, m.start)])
        low = sent.text.lower()
        habitual = any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in habitual_words)
        # "has tightened its grip since 2022, attacking villages": a state of affairs over years, not an event
        habitual = habitual or any(m.role == "since" and published is not None and m.date < published - dt.timedelta(days=60) for m in mentions)
        # a year alone never dates a whole sentence ("an offensive which began in 2023"); it can still
        # date the trigger next to it (see detect.py)
        points = [m for m in mentions if m.role == "point" and m.precision <= 3]
        untils = [m for m in mentions if m.role == "until"]
        new_para = sent.para != last_para
        last_para = sent.para
        # the narrative carries within a paragraph; a new paragraph starts from what it says itself
        prior = SentenceDate(narrative, narrative_precision, "inherited", None, None, habitual, (), None, anchor) if narrative and not new_para else None
        extra = {"mentions": tuple(mentions), "prior": prior}
        if points:
            # the most precise explicit mention wins; ties go to the first
            # "Friday 4 June": the date before the weekday; "overnight from Tuesday into Wednesday": the weekday before "overnight"
            rank = {"absolute": 0, "weekday": 1}
            best = min(points, key=lambda m: (m.precision, rank.get(m.anchor, 2), m.start))
            source = "explicit" if best.anchor == "absolute" else ("published" if best.anchor == "weekday" else best.anchor)
            out.append(SentenceDate(best.date, best.precision, source, best, untils[0] if untils else None, habitual, anchor=anchor if best.anchor == "narrative" else best, **extra))
            if best.anchor != "narrative":
                anchor = best
            narrative, narrative_precision = best.date, best.precision
            if untils and untils[0].date >= best.date:
                narrative = untils[0].date
        elif untils:
            u = untils[0]
            start = narrative if narrative and narrative <= u.date else u.date
            out.append(SentenceDate(start, narrative_precision or u.precision, "narrative" if narrative else "explicit", None, u, habitual, anchor=anchor, **extra))
            narrative = u.date
        elif narrative is not None and not new_para:
            out.append(SentenceDate(narrative, narrative_precision, "inherited", None, None, habitual, anchor=anchor, **extra))
        else:
            out.append(SentenceDate(None, None, "none", None, None, habitual, **extra))
    return out
