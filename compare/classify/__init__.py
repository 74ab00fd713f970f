"""Classify: name the changes inside each link and find what stands out about whole documents.

``rules`` holds the ordered hunk rules (``context`` the ``HunkContext`` every rule reads, ``quotes`` the quote rule,
``modality`` purpose clauses and quoting style), ``hunks`` the hunks and ``Side``, ``passages`` what is named inside a
passage reworded as a whole, ``numbers``/``quantities`` the quantity reading, ``cues``/``lexicon`` the text cues and
word lists, ``evaluation`` what the loaded-language rule reads about a word, ``testimony`` what every record says,
``findings`` the document flags, ``types`` the type texts, ``links`` the corpus-wide pass.
"""

from __future__ import annotations

from .cues import quoted_spans, speakers_named
from .hunks import Side
from .links import classify_corpus, classify_link, link_side
from .types import CHANGE_TYPES, FLAG_TYPES

__all__ = ["CHANGE_TYPES", "FLAG_TYPES", "Side", "classify_corpus", "classify_link", "link_side", "quoted_spans", "speakers_named"]
