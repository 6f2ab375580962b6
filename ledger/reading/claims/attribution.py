"""Assembling claims: from frames and quotations to content spans, kinds and (local) speakers.

For every sentence the frames of its cues are found (``frames.analyse``); each frame gives a content span:
after the cue (``A``, ``P``, ``C``, ``E``), before it (``B``), or around it (a parenthetical
"The dead, the ministry said, were civilians"). The next frame of the sentence ends a content
("..., adding that ...", "..., according to ...", "... and warned ..."). Then the kind:

    direct   the content is one quotation ('"We won," she said.') or quotations joined by the attribution
             ('"We won," she said, "and we will win again."' -> one claim, ``parts`` = the two pieces)
    mixed    reported speech with a quoted fragment ('He said the raid "went well".')
    indirect reported speech without quotation marks

Quotations no frame covers are then placed: a quote paragraph carrying on a quote, or with no speaker of
its own after a paragraph with claims, belongs to that speaker (``carry``); a full quoted sentence
nobody is said to have said is an ``unattributed_quote``; short quoted words (scare quotes, titles,
"Operation 'Desert Wind'") are no claims. Who the speakers are is decided later, in ``coref``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, replace
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.claims.cues import Cue
from ledger.reading.claims.nouns import clause_end
from ledger.reading.claims.gazetteer import lookup
from ledger.reading.claims.frames import Frame, analyse, keeps_that, skip_adverbials, starts_auxiliary, subject_of
from ledger.reading.claims.quotes import Quote, close_end
from ledger.reading.claims.speakers import phrase_before, plural, words
from ledger.text.sentences import Sentence

_CUT_TAIL = re.compile(r"[\s,;\u2014\u2013]*(?:\b(?:and|but|while)\s*)?$")
_REMINDER = re.compile(r"(?:Recall|Remember|Note|It\s+(?:will|would|should|may)\s+be\s+(?:recalled|remembered|noted)"
                       r"|It\s+is\s+(?:worth\s+)?(?:noting|recalling|remembering))\s*,?\s+that\s+")
_OPENER = re.compile(r"\s*(?:But|And|Yet|So|Still|However,|Meanwhile,)\s+")
_TRAILING_CONJUNCTION = re.compile(r"[\s,]+(?:and|but|or|while|which)$")
_CONJUNCTIONS = ("and", "but", "or", "while", "which")  # (", which" whose clause a later cue took)
# ",? but": written to start with one character class (the lookbehinds tell a comma from a space) so that
# searching a long content skips to candidate characters in C.
_BUT_CLAUSE = re.compile(r"[,\s](?:(?<=,)\s+|(?<=\s)\s*)but\s+"
                         r"(?=(?:he|she|they|it|we|the|a|an|his|her|their|its|[A-Z][\w'\u2019-]+)\s+"
                         r"(?!(?:and|or|of)\b)[a-z])")
_CONCESSIVE = re.compile(r",\s+(?:al)?though\b")
# An object relative ", which the council disputes" running to the sentence's end: another party's
# comment on what was said, not the speaker's words (with a pronoun subject, ", which it blamed on a depot",
# the speaker's own). A subject relative (", which killed 12") goes on the speaker's
# account, and one that closes before a later comma is inside the content ("the plan, which passed on
# Monday, would cost ..."); ", while 30 percent ..." is the speaker's contrast. So is a final appositive
# that names what was said ("..., a claim the council disputes", "..., something she denied").
_TRAILING_RELATIVE = re.compile(r",\s+(?:which\s+(?=(?:the|a|an|his|her|their|its|some|many)\b|(?!I\b)[A-Z])|"
                                r"(?:a|an)\s+(?:[a-z-]+\s+){0,3}(?:claim|figure|number|move|step|recommendation|"
                                r"charge|allegation|assertion|notion|idea|reference|nod|sign|remark|comment|reversal|"
                                r"shift|milepost|milestone|record|view|sentiment|position|stance|contention|"
                                r"prospect)s?(?:\s|$)|"
                                r"something\s(?!(?:he|she|they|it|we|I)\b))[^,;\"\u201c\u201d]*$")
# ", and he put $100 million into the fund": a new clause with a pronoun subject is the writer's, not the content
_AND_CLAUSE = re.compile(r",\s+and\s+(?=(?:he|she|they|we|I)\s+[a-z])")
# "condemned the attack, which killed 40 people": verbs whose object is a thing judged, never a clause; a
# relative clause on that object is the writer's account of it (the outlet's claim), not the speaker's words
_JUDGED_OBJECT = frozenset({"condemn", "denounce", "decry", "deplore", "criticize", "criticise", "praise",
                            "welcome", "hail", "reject", "dismiss", "slam", "blast", "laud", "applaud", "commend",
                            "lament", "mourn"})
_OBJECT_RELATIVE = re.compile(r",\s+(?:which|who)\s+(?!(?:he|she|they|it|we)\s)")
# "... an air strike that killed over 140 people": a restrictive relative telling a toll, to the content's end
# (a non-restrictive one, ", which killed 12", goes on the speaker's account: see _TRAILING_RELATIVE)
_WRITERS_TOLL = re.compile(r",?\s+that\s+(?:(?:has|have|had)\s+)?(?:(?:reportedly|so\s+far|already|also)\s+)?"
                           r"(?:killed|wounded|injured|left\s+(?:at\s+least\s+)?\S+\s+(?:dead|killed|wounded|injured))\b"
                           r"(?P<rest>[^;\"\u201c\u201d]*)$")
# "... inflating the death toll, which officially stands at over 140": the writer's current toll, set off by a
# comma at the content's end after the toll it updates (the toll noun right before it)
_WRITERS_TOTAL = re.compile(r"(?:(?<=\btoll)|(?<=\btally))\s*,\s+which\s+(?:(?:now|officially|currently|reportedly|since)\s+)?"
                            r"(?:stands|stood|is|was|has\s+(?:since\s+)?(?:risen|climbed|reached)|rose|climbed|reached)"
                            r"\s+(?:at|to\s+)?[^,;\"\u201c\u201d]*\d[^,;\"\u201c\u201d]*$")
# the noun phrase a writer's toll tells of, ending where the toll starts: "an air strike", "a rocket attack in
# Iraq earlier this month", "the raid on Orsk"
_NAMED_EVENT = re.compile(r"(?<![\w'\u2019-])(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts|[Tt]heir)\s+"
                          r"(?:(?!(?:the|a|an)\b)[^\s,;]+\s+){0,9}?[^\s,;]+$")
_DATED_BEFORE = re.compile(r"\b(?:earlier|last|ago|previous|prior|this\s+(?:week|month|year))\b")
_FINITE = re.compile(r"\s(?:was|were|is|are|will|would|could|may|might|has|have|had|did|does|do)\s")
_NEW_CLAUSE = re.compile(r";\s+(?:\w+\s+){0,12}$|,\s+(?:but|and|while|whereas)\s+(?:\w+\s+){0,10}$")
_LABEL = re.compile(r"([A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,2}):\s+")
_EXPLETIVE = re.compile(r"(?:[Ii]t|[Tt]here)\s+(?:is|was|has|had|seems|appears|remains)\b")
_OBJECT_PRONOUN = re.compile(r"(?:\s+(?:me|him|her|us|them|you|reporters|journalists))?")
_OWN_STAFF = re.compile(r"(?:its|their|his|her|our)\s")
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'\u2019 -]{2,}(?:,\s*[^\u2014\u2013\u2015:\n]{1,40}?)?)\s*(?:\([^)]{1,30}\))?\s*"
                       r"(?:\u2014|\u2013|\u2015|--|-|:)\s+")
_OUTLET_MODES = ("passive", "impersonal", "hedge")
_MAX_CUES = 40  # per sentence: more is no prose (a list of "said said said"), and keeps the work linear
_WORD = re.compile(r"\w")
_ADJUNCT = re.compile(r",\s+(?:\w+ly\s+)?(?!(?:including|according|excluding|following|regarding|concerning|"
                      r"notwithstanding|during|pending|considering|nothing|something|anything|everything|morning|"
                      r"evening|spring|king|thing|ring|wing|string|building|funding|meeting|bring|sing)\b)[a-z]{3,}ing\b")
# "killing \u2013 according to Norwatch \u2013 at least 50": an attribution set off by dashes inside its content
_DASH_ASIDE_OPEN = re.compile(r"(?:\s[\u2013\u2014]|\s?--|\u2014)\s*$")
_DASH_ASIDE_CLOSE = re.compile(r"(?:[\u2013\u2014]|--)\s")
_CONJUNCTION = re.compile(r"(?:and|but|or|so|yet|while|as|though|although|because|then|when|before|after)\b")
_CLAUSE_GAP = re.compile(r"[^\"\u201c\u201d.;:!?]{0,80}")
_SUBORDINATE = re.compile(r"(?:While|Although|Though|As|Because|Since|When|After|Before|If|Whereas|Even\s+though|Once|"
                          r"Until|Unless)\b[^,]*$")
_APPOSITIVE = re.compile(r"(?:a|an|the|who|whom|whose|which|one|both|each|also|himself|herself|itself|themselves|"
                         r"speaking|citing|quoting|referring|according|[a-z]+ing\b|[A-Z][a-z]+\s+(?:of|for|at)\b)\b",
                         re.IGNORECASE)
_SIGNATURE = re.compile(r"\s*(?:\u2015|\u2014|\u2013|--)\s*([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})"
                        r"(?:,[^\n\"\u201c\u201d]{0,80})?\s*[.]?\s*$")
_PREPOSITION = re.compile(r"(?:on|for|at|in|with|against|from|into|onto|upon|over)\b")
_DOCUMENTS = r"(?:document|statement|report|letter|memo|communiqu\u00e9|communique|release|note|filing|paper)"
_DEFINITE_DOCUMENT = re.compile(rf"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z]+\s+)?{_DOCUMENTS}")
_ISSUED = re.compile(rf"\s(?:released|issued|published|put\s+out|sent|circulated|posted|made\s+public)\s+"
                     rf"(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){{0,3}}?{_DOCUMENTS}s?\b")
# the outlet's own staff: "our correspondent", "this newspaper's reporter"
_OWN_REPORTER = re.compile(r"(?:[Oo]ur|[Tt]his\s+(?:newspaper|paper|agency|website|station|channel)['\u2019]s)\s+(?:own\s+)?"
                           r"(?:[a-z]+\s+)?(?:correspondents?|reporters?|journalists?|team|crew|staff)"
                           r"(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})?")
_ISSUER_WINDOW = 600  # characters: a few sentences
_AS_BEFORE = re.compile(r"(?<=\w)\s+as\s+$")  # "400 as": after a word, not ", as I have said,"
_NOT_LEAD = re.compile(r"\s*(?:(?:and|but)\s+)?(?:not|than)\s+")
_ANTECEDENT = re.compile(r"(?<![\w'\u2019-])((?:[Tt]he|[Aa]n?|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)"
                         r"(?:\s+(?!(?:the|a|an|these|those|its|their|his|her|our|that|which)\b)[\w'\u2019-]+){1,5}?)"
                         r"\s*,?\s+(?:that|which)\s+(?:[\w'\u2019-]+\s+){0,4}$")
_ARGUMENT = re.compile(r"(?:on|to)\s")
_GAP_VERB = re.compile(r"(?:were|was|had\s+been|have\s+been|has\s+been|are|is|died|remain(?:ed|s)?)\s")
# a count opening a noun phrase that runs up to a contact relative's subject: "four members of the faction "
_COUNTED_HEAD = re.compile(r"(?<![\w'\u2019-])((?:\d[\d,]*|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|"
                           r"[Tt]en|[Ee]leven|[Tt]welve|[Dd]ozens|[Hh]undreds|[Tt]housands)\s+"
                           r"(?:[\w'\u2019-]+\s+){0,7}?[\w'\u2019-]+)\s+$")
_CITATION_TAIL = re.compile(r"(?:\[\d{1,3}\])+$")
# two speaker phrases joined by "and", each a name or a determined noun: "The army and the police",
# "Orsk and Kessel", "Mayor Ilse Marr and Governor Arvid Lenn"
_PARTY = r"(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,4})"
_OF_NAME = re.compile(r"[A-Z]\w*\s+(?:of|for)\s+[A-Z]")
_TWO_PARTIES = re.compile(rf"(?:(?:[Bb]oth|[Ee]ither)\s+)?({_PARTY})\s+and\s+({_PARTY})")
_CUTTING = ("B", "P", "C", "citing", "passive", "impersonal", "hedge")


@dataclass(slots=True)
class Found:
    """A claim before coreference: offsets only.

    ``speaker`` is the mention span (None when the speaker is carried: then ``carry`` is the claim whose
    speaker this one shares); ``antecedent`` the phrase a relative pronoun stands for; ``via``
    the intermediary of "citing"; ``outlet`` marks the outlet's own hedged assertions ("are reported to"),
    kept only when they carry a figure; ``joint`` marks one party's claim of "X and Y said" (same content).
    """

    kind: str
    content: tuple[int, int]
    sentence: tuple[int, int]
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    carry: "Found | None" = None
    antecedent: tuple[int, int] | None = None
    via: tuple[int, int] | None = None
    parts: tuple[tuple[int, int], ...] = ()
    outlet: bool = False
    described: tuple[int, int] | None = None
    joint: bool = False


@lru_cache(maxsize=1)
def _not_claims() -> tuple[re.Pattern, int]:
    data = lexicon.load("not_claims.json")
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data["title_cues"], key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{words}))\s*[\"'\u201c\u2018]?\s*$"), int(data["min_unattributed_words"])


def find_claims(text: str, paras, units: list[Sentence], quotes: list[Quote], cues: list[Cue],
                silent: list[int] = ()) -> list[Found]:
    """Every claim of the article, before coreference, in order of paragraphs.

    ``units`` are the sentences (quotations kept whole), ``quotes`` and ``cues`` come from their modules.
    ``silent`` are the sorted starts of the no-figure statements (``no_figure``): a refusal cue ("declined",
    "did not provide") frames a claim only where one of them starts within it ("declined to give a death
    toll"); elsewhere ("declined to comment", "did not say whether ...") it frames nothing, as before.
    """
    found: list[Found] = []
    pending: Found | None = None
    by_para: dict[int, list[Sentence]] = {}
    for unit in units:
        by_para.setdefault(unit.para, []).append(unit)
    qi = ci = 0
    n_quotes, n_cues = len(quotes), len(cues)
    for para in sorted(by_para):
        para_units = by_para[para]
        first = len(found)
        para_quotes = []
        while qi < n_quotes and quotes[qi].para <= para:
            if quotes[qi].para == para:
                para_quotes.append(quotes[qi])
            qi += 1
        quote_starts = [q.start for q in para_quotes]
        quote_opens = [q.open for q in para_quotes]
        quote_ends = [close_end(text, q) for q in para_quotes]
        colon: Found | None = None
        if pending is not None and not any(q.open == para_units[0].start for q in para_quotes):
            block = (para_units[0].start, para_units[-1].end)  # "The governor added:" + a paragraph
            found.append(Found("direct", block, block, pending.cue, pending.speaker))
            pending = None
        for n, unit in enumerate(para_units):
            while ci < n_cues and cues[ci].start < unit.start:
                ci += 1
            unit_cues = []
            while ci < n_cues and cues[ci].start < unit.end:
                if not _inside(cues[ci].start, para_quotes, quote_starts) and len(unit_cues) < _MAX_CUES:
                    unit_cues.append(cues[ci])
                ci += 1
            if not unit_cues:
                continue  # a sentence without cues has no claims of its own (quotes are placed below)
            lo = _content_lo(text, unit, n == 0)
            unit_quotes = para_quotes[bisect_right(quote_ends, unit.start):bisect_right(quote_opens, unit.end)]
            colon = _unit_claims(text, unit, lo, unit_cues, unit_quotes, found, silent) or colon
        if para_quotes:
            _place_quotes(text, para_units, para_quotes, found, first, pending)
        pending = colon if colon is not None and len(found) == first else None
    return found


def _starts_within(starts: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``starts`` lies in ``start``-``end``."""
    k = bisect_left(starts, start)
    return k < len(starts) and starts[k] < end


def _inside(pos: int, quotes: list[Quote], starts: list[int]) -> bool:
    """Whether ``pos`` lies within one of ``quotes`` (sorted, non-overlapping; ``starts`` their starts)."""
    k = bisect_right(starts, pos) - 1
    return k >= 0 and quotes[k].start <= pos < quotes[k].end


def _content_lo(text: str, unit: Sentence, first: bool) -> int:
    """Where a sentence's own words start: after a dateline ("BAGHDAD (AP) -- ") in a paragraph's first, and
    after the writer's reminder that opens it ("Recall that", "It will be recalled that"): the writer
    points the reader back, the claim is the clause after it."""
    start = unit.start
    if first:
        m = _DATELINE.match(text, unit.start, unit.end)
        if m is not None and m.end() < unit.end:
            start = m.end()
    reminder = _REMINDER.match(text, start, unit.end)
    return reminder.end() if reminder is not None and reminder.end() < unit.end else start


def _unit_claims(text: str, unit: Sentence, lo: int, cues: list[Cue], quotes: list[Quote],
                 found: list[Found], silent: list[int] = ()) -> Found | None:
    """Claims of one sentence appended to ``found``; returns a pending "X said:" claim with no content."""
    frames: list[Frame] = []
    for cue in cues:
        frame = analyse(text, cue, lo, unit.end, frames)
        if frame is not None and frame.cue.entry is not None and frame.cue.entry.cls == "refusal" and \
                not _starts_within(silent, frame.cue.start, frame.cue.end):
            continue  # "declined to comment": a refusal about no number is no claim
        if frame is not None and (not frames or not any(f.region[0] <= cue.start < f.region[1] for f in frames[-3:])):
            frames.append(frame)
    frames = _outside_appositives(frames)
    if any(f.cue.kind == "poll" for f in frames) and any(f.cue.kind != "poll" for f in frames):
        # "In a poll released Monday, the institute found ...": the poll is what the speaker reports
        frames = [f for f in frames if f.cue.kind != "poll"]
    pending = None
    base = len(found)
    for i, frame in enumerate(frames):
        if frame.mode == "citing":
            _apply_citing(text, frame, found, base)
            continue
        span, parts = _content(text, frame, frames, i, lo, unit.end, quotes)
        if _reports_all(text, frames, i, lo):  # "Evidence suggests X, the group said": the group's claim alone
            found[base:] = [c for c in found[base:] if not _shown_by_evidence(text, c, frames[0])]
        speaker = frame.speaker
        if frame.colon and span is None and speaker is None and frame.mode == "P":
            # "Ganus sent the appeal, stating:" + a quote paragraph: the participle's subject is the main one
            speaker = frames[i - 1].speaker if i > 0 else subject_of(text, lo, frame.region[0])
        if frame.colon and span is None and speaker is not None:
            pending = Found("direct", (0, 0), (unit.start, unit.end), (frame.cue.start, frame.cue.end), speaker)
            continue
        if span is None or _reported_refusal(frame, found, base) or _own_aside(text, frame, span, found, base):
            continue
        shared = frames[i - 1].speaker if frame.mode == "C" and i > 0 else None
        claim = _claim(text, frame, span, parts, (unit.start, unit.end), quotes, found, base, shared)
        if claim is not None:
            found.extend(_per_party(text, claim))
            judged = frame.cue.entry is not None and frame.cue.entry.lemma in _JUDGED_OBJECT  # (its own rule)
            toll = None if judged else _writers_toll(text, span, unit)
            if toll is not None:
                found.append(toll)
    return pending


def _separate(left: str, right: str) -> bool:
    """Whether "left and right" names two parties, not one organisation ("Citizenship and Immigration
    Services", "Centre for Media and Public Affairs"): the right one does not end in an organisation word
    the left one lacks, and the left one is no "X for/of Y" name."""
    w = words()
    if any(p.split()[-1].lower() in w.documents for p in (left, right)):
        return False  # "the investigation and Democrats": a document is no party here
    org_words = w.org_words
    left_org = left.split()[-1].lower() in org_words
    right_org = right.split()[-1].lower() in org_words
    return not (right_org and not left_org) and not _OF_NAME.search(left)


def _per_party(text: str, claim: Found) -> list[Found]:
    """"The army and the police said ...": one claim per party, each with its own speaker (marked
    ``joint``, so that the second is not taken for a duplicate of the first); a coordination of modifiers
    ("Federal and state officials") or of names under one title is one speaker."""
    if claim.speaker is None or text.find(" and ", claim.speaker[0], claim.speaker[1]) < 0:
        return [claim]
    m = _TWO_PARTIES.fullmatch(text, claim.speaker[0], claim.speaker[1])
    if m is not None and lookup(text[m.start(1):m.end(2)]) is not None:
        return [claim]  # "the International Red Cross and Red Crescent Movement": one known name
    if m is None or not _separate(text[m.start(1):m.end(1)], text[m.start(2):m.end(2)]):
        return [claim]
    first = replace(claim, speaker=m.span(1), joint=True)
    second = replace(claim, speaker=m.span(2), joint=True, described=None)
    return [first, second]


def _own_aside(text: str, frame: Frame, span: tuple[int, int], found: list[Found], base: int) -> bool:
    """"The ministry said two died in the shelling, which it blamed on a depot": a relative clause whose
    subject is a pronoun, inside the content of a claim of its sentence, is that speaker's own words and no
    second claim (a named subject, "the deaths that officials reported", is another party's)."""
    if frame.mode != "E" or span[0] >= frame.cue.start or frame.speaker is None:
        return False
    if text[frame.speaker[0]:frame.speaker[1]].lower() not in words().pronouns:
        return False
    return any(c.content[0] <= frame.cue.start < c.content[1] for c in found[base:])


def _reported_refusal(frame: Frame, found: list[Found], base: int) -> bool:
    """Whether ``frame`` is a refusal inside the content of a claim of its sentence (``found[base:]``): "The
    army said it would not give a death toll" is one claim, the army's, whose content holds the refusal."""
    if frame.cue.entry is None or frame.cue.entry.cls != "refusal":
        return False
    return any(c.content[0] <= frame.cue.start and frame.cue.end <= c.content[1] for c in found[base:])


def _reports_all(text: str, frames: list[Frame], i: int, lo: int) -> bool:
    """Whether ``frames[i]`` is a sentence-final attribution that reports the whole sentence (``_nests``)."""
    return i == 1 and frames[i].mode == "B" and _nests(text, frames[:1], lo, frames[i].region[0])


@lru_cache(maxsize=1)
def _evidence_nouns() -> frozenset[str]:
    nouns = lexicon.load("speakers.json")["evidence_nouns"]
    return frozenset(nouns) | frozenset(map(plural, nouns))


def _shown_by_evidence(text: str, claim: Found, frame: Frame) -> bool:
    """Whether ``claim`` is the frame's and its subject is a thing that shows rather than speaks ("Satellite
    images show"): inside what a final speaker reports, it is part of that speaker's claim."""
    if claim.cue != (frame.cue.start, frame.cue.end) or claim.speaker is None:
        return False
    mention = text[claim.speaker[0]:claim.speaker[1]].split()
    return bool(mention) and mention[-1].lower() in _evidence_nouns()


def _nests(text: str, before: list[Frame], lo: int, end: int) -> bool:
    """Whether a sentence-final attribution reports the whole sentence, nested attribution included: the
    only earlier frame opens the sentence with its speaker and its content runs on to this one."""
    return (len(before) == 1 and before[0].mode == "A" and before[0].speaker is not None
            and before[0].speaker[0] <= _skip_opener(text, lo) and before[0].right is not None
            and ";" not in text[lo:end])


def _outside_appositives(frames: list[Frame]) -> list[Frame]:
    """Without the frames of cues inside another speaker's appositive: "A commander, who asked not to be
    named, said ..." -- the relative clause describes the speaker and is no claim of its own."""
    inner = [f.appositive for f in frames if f.appositive is not None]
    if not inner:
        return frames
    return [f for f in frames if _relative_report(f) or not any(s <= f.cue.start < e for s, e in inner)]


_RELATIVES = ("who", "which")


def _relative_report(frame: Frame) -> bool:
    """"Dana Reyes, who said the bridge was lost, ...": a relative clause that reports what its antecedent
    said or believes (a speech, belief or finding verb with its content after it) is a claim of its own, even
    inside another speaker's appositive; "who asked not to be named" (an addressee verb), "who declined to
    comment" are none."""
    entry = frame.cue.entry
    return (frame.right is not None and frame.speaker is not None and frame.antecedent is not None
            and entry is not None and entry.cls in ("speech", "belief", "finding") and not entry.addressee
            and frame.speaker[1] - frame.speaker[0] in (3, 5))  # "who", "which"


def _content(text: str, frame: Frame, frames: list[Frame], i: int, lo: int, hi: int,
             quotes: list[Quote]) -> tuple[tuple[int, int] | None, tuple]:
    """The content span of ``frame`` (and its parts when it is interrupted), or (None, ())."""
    mode = frame.mode
    if mode in _OUTLET_MODES:
        return _clause(text, frame, lo, hi), ()
    if mode == "B" and _comparative(text, frame, lo):
        return _compared(text, frame, lo), ()
    left_start = lo
    for f in frames[:i]:  # the end of the last frame before this one, if any
        if left_start < f.region[1] <= frame.region[0] and not (f.mode == "B" and _comparative(text, f, lo)) \
                and not (mode == "B" and f.mode in _OUTLET_MODES):
            left_start = f.region[1]  # (an agentless passive, "is expected to", is part of what is reported)
    if mode == "B" and _nests(text, frames[:i], lo, frame.region[0]):
        left_start = lo  # "Valdoria has asked the council to act, the minister said": the minister reports it all
    if mode == "B" or (mode == "T" and (frame.right is None or frame.cue.start > _skip_opener(text, lo))):
        left = _trim(text, left_start, frame.region[0], 1)
        if mode == "T":
            left = _trim(text, _attached_chunk(text, left_start, frame.region[0]), frame.region[0], 1)
        if left is None and mode == "B" and frame.speaker is not None and frame.speaker[1] <= frame.cue.start:
            # "Rubio says, win or lose in the primary, he is staying in the race": the content follows an aside
            rest = _continuation(text, _skip_space(text, frame.region[1]), hi, frames, i, quotes)
            return (rest, ()) if rest is not None and not _CONJUNCTION.match(text, rest[0]) else (None, ())
        if left is None:
            return None, ()
        after = skip_adverbials(text, frame.region[1], hi)
        if frame.cue.entry is not None and frame.cue.entry.addressee and frame.speaker[0] < frame.cue.start:
            after = skip_adverbials(text, _OBJECT_PRONOUN.match(text, after).end(), hi)
        after = _skip_space(text, after)
        rest = _continuation(text, after, hi, frames, i, quotes) if frame.cue.kind != "poll" else None
        if rest is not None:  # (after a poll: "..., up four points": the writer's note on the figure)
            return (left[0], rest[1]), (left, rest)
        return (left, ()) if len(text[left[0]:left[1]].split()) >= 2 else (None, ())
    if frame.right is None:
        return None, ()
    end = hi
    for g in frames[i + 1:]:
        if g.mode in _CUTTING or g.mode == "T" and g.cue.start > frame.right:
            end = min(end, _cut_point(text, g, lo))
            break
        if g.mode == "A" and g.speaker is not None and _NEW_CLAUSE.search(text, frame.right, g.speaker[0]):
            end = min(end, _NEW_CLAUSE.search(text, frame.right, g.speaker[0]).start())
            break  # "X estimates A; Y puts it at B": the second attribution is not part of A
    if frame.cue.kind == "noun":
        end = clause_end(text, frame.right, end)
    if mode == "E" or (frame.speaker is not None and _SUBORDINATE.match(text, lo, frame.speaker[0])
                       and text.find(",", frame.cue.end, frame.right) < 0) or _appositive_relative(text, frame):
        # ("As X said, A": A is the main clause; "X, who said A, left": A ends with the relative clause)
        end = min(end, _clause_end(text, frame.right, end, quotes))
    # the writer's asides: "..., though she acknowledged it was unlikely", "..., insisting ...", "..., but the
    # court ruled ..."; each pattern holds a comma or "but", so a content without one is not searched
    concessive = _CONCESSIVE.search(text, frame.right, end) if text.find(",", frame.right, end) >= 0 else None
    if concessive is not None and not any(q.open < concessive.start() < q.end for q in quotes):
        end = concessive.start()
    if frame.cue.entry is not None and frame.cue.entry.lemma in _JUDGED_OBJECT:
        relative = _OBJECT_RELATIVE.search(text, frame.right, end)
        if relative is not None and not any(q.open < relative.start() < q.end for q in quotes):
            end = relative.start()  # the writer's relative clause on the object judged: the outlet's
    end = _before_writers_toll(text, frame.right, end, hi, quotes)
    tail = _TRAILING_RELATIVE.search(text, frame.right, end) if text.find(",", frame.right, end) >= 0 else None
    if tail is not None and mode == "A" and not any(q.open < tail.start() < q.end for q in quotes):
        end = tail.start()
    for pattern, held in ((_ADJUNCT, ","), (_BUT_CLAUSE, "but"), (_AND_CLAUSE, ", and")):
        if text.find(held, frame.right, end) < 0:
            continue
        cut = pattern.search(text, frame.right, end)
        if cut is not None and not any(q.open < cut.start() < q.end for q in quotes):
            end = cut.start()
    span = _trim(text, frame.right, end, _least_words(frame))
    if mode == "E" and span is not None and _starts_verb_gap(text, span[0]):
        # "named four members of the faction they said were killed": the count the clause is about is its
        # subject, and the speaker's claim with it
        counted = _counted_antecedent(text, lo, frame.speaker[0]) if frame.speaker is not None else None
        if counted is not None:
            return (counted[0], span[1]), (counted, span)
    if mode == "E" and (span is None or _PREPOSITION.match(text, span[0], span[1])):
        # "the 300 deaths that officials reported", "the flood, which Orsk blames on the dam": what is
        # reported or blamed is the antecedent (with the "on"/"to" argument of the verb, when one follows)
        head = _relative_antecedent(text, lo, frame.region[0])
        if head is None:
            return None, ()
        if span is not None and _ARGUMENT.match(text, span[0]):
            return (head[0], span[1]), (head, span)
        return head, ()
    return span, ()


def _appositive_relative(text: str, frame: Frame) -> bool:
    """Whether ``frame``'s speaker is a relative pronoun opening a clause set off by a comma ("Vale, who
    said ..."): that clause, and the content in it, ends at the next comma."""
    if frame.speaker is None or frame.antecedent is None:
        return False
    if text[frame.speaker[0]:frame.speaker[1]].lower() not in _RELATIVES:
        return False
    return text[:frame.speaker[0]].rstrip().endswith(",")


def _before_writers_toll(text: str, start: int, end: int, hi: int, quotes: list[Quote]) -> int:
    """Where a content ends before the writer's toll of the event it names: "the coalition said inaccurate
    information led it to launch an air strike that killed over 140 people" -- the relative clause that
    closes the sentence identifies the strike for the reader (the outlet's claim, which ``outlet`` makes of
    its figure), it is not what the coalition said. A relative inside the content's subject ("the blast
    that killed 12 was a gas leak": a verb follows) stays the speaker's, and so does the toll of an earlier
    event the speaker invokes ("retaliation for a rocket attack last week that killed one contractor")."""
    if "toll" in text[start:end] or "tally" in text[start:end]:
        total = _WRITERS_TOTAL.search(text, start, end)
        if total is not None and not any(q.open < total.start() < q.end for q in quotes):
            return total.start()  # "inflating the death toll, which officially stands at over 140"
    if "kill" not in text[start:end] and "injur" not in text[start:end] and "wound" not in text[start:end]:
        return end  # (the cheap test first: most contents tell no toll)
    m = _WRITERS_TOLL.search(text, start, end)
    if m is None or _FINITE.search(text, m.start("rest"), end) or any(q.open < m.start() < q.end for q in quotes):
        return end
    if text.find("according to", m.start(), hi) >= 0:
        return end  # "which killed 140 according to one UN estimate": the toll is attributed, not the writer's
    named = _NAMED_EVENT.search(text, max(start, m.start() - 100), m.start())
    if named is not None and _DATED_BEFORE.search(text, named.start(), m.start()):
        return end  # "retaliation for a rocket attack earlier this month that killed one": the speaker's reason
    return m.start()


def _writers_toll(text: str, span: tuple[int, int], unit: Sentence) -> Found | None:
    """The outlet's claim of the writer's toll that ``_before_writers_toll`` cut from the content ``span``,
    with the event it tells the toll of: "an air strike that killed over 140 people" (kept where its figure
    is the outlet's, by ``outlet``)."""
    if text[span[1]:span[1] + 1] not in (",", " "):
        return None
    if not _WRITERS_TOLL.match(text, span[1], unit.end) and not _WRITERS_TOTAL.match(text, span[1], unit.end):
        return None
    named = _NAMED_EVENT.search(text, max(span[0], span[1] - 100), span[1])
    content = _trim(text, named.start() if named is not None else span[1], unit.end)
    return Found("outlet", content, (unit.start, unit.end), outlet=True) if content is not None else None


def _comparative(text: str, frame: Frame, lo: int) -> bool:
    """"not nearly 400 as the Front had claimed": an "as" before the speaker of a cue with no content after
    it compares a figure with that speaker's claim; the sentence around it is not that speaker's."""
    return frame.speaker is not None and frame.speaker[1] <= frame.cue.start and frame.right is None and \
        _AS_BEFORE.search(text, max(lo, frame.speaker[0] - 4), frame.speaker[0]) is not None


def _compared(text: str, frame: Frame, lo: int) -> tuple[int, int] | None:
    """What the speaker of a comparative "as X claimed" said: the phrase before "as", back to a comma,
    without a leading "not" ("not nearly 400 as the Front had claimed" -> "nearly 400")."""
    end = _AS_BEFORE.search(text, max(lo, frame.speaker[0] - 4), frame.speaker[0]).start()
    start = max(lo, text.rfind(",", lo, end) + 1, text.rfind(";", lo, end) + 1)
    m = _NOT_LEAD.match(text, start, end)
    return _trim(text, m.end() if m else start, end, 1)


def _starts_verb_gap(text: str, pos: int) -> bool:
    """Whether a content starts with a verb whose subject is missing ("were killed in the attack")."""
    return _GAP_VERB.match(text, pos) is not None


def _counted_antecedent(text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The counted noun phrase right before a contact relative ("four members of the faction" in "named four
    members of the faction they said were killed"), when the clause between holds no break word."""
    m = _COUNTED_HEAD.search(text, max(lo, pos - 90), pos)
    if m is None or any(word.lower() in words().breaks for word in text[m.start(1):m.end(1)].split()[1:]):
        return None
    return m.start(1), m.end(1)


def _relative_antecedent(text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The noun phrase a relative clause ending at ``pos`` ("..., which Orsk") hangs on: "the 300 deaths"."""
    m = _ANTECEDENT.search(text, max(lo, pos - 90), pos)
    return (m.start(1), m.end(1)) if m is not None else None


def _continuation(text: str, pos: int, hi: int, frames: list[Frame], i: int,
                  quotes: list[Quote]) -> tuple[int, int] | None:
    """After "the dead, the ministry said," the rest of the sentence is content too; after '"A," he said,'
    (or '"A," he said, referring to the attack,') a following quotation is the second part of an
    interrupted quote. A new clause ("..., but she left") or an appositive of an inverted speaker
    ("said Mr. Li, an economist") is not."""
    dashed = _DASH_ASIDE_CLOSE.match(text, pos, hi) if pos < hi and text[pos] != "," else None
    if dashed is not None and not _DASH_ASIDE_OPEN.search(text, max(0, frames[i].region[0] - 4), frames[i].region[0]):
        dashed = None  # a dash that closes no aside opened before the attribution
    if pos >= hi or (text[pos] != "," and dashed is None):
        return None
    start = _skip_space(text, dashed.end() if dashed is not None else pos + 1)
    for q in quotes:
        if start <= q.open < hi and _CLAUSE_GAP.fullmatch(text, start, q.open) and (
                q.open == start or text[start:q.open].rstrip().endswith(",")) and not any(
                start <= f.cue.start < q.open for f in frames[i + 1:]):
            return q.start, q.end
    if any(f.region[0] <= start + 1 and f.region[1] > start for f in frames[i + 1:]):
        return None
    if start >= hi or text[start] in "\"\u201c\u2018":
        return None
    conjunction = _CONJUNCTION.match(text, start, hi)
    if conjunction is not None and (conjunction.group() not in ("and", "but") or any(
            f.region[0] >= start for f in frames[i + 1:])):
        return None  # "..., she said, and the museum was full": the reported clause goes on; not "..., as ..."
    frame = frames[i]
    if frame.speaker is not None and frame.speaker[0] > frame.cue.start and (
            _APPOSITIVE.match(text, start, hi) or frame.mode != "T" and not starts_auxiliary(text, start)):
        return None  # "said Ana Pelt, executive director of ...": the speaker's appositive, not content
    end = hi
    for g in frames[i + 1:]:
        end = min(end, _cut_point(text, g, start))
    return _trim(text, start, end)


def _attached_chunk(text: str, start: int, end: int) -> int:
    """"..., killing at least 22 fighters according to a war monitor": "according to" attaches to the
    participle or "with" clause right before it, not to the whole sentence (the corpus gold annotates the
    participle clause alone; PolNeAR's whole-sentence contents start at the sentence start otherwise)."""
    while end > start and text[end - 1] in " ,\u2013\u2014-":  # (", killing \u2013 according to X \u2013")
        end -= 1
    comma = max(text.rfind(",", start, end), text.rfind(";", start, end))
    if comma > start:
        chunk = text[comma + 1:end].lstrip()
        first = chunk.split()[0].lower() if chunk.split() else ""
        if first.endswith("ing") or first == "with":
            return comma + 1
    return start


def _cut_point(text: str, frame: Frame, lo: int) -> int:
    if frame.mode in _OUTLET_MODES:
        return _clause_start(text, frame.cue.start, lo)
    start = frame.region[0]
    m = _CUT_TAIL.search(text[lo:start])
    return lo + m.start() if m else start


def _clause(text: str, frame: Frame, lo: int, hi: int) -> tuple[int, int] | None:
    """The clause of an agentless passive: "in which [five fighters are reported to have been killed]"."""
    if frame.mode == "impersonal":
        start = _skip_space(text, frame.cue.end)
    else:
        start = _clause_start(text, frame.cue.start, lo)
    end = text.find(",", frame.cue.end, hi)
    return _trim(text, start, end if end > 0 else hi)


def _clause_start(text: str, pos: int, lo: int) -> int:
    start = max(text.rfind(",", lo, pos), text.rfind(";", lo, pos), text.rfind("\u2014", lo, pos))
    start = lo if start < lo else start + 1
    m = re.match(r"\s*(?:(?:in|during|of|among|after|before|for)\s+(?:which|whom)|which|who|where|when|while|"
                 r"and|but|although|as)\s+", text[start:pos])
    return start + (m.end() if m else 0)


def _clause_end(text: str, start: int, end: int, quotes: list[Quote]) -> int:
    pos = start
    while True:
        comma = text.find(",", pos, end)
        if comma < 0:
            return end
        if not any(q.start <= comma < q.end for q in quotes):
            return comma
        pos = comma + 1


def _skip_opener(text: str, lo: int) -> int:
    m = _OPENER.match(text[lo:lo + 12])
    return lo + m.end() if m else lo


def _least_words(frame: Frame) -> int:
    """How many words a content after its cue needs: one for a stance taken towards someone or something
    ("endorsed Lind", "opposes it"), whose object may be a bare name; else two."""
    entry = frame.cue.entry
    return 1 if entry is not None and entry.cls == "position" else 2


def _trim(text: str, start: int, end: int, min_words: int = 2) -> tuple[int, int] | None:
    """The span without surrounding blanks, commas, dashes, a leading "that" or a trailing "and"."""
    while start < end and text[start] in " \t\n,;:\u2014\u2013-":
        start += 1
    if text[start:start + 5].lower() == "that " and not keeps_that():
        start += 5
    if text[end - 1:end] == "]":  # a citation marker: "12 died.[4]"
        m = _CITATION_TAIL.search(text, max(start, end - 24), end)
        end = m.start() if m else end
    while end > start and (text[end - 1] in " \t\n,;:.\u2014\u2013-" or (
            text[end - 1] == ")" and text.count("(", start, end) < text.count(")", start, end))):
        end -= 1
    if text.endswith(_CONJUNCTIONS, start, end):  # the search below finds nothing otherwise
        m = _TRAILING_CONJUNCTION.search(text[start:end])
        if m is not None:
            end = start + m.start()
    if end - start < 2 or len(text[start:end].split(None, min_words - 1)) < min_words:  # fewer than min_words
        return None
    return start, end


def _claim(text: str, frame: Frame, span: tuple[int, int], parts: tuple, sentence: tuple[int, int],
           quotes: list[Quote], found: list[Found], base: int,
           shared: tuple[int, int] | None = None) -> Found | None:
    """The claim of ``frame``; ``shared`` is the subject a coordinated ("C") frame takes from the verb before it."""
    kind, span, parts = _kind(text, span, parts, quotes)
    if frame.mode in _OUTLET_MODES:
        return Found("outlet", span, sentence, (frame.cue.start, frame.cue.end), outlet=True)
    if frame.mode == "T":
        kind = "according_to"
    cue = (frame.cue.start, frame.cue.end)
    carry = None
    speaker = frame.speaker
    if frame.mode == "P" or speaker is None:
        carry = _main_claim(found, base, span)
        if carry is None:
            speaker = subject_of(text, sentence[0], frame.cue.start) if frame.mode == "P" else shared
            # "The governor blasted Congress and said ...": a coordinated verb whose first verb framed no
            # claim (a one-word content) still shares that verb's subject
            if speaker is None or _EXPLETIVE.match(text, speaker[0]):
                return None
        else:
            speaker = None
    if speaker is not None and _OWN_REPORTER.fullmatch(text, speaker[0], speaker[1]):
        return Found("outlet", span, sentence, cue)  # "our correspondent said": the outlet's own report
    if speaker is not None and _DEFINITE_DOCUMENT.fullmatch(text, speaker[0], speaker[1]) and \
            not any(c.speaker is not None for c in found):
        # "the document says": whoever issued it (once a claim has a speaker, ``coref`` takes the last one)
        speaker = _issuer(text, speaker) or speaker
    return Found(kind, span, sentence, cue, speaker, carry, frame.antecedent, frame.via, parts,
                 described=frame.appositive if speaker is not None else None)


def _issuer(text: str, document: tuple[int, int]) -> tuple[int, int] | None:
    """Who issued the document that "the document" / "the statement" points back to: the subject of the
    last "released/issued/published a ..." within a few sentences before it, or None."""
    last = None
    for m in _ISSUED.finditer(text, max(0, document[0] - _ISSUER_WINDOW), document[0]):
        last = m
    if last is None:
        return None
    return phrase_before(text, max(0, last.start() - 120), last.start())


def _main_claim(found: list[Found], base: int, span: tuple[int, int]) -> Found | None:
    """The claim of the main clause that a participle ("adding that") or coordinated verb shares."""
    for k in range(len(found) - 1, base - 1, -1):
        if not found[k].outlet:
            return found[k]
    return None


def _kind(text: str, span: tuple[int, int], parts: tuple, quotes: list[Quote]) -> tuple[str, tuple, tuple]:
    """direct, mixed or indirect, and the span without quote marks when the content is all quoted.

    Content is direct when, without its quotations, no word is left in it (or in each of its parts).
    """
    inside = [q for q in quotes if q.open < span[1] and close_end(text, q) > span[0]]
    if not inside:
        return "indirect", span, parts
    for piece in parts or (span,):
        pos = piece[0]
        for q in inside:
            if q.open >= piece[1] or close_end(text, q) <= piece[0]:
                continue
            if _WORD.search(text, pos, max(pos, q.open)):
                return "mixed", span, parts
            pos = max(pos, close_end(text, q))
        if _WORD.search(text, pos, piece[1]):
            return "mixed", span, parts
    if len(inside) == 1:
        return "direct", (inside[0].start, inside[0].end), ()
    return "direct", (inside[0].start, inside[-1].end), tuple((q.start, q.end) for q in inside)


def _apply_citing(text: str, frame: Frame, found: list[Found], base: int) -> None:
    """"X said ..., citing Y": the claim is Y's, via X; citing one's own staff ("its reporter") keeps X."""
    if len(found) <= base or frame.via is None:
        return
    claim = found[-1]
    cited = text[frame.via[0]:frame.via[1]].lower()
    if _OWN_STAFF.match(cited):
        return
    claim.via, claim.speaker = (claim.speaker or claim.via), frame.via
    if claim.via is None and claim.carry is not None:
        claim.via = claim.carry.speaker
    claim.carry = None


def _place_quotes(text: str, units: list[Sentence], quotes: list[Quote], found: list[Found], first: int,
                  pending: Found | None) -> None:
    """Claims for the quotations of one paragraph that no frame covered."""
    title_before, min_words = _not_claims()
    covered = sorted(c.content for c in found[first:])
    for q in quotes:
        if _overlaps(q, covered):
            continue
        unit = next((u for u in units if u.start <= q.open < u.end), None)
        if unit is None:
            continue
        starts_unit = q.open <= _skip_space(text, unit.start)
        label = _LABEL.match(text, q.start, q.end) if starts_unit else None
        signed = _SIGNATURE.match(text, close_end(text, q), units[-1].end) if starts_unit else None
        owner = _owner(found, first, q, starts_unit, pending)
        claim = None
        if label is not None:  # a transcript: "PENCE: Well, look, ..."
            claim = Found("direct", (label.end(), q.end), (unit.start, unit.end), (label.end(1), label.end(1) + 1),
                          (q.start, label.end(1)))
        elif signed is not None:  # a signed quotation: '"We were never warned." -- Ana Pelt, 34'
            claim = Found("direct", (q.start, q.end), (unit.start, units[-1].end), (signed.start(1) - 1, signed.start(1)),
                          (signed.start(1), signed.end(1)))
        elif owner == "pending" and pending is not None:
            claim = Found("direct", (q.start, q.end), (unit.start, unit.end), pending.cue, pending.speaker)
            pending = None
        elif owner is not None and owner is _last_before(found, first, q) and _ends_quoted(text, owner, quotes) \
                and owner.content[1] < q.start and not text[owner.content[1]:q.open].count("\n"):
            owner.parts = (owner.parts or (owner.content,)) + ((q.start, q.end),)
            covered.remove(owner.content)
            owner.content = (owner.content[0], q.end)
            insort(covered, owner.content)
            continue
        elif owner is not None:
            claim = Found("direct", (q.start, q.end), (unit.start, unit.end), carry=owner)
        elif starts_unit and q.words(text) >= min_words and not title_before.search(text, unit.start, q.open):
            claim = Found("unattributed_quote", (q.start, q.end), (unit.start, unit.end))
        if claim is not None:
            found.append(claim)
            insort(covered, claim.content)


def _ends_quoted(text: str, claim: Found, quotes: list[Quote]) -> bool:
    """Whether ``claim`` ends with quoted words, so that a quotation after its attribution carries it on:
    '"A," X said. "B."' (direct) and 'Sanders "has won," X said. "B."' (mixed) are one claim each."""
    if claim.kind == "direct":
        return True
    return claim.kind == "mixed" and any(q.start < claim.content[1] <= close_end(text, q) for q in quotes)


def _overlaps(q: Quote, covered: list[tuple[int, int]]) -> bool:
    """Whether a claim content in ``covered`` (sorted spans) overlaps quote ``q``; only the few spans that
    start last before the quote's end are looked at, which keeps long quote-heavy paragraphs linear."""
    k = bisect_right(covered, (q.end, q.end))
    return any(s < q.end and e > q.start for s, e in covered[max(0, k - 8):k])


def _last_before(found: list[Found], first: int, q: Quote) -> Found | None:
    """The claim of the paragraph (``found[first:]``) that starts last before quote ``q``: the one whose quote
    ``q`` carries on ('"A," he said. "B." Later the senator said C.': "B" is his, not the senator's)."""
    best = None
    for c in found[first:]:
        if not c.outlet and c.content[0] < q.open and (best is None or c.content[0] >= best.content[0]):
            best = c
    return best


def _owner(found: list[Found], first: int, q: Quote, starts_unit: bool, pending: Found | None):
    """Whose words a quote with no cue of its own are: a pending "X said:", the speaker of the quote it
    carries on, of the previous quote in its paragraph, or of the paragraph before."""
    if not starts_unit:
        return None
    if pending is not None:
        return "pending"
    last = _last_before(found, first, q) or next((c for c in reversed(found) if not c.outlet), None)
    if last is None:
        return None
    if q.continues or len(found) > first:
        return last
    return last if last.kind != "unattributed_quote" else None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos
