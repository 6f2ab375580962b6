"""Quantities: where a text says how many, and the bounds its words state.

A count in a news sentence is a number ("17", "2,500", "1.5 million", "twenty-two", "a dozen"), a range
("between four and seven", "4-7", "100-to-300"), a hedged number ("at least five", "nearly 500", "20 or
more"), an amount without a number ("several", "dozens of"), a zero ("no one", "none") or the article before a
singular count noun ("a child"). This module finds them and turns their words into bounds by the export
contract's table. It knows nothing of what is counted (that is ``figures``), only enough of the context to
tell a count from a date, a time, an age, a measure, an amount of money or a name ("Resolution 2254", "F-16").

    >>> [(q.low, q.high, q.qualifier) for q in find_quantities("at least five died and more than 20 were hurt")]
    [(5, None, 'at least'), (21, None, 'more than')]

The words are data (``ledger/vocab/numbers.json``); the grammar is one regular expression built from them once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from ledger.text import data as lexicon
from ledger.reading.figures.figure_nouns import singular_noun_pattern
from ledger.text.phrases import lowered, phrase_trie

QUALIFIER_KINDS = ("min", "above", "max", "below", "near", "hedge")


@dataclass(frozen=True, slots=True)
class Quantity:
    """How many, as the words state it. ``low``/``high`` follow the export contract (None = unbounded).

    ``kind`` is how it was said: ``number``, ``range``, ``vague`` ("several"), ``zero`` ("no one", "no") or
    ``article`` ("a child"); ``word`` is the core words casefolded ("one", "no", "some") for the callers'
    rules; ``qualifier`` the hedge words as written, casefolded ("at least", "several", "or more").
    """

    start: int
    end: int
    low: int | None
    high: int | None
    kind: str
    qualifier: str | None = None
    vague: bool = False
    word: str = ""


# ---------------------------------------------------------------- the lexicon, checked once


@lru_cache(maxsize=1)
def number_lexicon() -> dict:
    """``ledger/vocab/numbers.json``, validated: raises ValueError naming the faulty entry."""
    data = lexicon.load("numbers.json")
    for key in ("number_words", "multipliers", "fixed_amounts", "qualifiers", "suffix_qualifiers", "vague",
                "zero_words", "article_words", "units", "unit_modifiers", "name_words", "age_words", "year_words",
                "vague_not_after", "degree_not_after", "degree_amounts", "verb_hedges", "verb_hedge_after", "one_not_after", "one_not_before", "range_breakers", "months", "years",
                "hedge_band", "near_band"):
        if key not in data:
            raise ValueError(f"numbers.json: missing {key!r}")
    for kind in data["qualifiers"]:
        if kind not in QUALIFIER_KINDS:
            raise ValueError(f"numbers.json: unknown qualifier kind {kind!r}")
    for phrase, kind in data["suffix_qualifiers"].items():
        if kind not in QUALIFIER_KINDS:
            raise ValueError(f"numbers.json: suffix {phrase!r} has unknown kind {kind!r}")
    for phrase, entry in data["vague"].items():
        low, (p_low, p_high) = entry["low"], entry["plausible"]
        if not isinstance(low, int) or not isinstance(p_low, int) or (p_high is not None and p_high < p_low):
            raise ValueError(f"numbers.json: vague {phrase!r} needs an integer low and a plausible [lo, hi]")
    return data


def _casefolded(words) -> frozenset[str]:
    """A lexicon list as a set for lookups of casefolded words."""
    return frozenset(w.casefold() for w in words)


def _digits(lookbehind: str) -> str:
    """Digits with thousands commas and decimals; never the tail of a longer token ("F-16", "$5", "10:30")."""
    return (rf"(?<![\w$€£¥.,/:#+{lookbehind}])(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?"
            r"(?![0-9]|[.,][0-9])")


@dataclass(frozen=True, slots=True)
class _Grammar:
    scan: re.Pattern            # a whole count, on lowercased text
    scan_any_case: re.Pattern   # the same, for text whose lowercase would shift offsets
    start: re.Pattern           # a count right at the start of the range
    next_words: re.Pattern


def _number_pattern(data: dict, free: bool) -> str:
    """One number: fixed amounts ("a dozen"), digits (with "million"), or number words ("twenty-two")."""
    word = phrase_trie(data["number_words"])
    scales = "|".join(f"(?<={w})" for w in ("hundred", "thousand", "million", "billion"))
    words = rf"\b{word}(?:(?:\s+|-){word}|(?:{scales})\s+and\s+{word})*(?:(?:\s+|-)dozen)?\b"
    digits = _digits("-" if free else "") + rf"(?:\s+{phrase_trie(data['multipliers'])}(?!\w))?"
    return rf"(?:\b{phrase_trie(data['fixed_amounts'])}\b|{digits}|{words})"


def _numbers_pattern(first: str, second: str) -> str:
    """One number (group ``a``) or a range (``a`` and ``b``): "17", "between four and seven", "4-7",
    "100-to-300", "4 to 7", "four or five". A hyphen joins a range only between digits: between words it
    makes one number ("twenty-two"). Each number is read once, whether or not a second follows."""
    separator = r"\s*[-–]\s*(?:to\s*[-–]\s*)?(?=[0-9])|\s+(?:to|or)\s+"
    return (rf"between\s+(?P<a1>{first})\s+and\s+(?P<b1>{second})"
            rf"|(?P<a>{first})(?:(?:{separator})(?P<b>{second}))?")


def _suffix_pattern(suffixes) -> str:
    """Hedges after the number: " or more", " plus", "+"."""
    words = [s for s in suffixes if s[0].isalpha()]
    signs = "|".join(re.escape(s) for s in suffixes if not s[0].isalpha())
    return rf"\s+{phrase_trie(words)}(?!\w)" + (rf"|\s*(?:{signs})" if signs else "")


def _count_starts(data: dict) -> list[str]:
    """What a count can begin with: a whole hedge ("at least": "at" alone is too common to try the grammar
    at), or the first word of a number, an amount or a zero."""
    phrases = [*data["number_words"], *data["fixed_amounts"], *data["vague"], *data["zero_words"],
               *data["article_words"], "between"]
    return [p for group in data["qualifiers"].values() for p in group] + [p.split()[0] for p in phrases]


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    """The count grammar, compiled once from the lexicon."""
    data = number_lexicon()
    first, second = _number_pattern(data, free=True), _number_pattern(data, free=False)
    qualifiers = phrase_trie(p for group in data["qualifiers"].values() for p in group)
    vague = phrase_trie([*data["vague"], *(f"{p} of" for p in data["vague"] if not p.endswith(" of"))])
    zero = phrase_trie(w for w in data["zero_words"] if w != "no") + r"|no(?=\s+\w)"
    article = (rf"{phrase_trie(data['article_words'])}"
               rf"(?=\s+(?:[\w.'’-]+\s+){{0,3}}?(?:{singular_noun_pattern()})\b)")
    # A count never runs on into a word, a percentage, a hyphenated word ("12-year-old"), another number
    # ("555-123-4567") or a decimal part.
    guard = r"(?![\w%]|[-–][A-Za-z0-9]|[.,:/][0-9])"
    quantity = (rf"(?:\b(?P<qual>{qualifiers})\s+)?"
                rf"(?P<core>{_numbers_pattern(first, second)}"
                rf"|\b(?P<zero>{zero})\b|\b(?P<vague>{vague})\b|\b(?P<article>{article})){guard}"
                rf"(?P<suffix>{_suffix_pattern(data['suffix_qualifiers'])})?")
    # A count begins after a non-word character, with a digit or a word that can start one. Leading with
    # the character class lets the engine skip through words fast; the lookahead rejects most positions
    # with one test. The count itself is group "q"; "start" is the same without the separator.
    head = rf"(?=[0-9]|{phrase_trie(_count_starts(data))}\b)"
    scan = rf"\W(?P<q>{head}{quantity})"
    return _Grammar(
        scan=re.compile(scan),
        scan_any_case=re.compile(scan, re.IGNORECASE),
        start=re.compile(rf"(?P<q>{head}{quantity})", re.IGNORECASE),
        next_words=re.compile(r"[\s\"”’)]*(%|[\w.'’-]+)(?:\s+([\w.'’-]+))?"),
    )


# ---------------------------------------------------------------- values


@lru_cache(maxsize=4096)
def number_value(words: str) -> int | None:
    """The integer a number's words state, or None when they state none ("1.5" alone, "seventy and five").

    >>> number_value("2,500"), number_value("1.5 million"), number_value("twenty-two"), number_value("two dozen")
    (2500, 1500000, 22, 24)
    """
    data = number_lexicon()
    text = " ".join(words.casefold().replace("-dozen", " dozen").split())  # "two-dozen" is "two dozen"
    if text in data["fixed_amounts"]:
        return data["fixed_amounts"][text]
    head, _, last = text.rpartition(" ")
    multiplier = data["multipliers"].get(last, 1) if head else 1
    core = head if multiplier != 1 else text
    if text in data["multipliers"]:
        return None  # "million" alone ("$5 million" after its digits were refused) counts nothing
    if core[:1].isdigit():
        value = float(core.replace(",", ""))
        if multiplier == 1 and (value != int(value) or len(core) > 1 and core[0] == "0"):
            return None  # a decimal or a zero-padded code is no count
        return int(round(value * multiplier))
    try:
        return text2num(core, "en") * multiplier
    except (ValueError, IndexError, KeyError):
        return None


def _values(m: re.Match) -> tuple[int | None, int | None]:
    """(low, high) a number or range states; (n, n) for one number.

    A multiplier on the second end carries to the first: "between 1 and 2 million" is 1,000,000-2,000,000.
    """
    a, b = m.group("a") or m.group("a1"), m.group("b") or m.group("b1")
    low = number_value(a)
    if b is None:
        return low, low
    high = number_value(b)
    multipliers = number_lexicon()["multipliers"]
    scale = multipliers.get(b.casefold().rsplit(None, 1)[-1])
    if low is not None and high is not None and scale and a.casefold().rsplit(None, 1)[-1] not in multipliers:
        low = low * scale if low * scale < high else low
    return low, high


def _bounds(kind: str | None, low: int | None, high: int | None, vague: bool) -> tuple[int | None, int | None]:
    """Bounds after a hedge of ``kind`` (contract table): "more than 20" -> 21/None, "nearly 500" -> None/499."""
    if kind == "min":
        return low, None
    if kind == "above":
        return (low if vague else (high if high is not None else low) + 1), None
    if kind == "max":
        return None, high
    if kind in ("below", "near"):
        return None, (high - 1 if high is not None else None)
    return low, high


# ---------------------------------------------------------------- counts or not


@dataclass(frozen=True, slots=True)
class _Words:
    """The lexicon's word lists as sets, casefolded (months keep their capital: "may" is no month)."""

    units: frozenset[str]
    unit_modifiers: frozenset[str]
    name_words: frozenset[str]
    age_words: frozenset[str]
    year_words: frozenset[str]
    vague_not_after: frozenset[str]
    degree_not_after: frozenset[str]
    degree_amounts: frozenset[str]
    verb_hedges: frozenset[str]
    verb_hedge_after: frozenset[str]
    one_not_after: frozenset[str]
    one_not_before: frozenset[str]
    range_breakers: frozenset[str]
    months: frozenset[str]
    qualifier_kind: dict[str, str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = number_lexicon()
    lists = ("units", "unit_modifiers", "name_words", "age_words", "year_words", "vague_not_after",
             "degree_not_after", "degree_amounts", "verb_hedges", "verb_hedge_after", "one_not_after", "one_not_before", "range_breakers")
    kinds = {p: kind for kind, group in data["qualifiers"].items() for p in group}
    return _Words(**{key: _casefolded(data[key]) for key in lists}, months=frozenset(data["months"]),
                  qualifier_kind=kinds)


def _previous_word(text: str, position: int) -> str:
    """The word before ``position``, without quotes or brackets: "said", "Feb.", "Karim,". None ("") across
    a line break or a sentence end ("... in flight.\n\nMore than 100", "in flight. More than 100"): a word
    of another sentence says nothing of this count."""
    window = text[max(0, position - 40):position]
    stripped = window.rstrip(" \t\n\"“‘(")
    if "\n" in window[len(stripped):]:
        return ""
    parts = stripped.rsplit(None, 1)
    word = parts[-1].lstrip("\"“‘(") if parts else ""
    if word[-1:] in ".!?" and text[position:position + 1].isupper() and len(word.rstrip(".!?")) > 3:
        return ""
    return word


def _next_words(text: str, position: int) -> tuple[str, str]:
    """The two words after ``position`` ("%" counts as a word): what a number measures, if anything."""
    match = _grammar().next_words.match(text, position)
    return (match.group(1), match.group(2) or "") if match else ("", "")


def _measure_after(text: str, end: int) -> bool:
    """A unit, a month or money follows: "5 km", "3 days", "25 February", "40 percent", "5 p.m."."""
    words = _words()
    first, second = _next_words(text, end)
    if first in words.months or first.rstrip(".") in words.months:
        return True
    first, second = first.casefold(), second.casefold()
    units = words.units
    if first in words.unit_modifiers and (second in units or second.rstrip(".") in units):
        return True
    return first in units or first.rstrip(".,") in units or f"{first} {second.rstrip('.,')}" in units


_MEASURE = re.compile(r"[ \t]+[0-9][0-9,.]*(?:[ \t]+|-)([\w.'’]+)(?![\w-])")


def measure_end(text: str, position: int) -> int:
    """Where a measure right after a count ends ("two| 500 kilogram| bombs", "three| 2,000-pound| bombs"),
    so that the count reaches the noun it counts; ``position`` when no measure follows."""
    m = _MEASURE.match(text, position)
    return m.end() if m and m.group(1).casefold().rstrip(".") in _words().units else position


def _looks_like_year(text: str, m: re.Match, value: int) -> bool:
    """A bare four-digit number in the year range read as a year: "in 2021", "2019," but not "2000 troops"."""
    core = m.group("core")
    years = number_lexicon()["years"]
    if not (core[:4].isdigit() and years["first"] <= value <= years["last"] and not core[4:5].isdigit()):
        return False
    if m.group("b") or m.group("b1"):
        return True  # "2020-2021", "1990 to 2000"
    before = _previous_word(text, m.start("core"))
    after = text[m.end("core"):m.end("core") + 1]
    return (before.casefold() in _words().year_words or before.rstrip(".") in _words().months
            or after in ("", ",", ".", ";", ":", ")", "'", "’", "s"))


def _age_in_apposition(text: str, m: re.Match, value: int) -> bool:
    """"Ahmed Karim, 34, was killed", "Crutcher, 40 ― a father": a small number right after a name and a
    comma, closed by a comma or a dash."""
    start = m.start("core")
    after = text[m.end("q"):m.end("q") + 2].lstrip()[:1]
    if value > 120 or text[max(0, start - 2):start] != ", " or after not in (",", "―", "—", "–"):
        return False
    return _previous_word(text, start - 2)[:1].isupper()


def _is_number_a_count(text: str, m: re.Match, value: int, before: str) -> bool:
    """False for numbers that are names, dates, ages, measures, money, years or IDs."""
    words, core, folded = _words(), m.group("core"), before.casefold()
    if core.isdigit() and len(core) >= 7:
        return False  # an ID or a phone number
    if folded in words.name_words or folded.rstrip(".") in words.name_words:
        return False  # "Resolution 2254", "Brigade 47", "No. 5"
    if before.rstrip(".") in words.months or folded in words.age_words:
        return False  # "Feb. 25", "aged 40"
    return not (_looks_like_year(text, m, value) or _measure_after(text, m.end("q"))
                or _age_in_apposition(text, m, value))


def _is_count(text: str, m: re.Match, value: int) -> bool:
    """False for what only looks like a count: see ``_is_number_a_count``; "how many", "several days";
    "the one", "one another"."""
    words, before = _words(), _previous_word(text, m.start("q"))
    if (m.group("a") or m.group("a1")) and not _is_number_a_count(text, m, value, before):
        return False
    if m.group("vague") and (before.casefold() in words.vague_not_after or _measure_after(text, m.end("q"))
                             or _degree(before, m.group("vague"))):
        return False
    if m.group("core").casefold() == "one":
        following = _next_words(text, m.end("q"))[0].casefold()
        return before.casefold() not in words.one_not_after and following not in words.one_not_before
    return True


def _subject_before(text: str, position: int) -> bool:
    """Whether a word that can be the subject of a verb hedge stands right before ``position``: any word
    but a preposition or conjunction of ``verb_hedge_after`` (none: the start of a clause)."""
    before = _previous_word(text, position)
    return before[-1:].isalnum() and before.casefold() not in _words().verb_hedge_after


def _degree(before: str, amount: str) -> bool:
    """ "that many", "so many": a degree word before "many" makes no count; "said that several
    were hurt" is a count after the complementizer."""
    words = _words()
    return before.casefold() in words.degree_not_after and " ".join(amount.casefold().split()) in words.degree_amounts


# ---------------------------------------------------------------- finding them


def _norm(words: str | None) -> str | None:
    """Words casefolded with single spaces, as the lexicon keys are written."""
    return " ".join(words.casefold().split()) if words else None


def _amount(text: str, m: re.Match) -> tuple[int, int | None, str, str | None] | Quantity | None:
    """(low, high, kind, vague phrase) the core words state before any hedge; a Quantity for "from 10 to
    20" (only 20 stands); None when the words state no count."""
    if m.group("vague"):
        key = _norm(m.group("core"))
        key = key if key in number_lexicon()["vague"] else key.removesuffix(" of")
        entry = number_lexicon()["vague"].get(key)
        return (entry["low"], None, "vague", key) if entry else None
    if m.group("zero") or m.group("article"):
        return (0, 0, "zero", None) if m.group("zero") else (1, 1, "article", None)
    low, high = _values(m)
    if low is None or high is None:
        return None
    if m.group("b") is None and m.group("b1") is None:
        return low, high, "number", None
    if _previous_word(text, m.start("q")).casefold() in _words().range_breakers:
        b = "b" if m.group("b") else "b1"
        return _single(text, m.start(b), m.end(b))  # "rose from 10 to 20": 20
    return (low, high, "range", None) if low < high else None


def _quantity(text: str, m: re.Match) -> Quantity | None:
    """The quantity one match of the grammar states, or None when it is no count."""
    amount = _amount(text, m)
    if amount is None or isinstance(amount, Quantity):
        return amount
    low, high, kind, vague = amount
    if not _is_count(text, m, low):
        return None
    prefix = _norm(m.group("qual"))
    start = m.start("q")
    if prefix in _words().verb_hedges and _subject_before(text, start):
        prefix, start = None, m.start("core")  # "the ministry estimated 114 were dead": the verb, no hedge
    low, high = _bounds(_words().qualifier_kind.get(prefix), low, high, vague is not None)
    qualifier = " ".join(w for w in (prefix, vague) if w) or None
    suffix = _norm(m.group("suffix"))
    if suffix:
        low, high = _bounds(number_lexicon()["suffix_qualifiers"].get(suffix), low, high, vague is not None)
        qualifier = f"{qualifier} {suffix}" if qualifier else suffix
    return Quantity(start, m.end("q"), low, high, kind, qualifier, vague is not None, _norm(m.group("core")))


def _single(text: str, start: int, end: int) -> Quantity | None:
    """The plain number between two offsets."""
    value = number_value(text[start:end])
    return None if value is None else Quantity(start, end, value, value, "number", None, False,
                                               _norm(text[start:end]))


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every count stated in ``text[start:end]``, in order, with absolute offsets.

    One scan of the lowercased text: the grammar is only tried where a count can begin (a digit, or a word
    that starts a number, an amount, a hedge or a zero).

    >>> [(q.low, q.high, q.kind) for q in find_quantities("between four and seven on Feb. 25, a dozen more")]
    [(4, 7, 'range'), (12, 12, 'number')]
    """
    g = _grammar()
    end = len(text) if end is None else end
    folded = lowered(text)
    scan, scanned = (g.scan, folded) if folded is not None else (g.scan_any_case, text)
    at_word_start = start == 0 or not text[start - 1].isalnum()
    first = g.start.match(text, start, end) if at_word_start else None
    matches = [first] if first else []
    matches += scan.finditer(scanned, first.end() if first else start, end)
    found = []
    for m in matches:
        quantity = _quantity(text, m)
        if quantity is not None:
            found.append(quantity)
    return found


# ---------------------------------------------------------------- plausible ranges


def _band(value: int, setting: dict) -> int:
    """Half the width of a plausible band around ``value``: a fraction of it, at least a minimum."""
    return max(setting["minimum"], round(value * setting["fraction"]))


def plausible_bounds(low: int | None, high: int | None, qualifier: str | None,
                     vague: bool, no_figure: bool = False) -> tuple[int | None, int | None]:
    """A credible range for comparing accounts (never stored): "several" -> 2..9, "about 50" -> 45..55,
    "over 80" -> 80.. (a round number after "over" or "under" includes itself).

    Amounts without a number take the range the lexicon gives them ("hundreds" is not 5,000); a hedged
    exact number a band of ``hedge_band`` around it; "nearly n" a band just under n; a party giving no
    figure, no bounds; anything else its own bounds. The reconciler asks this for every figure it compares.
    """
    if no_figure:
        return None, None
    data = number_lexicon()
    words = qualifier or ""
    if vague:
        for phrase in sorted(data["vague"], key=len, reverse=True):
            if words == phrase or words.endswith(" " + phrase):
                p_low, p_high = data["vague"][phrase]["plausible"]
                return max(p_low, low or 0), p_high
        return low, high
    kind = _words().qualifier_kind.get(words) or data["suffix_qualifiers"].get(words)
    if kind == "hedge" and low is not None and low == high:
        band = _band(low, data["hedge_band"])
        return max(0, low - band), high + band
    if kind == "near" and high is not None:
        return max(0, high + 1 - _band(high + 1, data["near_band"])), high
    if kind == "above" and words != "well over" and low is not None and _round(low - 1):
        return low - 1, high  # "over 80" is how a writer rounds 80-odd, and how one loosely renders 80
    if kind == "below" and words != "well under" and high is not None and _round(high + 1):
        return low, high + 1  # "fewer than 100", likewise
    return low, high


def _round(n: int) -> bool:
    """A round number, as writers use them for loose amounts: 10, 80, 100, 2,000 (not 7 or 83)."""
    return n >= 10 and n % 10 == 0
