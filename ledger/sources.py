"""Who said it, across articles: one source row per real-world speaker.

The extractor names each speaker as well as its article allows ("John Kirby", "Syrian Observatory for Human
Rights", "Iraqi militia official") and lists the other names the article used ("Mr Kirby", "SOHR"). The
resolver maps that to a source row, in this order:

1. the alias table (every name any article or analyst has tied to a source, normalised); a generic office
   name ("Ministry of Health", "the army": many countries have one) is looked up there only after steps 2-3;
2. the gazetteer of frequently cited sources (bundled, editable, extended by ``sources import``);
3. the article's own proper-name aliases ("SOHR"), for organisations only, and never a generic one ("Ministry
   of Health" for the "Valdorian Health Ministry": another country's ministry of health would meet it);
4. a strict fuzzy match among the names of sources of the same kind — for people only when the first names
   agree, so "Joe Kirby" never becomes "John Kirby", and only when every number agrees, so "Mirova-54
   hospital" never becomes "Mirova-51 hospital". The index it searches learns every name as soon as it is
   learned, so a run resolves a name as a fresh process reading the same aliases would: one run or two
   give the same sources;
5. otherwise a new source.

A source is shown by the best name and type any article gave it (:func:`display_rank`: the gazetteer's, a
specific type before "other", then a fixed order of types and names), not by whichever article came first,
so the same articles in any order give the same sources.

What it learns (the speaker's name and proper-name aliases) goes back into the alias table, so the next
article's "SOHR" meets the same row. Descriptions ("the war monitor") are never stored as aliases: which
monitor they mean depends on the article, and the extractor has already resolved them there.

An article's speakers are resolved together (``resolve_many``): one query for the names not yet known to
this process, one insert for the new sources and one for the new aliases, whatever the number of speakers.
The ingest goes further and resolves a whole batch of articles in those few statements: it ``prefetch``es
every name of the batch, ``decide``s article after article in memory (a new source gets a provisional id,
so the next article already meets it by its aliases, exactly as if each article had been written alone),
then ``settle``s: the new sources, aliases and affiliations are written and the provisional ids replaced.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from sqlalchemy import bindparam, exists, or_, select, update
from sqlalchemy.orm import Session

from ledger.db import insert_ignoring_duplicates, insert_new_returning
from ledger.reading.claims import gazetteer
from ledger.reading.claims.descriptions import generic_institution_words
from ledger.reading.claims.gazetteer import GazetteerEntry
from ledger.reading.types import SOURCE_TYPES, Speaker
from ledger.models import Claim, Event, Source, SourceAlias
from ledger.names import normalise_name

FUZZY_CUTOFF = 92
REMEMBERED_NAMES = 200_000  # names kept in memory; past that the memory is dropped (and re-read as needed)
UNKNOWN = "unknown speaker"
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "gen", "col", "lt", "sgt", "capt", "maj", "sen", "rep",
               "gov", "president", "prime", "minister", "sheikh", "imam", "prof"}
_PROPER = re.compile(r"[A-Z0-9]")
_NUMBER = re.compile(r"\d+")
_SOURCES, _ALIASES = Source.__table__, SourceAlias.__table__
# Statements built once: every article runs them.
_OWNERS = (select(_ALIASES.c.alias, _ALIASES.c.source_id, _SOURCES.c.name, _SOURCES.c.type)
           .join(_SOURCES, _SOURCES.c.id == _ALIASES.c.source_id)
           .where(_ALIASES.c.alias.in_(bindparam("keys", expanding=True))))
_IDS_BY_NAME = select(_SOURCES.c.name, _SOURCES.c.id).where(_SOURCES.c.name.in_(bindparam("names", expanding=True)))
_AFFILIATE = (update(_SOURCES).where(_SOURCES.c.id == bindparam("member"))
              .values(affiliation_id=bindparam("organisation")))
_CURRENT = _SOURCES.alias("current")
_AFFILIATIONS = (select(_SOURCES.c.id, _CURRENT.c.id, _CURRENT.c.name,
                        exists().where(_ALIASES.c.source_id == _SOURCES.c.id,
                                       or_(_ALIASES.c.origin.like("analyst:%"), _ALIASES.c.origin.like("import:%"))))
                 .outerjoin(_CURRENT, _CURRENT.c.id == _SOURCES.c.affiliation_id)
                 .where(_SOURCES.c.id.in_(bindparam("members", expanding=True))))
_NAMES = select(_SOURCES.c.id, _SOURCES.c.name).where(_SOURCES.c.id.in_(bindparam("ids", expanding=True)))
_SHOWN = select(_SOURCES.c.id, _SOURCES.c.name, _SOURCES.c.type, _SOURCES.c.kind).where(
    _SOURCES.c.id.in_(bindparam("ids", expanding=True)))
_RENAME = update(_SOURCES).where(_SOURCES.c.id == bindparam("source")).values(name=bindparam("new_name"),
                                                                              type=bindparam("new_type"))
_FUZZY_NAMES = (select(_ALIASES.c.alias, _ALIASES.c.source_id, _SOURCES.c.kind)
                .join(_SOURCES, _SOURCES.c.id == _ALIASES.c.source_id)
                .where(_SOURCES.c.kind.in_(["person", "organisation"])))


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    return generic_institution_words() | {"of", "the", "and", "for"}


@lru_cache(maxsize=4096)
def is_generic_institution(key: str) -> bool:
    """True for a normalised name that only names an office many countries have ("ministry of health",
    "interior ministry", "the army"): never an alias of a more specific source (see speakers.json)."""
    words = key.split()
    return bool(words) and all(w in _generic_words() for w in words)


def is_proper_name(alias: str) -> bool:
    """True for names ("SOHR", "Mr Kirby"), false for descriptions ("the war monitor") and pronouns."""
    return bool(_PROPER.search(alias)) and normalise_name(alias) not in {"he", "she", "they", "it", "we", "i"}


def person_tokens(key: str) -> tuple[str, str] | None:
    """(first name, surname) of a normalised person name, honorifics dropped; None for a single word."""
    words = [w for w in key.replace(".", " ").split() if w not in _HONORIFICS]
    return (words[0], words[-1]) if len(words) >= 2 else None


@dataclass(frozen=True, slots=True)
class Wanted:
    """A speaker reduced to what resolution reads: its name, kind, type, proper aliases, known entry."""

    name: str
    key: str
    kind: str
    type: str | None
    aliases: tuple[str, ...]
    entry: GazetteerEntry | None
    affiliation: str | None

    @classmethod
    def of(cls, speaker: Speaker) -> "Wanted":
        name = speaker.name.strip()[:300] or UNKNOWN
        proper = tuple(a for a in speaker.aliases if is_proper_name(a))
        entry = next(filter(None, map(gazetteer.lookup, (name, *proper))), None)
        return cls(name, normalise_name(name) or UNKNOWN, speaker.kind, speaker.type, proper, entry,
                   speaker.affiliation)

    def keys(self) -> set[str]:
        """Every alias key that may already name this speaker's source."""
        found = {self.key, *map(normalise_name, self.aliases)}
        if self.entry is not None:
            found.add(normalise_name(self.entry.name))
        return found - {""}


class SourceResolver:
    """Maps speakers to source rows within one session; remembers what it resolved (see module doc)."""

    def __init__(self, session: Session | None):
        self.session = session
        self._ids: dict[str, int] = {}
        self._fuzzy_index: dict[str, dict[str, list[tuple[str, int]]]] | None = None
        self._kind_of: dict[int, str] = {}  # person and organisation sources the fuzzy index knows
        self._provisional_words: dict[int, set[tuple[str, str]]] = {}  # where provisional ids are filed
        self._absent: set[str] = set()  # names read and found nowhere, until the next settle
        self._new_sources: dict[str, tuple[dict, int]] = {}  # name -> (row, provisional id), until settled
        self._new_aliases: list[dict] = []
        self._new_affiliations: set[tuple[int, int]] = set()  # (member, organisation) pairs articles gave
        self._shown: dict[int, tuple[str, str]] = {}  # source id -> (name, type) as stored or to be stored
        self._renamed: dict[int, tuple[str, str]] = {}  # until settled

    def forget(self) -> None:
        """Drop what was remembered (after a rollback, rows it pointed to may not exist)."""
        self._ids.clear()
        self._fuzzy_index = None
        self._kind_of.clear()
        self._shown.clear()
        self._clear_pending()

    def resolve(self, speaker: Speaker, origin: str) -> int:
        """The id of the source this speaker is; creates it (and learns its aliases) when new."""
        return self.resolve_many([speaker], origin)[0]

    def resolve_many(self, speakers: list[Speaker], origin: str) -> list[int]:
        """The source id of each speaker, in order, in a handful of statements for the whole list."""
        decided = self.decide(speakers, origin)
        real = self.settle()
        return [real.get(source_id, source_id) for source_id in decided]

    def prefetch(self, speakers: list[Speaker]) -> None:
        """Read in one query which sources own the names of all these speakers (a batch's), so that
        ``decide`` needs no query of its own."""
        _, everyone = self._with_organisations([Wanted.of(s) for s in speakers])
        self._fetch({k for w in everyone for k in w.keys()})

    def decide(self, speakers: list[Speaker], origin: str) -> list[int]:
        """The source id of each speaker, in order, where a new source has a provisional (negative) id
        until ``settle`` writes it. What an article teaches (names, aliases) serves the next one at once."""
        wanted = [Wanted.of(s) for s in speakers]
        organisations, everyone = self._with_organisations(wanted)
        self._fetch({k for w in everyone for k in w.keys()})
        decided = {w: self._known(w) for w in everyone}
        new = [w for w, source_id in decided.items() if source_id is None]
        created = self._create(new)
        decided.update({w: created[self._canonical(w)[0]] for w in new})
        learned = [(k, decided[w], origin) for w in everyone for k in self._names(w, w in new)]
        learned += [(normalise_name(n), decided[w], "gazetteer") for w in everyone if w.entry
                    for n in (w.entry.name, *w.entry.aliases)]
        self._learn(learned)
        self._new_affiliations.update((decided[w], decided[organisations[w.affiliation]]) for w in wanted
                                      if w.affiliation and decided[w] != decided[organisations[w.affiliation]])
        self._show_best({decided[w]: w for w in everyone if w not in new})
        return [decided[w] for w in wanted]

    def settle(self) -> dict[int, int]:
        """Write what ``decide`` left pending — new sources, then aliases and affiliations — in three
        statements at most; returns the real id of each provisional one."""
        real = self._insert_sources()
        if real:
            self._ids.update({row["alias"]: real[row["source_id"]] for row in self._new_aliases
                              if row["source_id"] in real})
            self._reindex(real)
        self._rename(real)
        if self._new_aliases:
            insert_ignoring_duplicates(self.session, _ALIASES, [
                {**row, "source_id": real.get(row["source_id"], row["source_id"])} for row in self._new_aliases],
                ["alias"])
        if self._new_affiliations:
            self._write_affiliations({(real.get(m, m), real.get(o, o)) for m, o in self._new_affiliations})
        self._clear_pending()
        return real

    def learn(self, source_id: int, names: list[str], origin: str) -> None:
        """Tie these names to a source unless another source already owns them."""
        self.learn_many([(normalise_name(n), source_id) for n in names], origin)

    def learn_many(self, pairs: list[tuple[str, int]], origin: str) -> None:
        """Tie names to sources (pairs of normalised name, source id), first come first served.

        No read-back: the ingest writes while holding the writers' lock (SQLite's write lock, PostgreSQL's
        events lock), so no one else adds an alias between the read that found a name new and this write.
        """
        self._learn([(key, source_id, origin) for key, source_id in pairs])
        self.settle()

    def _learn(self, triples: list[tuple[str, int, str]]) -> None:
        """Queue (name, source id, origin) triples for the aliases' one INSERT. A name taught by an earlier
        origin keeps it (an article's own names before the gazetteer's); within one origin the last pair
        wins, as in ``learn_many``."""
        new: dict[str, tuple[int, str]] = {}
        for key, source_id, origin in triples:
            if key and key not in self._ids and (key not in new or new[key][1] == origin):
                new[key] = (source_id, origin)
        self._new_aliases += [{"alias": key, "source_id": source_id, "origin": origin[:200]}
                              for key, (source_id, origin) in sorted(new.items())]
        self._ids.update({key: source_id for key, (source_id, _) in new.items()})
        if self._fuzzy_index is not None:  # as a fresh process reading the alias table would
            for key, (source_id, _) in sorted(new.items()):
                if source_id in self._kind_of:
                    self._index_key(self._kind_of[source_id], key, source_id)

    def _show_best(self, met: dict[int, Wanted]) -> None:
        """Queue a new name and type for each known source met under a better one (see
        :func:`display_rank`)."""
        unknown = sorted(i for i in met if i > 0 and i not in self._shown)
        for start in range(0, len(unknown), 500):
            rows = self.session.connection().execute(_SHOWN, {"ids": unknown[start:start + 500]})
            self._shown.update({i: (name, type_) for i, name, type_, _ in rows})
        for source_id, w in met.items():
            name, type_, _ = self._canonical(w)
            if source_id > 0:
                shown = self._shown.get(source_id)
            else:  # provisional ids are reused after each settle: never remembered past it
                row = next((r for r, p in self._new_sources.values() if p == source_id), None)
                shown = self._renamed.get(source_id) or ((row["name"], row["type"]) if row else None)
            if shown is not None and display_rank(name, type_) < display_rank(*shown):
                self._renamed[source_id] = (name, type_)
                if source_id > 0:
                    self._shown[source_id] = (name, type_)

    def _rename(self, real: dict[int, int]) -> None:
        """Write the queued names and types, unless another source already has that name; the events of a
        renamed source are marked stale, as their conflicts name it."""
        if not self._renamed:
            return
        wanted = {real.get(i, i): shown for i, shown in self._renamed.items()}
        self._renamed = {}
        taken = dict(self.session.connection().execute(_IDS_BY_NAME, {"names": sorted({n for n, _ in wanted.values()})}).all())
        todo = [{"source": i, "new_name": name, "new_type": type_} for i, (name, type_) in sorted(wanted.items())
                if taken.get(name, i) == i]
        for i, shown in wanted.items():
            if taken.get(shown[0], i) == i:
                self._shown[i] = shown
            else:  # kept its name: read it again when next met
                self._shown.pop(i, None)
        if not todo:
            return
        connection = self.session.connection()
        connection.execute(_RENAME, todo)
        ids = [row["source"] for row in todo]
        connection.execute(update(Event).where(Event.id.in_(select(Claim.event_id).where(Claim.source_id.in_(ids))))
                           .values(conflicts_stale=True))

    def _clear_pending(self) -> None:
        self._renamed = {}
        self._absent.clear()
        self._new_sources.clear()
        self._new_aliases = []
        self._new_affiliations = set()

    # ---------------------------------------------------------------- steps

    def _fetch(self, keys: set[str]) -> None:
        """Read which sources own these names (only those this process does not know yet)."""
        if len(self._ids) > REMEMBERED_NAMES:  # an archive of millions of names must not fill the memory
            self._ids.clear()
        known, absent = self._ids, self._absent  # a set minus dict keys walks every key: ask per name instead
        missing = sorted(k for k in keys if k not in known and k not in absent)
        for start in range(0, len(missing), 500):
            rows = self.session.connection().execute(_OWNERS, {"keys": missing[start:start + 500]}).all()
            self._ids.update({alias: source_id for alias, source_id, _, _ in rows})
            for _, source_id, name, type_ in rows:  # the names shown, which ``_show_best`` compares: no query then
                self._shown.setdefault(source_id, (name, type_))
        self._absent.update(k for k in missing if k not in self._ids)

    def _known(self, w: Wanted) -> int | None:
        """The existing source of a speaker, by steps 1-4 of the module doc; None when it is new."""
        if w.key in self._ids and not is_generic_institution(w.key):
            return self._ids[w.key]
        if w.entry is not None:
            return self._ids.get(normalise_name(w.entry.name))
        if w.kind == "organisation":
            found = [self._ids[k] for k in map(normalise_name, w.aliases)
                     if k in self._ids and not is_generic_institution(k)]
            if found:
                return found[0]
        if w.key in self._ids:  # a generic name ("Ministry of Health") the article tied to nothing more specific
            return self._ids[w.key]
        return self._fuzzy(w.key, w.kind)

    @staticmethod
    def _canonical(w: Wanted) -> tuple[str, str, str]:
        """Name, type and kind a new source gets: the gazetteer's when it knows the speaker."""
        if w.entry is not None:
            return w.entry.name, w.entry.type, w.entry.kind
        return w.name, w.type if w.type in SOURCE_TYPES else "other", w.kind

    @staticmethod
    def _names(w: Wanted, new: bool) -> list[str]:
        """The names an article teaches: the speaker's own and its proper aliases, but a generic one only as
        the name of the source it creates: "Ministry of Health" is never taught for the "Valdorian Health
        Ministry", however an article tied the two."""
        names = [w.key, *map(normalise_name, w.aliases)]
        return [k for k in names if not is_generic_institution(k) or (new and k == w.key)]

    @staticmethod
    def _with_organisations(wanted: list[Wanted]) -> tuple[dict[str, Wanted], list[Wanted]]:
        """The organisations these speakers speak for (by name), and everyone: speakers and organisations,
        each once."""
        organisations = {w.affiliation: Wanted.of(Speaker(name=w.affiliation, kind="organisation"))
                         for w in wanted if w.affiliation}
        return organisations, list(dict.fromkeys([*wanted, *organisations.values()]))

    def _create(self, new: list[Wanted]) -> dict[str, int]:
        """Provisional ids of the new sources, by name (one per name, however many articles of the batch
        bring it); written by ``settle``."""
        found = {}
        for w in new:
            name, type_, kind = self._canonical(w)
            if name not in self._new_sources:
                provisional = -1 - len(self._new_sources)
                self._new_sources[name] = ({"name": name, "type": type_, "kind": kind}, provisional)
                if kind in ("person", "organisation"):
                    self._kind_of[provisional] = kind
                if self._fuzzy_index is not None:
                    self._index_key(kind, normalise_name(name), provisional)
            found[name] = self._new_sources[name][1]
        return found

    def _insert_sources(self) -> dict[int, int]:
        """Insert the new sources (a name another writer just took is kept as theirs); the real id of each
        provisional one."""
        if not self._new_sources:
            return {}
        rows = [row for row, _ in self._new_sources.values()]
        found = dict(insert_new_returning(self.session, _SOURCES, rows, ["name"], (_SOURCES.c.name, _SOURCES.c.id)))
        taken = [name for name in self._new_sources if name not in found]  # by a source the aliases did not lead to
        if taken:
            found.update(self.session.connection().execute(_IDS_BY_NAME, {"names": taken}).all())
        return {provisional: found[name] for name, (_, provisional) in self._new_sources.items()}

    def _reindex(self, real: dict[int, int]) -> None:
        """Replace provisional ids in the fuzzy index by the real ones."""
        for provisional, source_id in real.items():
            if provisional in self._kind_of:
                self._kind_of[source_id] = self._kind_of.pop(provisional)
        if self._fuzzy_index is None:
            self._provisional_words.clear()
            return
        for provisional, places in self._provisional_words.items():
            for kind, word in places:
                bucket = self._fuzzy_index[kind].get(word, [])
                bucket[:] = [(alias, real.get(sid, sid) if sid == provisional else sid) for alias, sid in bucket]
        self._provisional_words.clear()

    def _write_affiliations(self, pairs: set[tuple[int, int]]) -> None:
        """Record the organisation each person speaks for: the one an article gave, or, when articles give
        several, the one whose name sorts first (in Python, the same on every engine), so that the same
        articles give the same ledger in any order. One an analyst or a team's gazetteer set (their names
        for the person are aliases of those origins) is never replaced."""
        connection = self.session.connection()
        members = sorted({m for m, _ in pairs})
        current = {row[0]: row[1:] for start in range(0, len(members), 500)
                   for row in connection.execute(_AFFILIATIONS, {"members": members[start:start + 500]})}
        organisations = sorted({o for _, o in pairs} | {c[0] for c in current.values() if c[0] is not None})
        names = {i: name for start in range(0, len(organisations), 500)
                 for i, name in connection.execute(_NAMES, {"ids": organisations[start:start + 500]})}
        offered: dict[int, list[int]] = defaultdict(list)
        for member, organisation in pairs:
            offered[member].append(organisation)
        todo = []
        for member in members:
            held, _, protected = current.get(member, (None, None, False))
            if held is not None and protected:
                continue
            best = min([*offered[member], *([held] if held is not None else [])], key=lambda o: (names.get(o, ""), o))
            if best != held:
                todo.append({"member": member, "organisation": best})
        if todo:
            connection.execute(_AFFILIATE, todo)

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
        numbers = _NUMBER.findall(key)
        candidates = [(k, sid) for k, sid in candidates if _NUMBER.findall(k) == numbers]
        # the best score, then the smallest name, so that ties do not depend on the order names were learned
        best = max(((fuzz.token_sort_ratio(key, k), _negated(k), sid) for k, sid in candidates),
                   default=(0, "", None))
        return best[2] if best[0] >= FUZZY_CUTOFF else None

    def _load_fuzzy_index(self) -> dict[str, dict[str, list[tuple[str, int]]]]:
        """Every alias of people and organisations, indexed by first name / longer words (read once)."""
        if self._fuzzy_index is None:
            self._fuzzy_index = defaultdict(dict)
            rows = self.session.connection().execute(_FUZZY_NAMES)
            for alias, source_id, kind in rows:
                self._kind_of[source_id] = kind
                self._index_key(kind, alias, source_id)
            for row in self._new_aliases:  # learned in this batch, not written yet
                if row["source_id"] in self._kind_of:
                    self._index_key(self._kind_of[row["source_id"]], row["alias"], row["source_id"])
        return self._fuzzy_index

    def _index_key(self, kind: str, key: str, source_id: int) -> None:
        for word in self._index_words(kind, key):
            self._fuzzy_index[kind].setdefault(word, []).append((key, source_id))
            if source_id < 0:
                self._provisional_words.setdefault(source_id, set()).add((kind, word))

    @staticmethod
    def _index_words(kind: str, key: str) -> list[str]:
        """The words the fuzzy index files a name under: a person's first name, an organisation's longer
        words; none for other kinds."""
        if kind == "person":
            tokens = person_tokens(key)
            return [tokens[0]] if tokens else []
        if kind == "organisation":
            return [w for w in set(key.split()) if len(w) > 3]
        return []


def _negated(text: str) -> tuple[int, ...]:
    """A key under which ``max`` picks the smallest text."""
    return tuple(-ord(ch) for ch in text)


def display_rank(name: str, type_: str) -> tuple:
    """How well a name and type show a source, best first: a specific type before "other", the types in
    ``SOURCE_TYPES`` order, more capitalised words ("Defence Ministry" before "defence ministry"), the
    longer name (a full name before its initials), then alphabetical order. A total order, so that the
    best of the names an article set gave is the same whatever order the articles came in."""
    specific = type_ in SOURCE_TYPES and type_ != "other"
    return (not specific, SOURCE_TYPES.index(type_) if type_ in SOURCE_TYPES else len(SOURCE_TYPES),
            -sum(word[:1].isupper() for word in name.split()), -len(name), name)
