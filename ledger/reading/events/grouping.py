"""Which claims of one article are about which event.

An article usually reports one main event, named in its title and lead ("US air strikes on militia in
eastern Syria ... on Thursday"), and mentions others: the rocket attack a strike retaliates for, an earlier
strike "in February", a series of attacks "since the start of the year". The rules, in order:

1. The **main event** takes its kind from the title and lead (the most specific word: "air strike" over
   "strike" over "attack") and its date from the time attached to those words, else from the first main
   event word in the body that has one, else from the publication day.
2. Every **event word** of the body is then placed: a series ("recent attacks", "more than 40 attacks since
   January", or a bare plural of another kind: "14 were rocket attacks") is background; "that attack" and
   a generic "the attack" refer back to the last event named (unless their own time says otherwise: "the
   Harla Pass attack two weeks ago"); a word of a compatible kind whose own time
   fits the main date is the main event; anything else (another kind, another date, "a second strike",
   "another attack", introduced by "in retaliation for", "after", or owned by a relative clause "a militia
   that launched rocket attacks") is another event, shared by the words of compatible kind and time.
3. A claim that embeds another event with its toll is split in two (:mod:`ledger.reading.events.splitting`);
   a report on strikes at several sites gives each site's claims their own event
   (:mod:`ledger.reading.events.sites`).
4. A **claim** is about the event of its own first event word (not one inside a marker or relative clause
   of the claim itself): "the strikes were retaliation for a rocket attack earlier this month" is the
   strike; "a rocket attack earlier this month that killed one contractor" is the rocket attack. A claim
   whose figures only count attacks counts a series (background) unless a day or week dates them, and one
   whose figures all count a war's toll ("since the start of the war") is background too; a claim
   with no event word is dated by its own time expression, is background when it speaks of a period
   ("since the start of the year"), and is otherwise about the main event.

Example: in "The strike comes after 14 rockets were launched at an airbase in Iraq. That attack killed one
contractor.", the second sentence is about the rocket attack, not the strike.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache

from ledger.reading.events import kinds
from ledger.reading.events.labels import finish, site_words, sites_hit
from ledger.reading.events.scopes import wider_figures
from ledger.text.data import load
from ledger.text.phrases import folded_for_ignorecase
from ledger.reading.events.mentions import Mention
from ledger.reading.events.article import Article, When
from ledger.reading.events.sites import by_site
from ledger.reading.events.splitting import split_claims
from ledger.reading.events.timexpr import PRECISION_RANK, window
from ledger.reading.events.types import ArticleEvents, Draft
from ledger.reading.types import Claim, Figure

BEFORE_WINDOW_DAYS = 31  # an event a strike "came after" / "retaliated for" happened within the month before it
OWNER_GAP = 25  # "three recent missile attacks": a count and the event word it counts are this close


def group_events(text: str, published: date | None, claims: list[Claim], title: str | None = None,
                 published_precision: str | None = None,
                 sentences: list[tuple[int, int]] | None = None) -> ArticleEvents:
    """The events of one article, its claims and, for each claim, the index of its event (None: about no
    event).

    ``published`` is the article's publication date (or None; its first day when ``published_precision``
    is ``month`` or ``year``, and then no day is ever made up from it); claims carry spans into ``text``. Only
    events that some claim is about are returned, the main event first. The returned ``claims`` are the
    given ones, except that a claim telling two events ("the strikes were retaliation for a rocket attack
    earlier this month that killed one contractor") is split in two (:mod:`ledger.reading.events.splitting`);
    ``claim_events`` is aligned with them. ``sentences`` are the text's sentences when the caller has them
    (the reading's, covering the text), else the one splitter's.

    >>> from ledger.reading.types import Claim, Span, Speaker
    >>> text = "A US air strike on Thursday killed five fighters, the monitor said."
    >>> claim = Claim("indirect", Span.of(text, 0, 48), Speaker("the monitor"))
    >>> found = group_events(text, date(2021, 2, 26), [claim])
    >>> found.events[0].kind, found.events[0].date.isoformat(), found.claim_events, len(found.claims)
    ('air strike', '2021-02-25', (0,), 1)
    """
    if not claims:
        return ArticleEvents((), (), ())
    article = Article.read(text, published, title, published_precision, sentences)
    main = _main_event(article)
    drafts = [main]
    assigned = _assign_mentions(article, main, drafts)
    owns = [_claim_event(article, claim, main, drafts, assigned) for claim in claims]
    pieces = split_claims(article, claims, assigned, owns)
    pieces = by_site(article, pieces, main, drafts, sites_hit(article), site_words())
    return finish(article, drafts, [draft for _, draft in pieces], tuple(claim for claim, _ in pieces))


# ---------------------------------------------------------------- the main event


def _own(m: Mention) -> bool:
    return not m.secondary and not m.series


def _main_event(article: Article) -> Draft:
    """The main event. A title and lead that name an event only after a marker ("Militias vow revenge after
    US airstrike", "... promised revenge after the US carried out airstrikes Sunday night") report the
    reaction to it: that event is the main one, its words no longer secondary."""
    lead = [m for m in article.title_mentions if _own(m)]
    lead += [m for m in article.mentions if m.start < article.lead_end and _own(m)]
    if not lead:
        for m in article.title_mentions + [m for m in article.mentions if m.start < article.lead_end]:
            dated = any(t.role == "event" for t in m.times)  # "airstrikes ... Sunday night": one event
            if m.secondary and m.marker == "before" and (dated or not m.series):
                m.secondary = m.before = m.series = False
                m.marker = m.marker_start = m.marker_end = None
                lead.append(m)
    body = [m for m in article.mentions if _own(m)]
    kind = _main_kind(lead or body[:1], body)
    return Draft(kind, _main_when(article, kind, lead, body), main=True)


def _main_kind(candidates: list[Mention], body: list[Mention]) -> str | None:
    """The most specific kind of the lead; a family word ("strike") is refined by the article's most
    frequent specific kind compatible with it ("air strikes on Thursday")."""
    if not candidates:
        return None
    best = max(candidates, key=lambda m: kinds.specificity(m.kind))  # max keeps the first of equals
    if kinds.specificity(best.kind) == 2:
        return best.kind
    counts: dict[str, int] = {}
    for m in body:
        if kinds.specificity(m.kind) > kinds.specificity(best.kind) and kinds.compatible(m.kind, best.kind):
            counts[m.kind] = counts.get(m.kind, 0) + 1
    return max(counts, key=counts.get) if counts else best.kind


def _main_when(article: Article, kind: str | None, lead: list[Mention], body: list[Mention]) -> When:
    """The most precise event time of the lead's event words, else the lead's first event time given to
    no word ("Five were wounded when ... on Tuesday"), else that of the first main-kind word of the body,
    else the body's first written-out day or month given to no word (a follow-up naming it in passing: "the
    theatre, hit on March 16, had sheltered ...", "destroyed in March"), else the publication day (the event happened then or in
    the two days before)."""
    rank = PRECISION_RANK
    loose = [t for t in article.times if t.role == "event" and id(t) not in article.attached]
    lead_loose = [t for t in loose if t.start < article.lead_end]
    latest = article.published
    if latest is not None and article.published_precision in ("month", "year"):
        latest = window(latest, article.published_precision)[1]
    written = [t for t in loose if t.key.startswith(("d:", "y:m:")) and (latest is None or t.first <= latest)
               and _dating_verb(article, t)]
    for group in (lead, None, body, ()):
        if group is None:
            times = lead_loose[:1]
        elif group == ():
            times = written[:1]
        else:
            times = [t for m in group if kinds.compatible(m.kind, kind) for t in m.times if t.role == "event"]
        if times:  # the finest; of two days, a date written out over a weekday ("on Jan. 8" over "Thursday")
            return When.of(max(times, key=lambda t: (rank.get(t.precision or "", -1), t.key.startswith("d:"))))
    if article.published is None:
        return When(None, None, None)
    if article.published_precision in ("month", "year"):  # some day of that month or year, or just before
        first, last = window(article.published, article.published_precision)
        return When(first - timedelta(days=2), last, None, from_publication=True)
    return When(article.published - timedelta(days=2), article.published, None, from_publication=True)


DATING_REACH = 4  # words between an attack verb and the date it is given ("hit by drones on March 16")


@lru_cache(maxsize=1)
def _dating_verbs() -> re.Pattern:
    verbs = "|".join(load("event_kinds.json")["dating_verbs"])
    return re.compile(rf"\b(?:{verbs})\b(?:\s+\S+){{0,{DATING_REACH}}}\s*$", re.IGNORECASE)


def _dating_verb(article: Article, t) -> bool:
    """True when a verb of attack comes right before the time ("being hit on March 16", "destroyed in
    March"): the time dates the attack, not a photograph or a statement."""
    start = article.sentence_of(t.start)[0]
    return _dating_verbs().search(article.text, max(start, t.start - 60), t.start) is not None


# ---------------------------------------------------------------- event words


def _assign_mentions(article: Article, main: Draft, drafts: list[Draft]) -> list[Draft | None]:
    """The draft of every event word of the body, in text order (None for a series)."""
    assigned: list[Draft | None] = []
    for index, m in enumerate(article.mentions):
        draft = _place(article, index, m, main, drafts, assigned)
        assigned.append(draft)
        if draft is not None:
            draft.mentions.append(m)
            if draft is main and _own(m):
                for t in m.times:
                    if t.role == "event" and main.when is not None:
                        main.when = main.when.narrowed(When.of(t))
    return assigned


def _place(article: Article, index: int, m: Mention, main: Draft, drafts: list[Draft],
           assigned: list[Draft | None]) -> Draft | None:
    if m.series:
        return None
    if m.determiner == "demonstrative" or (m.definite and kinds.specificity(m.kind) == 0):
        earlier = _antecedent(article, index, m, assigned)
        if earlier is not None and _fits(m, earlier) is not False:  # "the attack two weeks ago": not that one
            return earlier
    if not m.secondary and not m.distinct and kinds.compatible(m.kind, main.kind) and _fits(m, main) is True:
        return main
    if m.plural and m.determiner is None and not m.times:
        return None  # "14 were rocket attacks", "bombs against convoys": a kind of event, not one event
    return _other(m, main, drafts)


def _antecedent(article: Article, index: int, m: Mention, assigned: list[Draft | None]) -> Draft | None:
    """The event a "that attack" / "the attack" refers back to: the last event named before it (for "the",
    only in the same or the previous sentence, or the one before that when the previous names no event:
    "Militias fired rockets at the base. The coalition answered with artillery. No one was hurt in the
    attack"), of a compatible kind."""
    reach = m.sentence - 1
    if index and article.mentions[index - 1].sentence < reach:
        reach -= 1  # the previous sentence names no event
    for j in range(index - 1, -1, -1):
        earlier, draft = article.mentions[j], assigned[j]
        if m.determiner != "demonstrative" and earlier.sentence < reach:
            return None
        if draft is not None and kinds.compatible(earlier.kind, m.kind):
            return draft
    return None


def _fits(m: Mention, draft: Draft) -> bool | None:
    """Whether the word's own times fit the draft's date: True when it has none or one fits, False when
    none does, None when it cannot be told ("in February" in an undated article with a dated lead)."""
    times = [When.of(t) for t in m.times if t.role == "event"]
    if not times or draft.when is None:
        return True
    verdicts = [draft.when.compatible(t) for t in times]
    return True if any(verdicts) else False if all(v is False for v in verdicts) else None


def _other(m: Mention, main: Draft, drafts: list[Draft]) -> Draft:
    """Another event than the main one: an earlier draft of compatible kind and time, or a new one."""
    times = [When.of(t) for t in m.times if t.role == "event"]
    when = times[0] if times else None
    if when is None and m.before and main.when is not None and main.when.dated:
        when = When(main.when.first - timedelta(days=BEFORE_WINDOW_DAYS), main.when.last - timedelta(days=1),
                    None)
    for draft in drafts[1:]:
        if kinds.compatible(draft.kind, m.kind) and _times_agree(draft.when, when):
            if draft.when is None or (when is not None and draft.when.first is None):
                draft.when = when
            elif when is not None:
                draft.when = draft.when.narrowed(when)
            return draft
    draft = Draft(m.kind, when)
    drafts.append(draft)
    return draft


def _times_agree(a: When | None, b: When | None) -> bool:
    return a is None or b is None or a.compatible(b) is not False


# ---------------------------------------------------------------- claims


def _claim_event(article: Article, claim: Claim, main: Draft, drafts: list[Draft],
                 assigned: list[Draft | None]) -> Draft | None:
    start, end = claim.content.start, claim.content.end
    if claim.figures and _war_toll(article, claim):
        return None
    if claim.figures:
        decided, draft = _counted_event(article, claim.figures, assigned)
        if decided:
            return draft
    detentions = _may_tell_detentions(article.text, start, end) and \
        _detentions().search(claim.content.text) is not None
    starts, mentions = article.mention_starts, article.mentions
    for i in range(bisect_left(starts, start), bisect_left(starts, end)):
        m = mentions[i]
        if m.end <= end and not (m.secondary and m.marker_start is not None and m.marker_start >= start):
            # "26 suspects arrested during operations": a generic word names the arrests' operation
            return None if detentions and kinds.specificity(m.kind) == 0 else assigned[i]
    subject = _sentence_subject(article, start, end)
    if subject is not None:
        return assigned[subject]
    if detentions:  # an operation's tally of arrests, not the strike's toll
        return None
    return _by_time(article, start, end, main, drafts)


def _war_toll(article: Article, claim: Claim) -> bool:
    """Whether every figure of the claim counts over a wider conflict than one event ("the insurgency has
    killed more than 15,000 people since 2010", "2,400 killed in the city since the start of the war":
    :func:`ledger.reading.events.scopes.wider_figures`): the war's toll, about no specific event. A claim
    that names an attack of its own ("twin airstrikes hit a theater in the besieged city") is about it."""
    starts, mentions = article.mention_starts, article.mentions
    for i in range(bisect_left(starts, claim.content.start), bisect_left(starts, claim.content.end)):
        if kinds.specificity(mentions[i].kind) > 0 and not mentions[i].series:
            return False
    first = min(claim.content.start, article.sentence_of(claim.content.start)[0])
    last = max(claim.content.end, article.sentence_of(claim.content.end - 1)[1])
    spans = [(f.span.start - first, f.span.end - first) for f in claim.figures]
    if any(start < 0 or end > last - first for start, end in spans):
        return False
    return all(wider_figures(article.text[first:last], spans))


@lru_cache(maxsize=1)
def _detentions() -> re.Pattern:
    """Words of arrests, detentions and surrenders: a claim that tells them and names no event word, or only a
    generic one ("26 suspects were arrested during operations", "five fighters surrendered"), is about no
    specific event (``event_kinds.json``)."""
    return re.compile(rf"\b(?:{'|'.join(load('event_kinds.json')['detention_words'])})\b", re.IGNORECASE)


def _may_tell_detentions(text: str, start: int, end: int) -> bool:
    """False when the claim ``text[start:end]`` cannot hold a detention word: none of the letters such a word
    starts with begins there (``_detention_offsets``). Offsets found once per article replace a search of
    every claim (most claims tell no arrest); True (search the claim) when that cannot be told."""
    offsets = _detention_offsets(text)
    if offsets is None:
        return True
    k = bisect_left(offsets, start)
    return k < len(offsets) and offsets[k] < end


@lru_cache(maxsize=2)
def _detention_offsets(text: str) -> list[int] | None:
    """Where the letters a detention word starts with ("arrest", "detain", ...) occur in ``text``, sorted; None
    unless the lowercased text finds what IGNORECASE finds (``folded_for_ignorecase``) and every word has such
    letters."""
    starts = _detention_starts()
    folded = folded_for_ignorecase(text) if starts is not None else None
    if folded is None:
        return None
    offsets = []
    for letters in starts:
        at = folded.find(letters)
        while at >= 0:
            offsets.append(at)
            at = folded.find(letters, at + 1)
    return sorted(offsets)


@lru_cache(maxsize=1)
def _detention_starts() -> tuple[str, ...] | None:
    """The letters every match of each detention word starts with ("arrest(?:s|ed)?" -> "arrest",
    "detentions?" -> "detention"); None when a word does not open with plain lowercase letters or holds an
    alternative of its own at its top level."""
    starts = []
    for word in load("event_kinds.json")["detention_words"]:
        letters = re.match(r"[a-z]*", word).group()
        if word[len(letters):len(letters) + 1] in ("?", "*", "{"):
            letters = letters[:-1]  # the last letter is optional
        if not letters or _top_level_alternative(word):
            return None
        starts.append(letters)
    return tuple(starts)


def _top_level_alternative(pattern: str) -> bool:
    """Whether ``pattern`` holds a "|" outside any group."""
    depth, escaped = 0, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def _sentence_subject(article: Article, start: int, end: int) -> int | None:
    """The event word a claim's own sentence names before the claim, when the claim names none but dates
    itself: "The death toll in Tuesday's bombing of the camp rose to 54 Thursday" is about the bombing,
    whatever day the toll rose (the last such word not in a marker clause; None when there is none, or
    when the claim has no time of its own: it then goes by the article's main event)."""
    times = article.times[bisect_left(article.time_starts, start):bisect_left(article.time_starts, end)]
    if not any(t.role == "event" and id(t) not in article.attached for t in times):
        return None
    first = article.sentence_of(start)[0]
    starts, mentions = article.mention_starts, article.mentions
    for i in range(bisect_left(starts, start) - 1, bisect_left(starts, first) - 1, -1):
        m = mentions[i]
        if m.end <= start and not m.secondary and not m.series:
            return i
    return None


def _by_time(article: Article, start: int, end: int, main: Draft, drafts: list[Draft]) -> Draft | None:
    """A claim without an event word of its own: its own time decides (in the claim or in its sentence
    before it: "Since the start of the year, 150 people have been killed"), a period makes it background."""
    first = min(start, article.sentence_of(start)[0])
    near = article.times[bisect_left(article.time_starts, first):bisect_left(article.time_starts, end)]
    if not near:
        return main  # no time of its own: the main event
    own = [t for t in near if id(t) not in article.attached]
    dated = [When.of(t) for t in own if t.role == "event"]
    if dated:
        if main.when is None or any(main.when.compatible(w) for w in dated) or _aftermath(article, main, dated):
            return main
        for draft in drafts[1:]:
            if draft.kind is None and draft.when is not None and draft.when.compatible(dated[0]):
                return draft
        draft = Draft(None, dated[0])
        drafts.append(draft)
        return draft
    if any(t.role == "period" for t in own):
        return None
    return main


def _aftermath(article: Article, main: Draft, dated: list[When]) -> bool:
    """Whether a claim without an event word, dated after the main event and no later than the article,
    tells its aftermath ("the toll rose to 54 on Thursday", "five were discharged on Thursday") rather than
    another event: an event of its own would have been named."""
    event = main.when
    if main.kind is None or event is None or not event.dated or event.from_publication:
        return False
    return all(w.dated and w.first > event.last and (article.published is None or w.last <= article.published)
               for w in dated)


@lru_cache(maxsize=1)
def _count_metrics() -> tuple[frozenset[str], frozenset[str]]:
    markers = load("markers.json")
    return frozenset(markers["event_count_metrics"]), frozenset(markers["series_metrics"])


def _counted_event(article: Article, figures: list[Figure], assigned: list[Draft | None]) -> tuple[bool, Draft | None]:
    """For a claim whose figures only count events ("three recent missile attacks", "14 were rocket
    attacks"): (True, the event of the counted word), background for a count of attacks that no day or week
    ties to an event ("40 attacks this year" is a series). (False, None) when the figures say nothing
    about the event."""
    counting, series = _count_metrics()
    if not figures or any(f.metric not in counting for f in figures):
        return False, None
    found: set[int | None] = set()
    for f in figures:
        owner = _owner(article, f)
        if owner is None:
            if f.metric not in series:
                return False, None
            found.add(None)
            continue
        m = article.mentions[owner]
        dated = any(t.role == "event" and t.precision in ("day", "week") for t in m.times)
        found.add(None if (f.metric in series and not dated) or assigned[owner] is None else owner)
    if len(found) != 1:
        return False, None
    owner = found.pop()
    return True, None if owner is None else assigned[owner]


def _owner(article: Article, figure: Figure) -> int | None:
    """The event word a count figure counts: inside its span, or right after it ("14 were rocket attacks")."""
    start, end = figure.span.start, figure.span.end
    for i, m in enumerate(article.mentions):
        if start <= m.start and m.end <= end:
            return i
        if end <= m.start <= end + OWNER_GAP:
            gap = article.text[end:m.start]
            if len(gap.split()) <= 3 and all(ch.isalnum() or ch in " -'’\n" for ch in gap):
                return i
    return None
