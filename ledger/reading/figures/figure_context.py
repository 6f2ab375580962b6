"""The words around a count: the cue grammar and the sentences a figure's rules read.

A figure's metric comes from the words near its count (see ``figures``); this module compiles those words
(``ledger/vocab/figure_metrics.json``) into patterns once, and finds the sentences around a range: their
boundaries bound every window, and a sentence holding no word that can give a metric ("killed", "attacks",
"troops", "toll") holds no figure, so the extractor reads no further in it. Patterns that scan whole
articles lead with a character class (the engine then skips through words fast) and run on lowercased text.

    >>> Sentences("Five were killed. Talks went on.", 0, 32).evidence_spans()
    [(0, 17)]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.figures.figure_nouns import noun_lexicon
from ledger.text.phrases import lowered, phrase_trie, start_lookahead
from ledger.text.sentences import paragraphs, sentences
from ledger.reading.types import METRICS

CONTEXT_CHARS = 400  # how far before/after a range to look for the sentences around it


def _alternation(phrases) -> str:
    """A lexicon list as one group, factorised for speed."""
    return f"(?:{phrase_trie(phrases)})"


@dataclass(frozen=True, slots=True)
class CueGrammar:
    """The compiled patterns of the figure rules and the meaning of each cue phrase (see ``figures``)."""

    cues: re.Pattern
    cue_meaning: dict[str, tuple[str, str]]
    left_adjacent: re.Pattern
    lead_in: re.Pattern
    lead_meaning: dict[str, str]
    predicate: re.Pattern
    left_object: re.Pattern
    left_verb: re.Pattern
    coordination: re.Pattern
    evidence: re.Pattern
    evidence_any_case: re.Pattern
    evidence_at_start: re.Pattern
    evidence_word: re.Pattern  # an evidence word at a given offset of lowercased text, as ``evidence`` reads it
    evidence_words: tuple[str, ...]
    extras: re.Pattern
    extras_any_case: re.Pattern
    zero_meaning: dict[str, str]
    place_link: re.Pattern
    and_other: re.Pattern
    zero_pair: re.Pattern
    total_of: re.Pattern
    total_bare: re.Pattern
    total_back_chars: int
    clause_opener: re.Pattern
    munition_outcome: re.Pattern
    outcome_meaning: dict[str, str]
    of_the_harmed: re.Pattern
    harmed_meaning: dict[str, str]
    part_of_before: re.Pattern
    said_to_be_people: re.Pattern
    unasserted: re.Pattern
    conditional: re.Pattern
    hypothetical: re.Pattern
    cue_words: frozenset[str]
    partitive: re.Pattern
    auxiliary: re.Pattern
    right_chars: int
    bare_right_chars: int
    left_chars: int
    left_adjacent_chars: int
    lead_in_chars: int


_REQUIRED = {"staff_links", "cues", "person_cues", "damage", "zero_cues", "zero_phrases", "lead_ins", "lead_in_links",
             "lead_in_verb_links", "lead_in_adverbs",
             "predicate_links", "total_nouns", "total_links", "total_back_chars", "unasserted_before",
             "conditionals", "hypothetical_modals", "partitive_groups", "munition_outcomes", "munition_outcome_lead",
             "clause_openers", "person_outcomes", "coordinators", "possessives", "place_prepositions", "auxiliaries",
             "right_window_chars", "bare_right_window_chars", "left_window_chars", "left_adjacent_chars",
             "lead_in_chars"}


def _metrics_lexicon() -> dict:
    """``ledger/vocab/figure_metrics.json``, validated: every metric named must be one the contract knows."""
    data = lexicon.load("figure_metrics.json")
    missing = _REQUIRED - set(data)
    if missing:
        raise ValueError(f"figure_metrics.json: missing {sorted(missing)}")
    known = set(METRICS) | {"casualties"}
    for key in ("cues", "person_cues", "zero_cues", "lead_ins", "zero_phrases"):
        unknown = set(data[key]) - known
        if unknown:
            raise ValueError(f"figure_metrics.json: {key} names unknown metrics {sorted(unknown)}")
    return data


def _cue_meanings(data: dict) -> dict[str, tuple[str, str]]:
    """Each cue phrase -> (kind, metric): kind "cue", "person_cue" (for named people only: "lost 12
    fighters"), "damage", "outcome" (what else befell people: "sheltering") or "zero" ("escaped injury")."""
    meaning = {p.casefold(): ("outcome", label) for label, ps in data["person_outcomes"].items() for p in ps}
    meaning.update({p.casefold(): ("damage", "other") for p in data["damage"]})
    meaning.update({p.casefold(): ("cue", metric) for metric, ps in data["cues"].items() for p in ps})
    meaning.update({p.casefold(): ("person_cue", metric)
                    for metric, ps in data["person_cues"].items() for p in ps})
    meaning.update({p.casefold(): ("zero", metric) for metric, ps in data["zero_cues"].items() for p in ps})
    return meaning


def _cue_patterns(data: dict, meaning: dict, leads: dict) -> dict[str, re.Pattern]:
    """The patterns of the metric rules (see the module docstring), case-insensitive."""
    cues, coord, nouns = _alternation(meaning), _alternation(data["coordinators"]), noun_lexicon().nouns
    casualties = _alternation(w for w, n in nouns.items() if n.cls == "casualty" and not n.singular)
    harmed = [p for ps in data["partitive_groups"].values() for p in ps]
    outcomes = [p for ps in data["munition_outcomes"].values() for p in ps]
    people = _alternation(w for w, n in nouns.items() if n.cls == "person" and not n.singular)
    event_nouns = _alternation(w for w, n in nouns.items() if n.cls in ("event", "casualty", "target")
                                and not n.singular)
    links, owners = _alternation(data["lead_in_links"]), _alternation(data["possessives"])
    verb_links = _alternation(data["lead_in_verb_links"])
    lead_adverbs = _alternation(data["lead_in_adverbs"])
    be = _alternation(data["predicate_links"])
    lead_alternatives = _alternation(leads)
    # these are searched at every offset of a window, case-insensitively: see ``start_lookahead``
    cue_start, lead_start = start_lookahead(cues), start_lookahead(lead_alternatives)
    totals, total_links = _alternation(data["total_nouns"]), _alternation(data["total_links"])
    clause = r"(?:[^.;:!?\d]|(?<=[A-Z])\.)"  # a character of one clause: the dots of "U.S." stay inside it
    patterns = {
        "cues": rf"\b{cue_start}{cues}\b",
        # "the total number of soldiers hurt in the attack rose to": what is counted, then a link to the count
        "total_of": rf"\b{totals}\s+of\s+(?P<what>{clause}{{1,140}}?)\s+(?:now\s+)?{total_links}\s*$",
        # "raised the number to", "the total now stands at": a total of what the text counted before
        "total_bare": rf"\b(?:the|its|their|this|that)\s+{totals}\s+{total_links}\s*$",
        "left_adjacent": rf"\b{cue_start}{cues}[\s\"“‘']*$",
        # "the death toll at 19", "the death toll from Saturday's attack rose to 25", "the martyrdom of"
        "lead_in": (rf"\b{lead_start}(?P<lead>{lead_alternatives})(?:\s*{links}|(?:\s+[\w'’-]+){{1,6}}\s+{links}"
                    rf"|(?:,?\s+[\w'’-]+){{1,16}},?\s+{verb_links})?"
                    rf"(?:\s+(?:the|a|an))?(?:\s+{lead_adverbs})?"
                    r"\s*[\"“‘]?\s*$"),
        "predicate": rf"\s*{be}\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{event_nouns})\b",
        "left_object": rf"\b{cue_start}(?P<cue>{cues})\b{clause}{{0,60}}?\s{coord}(?:\s+{owners})?\s+[\"“‘]?$",
        "left_verb": rf"\b{cue_start}(?P<cue>{cues})\b{clause}{{0,80}}$",
        "coordination": rf"[\s,]*(?:{coord}(?:\s+{owners})?[\s\"“‘]*)?",
        "unasserted": rf"\b{_alternation(data['unasserted_before'])}\s*[\"“‘]?\s*$",
        # "if" opens a clause the count stands in: no comma, colon or dash closes it before the count
        "conditional": rf"(?:^|[^\w'’-]){_alternation(data['conditionals'])}\s[^,;:—–]*$",
        "hypothetical": rf"\b{_alternation(data['hypothetical_modals'])}\b",
        # "six of the dead", "12 of the wounded"
        "of_the_harmed": rf"\s+of\s+(?:the|those|these)\s+(?P<group>{_alternation(harmed)})\b",
        # "Of the 12 killed," before a count: the count is part of them
        "part_of_before": r"\bof\s+(?:the|those|these)\s+$",
        # "nine were minors": a bare count said to be people
        # or, past a coordinated part ("six of the dead and 12 of the wounded were ..."), staff of an institution
        "said_to_be_people": (rf"(?:\s+and\s+[\w-]+\s+of\s+(?:the|those|these)\s+(?:{_alternation(harmed)}))?"
                              rf"\s*(?:were|was|are|is)\s+(?:all\s+)?(?:(?P<staff>{_alternation(data['staff_links'])})\b"
                              rf"|(?:(?P<modifier>[\w-]+)\s+)?(?P<noun>{people})\b)"),
        # "eleven missiles (had) hit the base": the verb right after a count of munitions
        "munition_outcome": (rf"\s+(?:{_alternation(data['munition_outcome_lead'])}\s+){{0,2}}"
                             rf"(?P<outcome>{_alternation(outcomes)})\b"),
        "clause_opener": rf"\b{_alternation(data['clause_openers'])}\b",
        "and_other": r"\s+and\s+other\s+",
        # "no deaths or injuries": a second harm noun under the same "no"
        "zero_pair": rf"\s+(?:or|nor|and)\s+(?:any\s+)?(?P<noun>{casualties})\b",
    }
    return {name: re.compile(pattern, re.IGNORECASE) for name, pattern in patterns.items()}


def _evidence_words(data: dict, meaning: dict, leads: dict) -> list[str]:
    """Every word that can give a count its metric: a sentence with none of them holds no figure."""
    nouns = noun_lexicon().nouns
    # a singular thing ("the White House", "a school") is not counted: "a" counts only people
    return [*meaning, *leads, *data["total_nouns"], *(w for w, n in nouns.items()
                                 if (n.cls != "person" and not n.singular) or n.default_metric)]


def _extras(zero: dict) -> str:
    """Figures without a number: "civilian fatalities" (at least one), "escaped injury" (none)."""
    nouns = noun_lexicon()
    casualty_nouns = _alternation(w for w, n in nouns.nouns.items() if n.cls == "casualty")
    body = rf"(?:(?P<mod>{_alternation(nouns.modifiers)})\s+(?P<noun>{casualty_nouns})|(?P<zero>{_alternation(zero)}))"
    return rf"\b{start_lookahead(body)}{body}\b"


@lru_cache(maxsize=1)
def cue_grammar() -> CueGrammar:
    """The cue grammar, compiled once from ``figure_metrics.json`` and ``populations.json``."""
    data, nouns_data = _metrics_lexicon(), lexicon.load("populations.json")
    meaning = _cue_meanings(data)
    leads = {p.casefold(): metric for metric, ps in data["lead_ins"].items() for p in ps}
    zero = {p.casefold(): metric for metric, ps in data["zero_phrases"].items() for p in ps}
    evidence_words = _evidence_words(data, meaning, leads)
    extras, evidence = _extras(zero), rf"\b{_alternation(evidence_words)}\b"
    determiners = _alternation(nouns_data["partitive_determiners"])
    return CueGrammar(
        **_cue_patterns(data, meaning, leads),
        cue_meaning=meaning,
        lead_meaning=leads,
        # a non-word character then the word: the leading class lets the engine skip through words fast
        evidence=re.compile(rf"\W(?={evidence})", re.ASCII),  # ASCII: faster, and only ever more positions
        evidence_any_case=re.compile(rf"\W(?={evidence})", re.IGNORECASE),
        evidence_at_start=re.compile(evidence, re.IGNORECASE),
        evidence_word=re.compile(evidence, re.ASCII),
        evidence_words=tuple(evidence_words),
        extras=re.compile(extras),
        extras_any_case=re.compile(extras, re.IGNORECASE),
        zero_meaning=zero,
        place_link=re.compile(rf"\s+{_alternation(data['place_prepositions'])}\s+(?:the\s+)?[A-Z][\w'’-]*"
                              r"(?:\s+[A-Z][\w'’-]*){0,3}"),
        cue_words=frozenset(w for p in meaning for w in p.split()[:1]),
        partitive=re.compile(rf"(?:\s+of)?\s+{determiners}\b", re.IGNORECASE),
        auxiliary=re.compile(rf"\b{_alternation(data['auxiliaries'])}\b", re.IGNORECASE),
        right_chars=int(data["right_window_chars"]),
        bare_right_chars=int(data["bare_right_window_chars"]),
        left_chars=int(data["left_window_chars"]),
        left_adjacent_chars=int(data["left_adjacent_chars"]),
        lead_in_chars=int(data["lead_in_chars"]),
        total_back_chars=int(data["total_back_chars"]),
        outcome_meaning={p.casefold(): kind for kind, ps in data["munition_outcomes"].items() for p in ps},
        harmed_meaning={p.casefold(): metric for metric, ps in data["partitive_groups"].items() for p in ps},
    )


# ---------------------------------------------------------------- sentences


def _evidence_positions(text: str, start: int, end: int, starts: list[int] | None = None) -> list[int]:
    """Where the words that can give a count its metric begin, in ``text[start:end]``. ``starts`` are those
    of the whole text after a non-word character (``word_starts.word_starts(text).evidence``), when known."""
    g, folded = cue_grammar(), lowered(text)
    if starts is not None and end == len(text):
        words = starts[bisect_right(starts, max(0, start - 1)):]  # what the scan below finds from start - 1
    else:
        pattern, scanned = (g.evidence, folded) if folded is not None else (g.evidence_any_case, text)
        words = [m.end() for m in pattern.finditer(scanned, max(0, start - 1), end)]
    if (start == 0 or not text[start - 1].isalnum()) and g.evidence_at_start.match(text, start, end):
        words.insert(0, start)
    return words


class Sentences:
    """The sentences near a range that may hold figures, as sentence end offsets, for windows and for
    inheritance.

    A sentence holding no word that can give a count its metric ("killed", "attacks", "troops", "toll")
    holds no figure; most sentences of an article hold none. So the evidence words are found first (one
    fast scan) and ``evidence_spans`` are the runs of sentences holding evidence. The sentences are the
    reading's (``Document.sentences``, passed as ``ends``), else the one splitter's over the whole text.
    """

    def __init__(self, text: str, start: int, end: int, ends: list[int] | None = None,
                 starts: list[int] | None = None):
        self.low, self.high = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
        self.words = _evidence_positions(text, self.low, self.high, starts)
        if ends is None:  # a caller outside the pipeline: the article's sentences, from the one splitter
            ends = [e for sentence in sentences(text, paragraphs(text)) for e in (sentence.start, sentence.end)]
        self.ends: list[int] = ends

    def evidence_spans(self) -> list[tuple[int, int]]:
        """The runs of sentences holding evidence words, merged when they touch."""
        spans: list[tuple[int, int]] = []
        for position in self.words:
            start, end = self.start_of(position), self.end_of(position)
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        return spans

    def start_of(self, position: int) -> int:
        """Where the sentence holding ``position`` starts."""
        i = bisect_right(self.ends, position)
        return self.ends[i - 1] if i else self.low

    def end_of(self, position: int) -> int:
        """Where the sentence holding ``position`` ends."""
        i = bisect_right(self.ends, position)
        return self.ends[i] if i < len(self.ends) else self.high

    def same(self, a: int, b: int) -> bool:
        """Whether two positions lie in one sentence."""
        return bisect_right(self.ends, a) == bisect_right(self.ends, b)


