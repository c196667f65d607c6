"""Name keys: accent-, case-, hyphen- and space-insensitive."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_LATIN_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "þ": "th"})


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Fold a place name to its lookup key: letters and digits only, lower case, no accents.

    "Tin-Zaouaten", "Tin Zaouaten" and "tinzaouaten" share the key "tinzaouaten";
    "Ségou", "Segou" and "SÉGOU" share "segou".
    """
    s = unicodedata.normalize("NFKD", name.casefold().translate(_LATIN_EXTRA))
    return "".join(ch for ch in s if ch.isalnum() and not unicodedata.combining(ch))


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is in the Latin script (alternate names in other scripts are skipped)."""
    for ch in name:
        if ch.isalpha():
            if ord(ch) < 0x250:
                continue
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def strip_accents(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in s if not unicodedata.combining(ch))
