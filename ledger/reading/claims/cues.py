"""Cues: the words that attribute a claim ("said", "told Reuters", "according to", "a report found").

The cue lexicon is data (``ledger/vocab/cues.json``): each reporting verb with its forms and what it allows
around it. This module loads and validates it once and compiles every form and fixed phrase into ONE regex
factored by common prefixes (a trie), so an article is scanned once, whatever the size of the lexicon::

    >>> [c.text(t) for t in ["The ministry has said that five died."] for c in find_cues(t)]
    ['has said']

Besides verbs it finds the frames ``according to``, ``citing``/``quoting``, ``quoted as saying``, hedges
(``reportedly``) and agentless passives: ``are reported to`` (kind ``passive``) and ``it is believed that``
(kind ``impersonal``), where the outlet itself is the one asserting.

Refusals (class ``refusal``, the lexicon's ``refusals``) are a party declining to give a number:
"declined", or a verb such as "provide" or "say" after a negation. ``find_cues`` reports the latter as it
reports any negated cue ("say", negated); ``refusal`` turns one into the refusal cue spanning the
negation ("did not say"), which ``attribution`` keeps only where a no-figure statement starts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.claims.speakers import words as speaker_words
from ledger.text.fast_init import fast_init
from ledger.text.phrases import lowered, phrase_trie

_DETERMINERS = frozenset({"a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my",
                          "your", "every", "each", "no", "any"})
_PASSIVE_HINTS = frozenset({"is", "are", "was", "were", "been", "being", "be", "widely", "also", "now",
                            "generally", "still", "not"})
_NEGATION_HINTS = ("not", "never", "n't", "no longer", "declined", "refused", "cannot")
# Whether any of the hints occurs in a (lowercased) window: one scan instead of seven substring tests.
_NEGATION_HINT = re.compile("|".join(re.escape(h) for h in _NEGATION_HINTS))


def _previous_word(text: str, pos: int) -> str:
    """The lowercased word just before ``pos`` (across one run of spaces): "the report" -> "the"."""
    end = pos
    while end > 0 and text[end - 1] == " ":
        end -= 1
    chunk = text[max(0, end - 20):end]
    if not chunk or chunk[-1].isspace():
        return ""
    piece = chunk.rsplit(None, 1)[-1]
    if piece.isalpha():  # the usual plain word, found without a loop over its letters
        return piece.lower() if len(piece) < 20 else ""
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "'"):
        start -= 1
    return text[start:end].lower() if end - start < 20 else ""
_BY_AGENT = re.compile(r"\s+by\b")
_PASSIVE_FOLLOW = re.compile(r"\s+(to|that)\b")
# Cue forms that are far more often plural nouns: a cue only before what a verb of saying takes
_PLURAL_NOUNS = frozenset({"states"})
_CLAUSE_NEXT = re.compile(r"\s*(?:that\b|[:\"\u201c'\u2018`])")
# "to" and a verb after a verb that takes only a quotation ("continue", "go on"): "continues to grow", but
# not '"...," he continued to reporters'
_INFINITIVE_NEXT = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|their|its|our|my|me|him|us|them|you|reporters|"
                              r"journalists|[A-Z])\b)[a-z]+")
CLASSES = ("speech", "finding", "belief", "position", "refusal")
COMPLEMENTS = ("any", "that", "to", "quote")
FRAMES = ("according_to", "citing", "quoted_as", "hedge")


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One reporting verb of the lexicon, with the rules that ``attribution`` applies around it."""

    lemma: str
    cls: str
    complement: str = "any"
    addressee: bool = False
    inverted: bool = False
    definite: bool = False
    not_before: re.Pattern | None = None
    only_before: re.Pattern | None = None
    negation: bool = False  # a refusal only when negated ("did not provide"), or before ``only_before`` ("gave no")
    animate: bool = False  # its subject must be someone ("the fire underscored" is no one speaking)


@fast_init  # made many times per article (see fast_init)
@dataclass(frozen=True, slots=True)
class Cue:
    """One cue found in a text.

    ``start``/``end`` cover the whole cue including auxiliaries and adverbs before the verb ("has also
    said"); ``verb`` is where the verb itself starts. ``kind`` is ``verb`` (with ``entry``), or one of
    ``according_to``, ``citing``, ``quoted_as``, ``hedge``, ``passive``, ``impersonal``. ``form`` is the
    verb form as written, lowercased ("said", "adding", "called for").
    """

    start: int
    end: int
    verb: int
    kind: str
    form: str
    entry: CueEntry | None = None
    negated: bool = False

    def text(self, article: str) -> str:
        return article[self.start:self.end]

    @property
    def participle(self) -> bool:
        """True for "-ing" forms ("adding", "saying"), which take their speaker from the main clause."""
        return self.kind == "verb" and self.form.split()[0].endswith("ing")


def inflect(lemma: str) -> list[str]:
    """The regular forms of a verb: ``inflect("argue")`` -> ``['argue', 'argues', 'argued', 'arguing']``."""
    if " " in lemma:
        head, rest = lemma.split(" ", 1)
        return [f"{form} {rest}" for form in inflect(head)]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The compiled cue lexicon. ``pattern`` finds a cue at a given offset; ``after_break`` finds the cues
    of a whole text, each as group ``cue`` after the non-word character before it: a pattern that starts
    with a character class lets the engine skip to candidate offsets in C instead of trying a word
    boundary at every offset (it is ``pattern`` itself when the lexicon does not allow that)."""

    pattern: re.Pattern
    after_break: re.Pattern
    words: frozenset[str]
    forms: dict[str, CueEntry | str]
    negators: re.Pattern
    premod: re.Pattern
    premod_words: frozenset
    passive_before: re.Pattern
    participles: frozenset
    twins: dict[str, CueEntry]  # the refusal a negated ordinary cue ("say") reports, by form
    negation: re.Pattern | None  # a negation ending where a negated refusal verb (or its premodifiers) starts
    ly_nouns: frozenset  # speaker nouns ending in -ly ("the family said"), which are no adverbs


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = lexicon.load("cues.json")
    forms: dict[str, CueEntry | str] = {}
    for frame in FRAMES:
        for phrase in data["frames"][frame]:
            forms[phrase.lower()] = frame
    for n, rec in enumerate(data["verbs"], 1):
        entry = _entry(rec, n)
        for form in rec.get("forms") or inflect(rec["lemma"]):
            forms.setdefault(form.lower(), entry)
    twins, negation = _refusals(data, forms)
    participles = frozenset(data["passive"]["participles"])
    for word in participles:
        forms.setdefault(word, "passive")
    words = set(forms) | {w[0].upper() + w[1:] for w, v in forms.items() if v in ("according_to", "citing")}
    # ASCII word boundaries are a third faster; they only add matches next to non-English letters
    pattern = re.compile(r"\b(?:" + phrase_trie(words, fold=False) + r")(?![\w'\u2019-])", re.ASCII)
    # A cue that starts with a letter starts at a word boundary, i.e. after a non-word character; one that
    # ends with a word character cannot start where the previous one ends: then both patterns find the
    # same cues (else the lexicon is scanned with ``pattern`` alone).
    after_break = pattern
    if all(w[0].isascii() and w[0].isalpha() and w[-1].isalnum() for w in words):
        after_break = re.compile(r"\W(?P<cue>" + phrase_trie(words, fold=False) + r")(?![\w'\u2019-])", re.ASCII)
    premods = "|".join(re.escape(p).replace(r"\ ", r"\s+")
                       for p in sorted(data["premodifiers"], key=len, reverse=True))
    ly_nouns = frozenset(w for w in speaker_words().nominal if w.endswith("ly"))
    not_adverb = "".join(f"(?!{re.escape(w)}\\s)" for w in sorted(ly_nouns))
    premod = re.compile(rf"(?:(?<![\w'\u2019-])(?:{premods}|{not_adverb}[a-z]{{3,}}ly)\s+){{1,3}}$")
    negators = re.compile(r"(?:\b(?:" + "|".join(re.escape(w) for w in data["negators"] if w != "n't")
                          + r")|n't)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
    aux = "|".join(data["passive"]["auxiliaries"])
    passive_before = re.compile(rf"(?<![\w'-])(?:(?P<it>[Ii]t)\s+(?:\w+\s+)?)?(?:{aux})\s+(?:(?:widely|also|now|"
                                rf"generally|still|not)\s+)?$")
    premod_words = frozenset(w.split()[-1] for w in data["premodifiers"])
    return _Lexicon(pattern, after_break, frozenset(words), forms, negators, premod, premod_words, passive_before,
                    participles, twins, negation, ly_nouns)


def _refusals(data: dict, forms: dict[str, CueEntry | str]) -> tuple[dict[str, CueEntry], re.Pattern | None]:
    """The lexicon's refusals added to ``forms`` (after the ordinary verbs, which keep their forms: a negated
    verb that is also an ordinary cue becomes a twin instead), and the negation pattern."""
    refusals = data.get("refusals")
    if not refusals:
        return {}, None
    for n, rec in enumerate(refusals.get("verbs", ()), 1):
        entry = _entry({**rec, "class": "refusal"}, n)
        for form in rec.get("forms") or inflect(rec["lemma"]):
            forms.setdefault(form.lower(), entry)
    twins: dict[str, CueEntry] = {}
    affirmative = refusals.get("affirmative_before")
    for n, rec in enumerate(refusals.get("negated", ()), 1):
        rec = {"lemma": rec} if isinstance(rec, str) else rec
        entry = replace(_entry({**rec, "class": "refusal", "only_before": affirmative}, n), negation=True)
        for form in rec.get("forms") or inflect(rec["lemma"]):
            if isinstance(forms.get(form.lower()), CueEntry) and not forms[form.lower()].negation:
                twins.setdefault(form.lower(), entry)
            else:
                forms.setdefault(form.lower(), entry)
    negations = "|".join(p.replace(" ", r"\s+") for p in refusals.get("negations", ()))
    try:
        negation = re.compile(rf"(?<![\w'\u2019-])(?:{negations})\s+$", re.IGNORECASE) if negations else None
    except re.error as error:
        raise ValueError(f"cues.json: a refusal negation does not compile: {error}") from error
    return twins, negation


def refusal(text: str, cue: Cue) -> Cue | None:
    """The refusal a negated cue reports, spanning its negation ("did not provide", "would not say",
    "has not yet released"); None when its verb refuses nothing or no negation of the lexicon stands
    right before it ("not only did he say", "declined to say": "declined" is the cue there).

    >>> text = "The army did not say how many died."
    >>> [refusal(text, c).text(text) for c in find_cues(text)]
    ['did not say']
    """
    lex = _lexicon()
    if cue.kind != "verb" or cue.entry is None or lex.negation is None:
        return None
    entry = cue.entry if cue.entry.negation else lex.twins.get(cue.form)
    if entry is None:
        return None
    m = lex.negation.search(text, max(0, cue.start - 30), cue.start)
    if m is None:
        return None
    start = m.start()
    return Cue(start, cue.end, start, "verb", " ".join(text[start:cue.end].lower().split()), entry)


def _entry(rec: dict, n: int) -> CueEntry:
    if not isinstance(rec, dict) or not isinstance(rec.get("lemma"), str):
        raise ValueError(f"cues.json: verb {n} has no lemma")
    if rec.get("class") not in CLASSES:
        raise ValueError(f"cues.json: verb {rec['lemma']!r} has unknown class {rec.get('class')!r}")
    if rec.get("complement", "any") not in COMPLEMENTS:
        raise ValueError(f"cues.json: verb {rec['lemma']!r} has unknown complement {rec.get('complement')!r}")
    return CueEntry(rec["lemma"], rec["class"], rec.get("complement", "any"), bool(rec.get("addressee")),
                    bool(rec.get("inverted")), bool(rec.get("definite")),
                    re.compile(r"\s*" + rec["not_before"]) if rec.get("not_before") else None,
                    re.compile(r"\s*" + rec["only_before"]) if rec.get("only_before") else None,
                    animate=bool(rec.get("animate")))


def cue_words() -> frozenset[str]:
    """Every cue form as the cue pattern reads it (lowercase, but "According to", "Citing", ...)."""
    return _lexicon().words


def find_cues(text: str, start: int = 0, end: int | None = None, skip: list[tuple[int, int]] = (),
              starts: list[int] | None = None) -> list[Cue]:
    """Every cue in ``text[start:end]``, in order (one regex scan), except those starting inside one of the
    sorted spans ``skip`` (quoted words: a cue there is the quoted speaker's, never the article's).
    ``starts`` (``word_starts.word_starts(text).cues``) are offsets where every cue of the text starts, if
    any: the cue pattern is then tried there alone instead of scanning.

    ``find_cues("Officials, citing a report, said on Monday.")`` -> a ``citing`` cue and a ``said`` cue.
    """
    lex = _lexicon()
    end = len(text) if end is None else end
    found: list[Cue] = []
    k, skips = 0, len(skip)
    folded = lowered(text)
    if lex.after_break is lex.pattern:
        spans = [m.span() for m in lex.pattern.finditer(text, start, end)]
    else:
        first = lex.pattern.match(text, start, end)
        spans = [first.span()] if first is not None else []
        if starts is not None and end == len(text):
            spans += _cues_at(text, starts, first.end() if first else start, end, lex)
        else:
            spans += [m.span("cue") for m in lex.after_break.finditer(text, first.end() if first else start, end)]
    for at, stop in spans:
        while k < skips and skip[k][1] <= at:
            k += 1
        if (k < skips and skip[k][0] <= at) or (at > 0 and text[at - 1] in "'\u2019-_"):
            continue
        form = text[at:stop].lower()
        if not form.isalpha():
            form = " ".join(form.split())  # "according  to" -> "according to"
        cue = _cue(text, at, stop, form, lex.forms[form], lex, folded)
        if cue is not None:
            found.append(cue)
    return found


def _cues_at(text: str, starts: list[int], pos: int, end: int, lex: _Lexicon) -> list[tuple[int, int]]:
    """The spans ``after_break.finditer(text, pos, end)`` finds, from the offsets among ``starts`` where a
    cue can start: each is tried in turn, as the scan would, skipping those inside the cue before."""
    spans = []
    for at in starts[bisect_right(starts, pos):]:
        if at <= pos:
            continue  # the non-word character before a cue is never part of the cue before it
        m = lex.pattern.match(text, at, end)
        if m is not None:
            spans.append(m.span())
            pos = m.end()
    return spans


def _cue(text: str, at: int, stop: int, form: str, value: CueEntry | str, lex: _Lexicon,
         folded: str | None) -> Cue | None:
    """The cue of the form ``text[at:stop]``, or None when the words around it make it no cue; ``folded`` is
    ``lowered(text)``."""
    previous = _previous_word(text, at)
    if form in lex.participles and previous in _PASSIVE_HINTS:
        passive = _passive(text, at, stop, form, lex)
        if passive is not None or not isinstance(value, CueEntry):
            return passive
    if isinstance(value, str):  # a frame ("according_to", ...), not a verb
        if value == "passive":
            return None  # "known", "thought": only cues in a passive ("is thought to")
        if value == "quoted_as":
            before = lex.passive_before.search(text, max(0, at - 30), at)
            return None if before is None else Cue(before.start(), stop, at, "quoted_as", form)
        return Cue(at, stop, at, value, form)
    entry = value
    if previous in _DETERMINERS:
        return None  # "a report", "the claims", "his plans": a noun, not a cue
    if form in _PLURAL_NOUNS and not _CLAUSE_NEXT.match(text, stop):
        return None  # "ten states", "the swing states voted": the noun; "the report states that": the verb
    if entry.complement == "quote" and _INFINITIVE_NEXT.match(text, stop):
        return None  # "continues to grow", "went on to win": an aspect verb, not "..., she continued"
    if entry.not_before is not None and entry.not_before.match(text, stop):
        return None
    if entry.only_before is not None and not entry.negation and not entry.only_before.match(text, stop):
        return None
    if form.endswith(("ed", "en", "id", "ld", "wn")) and _BY_AGENT.match(text, stop, stop + 4):
        return None  # "militias backed by Iran", "claimed by": a passive with an agent
    pre = None
    if previous in lex.premod_words or previous.endswith("ly") and previous not in lex.ly_nouns:
        pre = lex.premod.search(text, max(0, at - 40), at)
    start = pre.start() if pre else at
    # the hints are English letters: the lowercased text says what a lowercased window does
    hinted = (_NEGATION_HINT.search(folded, max(0, start - 30), start) if folded is not None
              else _NEGATION_HINT.search(text[max(0, start - 30):start].lower()))
    negated = hinted is not None and bool(lex.negators.search(text, max(0, start - 30), start))
    if entry.negation and not negated and (entry.only_before is None or not entry.only_before.match(text, stop)):
        return None  # "provided aid": a refusal verb refuses only negated, or in "gave no figure"
    return Cue(start, stop, at, "verb", form, entry, negated)


def _passive(text: str, at: int, stop: int, form: str, lex: _Lexicon) -> Cue | None:
    """``are reported to`` -> a passive cue; ``it is believed that`` -> impersonal; else None."""
    before = lex.passive_before.search(text, max(0, at - 30), at)
    if before is None:
        return None
    follow = _PASSIVE_FOLLOW.match(text[stop:stop + 6])
    if follow is None:
        return None
    if follow.group(1) == "that":
        if before.group("it") is None:
            return None
        return Cue(before.start(), stop + follow.end(), at, "impersonal", form)
    return Cue(before.start(), stop, at, "passive", form)
