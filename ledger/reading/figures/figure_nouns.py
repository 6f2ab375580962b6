"""What a number counts: the head noun after it, normalised to a short population.

Without a part-of-speech tagger, the noun phrase of a count is read as the words after it up to a stop word
(a verb, a preposition, a conjunction, another number); its head is the last of those words that the
lexicon (``ledger/vocab/populations.json``) knows. Singular forms head only a count of one, so "two
militant groups" is not about militants while "one militant" is. The head gives the population and the
class, which says which metrics a figure about it may carry:

    >>> p = noun_phrase("two militia members wounded", 3, one=False)
    >>> p.population, p.cls, p.close
    ('fighters', 'person', True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.text.phrases import phrase_trie
from ledger.reading.types import METRICS

CLASSES = ("person", "target", "structure", "weapon", "event", "casualty", "bare")
# Things counted: their population is the plural noun counted ("two bases" -> bases, "one location" ->
# locations), as an analyst logs it, not a class name; each compares only with itself in the reconciler.
OBJECT_CLASSES = ("target", "structure", "weapon")
STAFF = "personnel"  # the staff of an institution, unless a modifier names the institution's people


@dataclass(frozen=True, slots=True)
class Noun:
    """One lexicon noun: its class, population (None when it names no kind of thing) and default metric."""

    cls: str
    population: str | None
    default_metric: str | None = None
    kind_modifiers: frozenset[str] = frozenset()
    singular: bool = False


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """The noun phrase after a count: its head (if known), resolved population, and extent.

    ``head_end`` ends the figure's span when at most two words besides function words stand between count
    and head (``close``: "two others", "one of its members", "one civilian contractor", but not "at least
    five Iran-backed Iraqi militia fighters"); ``end`` is where the phrase stops (after a
    "member of X" complement), where the words that may give the metric begin. ``inherit`` marks heads such
    as "others" that take the population of the figure before them.
    """

    end: int
    head_end: int
    noun: Noun | None = None
    population: str | None = None
    inherit: bool = False
    close: bool = False
    head: str = ""

    @property
    def cls(self) -> str:
        """The head's class, "bare" when the count names nothing the lexicon knows."""
        return self.noun.cls if self.noun else "bare"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """populations.json as lookups: nouns and modifiers by casefolded words."""

    nouns: dict[str, Noun]
    modifiers: dict[str, str]
    member_nouns: frozenset[str]
    member_of: dict[str, str]
    inherit: frozenset[str]
    function_words: frozenset[str]
    stops: frozenset[str]
    max_words: int
    classes: dict[str, frozenset[str]]
    armed_by_modifier: frozenset[str]


def _noun_entries(group: dict, where: str) -> dict[str, Noun]:
    """One lexicon group's nouns, plural and singular, after checking its class and default metric."""
    if group.get("class") not in CLASSES or "population" not in group:
        raise ValueError(f"{where}: needs a class among {CLASSES} and a population")
    metric = group.get("default_metric")
    if metric is not None and metric not in METRICS and metric != "casualties":
        raise ValueError(f"{where}: unknown default_metric {metric!r}")
    kinds = frozenset(w.casefold() for w in group.get("kind_modifiers", ()))
    plural = Noun(group["class"], group["population"], metric, kinds)
    singular = Noun(group["class"], group["population"], metric, kinds, singular=True)
    entries = {w.casefold(): singular for w in group.get("singular", ())}
    entries.update({w.casefold(): plural for w in group["nouns"]})
    if group["class"] in OBJECT_CLASSES:
        counted = {w: _counted_noun(w) for w in entries}
        plurals = {counted[w.casefold()] for w in group["nouns"]}
        entries = {w: replace(noun, population=_plural(counted[w], plurals) or noun.population)
                   for w, noun in entries.items()}
    return entries


def _counted_noun(words: str) -> str:
    """The noun a phrase of the lexicon counts: its last word, or the word before "of" ("storage
    facilities" -> facilities, "points of interest" -> points)."""
    parts = words.split()
    return parts[parts.index("of") - 1] if "of" in parts[1:] else parts[-1]


def _plural(word: str, plurals: set[str]) -> str | None:
    """``word`` itself when it is one of the group's plurals, else its plural among them ("base" -> bases)."""
    forms = (word, word + "s", word + "es", word[:-1] + "ies", word[:-2] + "ves")
    return next((form for form in forms if form in plurals), None)


def _nationals() -> set[str]:
    """The plural demonyms of ``places.json``, counted as people ("169 Afghans", "nine Nigeriens"), as the
    gold format counts nationalities: their nationality is a note, not a population."""
    words = set()
    for demonyms in lexicon.load("places.json")["countries"].values():
        for word in demonyms:
            if " " in word or word.isupper() or not word.isalpha():
                continue
            if word.endswith("s"):
                words.add(word.casefold())
            elif word.endswith(("an", "i", "en")):
                words.add(word.casefold() + "s")
    return words


@lru_cache(maxsize=1)
def noun_lexicon() -> _Lexicon:
    """``ledger/vocab/populations.json``, validated once: raises ValueError naming the faulty entry."""
    data = lexicon.load("populations.json")
    missing = {"classes", "groups", "inherit", "member_nouns", "member_of", "function_words", "phrase_stops",
               "max_phrase_words", "partitive_determiners", "casualties_metric", "casualties_zero_metrics",
               "bare_plural_blockers"} - set(data)
    if missing:
        raise ValueError(f"populations.json: missing {sorted(missing)}")
    nouns: dict[str, Noun] = {}
    modifiers: dict[str, str] = {}
    for n, group in enumerate(data["groups"], 1):
        nouns.update(_noun_entries(group, f"populations.json group {n}"))
        modifiers.update({w.casefold(): group["population"] for w in group.get("modifiers", ())})
    for word in _nationals():
        nouns.setdefault(word, Noun("person", "people", None, frozenset()))
    classes = {name: frozenset(metrics) for name, metrics in data["classes"].items()}
    for name, metrics in classes.items():
        if name not in CLASSES or not metrics <= set(METRICS):
            raise ValueError(f"populations.json: class {name!r} lists an unknown metric")
    fold = lambda key: frozenset(w.casefold() for w in data[key])  # noqa: E731
    return _Lexicon(nouns, modifiers, fold("member_nouns"), {k.casefold(): v for k, v in data["member_of"].items()},
                    fold("inherit"), fold("function_words"), fold("phrase_stops"), int(data["max_phrase_words"]),
                    classes, fold("armed_by_modifier"))


def populations() -> tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """Every population the lexicon can give a figure: the groups' names (fighters, trucks...), and for the
    groups whose population is a kind of thing, the (kinds, nouns) pairs it is written from ("rocket
    attacks": kind "rocket", noun "attacks")."""
    data = lexicon.load("populations.json")
    objects = (noun.population for noun in noun_lexicon().nouns.values() if noun.cls in OBJECT_CLASSES)
    named = tuple(dict.fromkeys([g["population"] for g in data["groups"] if g.get("population")
                                 and g["class"] not in OBJECT_CLASSES] + [p for p in objects if p]))
    kinds = tuple((tuple(g["kind_modifiers"]), tuple(g["nouns"])) for g in data["groups"] if g.get("kind_modifiers"))
    return named, kinds


@lru_cache(maxsize=1)
def singular_noun_pattern() -> str:
    """The singular person nouns, as a pattern, for "a"/"an" as a count of one ("a child", "an officer")."""
    return phrase_trie(w for w, noun in noun_lexicon().nouns.items() if noun.singular and noun.cls == "person")


# Words as the phrase reader sees them: abbreviations with dots ("U.S.", or "U.S" without the last one), hyphenated names ("F-15",
# "Iran-backed", "12-year-old"), apostrophes ("Kait'ib"); quotes and one line break may stand between them.
_TOKEN = re.compile(r"[ \t\"“”‘’]*(?:\n[ \t\"“”‘’]*)?"
                    r"([^\W\d_](?:\.[^\W\d_])+\.?(?!\w)|[^\W\d_][\w'’-]*|[0-9]+-[\w'’-]+)")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first words of the lexicon's nouns of several words."""
    return frozenset(w.split()[0] for w in noun_lexicon().nouns if " " in w)


def _noun_starts(text: str, m: re.Match, limit: int, word: str) -> bool:
    """Whether a stop word begins a known noun of two or three words: "internally displaced people",
    "displaced persons" (a cue word alone would end the phrase)."""
    if word not in _first_words():
        return False
    nouns, key, position = noun_lexicon().nouns, word, m.end()
    for _ in range(2):
        following = _TOKEN.match(text, position, limit)
        if following is None:
            return False
        key, position = f"{key} {following.group(1).casefold()}", following.end()
        if key in nouns:
            return True
    return False


@lru_cache(maxsize=1)
def _count_words() -> frozenset[str]:
    """Number words, articles and vague amounts: an "and" before one of them joins two counts, not two modifiers."""
    data = lexicon.load("numbers.json")
    return frozenset(w.casefold().split()[0] for w in [*data["number_words"], *data["article_words"], *data["vague"],
                                                       *data["zero_words"], *data["fixed_amounts"]])


def _joins_modifiers(text: str, m: re.Match, limit: int, words: list[tuple[str, int, int]], word: str,
                     stops: frozenset[str]) -> bool:
    """Whether "and" or "or" joins two modifiers of one noun: "two operational and weapons storage facilities"
    counts facilities, "several charred or mutilated bodies" bodies. Not after a noun ("two soldiers and a medic") nor before a count ("two Varn and three Tolsk men")."""
    if word not in ("and", "or") or not words or words[-1][0] in noun_lexicon().nouns:
        return False
    following = _TOKEN.match(text, m.end(), limit)
    if following is None:
        return False
    after = following.group(1).casefold()
    return not (after in noun_lexicon().stops or after in stops or after in _count_words())


def _tokens(text: str, start: int, limit: int, stops: frozenset[str]) -> list[tuple[str, int, int]]:
    """The words of the phrase after ``start``: up to a stop word, a cue of ``stops``, or ``limit``."""
    lex = noun_lexicon()
    words: list[tuple[str, int, int]] = []
    position = start
    while len(words) < lex.max_words:
        m = _TOKEN.match(text, position, limit)
        if m is None:
            break
        word = m.group(1).casefold()
        of_allowed = word == "of" and (not words or words[-1][0] in lex.member_nouns)
        if (word in lex.stops or word in stops) and not of_allowed and not _noun_starts(text, m, limit, word) \
                and not _joins_modifiers(text, m, limit, words, word, stops):
            break
        words.append((word, m.start(1), m.end(1)))
        position = m.end()
    return words


def _head(words: list[tuple[str, int, int]], one: bool) -> tuple[int, int, Noun | None]:
    """(first index, last index, noun) of the last known noun; singular forms only for a count of one."""
    lex = noun_lexicon()
    found = (-1, -1, None)
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            key = " ".join(w for w, _, _ in words[i:i + size])
            noun = lex.nouns.get(key) if i + size <= len(words) else None
            if noun is not None and (one or not noun.singular):
                found = (i, i + size - 1, noun)
                i += size - 1
                break
        i += 1
    return found


def _member_population(text: str, words: list[tuple[str, int, int]], limit: int) -> tuple[str | None, int]:
    """The population "member(s) of X" names, read from X, and where X ends."""
    lex = noun_lexicon()
    complement = _tokens(text, words[-1][2], limit, frozenset())
    if not complement or complement[0][0] != "of":
        return None, words[-1][2]
    names = [w for w, _, _ in complement[1:]]
    for i in range(len(names)):
        for key in (" ".join(names[i:i + 2]), names[i]):
            if key in lex.member_of:
                return lex.member_of[key], complement[-1][2]
    return None, words[-1][2]


def _population(noun: Noun, before_head: list[str], head: str) -> str | None:
    """The head's population, refined by the words before it: "civilian deaths" -> civilians, "rocket
    attacks" -> rocket attacks."""
    lex = noun_lexicon()
    if noun.kind_modifiers:
        for i, word in enumerate(before_head):
            for key in (" ".join(before_head[i:i + 2]), word):
                if key in noun.kind_modifiers:
                    return f"{key} {head}"
    if noun.cls == "casualty":
        return next((lex.modifiers[w] for w in before_head if w in lex.modifiers), None)
    if noun.population == STAFF:  # staff take their institution's population: "military personnel" -> soldiers
        return next((lex.modifiers[w] for w in before_head if lex.modifiers.get(w) not in (None, STAFF)), STAFF)
    if noun.population in lex.armed_by_modifier and any(lex.modifiers.get(w) == "fighters" for w in before_head):
        return "fighters"  # "Taliban guards", "rebel soldiers"
    return noun.population


def _member_modifier(before_head: list[str]) -> str | None:
    """The population the words before "members" name, nearest first: "Red Cross members" -> personnel,
    "Taliban members" -> fighters; None when they name no body of members."""
    member_of = noun_lexicon().member_of
    for i in range(len(before_head) - 1, -1, -1):
        for key in (" ".join(before_head[i - 1:i + 1]) if i else None, before_head[i]):
            if key in member_of:
                return member_of[key]
    return None


def _before_participle(words: list[tuple[str, int, int]], one: bool) -> list[tuple[str, int, int]]:
    """The words up to a participle or a past verb that follows a known noun: "two bases housing troops"
    counts bases, "one commander described the casualties" a commander; what follows belongs to the clause
    the verb opens."""
    nouns = noun_lexicon().nouns
    for i, (word, _, _) in enumerate(words):
        if i and word.endswith(("ing", "ed")) and word not in nouns and _head(words[:i], one)[2] is not None:
            return words[:i]
    return words


def noun_phrase(text: str, start: int, one: bool, limit: int | None = None,
                stops: frozenset[str] = frozenset()) -> NounPhrase:
    """The noun phrase after a count ending at ``start``; ``one`` when the count is one (singulars allowed).

    ``limit`` bounds the phrase (the next count); ``stops`` adds words that end it (the metric cues).
    """
    lex = noun_lexicon()
    limit = len(text) if limit is None else limit
    words = _tokens(text, start, limit, stops)
    if not words:
        return NounPhrase(start, start)
    if words[0][0] in lex.inherit or (words[0][0] == "of" and len(words) > 1 and words[-1][0] in lex.inherit):
        last = words[-1] if words[0][0] == "of" else words[0]
        return NounPhrase(last[2], last[2], inherit=True, close=True, head=last[0])
    first, last, noun = _head(_before_participle(words, one), one)
    if noun is None:
        return NounPhrase(start, start)
    head = " ".join(w for w, _, _ in words[first:last + 1])
    population, end = _population(noun, [w for w, _, _ in words[:first]], head), words[last][2]
    if head in lex.member_nouns:
        # the complement may hold a count of its own: "seven members of one family"
        population, end = _member_population(text, words[:last + 1], len(text))
        population = population or _member_modifier([w for w, _, _ in words[:first]]) or noun.population
    between = [w for w, _, _ in words[:first] if w not in lex.function_words and w not in ("and", "or")]
    return NounPhrase(end, words[last][2], noun, population, close=len(between) <= 2, head=head)
