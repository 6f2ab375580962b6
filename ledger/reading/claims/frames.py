"""Frames: for one cue in one sentence, where its speaker is and on which side its content lies.

The constructions of attribution in news English, each decided from the words around the cue:

    A  speaker cue content      "The ministry said on Friday that five people died."
    B  content, speaker cue     "Five people died, the ministry said."  /  "..., said Mr. Li."
    P  participle               "..., adding that the strikes were lawful."  (speaker of the main clause)
    C  coordinated verb         "The group denied the report and warned of revenge."
    E  embedded relative        "what the Pentagon said was a depot"  /  "which a monitor says killed 22"
    T  according to             "According to the observatory, ..."  /  "..., according to officials."

A progressive ("Trump is insisting that") takes the subject before its auxiliary; a participle may follow
a preposition ("by saying") or an introductory phrase ("In August, two unions sued, saying ..."); "citing"
a reason rather than a source ("citing a threat to public health") is a participle whose content is the
reason. A frame only locates things (offsets); ``attribution`` turns frames into claims. The skipping of adverbials
after the cue ("said in a statement on Friday that", "told Reuters that") is data-driven from
``ledger/vocab/grammar.json``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.claims.cues import Cue, cue_words, refusal
from ledger.reading.claims.nouns import owner
from ledger.text.phrases import phrase_trie
from ledger.reading.claims.speakers import is_nominal, phrase_after, phrase_before, tokens, words

_PARTICIPLE_BEFORE = re.compile(r"[,\u2014\u2013][\"'\u201d\u2019]?\s*$|[\"\u201d\u2019],?\s*$|\w\s+$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:and|but|or|of|for|without|from|about)\s+$")
_MEMBER_OF = re.compile(r"\s+(?:from|of|at|for)\s+(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*\s*$")
_SPEECH_IN_COMPLEMENT = re.compile(r"\b(?:said|says|say|told|tells|added|stated)\b")
# a sentence adverb set off by commas between a subject and its verb: "Mr. Lind, however, said"
_COMMA_ADVERB_BEFORE = re.compile(r",\s*(?:however|meanwhile|though|too|also|nonetheless|nevertheless|instead|in turn|"
                                  r"in response|for (?:his|her|its|their|our) part|by contrast|in contrast|"
                                  r"on the other hand|for example|for instance|in fact)\s*,\s*$", re.IGNORECASE)
_PARTITIVE = re.compile(r"\b((?:[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll|[Nn]one|[Bb]oth|[Ee]ach|[Ss]everal|[Hh]alf|[Oo]ne|[Tt]wo|"
                        r"[Tt]hree|[Ff]ew|[Nn]either|[Ee]ither)\s+of\s+(?:them|us))\s*$")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|am)\s+$", re.IGNORECASE)
# adverbs between a subject and its auxiliary: "Ryan also is stressing", "the senator now is calling for"
_ADVERBS_BEFORE_AUX = re.compile(r"(?:\s+(?:also|still|now|already|even|again|currently|increasingly|[a-z]{3,}ly)){1,2}\s*$")
# "continued to insist", "began to say": an aspectual verb before the cue, whose subject is the speaker's
# what may stand between a subject and the infinitive of its cue: an aspect ("continued to insist"), a raising
# or trying verb ("seemed to suggest", "tried to argue", "would like to see", "voted to endorse"), or "be" and
# an adjective or participle of likelihood or readiness ("is expected to endorse", "are quick to blame")
_ASPECT_BEFORE = re.compile(
    r"\b(?:continu(?:e|es|ed|ing)|beg[ai]n|begins|start(?:s|ed)?|ke(?:ep|eps|pt)|went\s+on|go(?:es)?\s+on|"
    r"seem(?:s|ed)?|appear(?:s|ed)?|tend(?:s|ed)?|tr(?:y|ies|ied|ying)|(?:would|\'d)\s+like|vot(?:e|es|ed|ing)|"
    r"(?:is|are|was|were|be|been|being|\'s|\'re|\u2019s|\u2019re)\s+(?:not\s+|also\s+|more\s+|less\s+|most\s+|"
    r"widely\s+|still\s+)?(?:expected|likely|unlikely|quick|eager|ready|willing|reluctant|inclined|prepared|"
    r"poised|set|able|unable|hesitant|keen))\s+to\s+$")
_INTRO = re.compile(r"[^,;:\"\u201c]{2,80}?,\s+")
_LOCATIVE_NAME_END = re.compile(r"\b(?:in|at|near|outside|from)\s+(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*,\s+$")
_WIDER_PLACE = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){0,2}[A-Z][\w.'\u2019-]*,\s+")  # "New Hampshire, "
_APPOSITIVE_START = re.compile(r"(?:a|an|the|who|whose|which)\s", re.IGNORECASE)
_DAY_AFTER_PLACE = re.compile(r"(?:on|last|this|early|late)\s+(?:[A-Z][a-z]+|\w+day)(?:\s+(?:morning|afternoon|evening|night|\d{1,2}))?,\s+")
# a wire dateline: "VARNLEY, Aug. 24 (UPI) -- ", "OSTBY (Reuters) - ", "KESSEL, Valdoria — "
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,2}(?:,\s+[A-Z][\w.]*(?:\s+\d{1,2})?)?"
                       r"(?:\s*\([^()]{1,40}\))?\s*(?:--|[\u2014\u2013-])\s+")
# "Speaking at a rally, ...", "Asked about the plan, ...": a capitalised participle before a preposition or
# determiner opens an introductory clause, not a name
_OPENING_PARTICIPLE = re.compile(r"\s*[A-Z][a-z]+(?:ing|ed)\s+(?:at|in|on|to|about|from|with|after|before|during|"
                                 r"for|by|over|outside|the|a|an|his|her|their|its|reporters|journalists)\b")
_COORDINATED_BEFORE = re.compile(r"(?:\b(?:and|but)|,\s*(?:then|and|but))\s+$")
_COORDINATOR_TAIL = re.compile(r"\s*,?\s*(?:and|but)?\s*(?:then\s*)?$")
_COORDINATOR_CHARS = ",andbuthe"  # what _COORDINATOR_TAIL can match besides blank space
_THAT_OR_COLON_END = re.compile(r"\bthat\s*$|:\s*$")
_COMMA_QUOTE = re.compile(r",\s*[\"\u201c\u2018]")
_INVERSION_BEFORE = re.compile(r"[,\u201d\"'\u2019\u2014]\s*$")
# after an inverted speaker: punctuation, a time or place, or a participle ("said one of the officials briefing ...")
_INVERSION_AFTER = re.compile(r"\s*(?:[,.;:!?\u2014()]|--|$|(?:on|in|at|late|early|last|this|during|[a-z]+ing)\b)")
# "..., said Karl Menko, a spokesman for the charity, in a statement.": a description after an inverted speaker
_TRAILING_APPOSITIVE = re.compile(r",\s+((?:a|an|the)\s[^,;.!?\"\u201c\u201d]{3,80}?)"
                                  r"(?=\s*(?:[,;.!?]|$)|\s+(?:in|on)\s+(?:a|an)\s)")
_COMMA_END = re.compile(r"(?:,|--|\u2014|\s\u2013)\s*$")  # searched in a short window before the cue
_CITED_BY = re.compile(r"(?:citing|quoting|speaking\s+to|speaking\s+with|talking\s+to)\s+")
_LOWER_WORD = re.compile(r"[a-z]+")
_APPOSITIVE_OPENERS = ("a", "an", "another", "the", "which", "who", "whose", "one", "speaking", "citing", "quoting",
                       "like", "including", "himself", "herself", "itself", "both", "each", "whom", "along",
                       "along with", "themselves", "then", "now", "formerly", "once", "known", "based",
                       "founded", "led", "backed", "funded", "run", "also", "in", "at", "from", "with", "for",
                       "its", "his", "her", "their", "our")  # "Scott Dane, its chief executive, said"


_DISTANT_THAT = re.compile(r"\s+(?:in|on|at|during|after|before|over|to|from|with|via|through|earlier|late|last|"
                           r"this|early)\s+(?:(?!(?:is|are|was|were|has|have|had|will|would)\b)(?:[^,;:.\"\u201c]|"
                           r",\s+(?=[A-Z])|(?<=[A-Z])\.)){0,60}?,?\s*\bthat\b")


# verbs whose content is the object of a preposition that belongs with the verb: "boasted of record crowds",
# "joked about his age", "warned against haste" (the reported content starts after the preposition)
_PREPOSITIONAL_CUES = {"boast": re.compile(r"\s*(?:about|of)\s+"), "brag": re.compile(r"\s*(?:about|of)\s+"),
                       "joke": re.compile(r"\s*about\s+"), "warn": re.compile(r"\s*(?:of|against)\s+")}
# after "expressed concern", "voiced support": the stance noun belongs with the verb, the content is what
# follows it ("expressed concern that the dam would fail", "expressed support for a ceasefire")
_AFTER_STANCE_NOUN = re.compile(r"\s+(?:(?=that\b)|(?:about|for|over|at|with|in|of)\s+)")
_TWO_WORDS = re.compile(r"[\w'\u2019-]+\s+[\w'\u2019-]+")
_DASH_ASIDE = re.compile(r"\s*(?:--|[-\u2014\u2013])\s*[^-\u2014\u2013.;:\"\u201c]{2,60}?\s*(?:--|[-\u2014\u2013])(?=\s*that\b)")
_COMPLEMENTED = re.compile(r"\s*(?:(?:But|And|Yet|So)\s+)?((?:(?:[Tt]he|[Aa]ll|[Mm]any|[Ss]ome|[Mm]ost|[Ss]everal|"
                          r"[Oo]ther|[Aa]n?|[Oo]ne|[Aa]nother)\s+)?(?:[A-Za-z-]+\s+){0,2}?([A-Za-z]+)\s+(?:(?:on|in|of|from|at|for|with|across|"
                          r"around|inside|within|outside|to|close\s+to|near|like|among|familiar\s+with)\s+"
                          r"[^,;:.!?\"\u201c\u201d()]{1,70}?|(?:who|whose)\s+[^,;:.!?\"\u201c\u201d()]{3,80}?|"
                          r"[a-z]{3,}ing\s+[^,;:.!?\"\u201c\u201d()]{1,60}?))\s+")
_HEARSAY = re.compile(r"(?:widely|generally|commonly|reportedly)\s+$")
_SMALL_CLAUSE = re.compile(r"\s+(?:dead|alive|missing|killed|injured|wounded|hurt|safe|unharmed|deceased)\b")
_REDUCED_PASSIVE = re.compile(r"\s+to\s+(?:have\s+been|be)\b")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|across|around)\s+(?:the\s+)?$")
_INFINITIVE = re.compile(r"\bto\s+[a-z]+\b")
_IMPERSONAL_AUX = re.compile(r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?")
_COLON_NEXT = re.compile(r"\s*:")  # the next character that is not blank space is a colon ("X said: ...")
_ADVERBIAL_HEAD = re.compile(r"\s*,?\s*([^\W\d_]*)")  # the first word after a cue (letters only), as adverbials open
_ADDRESSEE_MODIFIER = re.compile(r"\s*(?:[a-z]+ing|who|whom|which|aboard|accompanying)\b")
# "quoted officials as saying", "cited the army as saying": the one quoted is the speaker, the reporter the via
_RELAYING = frozenset({"quote", "cite", "report"})
_RELAYED = re.compile(r"((?:[\w'\u2019.-]+\s+){0,6}?[\w'\u2019.)-]+)\s+as\s+(?:saying|stating|telling\s+\w+)\b")
_LATER_THAT = re.compile(r"\s(that)\s")
_TIME_CLAUSE = re.compile(r"(?:after|before|since|until|while)\s")
_SUBORDINATOR = re.compile(r"(?:when|while|after|before|because|as|if|since|until|unless|though|although)\b")
# "told POLITICO, however, that ...", "told a crowd in Salem on Monday that ...", "asked the senator whether ...",
# "told his supporters, \"...": after an addressee of any shape the content starts at its complementizer or
# quotation (the addressee is kept out of the content); a relative "that" ("told the panel that investigated
# the flood that ...") is part of the addressee, and another clause in between ends the search.
_FAR_COMPLEMENT = re.compile(r"(?:\s+(?:(?:that|who|which)\s+(?:[a-z]+ed|is|are|was|were|has|have|had)\b|"
                             r"(?!(?:that|whether|if|who|which|where|when|what|because|and|but|to)\b)"
                             r"(?:[\w.'\u2019&-]+|[\w'\u2019&-]+,))){1,12}?,?\s+"
                             r"(?:(?P<that>that|whether|if)\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|"
                             r"[a-z]+ed)\b)|(?P<quote>[\"\u201c]|''|``)(?=\w))")
_AS_OPENER = re.compile(r"\s*(?:[Aa]s|[Ll]ike)\s+")  # "As the mayor noted, ...": a sentence opened by an "as" clause
_AS_CLOSE = re.compile(r"(?:\s+it)?(?:\s+(?:in|at)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})?\s*,")
_QUOTE_BEFORE = re.compile(r"(?:[,.!?\u2026\u2014-]\s*(?:[\"\u201d]|''|\u2019)|(?:[\"\u201d]|'')\s*[,\u2014])\s*$")


@dataclass(slots=True)
class Frame:
    """Where a cue's speaker and content are.

    ``mode`` is one of A, B, P, C, E, T (see the module doc) or ``passive``/``impersonal``/``hedge`` for the
    outlet's own hedged assertions. ``region`` is the span of the attribution words themselves (speaker,
    cue, adverbials, "that"), which no content may include; ``right`` is where a content after the cue
    starts (None when nothing follows); ``speaker`` is the mention span (None when carried from the main
    clause); ``colon`` marks "X said:" cues; ``via`` is the span of a "citing"/"speaking to" intermediary.
    """

    cue: Cue
    mode: str
    region: tuple[int, int]
    speaker: tuple[int, int] | None = None
    right: int | None = None
    colon: bool = False
    antecedent: tuple[int, int] | None = None
    via: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    appositive: tuple[int, int] | None = None


# The word lists written into the adverbial pattern, kept here so that the words an adverbial can open with
# (``_Grammar.adverbial_openers``) are those of the pattern itself.
_TIME_LEADS = ("on", "late", "early", "last", "this", "earlier", "later", "next", "in", "at", "by")
_VENUE_LEADS = ("in", "at", "during", "on", "via", "through", "over", "after", "before", "from", "with")
_OTHER_LEADS = ("to", "of", "on", "in")  # "to Reuters", "of him", "on condition of", "in response to"
_ADVERBS = ("repeatedly", "again", "also", "publicly", "privately", "separately", "recently", "previously",
            "earlier", "later", "then", "too", r"as\s+well", "simply", "flatly", "bluntly", r"once\s+again", "again")


@dataclass(frozen=True, slots=True)
class _Grammar:
    """The compiled patterns of ``grammar.json``. ``adverbial_openers`` are the lowercase words an adverbial
    can start with (None when the lexicon's temporal words are not plain words): a failing adverbial match
    costs microseconds and nine cues out of ten have no adverbial, so the next word is looked up first."""

    adverbial: re.Pattern
    that: re.Pattern
    auxiliaries: frozenset
    adverbial_openers: frozenset | None


@lru_cache(maxsize=1)
def _patterns() -> _Grammar:
    gr = lexicon.load("grammar.json")
    # Each word list as a trie: a flat alternation tries every word in turn (and, under IGNORECASE, each one
    # costs the engine a jump), a trie one branch per letter. Both try a longer word before a word it
    # starts with, so they match alike.
    temporal, venues, addressees = (phrase_trie(gr["temporal"], fold=False), phrase_trie(gr["venues"], fold=False),
                                    phrase_trie(words().addressees, fold=False))
    # "said in a report released Thursday": the participle dates the venue, it opens no content
    issued = (rf"(?:\s+(?:released|issued|published|posted|circulated)"
              rf"(?:\s+(?:(?:{'|'.join(_TIME_LEADS)})\s+)?(?i:{temporal}))?)?")
    name = r"(?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.'\u2019&-]*){0,5}"
    adverbial = (
        rf"\s*,?\s*(?:(?:(?:{'|'.join(_TIME_LEADS)})\s+)?(?i:{temporal})"
        rf"(?:\s+(?:morning|afternoon|evening|night|week|month|year))?(?=\W)(?!['\u2019]s\b)"
        rf"|(?:{'|'.join(_VENUE_LEADS)})\s+(?:(?:a|an|the|his|her|its|their|one|"
        rf"two|several|this|that|its)\s+)?(?:[\w'\u2019-]+\s+){{0,3}}?(?i:{venues})(?:\s+(?:with|to|on|at|in|by|"
        rf"from|for)\s+(?:{addressees}|{name}))?{issued}(?=\W)"
        rf"|to\s+(?:{addressees}|{name})(?=\W)"
        rf"|of\s+(?:him|her|them|it|{name})(?=\s*,)"
        rf"|of\s+(?:him|her|them|it|{name}|(?:the|his|her|their|its|this|that)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){{0,3}}?)"
        rf"(?=\s*(?:[.;!?]|$|,\s*[\"\u201c]|,?\s*that\b))|on\s+condition\s+of\s+anonymity|in\s+(?:a\s+)?(?:reference|response)\s+to\s+[^,]{{1,40}}?(?=,|\s+that)"
        rf"|(?:{'|'.join(_ADVERBS)})(?=\W))")
    openers = None
    if all(w.isalpha() for w in gr["temporal"]):
        openers = frozenset(_TIME_LEADS + _VENUE_LEADS + _OTHER_LEADS) | {w.lower() for w in gr["temporal"]} \
            | {a.split("\\")[0] for a in _ADVERBS}
    return _Grammar(re.compile(adverbial),
                    re.compile(r"\s*,?\s*that\b(?!\s+(?:way|much|many|far|long|time|day|night|point|moment|kind|"
                               r"sort|year|week|issue|idea|plan|statement|claim|view|position|one)\b)"),
                    frozenset(gr["auxiliaries"]), openers)


def keeps_that() -> bool:
    """Whether a content starts with its complementizer ("said [that] five died"): grammar.json's
    ``content_keeps_that``. The ledger's convention is to keep it (True), as PolNeAR's annotators do."""
    return bool(lexicon.load("grammar.json").get("content_keeps_that", False))


def skip_adverbials(text: str, pos: int, end: int) -> int:
    """The offset after adverbials that sit between a cue and its content.

    ``skip_adverbials("said in a statement on Friday that ...", 4, ...)`` -> the offset before " that".
    """
    grammar = _patterns()
    adverbial, openers = grammar.adverbial, grammar.adverbial_openers
    while pos < end:
        if openers is not None:
            word = _ADVERBIAL_HEAD.match(text, pos, end).group(1)
            if word.isascii() and word.lower() not in openers:
                break  # every adverbial opens with one of these words; non-ASCII letters may fold into them
        m = adverbial.match(text, pos, end)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return pos


def analyse(text: str, cue: Cue, lo: int, hi: int, previous: list[Frame]) -> Frame | None:
    """The frame of ``cue`` inside the sentence ``text[lo:hi]``, or None when it attributes nothing.

    ``previous`` are the frames already found in this sentence (a participle takes its speaker from them).
    """
    if cue.negated:  # "did not say": no claim, unless a refusal ("did not say how many died"; see cues.refusal)
        cue = refusal(text, cue)
        if cue is None:
            return None
    if cue.kind == "according_to":
        return _according_to(text, cue, hi)
    if cue.kind == "noun":  # "the ministry's claim that ...": the owner speaks (see ``nouns``)
        right = _skip_space(text, cue.end)
        return Frame(cue, "A", (cue.start, right), owner(text, cue), right)
    if cue.kind == "poll":  # "in the latest Herald poll": the poll's phrase is the speaker (see ``polls``)
        right = _skip_space(text, cue.end)
        if right < hi and text[right] == ",":
            right = _skip_space(text, right + 1)
        return Frame(cue, "T", (cue.start, cue.end), (cue.verb, cue.end),
                     right if right < hi and text[right] not in ".;!?" else None)
    if cue.kind in ("passive", "impersonal", "hedge"):
        return Frame(cue, cue.kind, (cue.start, cue.end), right=cue.end)
    if cue.kind == "citing":
        via = phrase_after(text, _skip_space(text, cue.end), hi)
        if via is None:  # "..., citing a threat to public health": what is cited is the main speaker's reason
            right = _skip_space(text, cue.end)
            if right >= hi or any(t[2].lower() in words().nominal for t in tokens(text, right, hi)[:4]):
                return None  # "citing its reporter in the town": a source the phrase reader could not delimit
            return Frame(cue, "P", (_back_to_comma(text, lo, cue.start), right), right=right)
        return Frame(cue, "citing", (cue.start, via[1]), via=via)
    return _verb_frame(text, cue, lo, hi, previous)


def _verb_frame(text: str, cue: Cue, lo: int, hi: int, previous: list[Frame]) -> Frame | None:
    known: list[int | None] = []

    def right() -> int | None:
        """Where the content starts, worked out once and only when needed (cues that frame nothing and
        inverted cues never need it)."""
        if not known:
            known.append(_content_start(text, cue, hi))
        return known[0]

    if text[cue.start - 1:cue.start].isspace() and cue.start - lo > 12:
        timed = _coordinated_time().search(text, max(lo, cue.start - 48), cue.start)
        if timed is not None and right() is not None:  # "raised it to 34, and then on Tuesday upped it to 50"
            return _coordinated_frame(text, cue, lo, timed.start("time"), right(), previous)
    before = text[max(lo, cue.start - 12):cue.start]
    if cue.participle and cue.kind == "verb" and _PARTICIPLE_BEFORE.search(before) \
            and cue.start > lo + 2 and not _PROGRESSIVE_BEFORE.search(before):
        if _PREPOSITION_BEFORE.search(before):
            return None
        if cue.entry is not None and cue.entry.complement == "to" and right() is not None and \
                not _complement_ok(text, "to", cue, right(), hi):
            return None  # "civilians seeking protection": a verb of intent frames only an infinitive
        colon = right() is None and _COLON_NEXT.match(text, cue.end, hi) is not None  # "..., stating:"
        return Frame(cue, "P", (_back_to_comma(text, lo, cue.start), right() or cue.end), right=right(), colon=colon)
    # someone or something tells; an ``animate`` cue's subject must be a speaker noun ("the fire underscored")
    if cue.verb > cue.start and _HEARSAY.match(text, cue.start, cue.verb) and _REDUCED_PASSIVE.match(text, cue.end, hi):
        return Frame(cue, "passive", (cue.start, cue.end), right=cue.end)  # "a girl widely reported to have been"
    if cue.form.endswith("ed") and _SMALL_CLAUSE.match(text, cue.end, hi):
        return None  # "15 people confirmed dead", "reported missing": a passive small clause, no speaker
    speech = cue.entry is not None and cue.entry.cls in ("speech", "finding", "refusal") and not cue.entry.animate
    aspect = _ASPECT_BEFORE.search(text, max(lo, cue.start - 32), cue.start) if text[cue.start - 3:cue.start - 1] \
        == "to" else None
    if aspect is None and _word_before(text, max(lo, cue.start - 12), cue.start).lower() in _time_words():
        aspect = _time_before().search(text, max(lo, cue.start - 40), cue.start)  # "The ministry on Sunday said"
    subject_end = aspect.start() if aspect else cue.start
    if aspect is None and text[cue.start - 2:cue.start - 1] == ",":  # "Mr. Lind, however, said": an aside
        aside = _COMMA_ADVERB_BEFORE.search(text, max(lo, cue.start - 40), cue.start)
        if aside is not None:
            subject_end = aside.start()
    speaker = phrase_before(text, lo, subject_end, relaxed=speech)
    if speaker is None:  # "Most of them said": a part of a group named before (``describe`` reads it as "they")
        partitive = _PARTITIVE.search(text, max(lo, subject_end - 20), subject_end)
        if partitive is not None:
            return _left_frame(text, cue, lo, hi, partitive.span(1), right(), headed=True)
    share = None
    if speaker is None or text[speaker[0]].isdigit() or _ends_like_share(text, speaker):
        share = _share_subject(text, lo, aspect.start() if aspect else cue.start)
        speaker = share or speaker
    if speaker is not None and _LOCATIVE_BEFORE.search(text, max(lo, speaker[0] - 8), speaker[0]):
        # "Witnesses of the strike in Sanaa reported": the place ends a longer subject, and is no speaker
        speaker = _complemented_subject(text, lo, aspect.start() if aspect else cue.start) or speaker
    # a share stands for people, plural whatever its last word ("Two in three say", "About half say")
    headed = share is not None and share == speaker
    if speaker is not None and not headed and cue.start - lo < 110 and aspect is None and (
            speaker[0] > lo and text[speaker[0]].islower() or cue.entry is not None and cue.form == cue.entry.lemma) \
            and text[speaker[0]:speaker[1]].lower() not in _SUBJECT_PRONOUNS:
        # "Sources close to her campaign say", "Friends of the mayor who have seen him say": the phrase reader
        # found a word of the complement ("her campaign", "him"); the subject is the plural speaker noun opening
        # the sentence, with its complement (a name found there is kept: "Officials of Velsk said" are Velsk's);
        # a subject pronoun is the subject ("Militia groups ... named four members they said were killed")
        subject = _complemented_subject(text, lo, cue.start)
        if subject is not None and subject[0] <= speaker[0]:
            speaker, headed = subject, True
    if speaker is not None and speaker[1] <= cue.start:
        return _left_frame(text, cue, lo, hi, speaker, right(), infinitive=aspect is not None, headed=headed)
    progressive = _PROGRESSIVE_BEFORE.search(text, max(lo, cue.start - 8), cue.start)
    if progressive is not None and not cue.participle:
        return None  # "15 villagers were confirmed dead": a passive without its agent names no speaker
    if progressive is not None:  # "Trump is saying that ...": the subject stands before the auxiliary
        return _progressive_frame(text, cue, lo, hi, progressive.start(), speech, right())
    if speaker is None:
        subject = _complemented_subject(text, lo, cue.start)
        frame = _left_frame(text, cue, lo, hi, subject, right(), headed=True) if subject is not None else None
        if frame is not None:
            return frame
    appositive = _appositive_subject(text, cue, lo, speech)
    if appositive is not None and text[appositive[0][0]].isdigit():
        appositive = None  # "With 59 dead and 142 survivors in the tragedy, the number ..., said": a count
    if appositive is not None:
        subject, via, chunk = appositive
        if _names_role_holder(text, subject, chunk):
            subject, chunk = chunk, subject  # "Its director, Mira Castell, said": the speaker is the name
        frame = _left_frame(text, cue, lo, hi, subject, right(), via=via)
        if frame is not None:
            frame.appositive = chunk
            return frame
    bracketed = _BRACKET_COMMA_BEFORE.search(text, max(lo, cue.start - 8), cue.start)
    if bracketed is not None:  # "The group Valdorian Popular Forces (VPF), admitted that": a stray comma
        subject = phrase_before(text, lo, bracketed.start() + 1, relaxed=speech)
        frame = _left_frame(text, cue, lo, hi, subject, right()) if subject is not None else None
        if frame is not None:
            return frame
    inverted = _inverted(text, cue, lo, hi)
    if inverted is not None:
        return inverted
    # the coordinator stands before the verb ("paused, then added") or before its auxiliaries ("... concerns
    # but has said ...")
    at = cue.verb if _COORDINATED_BEFORE.search(text, max(lo, cue.verb - 16), cue.verb) else cue.start
    before = text[max(lo, at - 16):at]
    if _COORDINATED_BEFORE.search(before) and right() is not None:
        return _coordinated_frame(text, cue, lo, at, right(), previous)
    return None


def _coordinated_frame(text: str, cue: Cue, lo: int, at: int, right: int, previous: list[Frame]) -> Frame | None:
    """The frame of a cue coordinated with an earlier verb ("paused, then added", "and on Tuesday upped"), whose
    coordinator ends at ``at``: its subject is the sentence's (the earlier frame's, when there is one)."""
    start = _coordinator_start(text, lo, at)
    subject = None if previous else subject_of(text, lo, start)
    if cue.entry is not None and cue.form == cue.entry.lemma and not _bare_main(text, lo, start, previous, subject):
        return None  # "It says the campaign violated federal and state law": "state" coordinates with nothing
    return Frame(cue, "C", (start, right), speaker=subject, right=right)


def _progressive_frame(text: str, cue: Cue, lo: int, hi: int, aux: int, speech: bool,
                       right: int | None) -> Frame | None:
    """The frame of a progressive cue ("is calling for") whose auxiliary starts at ``aux``: the subject stands
    before the auxiliary, maybe with an adverb between ("Ryan also is stressing"). (Not past an appositive:
    "X, who posted it, was referring to strikes that killed four" is the writer's account of the strikes.)"""
    end = aux
    adverbs = _ADVERBS_BEFORE_AUX.search(text, max(lo, aux - 30), aux)
    if adverbs is not None:
        end = adverbs.start()
    speaker = phrase_before(text, lo, end, relaxed=speech)
    return _left_frame(text, cue, lo, hi, speaker, right) if speaker is not None else None


_SMALL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
# a share of people as a subject, as polls report it: "Six in 10 voters", "nearly half", "58 percent of
# Latino voters", "two-thirds of Republicans", "those surveyed"
_SHARE_SUBJECT = re.compile(
    rf"(?<![\w'\u2019-])(?:(?:about|nearly|almost|more\s+than|fewer\s+than|less\s+than|just|only|some|over|under|"
    rf"roughly|around|just\s+over|just\s+under)\s+)?(?:{_SMALL}\s+(?:in|out\s+of)\s+(?:\d+|ten|five|four|three)|"
    rf"(?:a\s+)?(?:half|third|quarter|fifth)|(?:two|three|four)-(?:thirds|quarters|fifths)|\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))"
    rf"(?:\s+of\s+(?:the\s+|all\s+|those\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){{0,3}}?)?"
    rf"(?:\s+(?:[a-z]+\s+)?voters|\s+(?:surveyed|polled|questioned|interviewed|asked))?\s*$"
    rf"|(?<![\w'\u2019-])[Tt]hose\s+(?:surveyed|polled|questioned|interviewed)\s*$", re.IGNORECASE)


_SHARE_HEADS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "percent", "majority"})


def _ends_like_share(text: str, speaker: tuple[int, int]) -> bool:
    """Whether the phrase read as a speaker ends like a share of people ("One in five", "nearly a third"): then
    the whole share is the subject, plural whatever its last word."""
    last = _last_word(text[speaker[0]:speaker[1]]).lower()
    return last in _SHARE_HEADS or last in _plain_determiners()


def _share_subject(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """A poll's share of people standing as the subject before ``end``: "Six in 10 said", "Nearly half of
    respondents said", "those surveyed said" (the phrase reader reads no count or fraction as a speaker)."""
    window = text[max(lo, end - 80):end]
    if not _may_hold_share(window):
        return None  # most cues: no count, fraction or "surveyed" before them
    m = _SHARE_SUBJECT.search(text, max(lo, end - 80), end)
    if m is None:
        return None
    start, stop = m.start(), m.end()
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


# "t(?<=\bt)en" is "\bten": every alternative opening with a letter lets the engine skip to the characters
# that can start one (a search that tried every alternative at every offset cost as much as the subject
# search it saves)
_SHARE_WORD = r"half|third|quarter|fifth|surveyed|polled|questioned|interviewed|t(?<=\bt)en\b|i(?<=\bi)n\s+(?:three|four|five)\b"
_SHARE_WORDS = re.compile(_SHARE_WORD, re.IGNORECASE)
_LOWER_SHARE_WORDS = re.compile(_SHARE_WORD)  # for lowercased ASCII text: the same matches, found faster
_ASCII_DIGIT = re.compile(r"[0-9]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _may_hold_share(window: str) -> bool:
    """Whether ``window`` holds a digit (``str.isdigit``) or a share word, without which no share is the
    subject. It is asked before most cues, so it is read in C where it can: ASCII's only digits are 0-9
    (other text has its non-ASCII characters asked one by one), and ignoring the case of ASCII text is the
    same as lowercasing it."""
    if _ASCII_DIGIT.search(window) is not None:
        return True
    if window.isascii():
        return _LOWER_SHARE_WORDS.search(window.lower()) is not None
    return any(c.isdigit() for c in _NON_ASCII.findall(window)) or _SHARE_WORDS.search(window) is not None


# verbs whose past tense is the bare form: "the ministry put the toll at 19" is a past, not a bare present
_PAST_AS_LEMMA = frozenset({"put", "forecast", "broadcast", "cast", "set", "cut", "read"})
_BRACKET_COMMA_BEFORE = re.compile(r"\)\s*,\s*$")  # "(VPF), admitted": a comma between a subject and its verb


def _word_before(text: str, lo: int, end: int) -> str:
    """The last blank-separated piece of ``text[lo:end]`` without trailing commas and blanks (string methods
    in C: it is asked before every cue)."""
    chunk = text[lo:end].rstrip(" ,")
    return chunk[chunk.rfind(" ") + 1:]


@lru_cache(maxsize=1)
def _time_words() -> frozenset:
    return frozenset(lexicon.load("grammar.json")["temporal"])


@lru_cache(maxsize=1)
def _coordinated_time() -> re.Pattern:
    """A time phrase between a coordinator and its verb: "and (then) on Tuesday| upped", "but later| said"."""
    temporal = phrase_trie(_time_words(), fold=False)
    return re.compile(rf"(?:\b(?:and|but)|,\s*(?:then|and|but))(?:\s+then)?\s+(?P<time>(?:(?:late|early|earlier|later)\s+)?"
                      rf"(?:(?:on|last|this|next|in\s+the)\s+)?(?i:{temporal})(?:\s+(?:morning|afternoon|evening|night))?"
                      rf"|later|earlier)\s+$")


@lru_cache(maxsize=1)
def _time_before() -> re.Pattern:
    """A time phrase between a subject and its cue: "on Sunday", "late on Friday", "earlier this week"."""
    temporal = phrase_trie(_time_words(), fold=False)
    phrase = (rf"(?:(?:late|early|earlier|later)\s+)?(?:(?:on|last|this|next|in\s+the)\s+)?"
              rf"(?i:{temporal})(?:\s+(?:morning|afternoon|evening|night))?")
    # both commas or none; never after a participle ("a poll released Friday showed": a reduced relative)
    return re.compile(rf"(?<=[\w)])(?<!ed)(?<!en)(?:\s+{phrase}\s+|,\s*{phrase}\s*,\s+)$")  # ")": "(ORM) on Friday"


def _complemented_subject(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """A subject whose head noun opens the clause and takes a long complement the phrase reader does not
    walk: "Experts on Norland and nuclear arms said", "Political observers in Velsk and around the country
    say", "Aides to the mayor say", "People who have fought floods say", "Residents fleeing the town said";
    the head must be a plural speaker noun, or a person noun after "a"/"an"/"one"/"another" ("A person with
    knowledge of the talks said", whose speaker is "A person"). The clause opens the sentence, or follows its
    last comma when the content came first ("The dam will hold, a source close to him said")."""
    start = lo
    if end - lo > 110:
        start = text.rfind(",", lo, end) + 1
        if start <= lo or end - start > 110:
            return None
    m = _COMPLEMENTED.fullmatch(text, start, end)
    if m is None and start == lo:
        comma = text.rfind(",", lo, end)
        m = _COMPLEMENTED.fullmatch(text, comma + 1, end) if comma > lo else None
    if m is None or _SPEECH_IN_COMPLEMENT.search(text, m.end(2), m.end(1)):
        return None  # "a spokesman from Norwatch said after the army": a clause of its own, not a complement
    head = m.group(2).lower()
    if head not in words().nominal:
        return None
    if head.endswith("s") or head == "people":
        return m.span(1)
    first = text[m.start(1):m.end(1)].split()[0].lower()
    if first in ("a", "an", "one", "another") and head in words().anonymous:
        if _MEMBER_OF.match(text, m.end(2), m.end(1)):
            return m.span(1)  # "a spokesman from Norwatch": the organisation named is the speaker's
        return m.start(1), m.end(2)  # "a source [close to him]": the person, whom the complement describes
    return None


def _coordinator_start(text: str, lo: int, end: int) -> int:
    """Where the coordinator before a coordinated cue starts ("... and then said"): what
    ``_COORDINATOR_TAIL.search(text[lo:end])`` finds, but searched only from where the run of characters
    that pattern can match (blank space, commas, the letters of "and", "but", "then") begins: the search
    would otherwise try, and fail at, every offset of the sentence before it."""
    pos = end
    while pos > lo and (text[pos - 1].isspace() or text[pos - 1] in _COORDINATOR_CHARS):
        pos -= 1
    return _COORDINATOR_TAIL.search(text, pos, end).start()


def _bare_main(text: str, lo: int, hi: int, previous: list[Frame], subject: tuple[int, int] | None) -> bool:
    """Whether a bare verb form ("state", "accuse") can be coordinated with the clause ``text[lo:hi]`` before
    it: an infinitive ("took to Twitter to accuse them and encourage ..."), a clause whose cue is bare too, or
    one with a plural subject ("officials deny it and say ...")."""
    if _INFINITIVE.search(text, lo, hi):
        return True
    if previous:
        main = previous[-1]
        if main.cue.entry is not None and main.cue.form == main.cue.entry.lemma:
            return True
        subject = main.speaker
    return subject is not None and _plural_subject(text, subject)


def _left_frame(text: str, cue: Cue, lo: int, hi: int, speaker: tuple[int, int], right: int | None,
                via: tuple[int, int] | None = None, infinitive: bool = False, headed: bool = False) -> Frame | None:
    """The frame of a cue whose speaker phrase stands before it; ``headed`` when that phrase's head noun opens it
    and a complement follows ("Aides to the mayor", "a source close to him"), so its last word is no head."""
    w = words()
    entry = cue.entry
    speaker_words = text[speaker[0]:speaker[1]].split()
    head = speaker_words[-1].lower() if speaker_words else ""
    relative = False
    if len(speaker_words) > 1 and speaker_words[0].lower() == "that" and head.endswith("s") and head != "this":
        # "the deaths that officials reported": "that" opens a clause ("that officials" is no phrase)
        relative = _is_noun_before(_last_word(text[max(lo, speaker[0] - 24):speaker[0]])) and \
            _last_word(text[max(lo, speaker[0] - 24):speaker[0]]).lower() not in cue_words()
        speaker = (_skip_space(text, speaker[0] + 4), speaker[1])
        speaker_words = speaker_words[1:]
    if entry is not None and entry.definite and not _definite(text, _relative_antecedent(text, lo, speaker)):
        return None
    if entry is not None and cue.form == entry.lemma and cue.form not in _PAST_AS_LEMMA and not infinitive \
            and not headed and not _plural_subject(text, speaker):
        return None  # "Velskian state television": a bare verb form needs a plural subject ("officials state")
    if not headed and (speaker_words[-1] in ("them", "him", "us", "me", "her") or head in _plain_determiners()):
        return None
    if head == "it" and len(speaker_words) == 1 and _IMPERSONAL_AUX.fullmatch(text, speaker[1], cue.verb):
        return None  # "The attack, it was said, was a reprisal": an impersonal passive names no speaker
    opener = _last_word(text[max(lo, speaker[0] - 20):speaker[0]])
    mode = "A"
    antecedent = None
    low = opener.lower()
    pronoun = head in w.pronouns
    if low in ("what", "which", "who", "whom") or (low == "that" and _starts_verb(text, right)) or (
            pronoun and opener and _is_noun_before(opener) and _starts_verb(text, right)):
        if _starts_subordinate(text, right):
            return None
        mode = "E"
    if relative:
        mode = "E"
    if head in ("who", "which", "that") and len(speaker_words) == 1:
        antecedent = phrase_before(text, lo, _back_to_comma(text, lo, speaker[0]))
        mode = "A"
    if right is not None and _QUOTE_BEFORE.search(text, max(lo, speaker[0] - 4), speaker[0]) and \
            text[lo:speaker[0]].lstrip()[:1] in "\"\u201c\u2018'`":
        right = None  # '"We won," she said of the vote': the content is the quotation before the speaker
    relayed = _RELAYED.match(text, right, hi) if right is not None and entry is not None and \
        entry.lemma in _RELAYING else None
    if relayed is not None:  # "the agency quoted officials as saying ...": the officials speak, via the agency
        via, speaker = speaker, relayed.span(1)
        right = _content_after_relay(text, relayed.end(), hi)
    if right is not None and _TIME_CLAUSE.match(text, right, hi) and _COMMA_END.search(text, max(lo, speaker[0] - 4),
                                                                                      speaker[0]):
        right = _after_time_clause(text, right, hi)
    opens = via[0] if relayed is not None else speaker[0]  # where the attribution words start
    region_start = _back_to_comma(text, lo, opens) if right is None else opens
    if _AS_OPENER.fullmatch(text, lo, speaker[0]):
        # "As Mayor Dane said last week in Kessel, the bridge ...": the content is the clause after the comma
        # (not "As Dane spoke about the flood, the river rose": a cue with an object opens a time clause)
        comma = _AS_CLOSE.match(text, skip_adverbials(text, cue.end, hi), hi)
        if comma is not None and _skip_space(text, comma.end()) < hi:
            after = _skip_space(text, comma.end())
            return Frame(cue, "A", (lo, after), speaker, after)
    colon = right is not None and text[right - 1:right] == ":" or (
        right is None and _COLON_NEXT.match(text, cue.end, hi) is not None)
    frame = Frame(cue, mode if right is not None else "B", (region_start, right or cue.end), speaker, right,
                  colon, antecedent, via)
    if entry is not None and not _complement_ok(text, entry.complement, cue, right, hi):
        if right is None or entry.complement == "quote":
            return frame if entry.complement != "to" else None
        return None
    return frame


def _content_after_relay(text: str, pos: int, hi: int) -> int | None:
    """Where the content starts after "as saying" (its "that" kept as everywhere), or None when the sentence
    ends there ('"...," the agency quoted him as saying.': the content is the quotation before)."""
    pos = skip_adverbials(text, pos, hi)
    that = _patterns().that.match(text, pos, hi)
    if that is not None:
        pos = that.end() - (4 if keeps_that() else 0)
    pos = _skip_space(text, pos)
    while pos < hi and text[pos] in ",:":
        pos = _skip_space(text, pos + 1)
    return pos if pos < hi and text[pos] not in ".;!?" else None


def _after_time_clause(text: str, pos: int, hi: int) -> int | None:
    """Where the content starts after a time clause that follows the cue of a speaker who comes after the
    content ("X killed 52, a spokesman said after the army disclosed ..."): the clause says when he spoke,
    so the content is the sentence before him -- unless a comma ("said after the blast, 12 were taken to
    hospital") or "that" ("said while visiting Orsk that ...") opens one after it."""
    if text.find(",", pos, hi) >= 0:
        return pos
    that = _LATER_THAT.search(text, pos, hi)
    if that is None:
        return None
    return that.start(1) if keeps_that() else that.end()


def _last_word(chunk: str) -> str:
    """The word ending ``chunk`` but for blank space, or "" when it ends with another character: what the
    pattern ``(\\w+)\\s*$`` finds, read from the end instead of tried at every offset."""
    chunk = chunk.rstrip()
    start = len(chunk)
    while start > 0 and (chunk[start - 1].isalnum() or chunk[start - 1] == "_"):
        start -= 1
    return chunk[start:]


@lru_cache(maxsize=1)
def _plain_determiners() -> frozenset:
    """The determiners a speaker phrase cannot end with ("this" and "that" can: "that, he said")."""
    return words().determiners - {"this", "that"}


def _complement_ok(text: str, complement: str, cue: Cue, right: int | None, hi: int) -> bool:
    if complement == "any":
        return True
    if right is None:
        return complement in ("that", "quote")
    between = text[cue.end:right]
    if complement == "that":
        return bool(_THAT_OR_COLON_END.search(between)) or text[right:right + 8].lower().startswith(
            ("that ", "whether", "if "))
    if complement == "to":
        return text[right:right + 3] == "to "
    return text[right:right + 1] in "\"\u201c\u2018'" or between.rstrip().endswith(":")


def _content_start(text: str, cue: Cue, hi: int) -> int | None:
    """Where the content after ``cue`` starts (after adverbials, an addressee and "that"), or None."""
    pos = cue.end
    entry = cue.entry
    pos = skip_adverbials(text, pos, hi)
    if entry is not None and entry.addressee and not _patterns().that.match(text, pos, hi):
        far = _FAR_COMPLEMENT.match(text, pos, hi)
        if far is not None:
            return far.start("that") if far.group("that") else far.end()
    if entry is not None and entry.addressee:
        addressee = _addressee(text, pos, hi)
        if addressee is not None:
            pos = skip_adverbials(text, addressee, hi)
            if _ADDRESSEE_MODIFIER.match(text, pos, hi):
                return None  # "told reporters traveling with the secretary": no content after the cue
    preposition = _PREPOSITIONAL_CUES.get(entry.lemma) if entry is not None else None
    if preposition is not None and preposition.match(text, pos, hi):
        pos = preposition.match(text, pos, hi).end()
    if entry is not None and entry.lemma == "express" and entry.only_before is not None:
        noun = entry.only_before.match(text, _skip_space(text, pos), hi)
        after = _AFTER_STANCE_NOUN.match(text, noun.end(), hi) if noun is not None else None
        if after is not None and _TWO_WORDS.match(text, after.end(), hi):  # ("support for Vale" keeps "support")
            pos = after.end()
    aside = _DASH_ASIDE.match(text, pos, hi)
    if aside is not None:  # "said - per the Wire - that ...": the aside between dashes is no content
        pos = aside.end()
    m = _patterns().that.match(text, pos, hi) or _DISTANT_THAT.match(text, pos, hi) or (
        _DISTANT_THAT.match(text, cue.end, hi) if pos > cue.end and text[pos:pos + 1] == "," else None)
    if m is not None:
        pos = m.end() - (4 if keeps_that() else 0)
    while pos < hi and (text[pos] in " \t\n:" or (m is not None and text[pos] == ",")):
        pos += 1
    if pos >= hi or text[pos] in ".;!?)" or (text[pos] == "," and not _quote_follows(text, pos, hi)):
        return None
    if text[pos] == ",":
        pos = _skip_space(text, pos + 1)
    if text[pos] in "\u2014\u2013-" and text[pos:pos + 2] != "-" * 2:
        return None
    return pos


def _quote_follows(text: str, pos: int, hi: int) -> bool:
    return bool(_COMMA_QUOTE.match(text[pos:min(hi, pos + 4)]))


def _addressee(text: str, pos: int, hi: int) -> int | None:
    """The end of an addressee after "told"/"warned"/"assured": "told Reuters", "told him", "told the AP"."""
    m = re.match(r"\s*(?:him|her|them|us|me|you|it|reporters|journalists|lawmakers|legislators|supporters|"
                 r"voters|residents|troops|officials|diplomats|investigators|police|the\s+court|the\s+committee|"
                 r"(?:the\s+|a\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,4}|"
                 r"(?:the|a|an|his|her|their|its)\s+(?:[a-z][\w'-]*\s+){0,2}(?:newspaper|paper|agency|"
                 r"channel|network|broadcaster|station|magazine|website|outlet|crowd|audience|committee|"
                 r"court|council|panel|reporters|journalists|nation|public|interviewer))\b", text[pos:hi])
    return pos + m.end() if m else None


def _inverted(text: str, cue: Cue, lo: int, hi: int) -> Frame | None:
    """"..., said Mr. Li." / '"...," said a spokesman.': the speaker follows the cue."""
    entry = cue.entry
    if entry is None or not entry.inverted:
        return None
    if not _INVERSION_BEFORE.search(text[lo:cue.start]):
        return None
    speaker = phrase_after(text, _skip_space(text, cue.end), hi)
    if speaker is None:
        return None
    after = text[speaker[1]:hi]
    if not _INVERSION_AFTER.match(after):
        return None
    frame = Frame(cue, "B", (_back_to_comma(text, lo, cue.start), speaker[1]), speaker, None)
    if after[:1] == ",":  # "..., said Karl Menko, a spokesman for the charity.": the appositive tells who he is
        described = _TRAILING_APPOSITIVE.match(text, speaker[1], hi)
        frame.appositive = described.span(1) if described is not None else None
    return frame


def _appositive_subject(text: str, cue: Cue, lo: int, relaxed: bool):
    """"The war monitor, which relies on sources inside Syria, said": the subject before the appositive,
    the intermediary of a "citing" appositive, and the appositive's span (its words are neither content
    nor mention; a description there tells who the speaker is: "Lena Ruiz, director of the clinic, said").

    Up to four commas back are tried ("Dana Reyes, 59, of Ashton, Md., who watched the parade, said"), the
    nearest comma whose left side ends in a speaker phrase and whose right side opens an appositive wins.
    """
    m = _COMMA_END.search(text, max(lo, cue.start - 4), cue.start)
    if m is None:
        return None
    close = m.start()
    if text[close] == "-":
        close -= 1
    opening = close
    for _ in range(4):
        opening = max(text.rfind(",", lo, opening), text.rfind("\u2014", lo, opening),
                      text.rfind("--", lo, opening) + 1, text.rfind(" \u2013 ", lo, opening) + 1)
        if opening <= lo:
            return None
        chunk = text[opening + 1:close].strip()
        if not _opens_appositive(chunk):
            continue
        subject = phrase_before(text, lo, opening, relaxed)
        if subject is None:
            continue
        via = None
        cited = _CITED_BY.match(chunk)
        if cited:
            start = opening + 1 + (len(text[opening + 1:close]) - len(text[opening + 1:close].lstrip())) + cited.end()
            via = phrase_after(text, start, close)
        first = opening + 1 + len(text[opening + 1:close]) - len(text[opening + 1:close].lstrip())
        return subject, via, (first, close)
    return None


_BARE_NAME = re.compile(r"(?:[A-Z][\w'\u2019-]+\s+)(?:[A-Z]\.\s+)?(?:[A-Z][\w'\u2019-]+\s+)?[A-Z][\w'\u2019-]+")


def _names_role_holder(text: str, subject: tuple[int, int], chunk: tuple[int, int]) -> bool:
    """"Its director, Mira Castell," / "The group's spokesman, Ivo Dane,": a role description whose
    appositive is a bare personal name (two to four capitalised words) names the speaker."""
    named = text[chunk[0]:chunk[1]].split()
    if _LOCATIVE_BEFORE.search(text, max(0, subject[0] - 8), subject[0]) and 2 <= len(named) <= 5 and all(
            w[:1].isupper() for w in named):
        return True  # "the head of operations in the North-east, Gen. Lucky Irabor,": the place is no speaker
    if not _BARE_NAME.fullmatch(text, chunk[0], chunk[1]):
        return False
    toks = text[subject[0]:subject[1]].split()
    return bool(toks) and toks[-1].islower() and toks[-1] in words().roles


# a role without an article, told by what it is of, for or at: "dean of the law school", "communications
# director for the campaign", "senior fellow at the institute"
_BARE_ROLE = re.compile(r"(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s+(?:of|for|at)\s")


def _opens_appositive(chunk: str) -> bool:
    """"a monitoring group", "which relies on", "59", "speaking to reporters", "dean of the law school": words
    that describe a speaker."""
    first = chunk.split()[0].lower().rstrip(",") if chunk.split() else ""  # "60, a doctor": the age
    return (first in _APPOSITIVE_OPENERS or first.endswith(("ing", "ed")) or chunk[:1].isupper() or first.isdigit()
            or first in words().nominal or first in words().role_modifiers or first == "of"
            or _BARE_ROLE.match(chunk) is not None)


# the source after "according to" when the phrase reader cannot delimit it ("early results of exit polls
# conducted for the network by a research firm"): the words up to the clause's end, a few of them at most
_SOURCE_TO_CLAUSE_END = re.compile(r"[^\s,;:.!?\"\u201c\u201d()\u2014\u2013][^,;:!?\"\u201c\u201d()\u2014\u2013]{2,140}?"
                                   r"(?=\s*(?:[,;:!?\u2014\u2013]|\.(?:\s|$)|$))")


def _according_to(text: str, cue: Cue, hi: int) -> Frame | None:
    start = _skip_space(text, cue.end)
    speaker = phrase_after(text, start, hi)
    if speaker is None:
        whole = _SOURCE_TO_CLAUSE_END.match(text, start, hi)
        if whole is None or not 2 <= len(whole.group().split()) <= 20:
            return None  # (one word the phrase reader refused is a pronoun, "according to him", or no name)
        speaker = whole.span()
    end = speaker[1]
    right = _skip_space(text, end)
    if right < hi and text[right] == ",":
        right = _skip_space(text, right + 1)
    return Frame(cue, "T", (cue.start, end), speaker, right if right < hi and text[right] not in ".;!?" else None)


def subject_of(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject phrase at the start of a sentence, if it names a speaker: "He paused, then added";
    after an introductory phrase: "In August, two groups sued, saying ..." -> "two groups"; "Speaking at a
    rally in Varn, Lind went after Brask, calling him ..." -> "Lind" (an opening participle is no name)."""
    dateline = _DATELINE.match(text, lo, hi)  # "VARNLEY, Aug. 24 (UPI) -- A spokesman ...": the place of filing
    if dateline is not None:
        lo = dateline.end()
    opening = _OPENING_PARTICIPLE.match(text, lo, hi)
    speaker = None if opening else _nominal_phrase_at(text, lo, hi)
    if speaker is None:  # the introductory phrase is looked for only when needed
        intro_end = _after_intro(text, lo, hi)
        if intro_end is not None:
            speaker = _nominal_phrase_at(text, intro_end, hi)
    return speaker


def _nominal_phrase_at(text: str, start: int, hi: int) -> tuple[int, int] | None:
    """The speaker phrase starting at ``start`` if its last word can name a speaker."""
    speaker = phrase_after(text, start, hi)
    if speaker is not None and is_nominal(text[speaker[0]:speaker[1]].split()[-1], True):
        return speaker
    return None


def _after_intro(text: str, lo: int, hi: int) -> int | None:
    """Where the clause starts after an introductory phrase and its comma ("Meanwhile, ", "In August, "),
    with the wider place and the day a place phrase may carry: "At a rally in Ostby, Kelm, on Sunday, Hale
    said" starts at "Hale" (but "In Ostby, Hale, a senator, said" at "Hale": an appositive follows a name)."""
    m = _INTRO.match(text, lo, hi)
    if m is None:
        return None
    end = m.end()
    if _LOCATIVE_NAME_END.search(text, lo, end):
        wider = _WIDER_PLACE.match(text, end, hi)
        if wider is not None and not _APPOSITIVE_START.match(text, wider.end(), hi):
            end = wider.end()
    day = _DAY_AFTER_PLACE.match(text, end, hi)
    return day.end() if day is not None else end


def _plural_subject(text: str, speaker: tuple[int, int]) -> bool:
    words_ = text[speaker[0]:speaker[1]].split()
    last = words_[-1].lower() if words_ else ""
    return (last in ("they", "we", "i", "you", "who", "which", "that", "both", "others", "many", "some", "all")
            or (last.endswith("s") and not last.endswith(("'s", "\u2019s", "ss", "us")))
            or last in words().collectives or "and" in words_ or last in ("people", "police", "media", "staff"))


def _relative_antecedent(text: str, lo: int, speaker: tuple[int, int]) -> tuple[int, int]:
    """The phrase a lone "who" after a comma stands for ("President Vale, who endorsed ..."), which is what must
    be definite for a cue that needs a definite speaker; else ``speaker`` itself. (Not "which": "the report of
    May, which listed 74 wounded" is the writer's account of the report, as news corpora read it.)"""
    if text[speaker[0]:speaker[1]].lower() != "who" or \
            text[max(lo, speaker[0] - 2):speaker[0]].strip() != ",":
        return speaker
    return phrase_before(text, lo, _back_to_comma(text, lo, speaker[0])) or speaker


def _definite(text: str, speaker: tuple[int, int]) -> bool:
    first = text[speaker[0]:speaker[1]].split()[0]
    return first.lower() not in ("a", "an", "some", "several", "many", "one") and (
        first[:1].isupper() or first.lower() in ("the", "he", "she", "they", "it", "we", "i", "this", "these"))


def _starts_subordinate(text: str, pos: int | None) -> bool:
    return pos is not None and bool(_SUBORDINATOR.match(text, pos))


def _starts_verb(text: str, pos: int | None) -> bool:
    if pos is None:
        return False
    m = _LOWER_WORD.match(text[pos:pos + 20])
    return bool(m) and (m.group() in _patterns().auxiliaries or m.group().endswith("ed"))


def starts_auxiliary(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is an auxiliary or a verb of grammar.json's list ("were", "has", "killed"):
    what can go on a clause interrupted by an inverted attribution ("The dead, said the minister, were
    civilians"), where a noun phrase ("said Ana Pelt, executive director of ...") is the speaker's appositive."""
    m = _LOWER_WORD.match(text, pos, pos + 20)
    return m is not None and m.group() in _patterns().auxiliaries


def _is_noun_before(word: str) -> bool:
    w = words()
    low = word.lower()
    return low not in w.breaks and low not in w.linking and low not in w.determiners and low.isalpha()


def _back_to_comma(text: str, lo: int, pos: int) -> int:
    """``pos`` moved left over spaces and one comma or dash: where an attribution clause starts."""
    if pos <= lo:
        return lo
    while pos > lo and (text[pos - 1].isspace() or text[pos - 1] in ",\u2014\u2013"):
        pos -= 1
    return pos


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


__all__ = ["Frame", "analyse", "keeps_that", "skip_adverbials", "subject_of"]
