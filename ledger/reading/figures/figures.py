"""Figures: the numbers a claim asserts, as bounds with a metric and a population.

Each count (``numbers.find_quantities``) is read with the noun phrase after it (``figure_nouns``) and the
words around it, which say what happened to what was counted. The first of these rules that speaks decides
the metric, and each only accepts metrics that fit what is counted (people are killed, facilities targeted):

1. the head noun itself: "40 attacks", "200 deaths", "14 rockets" ("11 missiles hit the base" keeps what
   became of the munitions in the population note: missiles, "hit");
2. a verb right before the count: "killed one fighter", "destroyed multiple facilities";
2a. an attack noun right before things hit: "air strikes on several positions";
3. the first cue after it, up to the next count, a clause opener ("after") or the end of the sentence:
   "five were killed", "22 dead", "27 soldiers suffered concussions"; what else befell people ("1,300 people
   were sheltering") only when no harm is said of them there;
3a. part of the harmed said to be some people: "12 of the wounded were children";
3b. a running total naming what it counts: "the total number of soldiers hurt rose to 41";
4. a lead-in: "put the death toll at 19", "the toll would be about 30", "the targets - two in Syria, one in Iraq";
5. a link verb and an event noun after a bare count: "14 were rocket attacks";
6. a verb whose earlier object is coordinated with the count: "injured contractors and a member of ...";
   what is hit takes the nearest verb before it in its sentence that can hit: "fired missiles at two bases";
7. the metric of a count coordinated with it: "killed three soldiers and two civilians";
   a running total naming nothing takes the last figure's ("raised the number to 28"), and a bare count
   said to be people after "Of the 12 killed," is part of them ("nine were minors");
8. the head's default: "900 troops" counts troops.

A count no rule speaks for is no figure: precision matters more than reach. Nor is a count nobody asserts
("investigating reports of 12 dead", "the possibility of 20 deaths", an if-clause, a question, "500 people
could be killed").

    >>> [(f.metric, f.population, f.low, f.high, f.span.text)
    ...  for f in find_figures("The strike killed one fighter and wounded two others.")]
    [('killed', 'fighters', 1, 1, 'one fighter'), ('wounded', 'fighters', 2, 2, 'two others')]

The words are data: ``ledger/vocab/figure_metrics.json`` (cues), ``populations.json`` (nouns) and
``numbers.json`` (counts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.figures.attack_on import attacked
from ledger.reading.figures.context_population import context_population
from ledger.reading.figures.figure_context import Sentences, cue_grammar
from ledger.reading.figures.figure_nouns import STAFF, NounPhrase, noun_lexicon, noun_phrase
from ledger.reading.figures.no_figure import find_no_figure
from ledger.reading.figures.numbers import Quantity, find_quantities, measure_end, number_value, plausible_bounds
from ledger.text.phrases import lowered
from ledger.reading.types import METRICS, Figure, Span

__all__ = ["find_figures", "find_no_figure", "plausible_range"]

CASUALTY_METRICS = frozenset({"killed", "wounded", "missing", "detained", "displaced"})


@dataclass(slots=True)
class _Candidate:
    """A count on its way to becoming a figure."""

    quantity: Quantity
    phrase: NounPhrase
    start: int
    end: int
    low: int | None
    high: int | None
    cls: str
    population: str | None
    qualifier: str | None = None
    parts: tuple[Span, ...] = ()
    metric: str | None = None
    damage: str | None = None
    cancelled: bool = False
    cue_start: int | None = None
    left_metric: str | None = None
    also: tuple[str, ...] = ()
    sentence_start: int = 0


# ---------------------------------------------------------------- candidates

_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_AFTER_OF = re.compile(r"\bof\s+$", re.IGNORECASE)


def _candidate(text: str, quantity: Quantity, limit: int) -> _Candidate | None:
    """The count with its noun phrase, or None when the phrase rules it out as a count of anything."""
    g = cue_grammar()
    one = quantity.kind == "article" or (quantity.kind == "number" and number_value(quantity.word) == 1)
    phrase = noun_phrase(text, measure_end(text, quantity.end), one=one, limit=limit, stops=g.cue_words)
    noun = phrase.noun
    if quantity.kind == "article" and not (noun and noun.singular and noun.cls == "person"):
        return None  # "a" counts only a singular person noun: "a child", not "a strike"
    if quantity.kind == "zero" and quantity.word == "no" and not (noun and noun.cls in ("person", "casualty")):
        return None  # "no comment", "no reports of casualties"
    harmed = g.of_the_harmed.match(text, quantity.end)
    if harmed is not None:  # "six of the dead": part of the harmed, of their metric
        phrase = NounPhrase(harmed.end(), harmed.end(), close=True, head=_norm(harmed.group("group")))
    elif _is_partitive(text, quantity) and not (phrase.inherit or (noun and noun.cls == "person")):
        return None  # "one of the deadliest attacks", "many of the deaths" name part of a group, no count
    end = phrase.head_end if phrase.close else quantity.end
    population = phrase.population
    if noun is None and harmed is None:
        population = _harmed_people(text, measure_end(text, quantity.end), limit, one) or population
    found = _Candidate(quantity, phrase, quantity.start, end, quantity.low, quantity.high, phrase.cls,
                       population, quantity.qualifier)
    if quantity.kind == "zero" and noun and noun.cls == "casualty":
        _zero_pair(text, found)
    return found


# an adverb before a harm word said of the people counted before their noun: "three (severely) wounded soldiers"
_HARM_ADVERB = re.compile(r"\s*(?:[a-z]+ly\s+)?", re.IGNORECASE)


def _harmed_people(text: str, start: int, limit: int, one: bool) -> str | None:
    """The population of the people a harm cue before their noun counts ("three wounded soldiers" are
    soldiers; the harm word itself gives the metric, as in "three wounded"), else None."""
    g = cue_grammar()
    m = g.cues.match(text, _HARM_ADVERB.match(text, start, limit).end(), limit)
    if m is None or _meaning(m.group())[1] not in ("killed", "wounded") or not text[m.end():m.end() + 1].isspace():
        return None
    people = noun_phrase(text, m.end(), one=one, limit=limit, stops=g.cue_words)
    return people.population if people.noun is not None and people.noun.cls == "person" else None


def _zero_pair(text: str, c: _Candidate) -> None:
    """"no deaths or injuries": one "no" denies both harms, so the second noun's metric is kept as well."""
    m = cue_grammar().zero_pair.match(text, c.phrase.head_end)
    noun = noun_lexicon().nouns.get(_norm(m.group("noun"))) if m else None
    if noun is None or noun.default_metric == c.phrase.noun.default_metric:
        return
    c.also = (noun.default_metric,)
    c.end = m.end()
    c.phrase = replace(c.phrase, end=m.end(), head_end=m.end())


def _is_partitive(text: str, quantity: Quantity) -> bool:
    """"one of its fighters", "many of the deaths": a part of a group the text names."""
    after_of = quantity.word.endswith(" of") or _OF.match(text, quantity.end)
    return bool(after_of) and cue_grammar().partitive.match(text, quantity.end) is not None


def _place_end(text: str, position: int) -> int | None:
    """Where a place named right after a count ends: "two| in Syria|"."""
    m = cue_grammar().place_link.match(text, position)
    return m.end() if m else None


def _same_kind(first: _Candidate, other: _Candidate) -> bool:
    """Whether ``other`` counts what ``first`` counts (or names nothing): list items must."""
    return other.phrase.noun is None or (other.cls, other.population) == (first.cls, first.population)


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _list_items(text: str, found: list[_Candidate], i: int) -> list[tuple[_Candidate, int]]:
    """The items of a list starting at ``found[i]``: counts of one kind, each followed by a place, joined
    by a comma or "and". Each item comes with the end of its place."""
    items: list[tuple[_Candidate, int]] = []
    for j in range(i, len(found)):
        place = _place_end(text, found[j].end) if _same_kind(found[i], found[j]) else None
        if place is None:
            break
        items.append((found[j], place))
        if j + 1 == len(found) or not _LIST_JOIN.fullmatch(text, place, found[j + 1].start):
            break
    return items


def _merged(text: str, items: list[tuple[_Candidate, int]]) -> _Candidate:
    """One count for a list's items: bounds summed (open when any is), each item a part."""
    first = items[0][0]
    parts = tuple(Span.of(text, c.start, place) for c, place in items)
    lows, highs = [c.low for c, _ in items], [c.high for c, _ in items]
    qualifiers = {c.qualifier for c, _ in items}
    return replace(first, end=parts[-1].end, parts=parts, phrase=replace(first.phrase, end=parts[-1].end),
                   low=None if None in lows else sum(lows), high=None if None in highs else sum(highs),
                   qualifier=qualifiers.pop() if len(qualifiers) == 1 else None)


def _merge_lists(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """Lists that add up: "two in Syria, one in Iraq" -> 3/3, each item kept as a part."""
    merged: list[_Candidate] = []
    i = 0
    while i < len(found):
        items = _list_items(text, found, i)
        merged.append(_merged(text, items) if len(items) > 1 else found[i])
        i += max(1, len(items))
    return merged


def _and_others(text: str, c: _Candidate, limit: int) -> None:
    """"a U.S. service member and other coalition troops": one, and an unstated number more (1/None)."""
    if c.low != 1 or c.high != 1 or not (c.phrase.noun and c.phrase.noun.singular and c.cls == "person"):
        return
    m = cue_grammar().and_other.match(text, c.phrase.head_end)
    if m is None:
        return
    more = noun_phrase(text, m.end(), one=False, limit=limit)
    if more.noun is not None and more.cls == "person":
        c.end, c.high = more.head_end, None
        c.phrase = replace(c.phrase, end=more.end)


def _candidates(text: str, spans: list[tuple[int, int]]) -> list[_Candidate]:
    """The counts of the sentences that may hold figures, with their noun phrases; lists merged."""
    quantities = [q for start, end in spans for q in find_quantities(text, start, end)]
    found = []
    for i, q in enumerate(quantities):
        limit = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        if found and q.start < found[-1].phrase.end:
            continue  # a count inside the phrase before: "seven members of one family"
        c = _candidate(text, q, limit)
        if c is not None:
            _and_others(text, c, limit)
            found.append(c)
    return _merge_lists(text, found)


def _inherit_nouns(found: list[_Candidate], sentences: Sentences) -> None:
    """"others" takes the noun of the count before it in the sentence: "killed one militiaman and wounded
    a number of others" -> fighters; with none before, the others are people."""
    for i, c in enumerate(found):
        if not c.phrase.inherit:
            continue
        before = next((p for p in reversed(found[:i]) if p.phrase.noun and sentences.same(p.start, c.start)), None)
        if before is None:
            c.cls, c.population = "person", "people"
        else:
            c.cls, c.population, c.phrase = before.cls, before.population, replace(c.phrase, noun=before.phrase.noun)


# ---------------------------------------------------------------- metrics


def _norm(words: str) -> str:
    """Words casefolded with single spaces, as the lexicon keys are written."""
    return " ".join(words.casefold().split())


def _accept(c: _Candidate, kind: str | None, metric: str | None) -> str | None:
    """The metric a cue gives this count, or None when it cannot be said of what is counted: people are
    killed, facilities targeted, buildings destroyed (damage, metric other)."""
    if kind == "damage":
        return {"target": "targets", "structure": "other"}.get(c.cls)
    if kind == "outcome":
        return "other" if c.cls in ("person", "bare") else None
    if kind == "zero":
        return "zero" if c.cls in ("person", "bare") else None
    if kind == "person_cue":
        if c.cls != "person":
            return None
        kind = "cue"
    if metric == "casualties":
        return metric if c.cls in ("person", "bare") else None
    if metric == "troops" and c.population not in ("soldiers", "personnel"):
        return None
    if c.cls == "bare" and kind == "cue" and metric not in CASUALTY_METRICS:
        return None  # a verb makes a count of nothing named targets never: "several targeted tax breaks"
    return metric if metric in noun_lexicon().classes.get(c.cls, ()) else None


def _meaning(words: str) -> tuple[str | None, str | None]:
    """(kind, metric) of a cue phrase as matched; (None, None) for words the lexicon does not hold."""
    return cue_grammar().cue_meaning.get(_norm(words), (None, None))


def _from_noun(text: str, c: _Candidate, lo: int, hi: int) -> str | None:
    """Rule 1: "40 attacks", "200 deaths", "14 rockets", "90 targets" say their metric themselves. Munitions keep what
    became of them in the population note: "11 missiles hit the base" are missiles "hit", not the missiles fired."""
    noun = c.phrase.noun
    if noun and noun.cls == "weapon":
        g = cue_grammar()
        m = g.munition_outcome.match(text, c.phrase.end)
        c.damage = g.outcome_meaning[_norm(m.group("outcome"))] if m else None
    if noun and noun.cls == "target":
        return noun.default_metric  # "140 targets had been identified": only "targets" names its metric
    return noun.default_metric if noun and noun.cls in ("event", "casualty", "weapon") else None


# an attribution set off between a verb and its count by dashes or commas
_ASIDE = re.compile(r"\s*[–—,-]\s*according\s+to\s+[^–—,.;:\d]{1,60}?\s*[–—,-]\s*$", re.IGNORECASE)
_ASIDE_CHARS = 80


def _read_left_cue(text: str, c: _Candidate, lo: int) -> None:
    """The verb right before the count, read first for every count: it is theirs, so it also ends the
    window of the count before ("three gunmen killed two police officers": "killed" is not the gunmen's)."""
    g = cue_grammar()
    end = c.start
    if (aside := _ASIDE.search(text, max(lo, c.start - _ASIDE_CHARS), c.start)) is not None:
        end = aside.start()  # "killing – according to the Red Cross – at least 50": the verb before the aside
    m = g.left_adjacent.search(text, max(lo, end - g.left_adjacent_chars), end)
    if m is None:
        return
    c.cue_start = m.start()
    words = text[m.start():m.end()].rstrip(" \t\n\"“‘'")
    kind, metric = _meaning(words)
    found = _accept(c, kind, metric)
    c.left_metric = None if found == "zero" else found  # "escaped injury" says nothing of a count after it
    if kind == "damage" and c.left_metric == "other":
        c.damage = _norm(words)
    elif kind == "outcome" and c.left_metric == "other":
        c.damage = metric  # "rescued 130 people": people rescued


def _left_cue(text: str, c: _Candidate, lo: int, hi: int) -> str | None:
    """Rule 2: an active verb right before the count: "killed one fighter", "destroying “multiple facilities”"."""
    return c.left_metric


def _attack_on(text: str, c: _Candidate, lo: int, hi: int) -> str | None:
    """Rule 2a: things hit, named after the attack that hit them: "air strikes on several positions"."""
    return "targets" if c.cls in ("target", "structure") and attacked(text, c.start) else None


def _right_cue(text: str, c: _Candidate, lo: int, hi: int) -> str | None:
    """Rule 3: the first cue after the count that fits it: "one child had been killed", "left 5 dead"."""
    g = cue_grammar()
    if c.cls == "bare" and _AFTER_OF.search(text, max(0, c.start - 4), c.start):
        return None  # "a father of three ― was shot": the count belongs to the noun before "of"
    outcome = None  # what else befell people ("sheltering"), unless a harm is said of them in the window
    for m in g.cues.finditer(text, c.phrase.end, hi):
        if c.cls == "bare" and c.quantity.word == "one" and not g.auxiliary.search(text, c.phrase.end, m.start()):
            continue  # "one captured by a camera" is a thing; "one was killed" a person
        if g.clause_opener.search(text, c.phrase.end, m.start()):
            break  # "rose to 54 after critically wounded persons died": another clause's verb
        if _NEXT_TOTAL.search(text, c.phrase.end, m.start()):
            break  # "the toll stood at 12 and the number of wounded at 30": the next total's own words
        kind, metric = _meaning(m.group())
        found = _accept(c, kind, metric)
        if found == "zero":
            c.cancelled = True
            return None
        if found is not None and g.hypothetical.search(text, c.phrase.end, m.start()):
            c.cancelled = True  # "500 people could be killed": no one says they were
            return None
        if found is not None and kind == "outcome":
            close = m.start() - c.phrase.end <= g.bare_right_chars or (
                c.cls == "person" and _RELATIVE.match(text, c.phrase.end, m.start()) is not None)
            outcome = outcome or (metric if close else None)
        elif found is not None:
            c.damage = _norm(m.group()) if kind == "damage" and found == "other" else None
            if found == "wounded" and _ATTRIBUTIVE.fullmatch(text, c.phrase.end, m.start()):
                found, c.damage = _after_the_injured(text, c, m.end(), hi)
            return found
    if outcome is not None:
        c.damage = outcome
        return "other"
    return None


# the words that open another count's total, right before its harm word: "and the number of (the) wounded"
_NEXT_TOTAL = re.compile(r"\b(?:number|total|tally|count|toll)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


# a harm word said with the people counted, not of them by a verb: "80 (severely) injured victims", "42
# victims with (minor) injuries"
_ATTRIBUTIVE = re.compile(r"\s+(?:[a-z]+ly\s+|with\s+(?:[a-z]+\s+)?)?", re.IGNORECASE)


def _after_the_injured(text: str, c: _Candidate, start: int, hi: int) -> tuple[str, str | None]:
    """(metric, note) of "N injured people" from the verb after them, in their clause: they died of their
    wounds ("three injured soldiers later died": killed), or what else befell them ("had been flown to the
    capital", "will remain in Rann") makes them a subset of the wounded, kept apart by its note (wounded
    people "transported"), so that it is never compared with the whole toll of the wounded."""
    g, subsets = cue_grammar(), lexicon.load("figure_metrics.json")["wounded_subsets"]
    own = _subset_words().search(text, start, hi)
    for m in g.cues.finditer(text, start, own.start() if own else hi):
        if g.clause_opener.search(text, start, m.start()):
            return "wounded", None
        kind, label = _meaning(m.group())
        if kind == "outcome":
            return "wounded", label if label in subsets else None
        found = _accept(c, kind, label)
        if found is not None:  # another harm said of them: "injured people died"
            return ("killed" if found == "killed" else "wounded"), None
    if own is None or g.clause_opener.search(text, start, own.start()):
        return "wounded", None
    return "wounded", next(label for label, words in subsets.items() if _norm(own.group()) in words)


@lru_cache(maxsize=1)
def _subset_words() -> re.Pattern:
    """The words that say what befell injured people only right after them ("victims moved from")."""
    words = [w for ws in lexicon.load("figure_metrics.json")["wounded_subsets"].values() for w in ws]
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words) or '(?!)'})\b", re.IGNORECASE)


# a relative clause between people counted and what befell them: "200 people who were in the hall have been screened"
_RELATIVE = re.compile(r",?\s+(?:who|that)\s[^,;:.!?\d]*$", re.IGNORECASE)


def _lead_in(text: str, c: _Candidate, lo: int, hi: int) -> str | None:
    """Rule 4: words before the count that say what it counts: "put the death toll at 19". A lead that
    cannot be said of the count gives way to a later one: in "the strikes caused the death of four members"
    the members are dead, not strikes."""
    g = cue_grammar()
    position = max(lo, c.start - g.lead_in_chars)
    while (m := g.lead_in.search(text, position, c.start)) is not None:
        found = _accept(c, "lead", g.lead_meaning.get(_norm(m.group("lead"))))
        if found is not None:
            return found
        position = m.end("lead")  # "the strikes caused the death of four": not strikes, the nearer lead
    return None


def _of_the_harmed(text: str, c: _Candidate, lo: int, hi: int) -> str | None:
    """Rule 3a: part of the harmed said to be some people: "12 of the wounded were children", or the staff
    of an institution: "six of the dead were working for ...". Without the people it names, the part says
    only that at least so many were harmed ("researchers identified 12 of the dead": at least 12 dead), so
    it is not read as the whole toll."""
    g = cue_grammar()
    metric = g.harmed_meaning.get(c.phrase.head) if c.phrase.noun is None else None
    if metric is None:
        return None
    said = g.said_to_be_people.match(text, c.phrase.end)
    if said is None:
        if c.low is not None:
            c.high = None
        return metric
    nouns = noun_lexicon().nouns
    whole = _norm(f"{said.group('modifier') or ''} {said.group('noun') or ''}")  # "aid workers", not "workers"
    c.population = STAFF if said.group("staff") else (nouns.get(whole) or nouns[_norm(said.group("noun"))]).population
    return metric


def _total_of(text: str, c: _Candidate, lo: int, hi: int) -> str | None:
    """Rule 3b: a running total names what it counts: "the total number of soldiers hurt in the attack rose
    to 41", "the number of fatalities jumps to eleven". The first cue or harm noun after "number of" gives
    the metric, its noun phrase the population."""
    g = cue_grammar()
    if c.cls != "bare":
        return None
    m = g.total_of.search(text, max(lo, c.start - g.lead_in_chars), c.start)
    if m is None:
        return None
    what_start, what_end = m.span("what")
    phrase = noun_phrase(text, what_start, one=False, limit=what_end)
    cue = g.cues.search(text, what_start, what_end)
    if cue is not None:
        metric = _accept(c, *_meaning(cue.group()))
    elif phrase.noun is not None and phrase.noun.cls == "casualty":
        metric = _accept(c, "lead", phrase.noun.default_metric)
    else:
        return None
    if metric is not None and phrase.noun is not None and phrase.cls == "person":
        c.population = phrase.population
    return metric


def _predicate(text: str, c: _Candidate, lo: int, hi: int) -> str | None:
    """Rule 5: a bare count said to be events: "14 were rocket attacks"."""
    m = cue_grammar().predicate.match(text, c.phrase.end, hi) if c.cls == "bare" else None
    noun = noun_lexicon().nouns.get(_norm(m.group("noun"))) if m else None
    if noun is None:
        return None
    return _accept(c, "lead", noun.default_metric or ("targets" if noun.cls == "target" else None))


# a count followed (past at most one word of its noun) by a finite verb of its own
_OWN_VERB = re.compile(r"(?:\s+[\w-]+)?\s+(?:were|was|are|is|have|has|had)\b", re.IGNORECASE)


def _left_object(text: str, c: _Candidate, lo: int, hi: int) -> str | None:
    """Rule 6: a verb whose earlier object is coordinated with the count: "injured US contractors and a
    member of the US military". What is hit needs no coordination, only the same clause: "the strikes
    targeted storage facilities at two locations"."""
    g = cue_grammar()
    hit = c.cls in ("target", "structure")
    if not hit and _OWN_VERB.match(text, c.phrase.end):
        return None  # "seven were arrested, and 34 cows were recovered": the count is its own clause's subject
    # what is hit may follow what hit it: "fired two-dozen missiles at two bases"
    position = max(c.sentence_start if hit else lo, c.start - g.left_chars)
    pattern = g.left_verb if hit else g.left_object
    while (m := pattern.search(text, position, c.start)) is not None:
        found = _accept(c, *_meaning(m.group("cue")))
        if found is not None or not hit:
            c.damage = _norm(m.group("cue")) if found == "other" else None
            return found
        position = m.end("cue")  # "injury since the attack targeting forces at two bases": the nearer verb
    return None


_RULES = (_from_noun, _left_cue, _attack_on, _right_cue, _of_the_harmed, _total_of, _lead_in, _predicate, _left_object)


def _bounds(found: list[_Candidate], i: int, sentences: Sentences) -> tuple[int, int]:
    """The text a count may read: from the previous count (or the sentence start) to the next count, the
    verb right before it, or the sentence end."""
    c, g = found[i], cue_grammar()
    lo = max(sentences.start_of(c.start), found[i - 1].end if i else 0)
    # A count of nothing named, or "a man", needs its cue close by: "at least 17 died", "a man shot dead".
    close = c.cls == "bare" or c.quantity.kind == "article"
    reach = g.bare_right_chars if close else g.right_chars
    hi = min(sentences.end_of(c.phrase.end), c.phrase.end + reach)
    if i + 1 < len(found):
        after = found[i + 1]
        hi = min(hi, after.cue_start if after.cue_start is not None else after.start)
    return lo, max(hi, c.phrase.end)


def _coordinated(text: str, first: _Candidate, second: _Candidate) -> bool:
    """Whether only a comma or a coordinator stands between two counts ("three soldiers and two civilians"),
    or a source's aside and a coordinator: "killed 140 people according to one UN estimate and 82 according
    to the ministry" (two sources' counts of one thing: the second takes the first's verb)."""
    return (cue_grammar().coordination.fullmatch(text, first.phrase.end, second.start) is not None
            or _ASIDE_COORDINATION.fullmatch(text, first.phrase.end, second.start) is not None)


_ASIDE_COORDINATION = re.compile(r",?\s*(?:according\s+to|citing|per)\s+[^,;.:()]{1,60}?,?\s+(?:and|while|but|or)\s+")


def _share_metrics(text: str, found: list[_Candidate]) -> None:
    """Rule 7: counts joined by "and" or a comma share a verb: "killed three soldiers and two civilians",
    "three soldiers and two civilians were killed"."""
    # a count inside a source's aside ("according to one UN estimate") stands between two coordinated ones
    skipping = [(a, c) for a, b, c in zip(found, found[1:], found[2:])
                if _ASIDE_COORDINATION.fullmatch(text, a.phrase.end, c.start) is not None]
    for pairs in (zip(found, found[1:]), zip(found[1:][::-1], found[:-1][::-1]), skipping):
        for source, target in pairs:
            if target.metric is None and source.metric is not None and not target.cancelled:
                ordered = (source, target) if source.start < target.start else (target, source)
                if _coordinated(text, *ordered):
                    target.metric = _accept(target, "lead", source.metric)
                    target.damage = source.damage if target.metric == "other" else None


def _bare_total(text: str, c: _Candidate, before: list[_Candidate], sentences: Sentences) -> None:
    """"The ministry raised the number to 28", "the total now stands at 64": a total that names nothing
    counts what the last figure before it counted, if one stands close enough (same metric and population)."""
    g = cue_grammar()
    if g.total_bare.search(text, max(sentences.start_of(c.start), c.start - g.lead_in_chars), c.start) is None:
        return
    last = next((p for p in reversed(before) if p.metric in CASUALTY_METRICS and not p.cancelled
                 and c.start - p.start <= g.total_back_chars), None)
    if last is not None:
        c.metric, c.population = last.metric, last.population


def _part_of_before(text: str, c: _Candidate, before: list[_Candidate], sentences: Sentences) -> None:
    """"Of the 12 killed, nine were minors": a bare count said to be people, after "Of the N <harmed>," in
    its sentence, is that many of them, of the population it is said to be."""
    g = cue_grammar()
    said = g.said_to_be_people.match(text, c.phrase.end)
    whole = before[-1] if before else None
    if said is None or whole is None or whole.metric not in CASUALTY_METRICS:
        return
    if not sentences.same(whole.start, c.start):
        return
    if g.part_of_before.search(text, sentences.start_of(whole.start), whole.start) is None:
        return
    c.metric, c.population = whole.metric, noun_lexicon().nouns[_norm(said.group("noun"))].population


# people said to be among a count of the harmed that follows: "(12 children) were among the (40 killed)"
_AMONG = re.compile(r"\s+(?:were|was|are|is)\s+(?:all\s+)?among\s+(?:the|those)\s+", re.IGNORECASE)


def _part_of_next(text: str, found: list[_Candidate]) -> None:
    """"Twenty women and 12 children were among the 40 killed": people said to be among a later count of
    the harmed were harmed so too (rule 7 then gives the women the children's metric); the whole, naming no one,
    counts people."""
    for c, after in zip(found, found[1:]):
        if (c.metric is None and not c.cancelled and c.cls == "person" and after.metric in CASUALTY_METRICS
                and _AMONG.fullmatch(text, c.phrase.end, after.start)):
            c.metric = after.metric
            if after.population is None:
                after.population = "people"  # the whole they are among is not of their kind alone


def _resolve_metrics(text: str, found: list[_Candidate], sentences: Sentences) -> None:
    """Each count's metric by the first rule that gives one (module docstring), then rules 7 and 8."""
    for i, c in enumerate(found):
        c.sentence_start = sentences.start_of(c.start)
        _read_left_cue(text, c, max(c.sentence_start, found[i - 1].end if i else 0))
    for i, c in enumerate(found):
        lo, hi = _bounds(found, i, sentences)
        for rule in _RULES:
            c.metric = rule(text, c, lo, hi)
            if c.metric is not None or c.cancelled:
                break
    _part_of_next(text, found)
    _share_metrics(text, found)
    for i, c in enumerate(found):
        if c.metric is None and not c.cancelled and c.cls == "bare":
            _bare_total(text, c, found[:i], sentences)
            _part_of_before(text, c, found[:i], sentences)
    for c in found:
        noun = c.phrase.noun
        if (c.metric is None and not c.cancelled and c.cls == "person" and noun and noun.default_metric
                and not _is_partitive(text, c.quantity)):  # "48 of those troops" are no deployment
            c.metric = noun.default_metric  # rule 8: "900 troops"


def _asserted(text: str, c: _Candidate, sentences: Sentences) -> bool:
    """False for a count nobody asserts: "reports of 12 dead", "the possibility of 20 deaths", a count after
    "if" in its sentence, a count in a question."""
    g, start = cue_grammar(), sentences.start_of(c.start)
    if g.unasserted.search(text, max(start, c.start - 40), c.start):
        return False
    if g.conditional.search(text, start, c.start):
        return False
    end = sentences.end_of(c.start)
    return not text[start:end].rstrip(" \t\n\"”’')").endswith("?")


# what may stand between a lower bound's count and an exact count it also governs: the first count's own
# harm word or noun, no verb of its own ("at least 200 wounded and 50 dead"; not "200 were wounded and 50 ...")
_SHARED_BOUND = re.compile(r"(?:\s+(?!(?:were|was|are|is|have|has|had|been)\b)[\w-]+){0,2}\s+and\s+", re.IGNORECASE)


def _share_lower_bounds(text: str, found: list[_Candidate]) -> None:
    """"at least 200 wounded and 50 dead": the lower bound governs both coordinated counts, so the second is
    at least 50 (50/None) too. Only a bound that keeps its number ("at least", "or more"; not "more than
    20" = 21) is shared, only between counts that name no noun (in "at least 60 villagers and 13 soldiers"
    the soldiers may be counted exactly), joined by "and", and never across a verb of its own."""
    for first, second in zip(found, found[1:]):
        q, r = first.quantity, second.quantity
        if q.kind != "number" or q.high is not None or q.qualifier is None or number_value(q.word) != q.low:
            continue
        if r.kind != "number" or r.qualifier is not None or r.low != r.high or second.parts or first.parts:
            continue
        if first.phrase.noun is not None or second.phrase.noun is not None:
            continue  # "at least 60 villagers and 13 soldiers": each noun's count may be known apart
        if first.metric and second.metric and not second.cancelled and \
                _SHARED_BOUND.fullmatch(text, first.phrase.end, second.start):
            second.high = None


# ---------------------------------------------------------------- populations and figures


def _inherit_populations(text: str, found: list[_Candidate], sentences: Sentences) -> None:
    """A count of people with no noun ("two were injured") is of the people counted before it in the
    sentence ("one member of a militia was killed and two were injured" -> fighters); else "people"."""
    for i, c in enumerate(found):
        if c.population is not None or c.cls not in ("bare", "casualty", "person"):
            continue
        if c.metric not in CASUALTY_METRICS and c.metric != "casualties" and not (c.metric == "other" and c.damage):
            continue  # people counted without harm ("130 have been rescued") are people too
        before = next((p for p in reversed(found[:i]) if p.cls == "person" and p.metric and p.population
                       and sentences.same(p.start, c.start)), None)
        if before is not None:
            c.population = before.population
        elif c.low == 0 == c.high:  # "there were no injuries" after "troops came under fire": soldiers
            c.population = context_population(text, c.start, c.end, sentences) or "people"
        else:
            c.population = "people"


def _to_figures(text: str, c: _Candidate, end: int) -> list[Figure]:
    """The figures one resolved count makes: zero casualties is zero killed and zero wounded. A range that
    ends inside the noun phrase keeps the count's own words as the span ("at least five| militia fighters")."""
    note = c.damage if c.damage and c.population else None  # "people" "sheltering", "missiles" that "hit"
    span = Span.of(text, c.start, c.end if c.end <= end else c.quantity.end)
    metrics = [c.metric]
    data = lexicon.load("populations.json")
    if c.metric == "casualties" or "casualties" in c.also:
        metrics = data["casualties_zero_metrics"] if c.low == 0 == c.high else [data["casualties_metric"]]
    metrics += [m for m in c.also if m != "casualties" and m not in metrics]
    return [Figure(metric, c.population, c.low, c.high, span, c.qualifier, c.quantity.vague, parts=c.parts,
                   population_note=note) for metric in metrics]


def _zero_statement(text: str, m: re.Match, found: list[_Candidate], sentences: Sentences) -> Figure | None:
    """"The crew escaped injury", "all 20 passengers were unharmed": zero, of whoever the sentence named."""
    metric = cue_grammar().zero_meaning.get(_norm(m.group("zero")))
    before = next((c for c in reversed(found) if c.cancelled and c.start < m.start()
                   and sentences.same(c.start, m.start())), None)
    if not metric:
        return None
    population = before.population if before and before.population else None
    population = population or context_population(text, m.start(), m.end(), sentences) or "people"
    return Figure(metric, population, 0, 0, Span.of(text, m.start(), m.end()))


def _bare_plural(text: str, m: re.Match, found: list[_Candidate]) -> Figure | None:
    """"civilian fatalities" asserts at least one (1/None), unless it is denied or feared ("to avoid
    civilian casualties") or already counted ("five civilian deaths")."""
    data, nouns = lexicon.load("populations.json"), noun_lexicon()
    if any(c.start <= m.start() < c.phrase.end for c in found):
        return None
    if set(data["bare_plural_blockers"]) & set(_norm(text[max(0, m.start() - 40):m.start()]).split()[-4:]):
        return None
    noun = nouns.nouns.get(_norm(m.group("noun")))
    metric = noun.default_metric if noun else None
    if metric == "casualties":
        metric = data["casualties_metric"]
    population = nouns.modifiers.get(_norm(m.group("mod")))
    return Figure(metric, population, 1, None, Span.of(text, m.start(), m.end())) if metric else None


@lru_cache(maxsize=1)
def _denial() -> re.Pattern:
    """"denied carrying out air strikes", "denied that its jets launched any strikes": a denial, up to four
    words of its subject, the act, then the strikes (figure_metrics.json ``denials``)."""
    words = lexicon.load("figure_metrics.json")["denials"]
    alt = lambda key: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words[key], key=len, reverse=True))  # noqa: E731
    return re.compile(rf"\b(?:{alt('verbs')})\s+(?:that\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:(?:had|has|have)\s+)?"
                      rf"(?P<act>(?:{alt('acts')})\s+(?:{alt('nouns')}))\b", re.IGNORECASE)


def _denied_strikes(text: str, spans: list[tuple[int, int]]) -> list[Figure]:
    """A denial of strikes is a count of none: strikes 0/0, its text the act denied."""
    return [Figure("strikes", "strikes", 0, 0, Span.of(text, m.start("act"), m.end("act")))
            for start, end in spans for m in _denial().finditer(text, start, end)]


def _figures_without_numbers(text: str, spans: list[tuple[int, int]], found: list[_Candidate],
                             sentences: Sentences) -> list[Figure]:
    """Zero statements and bare plurals in the given spans (lowercased when offsets allow)."""
    g, folded = cue_grammar(), lowered(text)
    pattern, scanned = (g.extras, folded) if folded is not None else (g.extras_any_case, text)
    figures = []
    for m in (m for start, end in spans for m in pattern.finditer(scanned, start, end)):
        figure = _zero_statement(text, m, found, sentences) if m.group("zero") else _bare_plural(text, m, found)
        if figure is not None:
            figures.append(figure)
    return figures


# ---------------------------------------------------------------- the API


def find_figures(text: str, start: int = 0, end: int | None = None, ends: list[int] | None = None,
                 starts: list[int] | None = None) -> list[Figure]:
    """Every figure asserted in ``text[start:end]``, ordered by span start; spans are absolute offsets.

    The words that decide a figure's metric and population may lie outside the range (the rest of its
    sentence); each figure's own span lies inside it.

    >>> [(f.metric, f.population, f.low, f.high) for f in find_figures("SANA said one child had been killed "
    ...  "and that at least three other people were wounded.")]
    [('killed', 'children', 1, 1), ('wounded', 'people', 3, None)]
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if start >= end:
        return []
    sentences = Sentences(text, start, end, ends, starts)
    spans = sentences.evidence_spans()
    found = _candidates(text, spans)
    _inherit_nouns(found, sentences)
    _resolve_metrics(text, found, sentences)
    _inherit_populations(text, found, sentences)
    _share_lower_bounds(text, found)
    figures = [f for c in found if c.metric and not c.cancelled and start <= c.start
               and (c.end <= end or not c.parts and c.quantity.end <= end) and _asserted(text, c, sentences)
               for f in _to_figures(text, c, end)]
    inside = [(max(start, s), min(end, e)) for s, e in spans if s < end and e > start]
    figures += _figures_without_numbers(text, inside, found, sentences) + _denied_strikes(text, inside)
    return sorted(figures, key=lambda f: (f.span.start, METRICS.index(f.metric)))


def plausible_range(figure: Figure) -> tuple[int | None, int | None]:
    """A credible range for comparing this figure with another account; never stored.

    "several" -> (2, 9), "dozens" -> (24, 99), "hundreds" -> (200, 999), "about 50" -> (45, 55),
    "nearly 500" -> (450, 499); a precise or open-ended figure keeps its own bounds; no figure, (None, None).
    The ranges are data (``numbers.json``: ``vague``, ``hedge_band``, ``near_band``).
    """
    return plausible_bounds(figure.low, figure.high, figure.qualifier, figure.vague, figure.no_figure)
