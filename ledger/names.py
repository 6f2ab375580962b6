"""Normalising names so that the same speaker written differently meets the same alias row."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")
_NOT_NAME = re.compile(r"[^\w\s'&-]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)  # the same names recur in every article
def normalise_name(name: str | None) -> str:
    """The key an alias is stored and looked up under.

    Case, accents on Latin letters, curly apostrophes, dots in abbreviations ("U.S." -> "us"), punctuation
    and a leading article are ignored: "The U.S.-based Syrian Observatory" and "the us-based syrian
    observatory" meet. Letters of other scripts are kept as they are.
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).lower()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w\.\w)\.", "", text)  # U.S. -> US, U.K. -> UK
    text = _NOT_NAME.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" '-")
    return _LEADING_ARTICLE.sub("", text)
