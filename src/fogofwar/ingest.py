"""Read reports into ``Document``s: plain text, HTML, RSS/Atom feeds, JSONL batches.

Every failure is an ``InputError`` with one clear line; nothing is half-read.
The document id is the given id, else a hash of the text, so the same article
read twice (from a file, a feed, a batch) gets the same id and is stored once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .errors import (
    BadDateError,
    BadRecordError,
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MissingFileError,
    TooLargeError,
    UnknownLanguageError,
)
from .models import Document, LangSpan

MAX_BYTES = 20_000_000  # a news page is rarely over 2 MB; 20 MB is a broken or hostile input
MAX_TEXT_CHARS = 1_000_000
MIN_HTML_WORDS = 5
LANGS = ("en", "fr")


def parse_date(value: str | dt.date | None, what: str = "date") -> dt.date | None:
    """Parse an ISO date (YYYY-MM-DD, or a full ISO timestamp); reject anything else clearly."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10]) if len(s) >= 10 and s[4] == "-" else dt.date.fromisoformat(s)
    except (ValueError, IndexError):
        raise BadDateError(f"bad {what} {value!r}: expected YYYY-MM-DD") from None


def content_id(text: str) -> str:
    norm = unicodedata.normalize("NFC", " ".join(text.split()))
    return "doc-" + hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else a confidently detected legacy encoding."""
    if not data.strip():
        raise EmptyInputError(f"{name}: empty input")
    if len(data) > MAX_BYTES:
        raise TooLargeError(f"{name}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for one input")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise BinaryInputError(f"{name}: binary data (NUL bytes), not a text, HTML, feed or JSONL file")
    for enc in ("utf-8-sig", "utf-16"):
        if enc == "utf-16" and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
            continue
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise EncodingError(f"{name}: not valid UTF-8 and no text encoding could be recognised")
    text = str(best)
    controls = sum(1 for ch in text[:5000] if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")
    if controls > 5:
        raise BinaryInputError(f"{name}: decodes only as {best.encoding} with control characters; not text")
    return text


def clean_text(text: str) -> str:
    """Normalise line ends and Unicode form, keep paragraph breaks: offsets are into this text."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    return text.strip()


def detect_language(text: str) -> str:
    """Return 'en' or 'fr'; refuse other languages rather than extract nonsense from them."""
    import py3langid as langid

    sample = text[:5000]
    lang, _ = langid.classify(sample)
    if lang in LANGS:
        return lang
    langid_en_fr = langid.rank(sample)
    scores = {code: score for code, score in langid_en_fr if code in LANGS}
    top = langid_en_fr[0][1]
    best = max(scores, key=lambda k: scores[k])
    # accept en/fr when it is a close second (short texts full of names confuse the model)
    if top - scores[best] < 0.1 * abs(top):
        return best
    raise UnknownLanguageError(f"language detected as {lang!r}; fogofwar reads English and French (use --lang to override)")


# a paragraph switches language only when it is long enough to judge and the call is near-certain:
# short lines (datelines, captions, lists of names) stay in the document's language
PARA_MIN_WORDS = 12
PARA_MIN_PROB = 0.98


@lru_cache(maxsize=1)
def _en_fr_identifier():
    """py3langid restricted to English and French, with probabilities (its module-level default has neither)."""
    from py3langid import langid

    ident = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGS))
    return ident


def paragraph_languages(text: str, lang: str) -> tuple[LangSpan, ...]:
    """Paragraphs of a page written in the other language (a French page quoting an English statement)."""
    ident = None
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        para = m.group()
        if len(para.split()) < PARA_MIN_WORDS:
            continue
        ident = ident or _en_fr_identifier()
        other, prob = ident.classify(para)
        if other != lang and prob >= PARA_MIN_PROB:
            spans.append(LangSpan(start=m.start(), end=m.end(), lang=other))
    return tuple(spans)


def _looks_html(text: str) -> bool:
    return bool(re.match(r"\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", text[:500], re.I))


def _looks_feed(text: str) -> bool:
    return bool(re.match(r"\s*(<\?xml[^>]*>\s*)?(<rss|<feed|<rdf:RDF)", text[:1000], re.I))


def html_to_text(html: str, name: str) -> tuple[str, dict]:
    """Main text of an HTML page via trafilatura, plus what metadata it finds (title, date, site)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True, deduplicate=False)
    meta: dict = {}
    try:
        m = trafilatura.extract_metadata(html)
        if m is not None:
            meta = {"title": m.title, "date": m.date, "sitename": m.sitename, "url": m.url}
    except Exception:  # metadata is a bonus; a page without it is still read
        meta = {}
    if not text or len(text.split()) < MIN_HTML_WORDS:  # a menu word or a title is not a report
        raise EmptyInputError(f"{name}: HTML page has no main text that could be extracted")
    return text, meta


def make_document(
    text: str,
    *,
    name: str,
    id: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | dt.date | None = None,
    lang: str = "auto",
    title: str | None = None,
) -> Document:
    text = clean_text(text)
    if not text:
        raise EmptyInputError(f"{name}: empty input")
    if len(text) > MAX_TEXT_CHARS:
        raise TooLargeError(f"{name}: {len(text):,} characters of text is over the {MAX_TEXT_CHARS:,} limit for one report")
    lang_spans: tuple[LangSpan, ...] = ()
    if lang in (None, "", "auto"):
        lang = detect_language(text)
        lang_spans = paragraph_languages(text, lang)
    elif lang not in LANGS:
        raise UnknownLanguageError(f"{name}: language {lang!r} is not supported (en, fr, auto)")
    return Document(
        id=str(id) if id else content_id(text),
        text=text,
        outlet=outlet,
        url=url,
        published=parse_date(published, "publication date"),
        lang=lang,
        title=title,
        source_path=name,
        lang_spans=lang_spans,
    )


def _read_jsonl(raw: str, name: str, defaults: dict) -> Iterator[Document]:
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadRecordError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(rec, dict):
            raise BadRecordError(f"{where}: each line must be a JSON object")
        text = rec.get("text")
        meta: dict = {}
        if not text and rec.get("html"):
            text, meta = html_to_text(rec["html"], where)
        if not text or not isinstance(text, str):
            raise BadRecordError(f"{where}: record has no 'text' or 'html'")
        yield make_document(
            text,
            name=where,
            id=rec.get("id"),
            outlet=rec.get("outlet") or defaults.get("outlet") or meta.get("sitename"),
            url=rec.get("url") or defaults.get("url") or meta.get("url"),
            published=rec.get("published") or defaults.get("published") or meta.get("date"),
            lang=rec.get("lang") or defaults.get("lang", "auto"),
            title=rec.get("title") or meta.get("title"),
        )


def _read_feed(raw: str, name: str, defaults: dict) -> Iterator[Document]:
    import feedparser

    feed = feedparser.parse(raw)
    if feed.bozo and not feed.entries:
        raise BadRecordError(f"{name}: broken feed ({feed.get('bozo_exception')})")
    outlet = defaults.get("outlet") or feed.feed.get("title")
    for i, entry in enumerate(feed.entries):
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "") or ""
        where = f"{name}#item{i + 1}"
        if _looks_html(body) or "<" in body:
            try:
                body, _ = html_to_text(f"<html><body><article>{body}</article></body></html>", where)
            except EmptyInputError:
                body = re.sub(r"<[^>]+>", " ", body)
        title = entry.get("title", "")
        text = f"{title}\n{body}" if title and body and not body.startswith(title) else (body or title)
        if not text.strip():
            continue
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                published = dt.date(*entry[key][:3])
                break
        yield make_document(
            text,
            name=where,
            id=entry.get("id") or entry.get("link") or None,
            outlet=outlet,
            url=entry.get("link"),
            published=defaults.get("published") or published,
            lang=defaults.get("lang", "auto"),
            title=title or None,
        )


def read_bytes(data: bytes, name: str, **defaults) -> list[Document]:
    """Read one input (file content) into documents, choosing the reader by name and content."""
    raw = decode(data, name)
    lower = name.lower()
    if lower.endswith((".jsonl", ".ndjson")):
        docs = list(_read_jsonl(raw, name, defaults))
    elif lower.endswith((".rss", ".atom")) or _looks_feed(raw):
        docs = list(_read_feed(raw, name, defaults))
    elif lower.endswith((".html", ".htm")) or _looks_html(raw):
        text, meta = html_to_text(raw, name)
        docs = [
            make_document(
                text,
                name=name,
                id=defaults.get("id"),
                outlet=defaults.get("outlet") or meta.get("sitename"),
                url=defaults.get("url") or meta.get("url"),
                published=defaults.get("published") or meta.get("date"),
                lang=defaults.get("lang", "auto"),
                title=meta.get("title"),
            )
        ]
    else:
        docs = [make_document(raw, name=name, **{k: v for k, v in defaults.items() if k in {"id", "outlet", "url", "published", "lang"}})]
    if not docs:
        raise EmptyInputError(f"{name}: no documents found")
    return docs


def _sidecar(path: Path) -> dict:
    """Metadata next to a text file (``report.txt`` + ``report.json``), used by bundled examples."""
    side = path.with_suffix(".json")
    if path.suffix in (".txt", ".html", ".htm") and side.exists():
        try:
            return {k: v for k, v in json.loads(side.read_text(encoding="utf-8")).items() if k in {"id", "outlet", "url", "published", "lang"}}
        except json.JSONDecodeError as exc:
            raise BadRecordError(f"{side}: sidecar metadata is not valid JSON ({exc.msg})") from None
    return {}


def read_path(path: str, **defaults) -> list[Document]:
    """Read a path ('-' = standard input). Command-line options override sidecar metadata."""
    if path == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>", **defaults)
    p = Path(path)
    if not p.exists():
        raise MissingFileError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory (pass the files in it)")
    meta = {**_sidecar(p), **{k: v for k, v in defaults.items() if v not in (None, "auto") or k not in _sidecar(p)}}
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return read_bytes(data, str(p), **meta)


def read_paths(paths: list[str], **defaults) -> list[Document]:
    """All documents from all paths, or an error before anything is returned."""
    docs: list[Document] = []
    seen: set[str] = set()
    for path in paths:
        for d in read_path(path, **defaults):
            if d.id not in seen:
                seen.add(d.id)
                docs.append(d)
    return docs
