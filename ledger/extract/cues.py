"""Cues: the words that attribute a claim ("said", "told Reuters", "according to", "a report found").

The cue lexicon is data (``lexicons/cues.json``): each reporting verb with its forms and what it allows
around it. This module loads and validates it once and compiles every form and fixed phrase into ONE regex
factored by common prefixes (a trie), so an article is scanned once, whatever the size of the lexicon::

    >>> [c.text(t) for t in ["The ministry has said that five died."] for c in find_cues(t)]
    ['has said']

Besides verbs it finds the frames ``according to``, ``citing``/``quoting``, ``quoted as saying``, hedges
(``reportedly``) and agentless passives: ``are reported to`` (kind ``passive``) and ``it is believed that``
(kind ``impersonal``), where the outlet itself is the one asserting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ledger.extract import lexicon

_DETERMINERS = frozenset({"a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my",
                          "your", "every", "each", "no", "any"})
_PASSIVE_HINTS = frozenset({"is", "are", "was", "were", "been", "being", "be", "widely", "also", "now",
                            "generally", "still", "not"})
_NEGATION_HINTS = ("not", "never", "n't", "no longer", "declined", "refused", "cannot")


def _previous_word(text: str, pos: int) -> str:
    """The lowercased word just before ``pos`` (across one run of spaces): "the report" -> "the"."""
    end = pos
    while end > 0 and text[end - 1] == " ":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "'"):
        start -= 1
    return text[start:end].lower() if end - start < 20 else ""
_BY_AGENT = re.compile(r"\s+by\b")
_PASSIVE_FOLLOW = re.compile(r"\s+(to|that)\b")
CLASSES = ("speech", "finding", "belief", "position")
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


def trie_regex(words) -> str:
    """One regex alternation for many words, factored by common prefixes so that matching is fast.

    ``trie_regex(["said", "says", "say"])`` -> ``'sa(?:id|y(?:s)?)'``; a space matches any whitespace.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True, slots=True)
class _Lexicon:
    pattern: re.Pattern
    forms: dict[str, CueEntry | str]
    negators: re.Pattern
    premod: re.Pattern
    premod_words: frozenset
    passive_before: re.Pattern
    participles: frozenset


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
    participles = frozenset(data["passive"]["participles"])
    for word in participles:
        forms.setdefault(word, "passive")
    words = set(forms) | {w[0].upper() + w[1:] for w, v in forms.items() if v in ("according_to", "citing")}
    # ASCII word boundaries are a third faster; they only add matches next to non-English letters
    pattern = re.compile(r"\b(?:" + trie_regex(words) + r")(?![\w'\u2019-])", re.ASCII)
    premods = "|".join(re.escape(p).replace(r"\ ", r"\s+")
                       for p in sorted(data["premodifiers"], key=len, reverse=True))
    premod = re.compile(rf"(?:(?<![\w'\u2019-])(?:{premods}|[a-z]{{3,}}ly)\s+){{1,3}}$")
    negators = re.compile(r"(?:\b(?:" + "|".join(re.escape(w) for w in data["negators"] if w != "n't")
                          + r")|n't)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
    aux = "|".join(data["passive"]["auxiliaries"])
    passive_before = re.compile(rf"(?<![\w'-])(?:(?P<it>[Ii]t)\s+(?:\w+\s+)?)?(?:{aux})\s+(?:(?:widely|also|now|"
                                rf"generally|still|not)\s+)?$")
    premod_words = frozenset(w.split()[-1] for w in data["premodifiers"])
    return _Lexicon(pattern, forms, negators, premod, premod_words, passive_before, participles)


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
                    re.compile(r"\s*" + rec["only_before"]) if rec.get("only_before") else None)


def find_cues(text: str, start: int = 0, end: int | None = None, skip: list[tuple[int, int]] = ()) -> list[Cue]:
    """Every cue in ``text[start:end]``, in order (one regex scan), except those starting inside one of the
    sorted spans ``skip`` (quoted words: a cue there is the quoted speaker's, never the article's).

    ``find_cues("Officials, citing a report, said on Monday.")`` -> a ``citing`` cue and a ``said`` cue.
    """
    lex = _lexicon()
    end = len(text) if end is None else end
    found: list[Cue] = []
    k = 0
    for m in lex.pattern.finditer(text, start, end):
        at = m.start()
        while k < len(skip) and skip[k][1] <= at:
            k += 1
        if (k < len(skip) and skip[k][0] <= at) or (at > 0 and text[at - 1] in "'\u2019-_"):
            continue
        form = " ".join(m.group().lower().split())
        cue = _cue(text, m, form, lex.forms[form], lex)
        if cue is not None:
            found.append(cue)
    return found


def _cue(text: str, m: re.Match, form: str, value: CueEntry | str, lex: _Lexicon) -> Cue | None:
    if form in lex.participles and _previous_word(text, m.start()) in _PASSIVE_HINTS:
        passive = _passive(text, m, form, lex)
        if passive is not None or not isinstance(value, CueEntry):
            return passive
    if value == "passive":
        return None  # "known", "thought": only cues in a passive ("is thought to")
    if value == "quoted_as":
        before = lex.passive_before.search(text, max(0, m.start() - 30), m.start())
        return None if before is None else Cue(before.start(), m.end(), m.start(), "quoted_as", form)
    if isinstance(value, str):
        return Cue(m.start(), m.end(), m.start(), value, form)
    entry = value
    previous = _previous_word(text, m.start())
    if previous in _DETERMINERS:
        return None  # "a report", "the claims", "his plans": a noun, not a cue
    if entry.not_before is not None and entry.not_before.match(text, m.end()):
        return None
    if entry.only_before is not None and not entry.only_before.match(text, m.end()):
        return None
    if _BY_AGENT.match(text[m.end():m.end() + 4]) and form.endswith(("ed", "en", "id", "ld", "wn")):
        return None  # "militias backed by Iran", "claimed by": a passive with an agent
    pre = None
    if previous in lex.premod_words or previous.endswith("ly"):
        pre = lex.premod.search(text, max(0, m.start() - 40), m.start())
    start = pre.start() if pre else m.start()
    window = text[max(0, start - 30):start].lower()
    negated = any(n in window for n in _NEGATION_HINTS) and bool(lex.negators.search(text, max(0, start - 30), start))
    return Cue(start, m.end(), m.start(), "verb", form, entry, negated)


def _passive(text: str, m: re.Match, form: str, lex: _Lexicon) -> Cue | None:
    """``are reported to`` -> a passive cue; ``it is believed that`` -> impersonal; else None."""
    before = lex.passive_before.search(text, max(0, m.start() - 30), m.start())
    if before is None:
        return None
    follow = _PASSIVE_FOLLOW.match(text[m.end():m.end() + 6])
    if follow is None:
        return None
    if follow.group(1) == "that":
        if before.group("it") is None:
            return None
        return Cue(before.start(), m.end() + follow.end(), m.start(), "impersonal", form)
    return Cue(before.start(), m.end(), m.start(), "passive", form)
