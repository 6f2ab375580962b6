"""Time expressions in news text, resolved against the article's publication date.

News dates events relative to the day of publication: "on Thursday" in a Friday paper is yesterday, "last
month" in a March paper is February. Every expression becomes a :class:`TimeExpr`: the span of text, the
first and last day it can mean, a precision, and a role:

- ``event``: dates something that happened ("on Thursday", "last week's bombing", "on Feb. 25");
- ``period``: a stretch of time, not an event date ("since the start of the year", "in the past week");
- ``statement``: dates the statement, not the event ("an official said on Friday"); never dates an event;
- ``sequence``: relative to the event being told ("hours later", "the next day"), in days from its date.

The common forms are resolved with plain date arithmetic over the word lists in ``ledger/vocab/time_words.json``,
plain numeric dates ("25/02/2021", "9/17/16") too; dateparser (0.2 s to import and first call, about 1 ms a
call after) is only a cached fallback for the odd numeric ones ("5/13/12"). When the
publication date is unknown, relative expressions are resolved against :data:`FLOAT_ANCHOR` and marked
``floating``: they compare with each other ("on Thursday" and "this evening" may be the same day) but never
with real dates, and a month named without a year ("in February") keeps only its ``key``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache, partial

from ledger.text import anchors as scan
from ledger.text.phrases import phrase_trie
from ledger.text.data import load
from ledger.text.fast_init import fast_init
from ledger.text.phrases import first_characters, folded_for_ignorecase, lowercase_twin, start_lookahead

FLOAT_ANCHOR = date(2000, 6, 15)  # stands for an unknown publication day; never shown, never compared with real dates
PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}  # finer dates rank higher


@fast_init  # made many times per article (see fast_init)
@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression: where it is, what it means, and what it dates (``role``).

    ``first``/``last`` bound the days it can mean (inclusive); for ``sequence`` they are None and
    ``offsets`` holds the day offsets from the event being told. ``key`` is a symbolic form that still
    compares when the publication date is unknown ("weekday:3", "month:2").
    """

    start: int
    end: int
    text: str
    role: str
    first: date | None
    last: date | None
    precision: str | None
    key: str
    floating: bool = False
    offsets: tuple[int, int] | None = None

    @property
    def dated(self) -> bool:
        """True when the expression points at real days (not floating, not a bare month without year)."""
        return self.first is not None and not self.floating


def find_times(text: str, published: date | None, lowered: str | None = None,
               hits: list[scan.Hit] | None = None, published_precision: str | None = None) -> list[TimeExpr]:
    """Every time expression of ``text``, in order, resolved against ``published`` (a date or None).
    ``lowered`` (the lowercased text) and ``hits`` (its anchors, :func:`anchor_words`) may be passed when
    already computed.

    An article dated only by its month or year (``published_precision``, ``published`` its first day) gives
    no day to count from: a relative expression ("on Thursday", "last week") is then every day it can mean
    from any day of that month or year, a window with no precision of its own, never a day made up.

    >>> [t.first.isoformat() for t in find_times("The strike on Thursday", date(2021, 2, 26))]
    ['2021-02-25']
    """
    found = []
    lowered = lowered if lowered is not None and len(lowered) == len(text) else scan.lower(text)
    if hits is None:
        hits = scan.anchor_hits(lowered, anchor_words())
    cased = _cased_anchors()
    hits = [(at, word) for at, word in hits if word not in cased or text[at].isupper()]
    if not hits:  # most stretches of text name no time: nothing more to read (nor to fold)
        return found
    folded = folded_for_ignorecase(text)
    for match in scan.matches_near(_patterns_by_anchor(), lowered, hits, 40):
        if not _month_capitalised(match, text):
            continue
        expr = _resolve(match, text, published, published_precision)
        if expr is None:
            continue
        if expr.role == "event" and _is_statement_time(text, expr.start, expr.end, folded):
            expr = _with_role(expr, "statement")
        found.append(expr)
    return _years_ago_joined(found, text) if len(found) > 1 else found


def _years_ago_joined(found: list[TimeExpr], text: str) -> list[TimeExpr]:
    """ "A year ago on January 8", "two years ago in March": the date without a year is in the year the
    "ago" names, not the latest one before publication; the two become one expression."""
    join = _year_ago_join()
    joined: list[TimeExpr] = []
    for expr in found:
        ago = joined[-1] if joined else None
        if (ago is not None and ago.key.startswith("ago:y:") and ago.first is not None and not ago.floating
                and expr.role == "event" and expr.precision in ("day", "month") and expr.first is not None
                and not _YEAR.search(expr.text) and join.match(text, ago.end, expr.start)):
            moved = _in_year(expr, ago.first.year)
            if moved is not None:
                joined[-1] = TimeExpr(ago.start, expr.end, text[ago.start:expr.end], "event", moved.first,
                                      moved.last, moved.precision, moved.key)
                continue
        joined.append(expr)
    return joined


_YEAR = re.compile(r"\b\d{4}\b")


@lru_cache(maxsize=1)
def _year_ago_join() -> re.Pattern:
    return re.compile(load("time_words.json")["year_ago_join"], re.IGNORECASE)  # matched at a position: no ^


def _in_year(expr: TimeExpr, year: int) -> TimeExpr | None:
    """The same day or month in ``year`` (None for a 29 February that year lacks)."""
    try:
        first = expr.first.replace(year=year)
    except ValueError:
        return None
    if expr.precision == "day":
        last, key = first, f"d:{first.isoformat()}"
    else:
        last, key = first.replace(day=calendar.monthrange(year, first.month)[1]), f"y:m:{year}-{first.month}"
    return TimeExpr(expr.start, expr.end, expr.text, expr.role, first, last, expr.precision, key)


def compatible(a: TimeExpr, b: TimeExpr, slack: int = 1) -> bool | None:
    """Whether two event times can mean the same day: True, False, or None when it cannot be told.

    Real dates overlap within ``slack`` days (an overnight strike is Thursday in Washington, Friday in
    Syria); floating dates compare with floating ones; otherwise equal keys are compatible and anything
    else unknown. Example: "last week" and "on Thursday" read on a Monday overlap.
    """
    if a.first is None or b.first is None:
        return True if a.key == b.key else None
    if a.floating != b.floating:
        return None
    return windows_overlap((a.first, a.last), (b.first, b.last), slack)


def windows_overlap(a: tuple[date, date], b: tuple[date, date], slack: int = 0) -> bool:
    """True when two inclusive day windows overlap, each widened by ``slack`` days."""
    pad = timedelta(days=slack)
    return a[0] - pad <= b[1] and b[0] - pad <= a[1]


def window(day: date | None, precision: str | None) -> tuple[date, date] | None:
    """The days a stored date of this precision can mean: the week, the month, the year of ``day``.

    A ``day`` is itself; a date without precision was taken from the publication date, so the event
    happened on that day or in the few days before (4 days, a long weekend of reporting).
    """
    if day is None:
        return None
    if precision == "day":
        return day, day
    if precision == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day - timedelta(days=4), day


# ---------------------------------------------------------------- the pattern


@lru_cache(maxsize=None)
def _lower_keys(table: str) -> dict:
    """A name table of time_words.json ("months", "weekdays") keyed by lowercase names."""
    return {k.lower(): v for k, v in load("time_words.json")[table].items()}


@lru_cache(maxsize=1)
def _parts() -> dict[str, str]:
    """The alternatives of the time pattern by name, in priority order, written for lowercased text."""
    w = load("time_words.json")
    alt = partial(phrase_trie, fold=False)
    months = [m.lower() for m in w["months"]]
    month_any = alt(months)
    month_full = alt([m.lower() for m in w["months"] if m not in w["month_abbreviations_need_day"]])
    number = alt(w["numbers"])
    periods = "|".join(p.replace("MONTH", f"(?:{month_full})").replace("NUMBER", f"(?:{number})")
                       for p in w["periods"])
    return {
        "iso": r"(?P<iso>\d{4}-\d{2}-\d{2})",
        "num": r"(?P<num>\d{1,2}/\d{1,2}/\d{2,4})",
        "period": rf"(?P<period>{periods})",
        "seq": rf"(?P<seq>{alt(w['sequence'])})",
        "ago": rf"(?P<ago>(?P<ago_n>\d+|{number})\s+(?P<ago_u>day|week|month|year)s?\s+ago)",
        "mdy": rf"(?P<mdy>(?P<mdy_m>{month_any})\.?\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mdy_y>\d{{4}})\b)?)",
        "dmy": rf"(?P<dmy>(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{month_any})\b\.?(?:,?\s+(?P<dmy_y>\d{{4}})\b)?)",
        "wd": rf"(?P<wd>(?:(?P<wd_mod>last|this|next|early|late)\s+)?(?P<wd_name>{alt([d.lower() for d in w['weekdays']])})"
              rf"(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?)",
        "relday": rf"(?P<relday>{alt(w['relative_days'])})",
        "relweek": rf"(?P<relweek>{alt(w['relative_weeks'])})",
        "relmonth": rf"(?P<relmonth>{alt(w['relative_months'])})",
        "relyear": rf"(?P<relyear>{alt(w['relative_years'])})",
        "mon": rf"(?P<mon>(?P<mon_mod>in|during|until|by|of|before|from|through|early|mid|late|last|this)[\s-]+"
               rf"(?:(?:early|mid|late)[\s-]+)?(?P<mon_name>{month_full})\b(?!\.?\s+\d{{1,2}}\b)(?:,?\s+(?P<mon_y>\d{{4}})\b)?)",
        "yr": r"(?P<yr>(?:in|during|by)\s+(?P<yr_y>(?:19|20)\d{2}))",
    }


def _compile(names) -> re.Pattern:
    """The forms ``names`` as one pattern. It is searched at every offset of a window near an anchor:
    ``start_lookahead`` (when the forms' first characters are known) lets the engine give up at once where
    none can start (the same matches, for less work)."""
    parts = _parts()
    body = "|".join(parts[n] for n in parts if n in names)
    return re.compile(rf"\b{_start_lookahead(body)}(?:{body})\b")


def _start_lookahead(body: str) -> str:
    """``start_lookahead(body)``, also for forms that open with a digit (``\\d``, whose characters
    ``first_characters`` cannot list): those are read as if ``\\d`` were "0", and the class gets ``\\d``."""
    lookahead = start_lookahead(body)
    if lookahead or "\\d" not in body or "\\\\" in body:  # (an escaped backslash: not read this way)
        return lookahead
    chars = first_characters(body.replace("\\d", "0"))
    return f"(?=[\\d{re.escape(chars)}])" if chars else ""


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """The whole time pattern (one alternative per form), on lowercased text; month names are checked for
    their capital afterwards ("May", not "may")."""
    return _compile(set(_parts()))


def anchor_words() -> tuple[str, ...]:
    """The lowercase words one of which every time expression contains (``ledger/vocab/time_words.json``)."""
    words = load("time_words.json")
    return tuple(words["anchors"]) + tuple(w.lower() for w in words["anchors_cased"])


@lru_cache(maxsize=1)
def _patterns_by_anchor() -> dict[str, re.Pattern]:
    """For each anchor word, the pattern of only the forms it can belong to (``anchor_groups``)."""
    groups = load("time_words.json")["anchor_groups"]
    cache: dict[tuple[str, ...], re.Pattern] = {}
    return {word: cache.setdefault(tuple(groups[word]), _compile(set(groups[word]))) for word in anchor_words()}


@lru_cache(maxsize=1)
def _cased_anchors() -> frozenset[str]:
    return frozenset(w.lower() for w in load("time_words.json")["anchors_cased"])


@lru_cache(maxsize=2)
def _statement_patterns(folded: bool = False) -> tuple[re.Pattern, ...] | None:
    """The statement patterns (case-insensitive): before the time, after it, a sentence opening, "when X
    said" after it, and a closing "said <speaker> on"; with ``folded``, their lowercase twins for text from
    ``folded_for_ignorecase`` (several times faster), or None when they are not written in lowercase."""
    if folded:
        twins = tuple(lowercase_twin(p) for p in _statement_patterns())
        return None if None in twins else twins
    w = load("time_words.json")
    before = re.compile(rf"\b{w['statement_before']}\s*,?\s*$", re.IGNORECASE)
    after = re.compile(rf"^\s*{w['statement_after']}", re.IGNORECASE)
    verbs = w["statement_after"].split("(?:", 2)[2]  # the verb alternation, without the optional comma
    opening = re.compile(rf"^\s*,?\s*(?:[\w'’.-]+\s+){{1,{w['statement_subject_words']}}}?(?:{verbs}",
                         re.IGNORECASE)
    when_said = re.compile(rf"^\s*{w['statement_when_after']}", re.IGNORECASE)
    trailing = re.compile(w["statement_trailing"], re.IGNORECASE)
    return before, after, opening, when_said, trailing


@lru_cache(maxsize=1)
def _trailing_speakers() -> frozenset[str]:
    return frozenset(load("time_words.json")["statement_trailing_speakers"])


def _month_capitalised(match: re.Match, text: str) -> bool:
    """Month names count only when written with a capital: "in May" is a month, "it may" is not."""
    groups = match.re.groupindex
    for group in ("mdy_m", "dmy_m", "mon_name"):
        at = match.start(group) if group in groups else -1
        if at != -1:
            return text[at].isupper()
    return True


_SENTENCE_BREAK = re.compile(r".*(?:[.!?][\"'”’)]*\s|\n)", re.DOTALL)


def _is_statement_time(text: str, start: int, end: int, folded: str | None = None) -> bool:
    """True when the time dates a statement ("said on Friday", "On Friday, the ministry said"), not an
    event; the words looked at stay within the sentence ("... told AFP. Last month, bandits ..." dates
    the bandits). ``folded`` is the text from ``folded_for_ignorecase`` (read instead of ``text`` when
    given and the patterns allow)."""
    patterns = _statement_patterns(True) if folded is not None else None
    scanned = folded if patterns is not None else text
    before, after, opening, when_said, trailing = patterns or _statement_patterns()
    lead_start = max(0, start - 48)
    cut = _SENTENCE_BREAK.match(text, lead_start, start)
    if cut is not None:
        lead_start = cut.end()
    lead = scanned[lead_start:start]
    if before.search(lead) or when_said.match(scanned[end:end + 60]):
        return True
    verb = after.match(scanned[end:end + 24])
    if verb is not None:  # "on Friday said"; after a comma only when the time is set off by commas too
        return not verb.group(0).lstrip().startswith(",") or _SET_OFF.search(lead) is not None
    if _closes_sentence(text, end) and _said_by_speaker(text, lead_start, start, trailing, lead):
        return True
    return len(text[lead_start:start].split()) <= 1 and (cut is not None or start < 48) and bool(
        opening.match(scanned[end:end + 60]))


_SET_OFF = re.compile(r",\s*(?:on\s+)?$")  # "The ministry, on | Friday, said"
_CLOSING = re.compile(r"\s*(?:[.;!?\n]|$)")


def _closes_sentence(text: str, end: int) -> bool:
    return _CLOSING.match(text, end) is not None


def _said_by_speaker(text: str, lead_start: int, start: int, trailing: re.Pattern, lead: str) -> bool:
    """True for a time closing its sentence after a reporting verb and its speaker: "..., said Army
    spokesman Lev Harun on Friday." (the speaker's last word a name or a speaker noun), not "said fighting
    resumed on Friday"."""
    hit = trailing.search(lead)
    if hit is None:
        return False
    words = text[lead_start + hit.start(1):lead_start + hit.end(1)].split()
    last = words[-1].strip(".,'’") if words else ""
    return bool(last) and (last[:1].isupper() or last.lower() in _trailing_speakers())


def _with_role(expr: TimeExpr, role: str) -> TimeExpr:
    return TimeExpr(expr.start, expr.end, expr.text, role, expr.first, expr.last, expr.precision, expr.key,
                    expr.floating, expr.offsets)


# ---------------------------------------------------------------- resolving


def _resolve(m: re.Match, text: str, published: date | None, published_precision: str | None = None
             ) -> TimeExpr | None:
    kind = m.lastgroup if m.lastgroup in _RESOLVERS else next(k for k in _RESOLVERS
                                                               if k in m.re.groupindex and m.group(k))
    if published is not None and published_precision in ("month", "year"):
        got = _resolve_in_period(kind, m, window(published, published_precision))
    else:
        got = _RESOLVERS[kind](m, published)
    if got is None:
        return None
    role, first, last, precision, key, *rest = got
    floating = published is None and first is not None and not key.startswith(("d:", "y:"))
    offsets = rest[0] if rest else None
    return TimeExpr(m.start(), m.end(), text[m.start():m.end()], role, first, last, precision, key, floating, offsets)


_RELATIVE = frozenset({"wd", "relday", "relweek", "relmonth", "relyear", "ago"})


def _resolve_in_period(kind: str, m: re.Match, period: tuple[date, date]):
    """A resolver's answer for an article published on some day of ``period``: an absolute expression is
    read from the period's last day (the latest the article can be); a relative one is the hull of what it
    means from the first and the last day, and keeps its own precision only when that hull is no wider
    than it (a weekday read in a June article is "some day from late May to June", no day in particular)."""
    first_day, last_day = period
    late = _RESOLVERS[kind](m, last_day)
    if kind not in _RELATIVE or late is None:
        return late
    early = _RESOLVERS[kind](m, first_day)
    if early is None or early[1] is None:
        return late
    role, first, last, precision, key, *rest = late
    first, last = min(first, early[1]), max(last, early[2])
    if (first, last) != (late[1], late[2]):
        precision = None
    return (role, first, last, precision, key, *rest)


def _anchor(published: date | None) -> date:
    return published or FLOAT_ANCHOR


def _iso(m, published):
    try:
        day = date.fromisoformat(m.group("iso"))
    except ValueError:
        return None
    return "event", day, day, "day", f"d:{day.isoformat()}"


def _num(m, published):
    text = m.group("num")
    if published is None and len(text.rsplit("/", 1)[1]) < 4:
        return None  # a two-digit year's century would come from the clock: nothing is read from the clock
    day = _plain_numeric_date(text, published or FLOAT_ANCHOR)
    if day is None:
        day = _dateparser(text, published)
    return None if day is None else ("event", day, day, "day", f"d:{day.isoformat()}")


def _plain_numeric_date(text: str, base: date) -> date | None:
    """The day dateparser reads in a plain numeric date, by date arithmetic (importing dateparser and its
    first call cost about 0.2 s, each call after about 1 ms): "25/02/2021" day first, "9/17/16" month
    first when the second number cannot be a month, a two-digit year in the latest century that does not
    put the day after ``base``. None for anything else ("5/13/12", a day that does not exist, a 29
    February with a two-digit year): dateparser reads those. ``tests/test_timexpr.py`` checks this
    against dateparser."""
    if not text.isascii():  # other digits than 0-9
        return None
    first, second, year_text = text.split("/")
    a, b, year = int(first), int(second), int(year_text)
    four_digits = len(year_text) == 4
    if not (four_digits and 1900 <= year <= 2099) and len(year_text) != 2:
        return None
    if 1 <= b <= 12:
        month, day = b, a
    elif four_digits or year > 12:  # a two-digit year up to 12 can be read as a month ("5/13/12")
        month, day = a, b
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
        return None
    if not four_digits:
        if month == 2 and day == 29:
            return None
        year += base.year // 100 * 100
        if date(year, month, day) > base:
            year -= 100
    try:
        return date(year, month, day)
    except ValueError:  # 29 February of a year that is not a leap year
        return None


@lru_cache(maxsize=512)
def _dateparser(text: str, published: date | None) -> date | None:
    """dateparser for the numeric dates :func:`_plain_numeric_date` leaves, cached: day first unless that
    is impossible."""
    import dateparser

    base = datetime.combine(published or FLOAT_ANCHOR, datetime.min.time())
    parsed = dateparser.parse(text, settings={"DATE_ORDER": "DMY", "RELATIVE_BASE": base,
                                              "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed else None


def _month_number(name: str) -> int:
    return _lower_keys("months")[name.rstrip(".")]


def _explicit_day(month: int, day: int, year: str | None, published: date | None):
    """A day named with its month: the year given, else the latest such day not after publication."""
    if year:
        candidates = [int(year)]
    elif published:
        candidates = [published.year, published.year - 1]
    else:
        return "event", None, None, "day", f"md:{month}-{day}"
    for y in candidates:
        try:
            resolved = date(y, month, day)
        except ValueError:
            return None
        if year or resolved <= published + timedelta(days=1):
            return "event", resolved, resolved, "day", f"d:{resolved.isoformat()}"
    return None


def _mdy(m, published):
    return _explicit_day(_month_number(m.group("mdy_m")), int(m.group("mdy_d")), m.group("mdy_y"), published)


def _dmy(m, published):
    return _explicit_day(_month_number(m.group("dmy_m")), int(m.group("dmy_d")), m.group("dmy_y"), published)


def _weekday(m, published):
    """The most recent such weekday on or before publication; "last Friday" on a Friday is a week ago."""
    target = _lower_keys("weekdays")[m.group("wd_name")]
    modifier = (m.group("wd_mod") or "").lower()
    key = f"weekday:{target}"
    if published is None:
        return "event", FLOAT_ANCHOR - timedelta(days=6), FLOAT_ANCHOR, "day", key
    back = (published.weekday() - target) % 7
    if modifier == "last" and back == 0:
        back = 7
    if modifier == "next":
        ahead = (target - published.weekday()) % 7 or 7
        day = published + timedelta(days=ahead)
    else:
        day = published - timedelta(days=back)
    return "event", day, day, "day", key


def _relday(m, published):
    lo, hi = load("time_words.json")["relative_days"][_normal(m.group("relday"))]
    base = _anchor(published)
    return "event", base + timedelta(days=lo), base + timedelta(days=hi), "day", f"rel-day:{lo}:{hi}"


def _relweek(m, published):
    phrase = _normal(m.group("relweek"))
    lo, _ = load("time_words.json")["relative_weeks"][phrase]
    base = _anchor(published)
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=lo)
    first, last = monday, min(monday + timedelta(days=6), base)
    if phrase.endswith("weekend"):
        first = monday + timedelta(days=5)
    if phrase.startswith("earlier"):
        last = max(first, base - timedelta(days=1))
    return "event", first, last, "week", f"rel-week:{lo}"


def _relmonth(m, published):
    phrase = _normal(m.group("relmonth"))
    lo, _ = load("time_words.json")["relative_months"][phrase]
    base = _anchor(published)
    first, last = _month_bounds(base, lo)
    last = min(last, base)
    if phrase.startswith("earlier"):
        gap = load("time_words.json")["earlier_gap_days"]
        last = max(first, base - timedelta(days=gap))
    return "event", first, last, "month", f"rel-month:{lo}"


def _relyear(m, published):
    phrase = _normal(m.group("relyear"))
    lo, _ = load("time_words.json")["relative_years"][phrase]
    base = _anchor(published)
    first, last = date(base.year + lo, 1, 1), min(date(base.year + lo, 12, 31), base)
    return "event", first, last, "year", f"rel-year:{lo}"


def _month(m, published):
    """A month named without a day: the latest such month not after publication ("in February")."""
    month = _month_number(m.group("mon_name"))
    modifier = (m.group("mon_mod") or "").lower()
    if m.group("mon_y"):
        year = int(m.group("mon_y"))
    elif published is None:
        return "event", None, None, "month", f"month:{month}"
    else:
        year = published.year if month <= published.month else published.year - 1
        if modifier == "last" and month == published.month:
            year -= 1
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    return "event", first, last, "month", f"y:m:{year}-{month}"


def _year(m, published):
    year = int(m.group("yr_y"))
    return "event", date(year, 1, 1), date(year, 12, 31), "year", f"y:{year}"


def _ago(m, published):
    words = load("time_words.json")["numbers"]
    raw = m.group("ago_n").lower()
    n = int(raw) if raw.isdigit() else words.get(raw, 1)
    unit, base = m.group("ago_u").lower(), _anchor(published)
    if unit == "day":
        day = base - timedelta(days=n)
        return "event", day, day, "day", f"ago:d:{n}"
    if unit == "week":
        mid = base - timedelta(weeks=n)
        return "event", mid - timedelta(days=3), mid + timedelta(days=3), "week", f"ago:w:{n}"
    if unit == "month":
        first, last = _month_bounds(base, -n)
        return "event", first, last, "month", f"ago:m:{n}"
    return "event", date(base.year - n, 1, 1), date(base.year - n, 12, 31), "year", f"ago:y:{n}"


def _period(m, published):
    return "period", None, None, None, f"period:{_normal(m.group('period'))}"


def _seq(m, published):
    lo, hi = load("time_words.json")["sequence"][_normal(m.group("seq"))]
    return "sequence", None, None, "day", f"seq:{lo}:{hi}", (lo, hi)


def _month_bounds(base: date, months_back: int) -> tuple[date, date]:
    index = base.year * 12 + base.month - 1 + months_back
    year, month = divmod(index, 12)
    return date(year, month + 1, 1), date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def _normal(phrase: str) -> str:
    """Lowercase, with single spaces (what ``re.sub(r"\\s+", " ", ...)`` of the stripped phrase gives)."""
    return " ".join(phrase.lower().split())


_RESOLVERS = {"iso": _iso, "num": _num, "period": _period, "seq": _seq, "ago": _ago, "mdy": _mdy, "dmy": _dmy,
              "wd": _weekday, "relday": _relday, "relweek": _relweek, "relmonth": _relmonth,
              "relyear": _relyear, "mon": _month, "yr": _year}
