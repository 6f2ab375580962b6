"""Who said it, across articles: one source row per real-world speaker.

The extractor names each speaker as well as its article allows ("John Kirby", "Syrian Observatory for Human
Rights", "Iraqi militia official") and lists the other names the article used ("Mr Kirby", "SOHR"). The
resolver maps that to a source row, in this order:

1. the alias table (every name any article or analyst has tied to a source, normalised);
2. the gazetteer of frequently cited sources (bundled, editable, extended by ``sources import``);
3. the article's own proper-name aliases ("SOHR"), for organisations only;
4. a strict fuzzy match among sources of the same kind — for people only when the first names agree, so
   "Joe Kirby" never becomes "John Kirby";
5. otherwise a new source.

What it learns (the speaker's name and proper-name aliases) goes back into the alias table, so the next
article's "SOHR" meets the same row. Descriptions ("the war monitor") are never stored as aliases: which
monitor they mean depends on the article, and the extractor has already resolved them there.
"""
from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger.db import insert_ignoring_duplicates
from ledger.extract import gazetteer
from ledger.extract.types import SOURCE_TYPES, Speaker
from ledger.models import Source, SourceAlias
from ledger.names import normalise_name

FUZZY_CUTOFF = 92
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "gen", "col", "lt", "sgt", "capt", "maj", "sen", "rep",
               "gov", "president", "prime", "minister", "sheikh", "imam", "prof"}
_PROPER = re.compile(r"[A-Z0-9]")


def is_proper_name(alias: str) -> bool:
    """True for names ("SOHR", "Mr Kirby"), false for descriptions ("the war monitor") and pronouns."""
    return bool(_PROPER.search(alias)) and normalise_name(alias) not in {"he", "she", "they", "it", "we", "i"}


def person_tokens(key: str) -> tuple[str, str] | None:
    """(first name, surname) of a normalised person name, honorifics dropped; None for a single word."""
    words = [w for w in key.replace(".", " ").split() if w not in _HONORIFICS]
    return (words[0], words[-1]) if len(words) >= 2 else None


class SourceResolver:
    """Maps speakers to source rows within one session; remembers what it resolved (see module doc)."""

    def __init__(self, session: Session):
        self.session = session
        self._ids: dict[str, int] = {}
        self._fuzzy_index: dict[str, dict[str, list[tuple[str, int]]]] | None = None

    def forget(self) -> None:
        """Drop what was remembered (after a rollback, rows it pointed to may not exist)."""
        self._ids.clear()
        self._fuzzy_index = None

    def resolve(self, speaker: Speaker, origin: str) -> int:
        """The id of the source this speaker is; creates it (and learns its aliases) when new."""
        key = normalise_name(speaker.name) or "unknown speaker"
        source_id = self._alias(key)
        if source_id is None:
            source_id = self._from_gazetteer(speaker)
        if source_id is None and speaker.kind == "organisation":
            source_id = next(filter(None, (self._alias(normalise_name(a)) for a in speaker.aliases
                                           if is_proper_name(a))), None)
        if source_id is None:
            source_id = self._fuzzy(key, speaker.kind)
        if source_id is None:
            source_id = self._create(speaker.name.strip() or "unknown speaker", speaker.type, speaker.kind)
        self.learn(source_id, [speaker.name, *(a for a in speaker.aliases if is_proper_name(a))], origin)
        if speaker.affiliation:
            self._set_affiliation(source_id, speaker.affiliation, origin)
        return source_id

    def learn(self, source_id: int, names: list[str], origin: str) -> None:
        """Tie these names to a source unless another source already owns them."""
        new = {normalise_name(n) for n in names} - {""} - self._ids.keys()
        if not new:
            return
        insert_ignoring_duplicates(self.session, SourceAlias.__table__, [
            {"alias": key, "source_id": source_id, "origin": origin[:200]} for key in sorted(new)], ["alias"])
        # read back who owns each name: another source (or a concurrent writer) may have had it already
        self._ids.update(dict(self.session.execute(select(SourceAlias.alias, SourceAlias.source_id)
                                                   .where(SourceAlias.alias.in_(new))).all()))
        if self._fuzzy_index is not None:
            kind = self.session.get(Source, source_id).kind
            for key in new:
                self._index_key(kind, key, source_id)

    # ---------------------------------------------------------------- steps

    def _alias(self, key: str) -> int | None:
        if not key:
            return None
        if key not in self._ids:
            with self.session.no_autoflush:
                found = self.session.scalar(select(SourceAlias.source_id).where(SourceAlias.alias == key))
            if found is None:
                return None
            self._ids[key] = found
        return self._ids[key]

    def _from_gazetteer(self, speaker: Speaker) -> int | None:
        names = [speaker.name, *(a for a in speaker.aliases if is_proper_name(a))]
        entry = next(filter(None, map(gazetteer.lookup, names)), None)
        if entry is None:
            return None
        source_id = self._alias(normalise_name(entry.name)) or self._create(entry.name, entry.type, entry.kind)
        self.learn(source_id, [entry.name, *entry.aliases], "gazetteer")
        return source_id

    def _fuzzy(self, key: str, kind: str) -> int | None:
        """A near-identical name of a source of the same kind (typos, initials), never a different person."""
        if kind in ("anonymous", "outlet"):
            return None
        index = self._load_fuzzy_index()[kind]
        if kind == "person":
            tokens = person_tokens(key)
            if tokens is None:
                return None
            candidates = index.get(tokens[0], [])  # indexed by first name: a different one never matches
        else:
            candidates = [c for word in set(key.split()) if len(word) > 3 for c in index.get(word, [])]
        best = max(((fuzz.token_sort_ratio(key, k), sid) for k, sid in candidates), default=(0, None))
        return best[1] if best[0] >= FUZZY_CUTOFF else None

    def _load_fuzzy_index(self) -> dict[str, dict[str, list[tuple[str, int]]]]:
        if self._fuzzy_index is None:
            self._fuzzy_index = defaultdict(dict)
            rows = self.session.execute(select(SourceAlias.alias, SourceAlias.source_id, Source.kind)
                                        .join(Source, Source.id == SourceAlias.source_id))
            for alias, source_id, kind in rows:
                self._index_key(kind, alias, source_id)
        return self._fuzzy_index

    def _index_key(self, kind: str, key: str, source_id: int) -> None:
        if kind == "person":
            tokens = person_tokens(key)
            words = [tokens[0]] if tokens else []
        else:
            words = [w for w in set(key.split()) if len(w) > 3]
        for word in words:
            self._fuzzy_index[kind].setdefault(word, []).append((key, source_id))

    def _create(self, name: str, type_: str | None, kind: str) -> int:
        insert_ignoring_duplicates(self.session, Source.__table__, [{
            "name": name[:300], "type": type_ if type_ in SOURCE_TYPES else "other", "kind": kind}], ["name"])
        return self.session.scalar(select(Source.id).where(Source.name == name[:300]))

    def _set_affiliation(self, source_id: int, affiliation: str, origin: str) -> None:
        source = self.session.get(Source, source_id)
        if source.affiliation_id is not None:
            return
        organisation = self.resolve(Speaker(name=affiliation, kind="organisation"), origin)
        if organisation != source_id:
            source.affiliation_id = organisation
