"""The reconciler's checks: an ordered tuple of small rules, each a function from one event and metric's
:class:`~ledger.reconcile.context.Context` to the :class:`Conflict` values it finds (findings are values,
never raised). The docstring of each states its rule and an example; ``SEVERITY_LEVELS`` says the same for
people (README, ``ledger conflicts --help``).
"""
from __future__ import annotations

from datetime import date
from typing import Callable

from ledger.reconcile import populations
from ledger.reconcile.accounts import Account, fact_order, link_kind, party_of
from ledger.reconcile.build import conflict, describe, names_of
from ledger.reconcile.context import Context
from ledger.reconcile.facts import Conflict
from ledger.reconcile.ranges import Range, stored
from ledger.render import bounds_text
from ledger.reconcile.sides import common_range, excluded, split_sides

SEVERITY_LEVELS: dict[str, str] = {
    "contradiction": (
        "Figures that cannot all be true of the same people: the Syrian Observatory's \"at least 5\" fighters "
        "killed against a militia's 4. Counts are compared within the population hierarchy (children within "
        "civilians within people; personnel (the staff of a hospital, aid group or mission) within civilians; "
        "fighters, soldiers and police within combatants within people): "
        "a part's lower bound carries up to its whole (5 children killed means at least 5 people), a whole "
        "says nothing exact about a part. A toll with no population (\"the death toll was 19\") is read as "
        "the population its own source names, else as the population most of the event's sources name when "
        "they outnumber those naming another three to one (fighters), else as people. "
        "Vague amounts are compared through their plausible range (\"several dozen\": 24-99). Sources are "
        "grouped into sides that agree within and disagree across; an open figure fitting several sides is "
        "compatible, and is set against only the sides it excludes."),
    "discrepancy": (
        "Accounts that differ in who was hit: one source counts militia fighters killed, another a child, "
        "and neither mentions the other's dead. Not a numeric contradiction (both may be true), but the "
        "accounts describe different victims and need checking."),
    "undisclosed": (
        "A party to the event (government, military, militia, official or state media) explicitly gave no "
        "figure (\"did not provide information on casualties\") while other sources did. Silence is "
        "evidence, not zero."),
    "revision": (
        "One source changing its own figure over time (17 then 22; 5 -> 7 -> 9; a toll that rose, \"at least "
        "6\" one day and 9 the next), shown as a chain, the latest superseding the rest. Only the latest "
        "figure of each source (the account reported last) is compared with other sources; a source is never "
        "in conflict with itself, and a spokesman's figure is his organisation's."),
    "transmission": (
        "Two outlets reporting the same source with different figures at the same time (within a day): a "
        "reporting difference (a misquote, or an earlier statement quoted), not a revision by the source. "
        "Of the two, the more precise figure (82 beside \"more than 100\") is the one compared with other "
        "sources: a paraphrase rounds, it does not invent precision."),
}


def check_contradiction(ctx: Context) -> list[Conflict]:
    """Disjoint bounds on comparable populations: SOHR "at least 5" fighters vs a militia's 4.

    Each population level with its own accounts is checked with the parties' direct figures there and,
    for parties without one, their parts carried up as open lower bounds (a party's 3 children and 2 women
    are at least 5 civilians). Sides come from :func:`split_sides`; a compatible account that excludes
    some sides ("at least 17" beside 1, 19 and 22) gets a second conflict setting it against those only.
    """
    found: list[Conflict] = []
    current = ctx.current
    for level in sorted({a.population for a in current}):
        sides, compatible = split_sides(_at_level(current, level))
        if len(sides) < 2:
            continue
        found.append(conflict(ctx.event_id, ctx.metric, level, "contradiction", sides, compatible))
        found += _residuals(ctx, level, sides, compatible)
    return found


def _at_level(current: list[Account], level: str) -> list[Account]:
    """One account per party at ``level``: its own figure there, else the sum of its parts as a floor."""
    direct = {a.party: a for a in current if a.population == level}
    found = list(direct.values())
    for party in sorted({a.party for a in current} - set(direct)):
        parts = [a for a in current if a.party == party and populations.relation(a.population, level) == "part"]
        top = [a for a in parts if not any(populations.relation(a.population, b.population) == "part" for b in parts)]
        if not top:
            continue
        floor = sum(a.range.lo for a in top)
        facts = sorted((f for a in top for f in a.facts), key=fact_order)
        lifted = Account(party, level, Range(floor, float("inf")), facts)
        shown = ", ".join(describe(a.range, a.population, None) for a in top)
        carried = f"{', '.join(lifted.names)}: {shown} counted as at least {floor} {level}"
        lifted.notes = [*(n for a in top for n in a.notes), carried]
        found.append(lifted)
    return found


def _residuals(ctx: Context, level: str, sides: list[list[Account]], compatible: list[Account]) -> list[Conflict]:
    """Compatible accounts against the sides they exclude, grouped when they exclude the same sides and
    agree with each other."""
    groups: dict[tuple[int, ...], list[Account]] = {}
    for account in compatible:
        against = tuple(excluded(account, sides))
        if against:
            groups.setdefault(against, []).append(account)
    found = []
    for against, accounts in sorted(groups.items()):
        agreeing = all(a.range.meets(b.range) for a in accounts for b in accounts)
        for group in ([accounts] if agreeing else [[a] for a in accounts]):
            found.append(conflict(ctx.event_id, ctx.metric, level, "contradiction",
                                  [group, *(sides[n] for n in against)], []))
    return found


def check_discrepancy(ctx: Context) -> list[Conflict]:
    """Accounts that differ in who was hit: SOHR counts at least 5 fighters killed, SANA one child.

    Parties are grouped by the populations they name (only people and its parts); two groups whose
    populations are all disjoint (neither within the other) form a discrepancy. A party naming only
    "people" fits everyone and is compatible; a party naming both fighters and a child joins both groups.
    """
    general = populations.general()
    named = [a for a in ctx.current if populations.distinct(a.population) and a.population != general]
    by_party: dict[str, list[Account]] = {}
    for account in named:
        by_party.setdefault(account.party, []).append(account)
    components = sorted(_components(by_party), key=lambda group: (-len(group), group))
    if len(components) < 2:
        return []
    sides = [[a for party in component for a in by_party[party]] for component in components]
    compatible = [a for a in ctx.current if a.population == general]
    summary = "; ".join(f"{', '.join(names_of(side))}: {_describe_side(side, ctx.metric)}" for side in sides)
    return [conflict(ctx.event_id, ctx.metric, "mixed", "discrepancy", sides, compatible, summary=summary)]


def _components(by_party: dict[str, list[Account]]) -> list[list[str]]:
    """Parties linked when any of their populations are comparable, as connected groups."""
    parties = sorted(by_party)
    seen: set[str] = set()
    groups = []
    for start in parties:
        if start in seen:
            continue
        group, todo = [], [start]
        seen.add(start)
        while todo:
            party = todo.pop()
            group.append(party)
            for other in parties:
                if other not in seen and any(populations.comparable(a.population, b.population)
                                             for a in by_party[party] for b in by_party[other]):
                    seen.add(other)
                    todo.append(other)
        groups.append(sorted(group))
    return groups


def _describe_side(side: list[Account], metric: str | None) -> str:
    by_population: dict[str, list[Account]] = {}
    for account in side:
        by_population.setdefault(account.population, []).append(account)
    shown = []
    for population, group in sorted(by_population.items()):
        common = common_range(group)
        ranges = [common] if common.lo <= common.hi else [a.range for a in group]
        shown += [describe(r, population, metric) for r in dict.fromkeys(ranges)]
    return ", ".join(shown)


def check_undisclosed(ctx: Context) -> list[Conflict]:
    """A party that explicitly gave no figure while others did: "the US did not provide information on
    casualties" beside SOHR's "at least 5 killed". Only parties to the event count (a monitor without a
    figure is just uninformed), and only when the same party gave no figure for this metric elsewhere.
    The summary names the silent party and counts the others: "Defence Ministry: no figure; 4 other
    sources gave figures (3 to 9 fighters killed)"."""
    party_types = set(populations.load("sources.json")["parties"])
    current = ctx.current
    speaking = {a.party for a in current}
    silent = [f for f in ctx.silent if (f.source_type or "other") in party_types]
    silent = [f for f in silent if party_of(f) not in speaking]
    if not silent or not ctx.facts:
        return []
    quiet = Account(party_of(silent[0]), "people", Range(0, float("inf")), sorted(silent, key=fact_order))
    summary = f"{', '.join(quiet.names)}: no figure; {_others_gave(current, ctx.metric)}"
    return [conflict(ctx.event_id, ctx.metric, ctx.dominant, "undisclosed", [[quiet]], [],
                     summary=summary, extra_sources=names_of(current),
                     extra_claims=[c for a in current for c in a.claims])]


def stated(account: Account) -> Range:
    """What an account's facts state as stored (their common range; the widest when they disagree)."""
    found = stored(account.facts[0])
    for fact in account.facts[1:]:
        narrower = found & stored(fact)
        found = narrower if narrower.lo <= narrower.hi else found
    return found


def _others_gave(accounts: list[Account], metric: str | None) -> str:
    """ "4 other sources gave figures (3 to 9 fighters killed)": a count and the span of their figures per
    population (an open figure counts its floor): "(3 to 7 fighters, 2 civilians, 1 child killed)"."""
    count = len(names_of(accounts))
    by_population: dict[str, list[Account]] = {}
    for account in accounts:
        by_population.setdefault(account.population, []).append(account)
    spans = []
    for population, group in sorted(by_population.items(), key=lambda item: (-len(item[1]), item[0])):
        said = [stated(a) for a in group]  # as the sources put it, not the plausible range of "several"
        low, high = min(r.lo for r in said), max(r.lo if r.open else int(r.hi) for r in said)
        span = bounds_text(low, None if all(r.open for r in said) else high, prose=True, between=" to ")
        shown = populations.noun(population, high) if population not in (None, "mixed") else ""
        spans.append(" ".join(w for w in (span, shown) if w))
    sources = "source gave a figure" if count == 1 else "sources gave figures"
    return f"{count} other {sources} ({', '.join(spans)} {metric or ''})".replace(" )", ")")


def check_revision(ctx: Context) -> list[Conflict]:
    """One source changing its own figure over time: SOHR 17 (26 February) -> 22 (until 2 March).

    Reported as one chain per party and population, oldest first, the latest superseding; the source
    stands on a single side. Transmission links are left to :func:`check_transmission`: they cut the
    chain, each run of revisions is reported ("at least 6 -> 9", then "9 vs 7" as a transmission)."""
    found = []
    for chain in ctx.chains.values():
        segment = chain[:1]
        for old, new in zip(chain, chain[1:]):
            if link_kind(old, new) == "transmission":
                found += [_chain_finding(ctx, segment, "revision", " -> ")] if len(segment) > 1 else []
                segment = []
            segment.append(new)
        found += [_chain_finding(ctx, segment, "revision", " -> ")] if len(segment) > 1 else []
    return found


def check_transmission(ctx: Context) -> list[Conflict]:
    """Different outlets carrying different figures of one source at the same moment: Reuters quoting SOHR
    as saying 17 and PerthNow 22, both on 26 February. A reporting difference, not the source's revision."""
    found = []
    for chain in ctx.chains.values():
        for old, new in zip(chain, chain[1:]):
            if link_kind(old, new) == "transmission":
                found.append(_chain_finding(ctx, [old, new], "transmission", " vs "))
    return found


def _chain_finding(ctx: Context, chain: list[Account], severity: str, joiner: str) -> Conflict:
    names = names_of(chain)
    links = tuple(_link(a) for a in chain)
    steps = joiner.join(f"{link['figure']} ({', '.join(link['outlets']) or 'unknown outlet'}, {link['first']})"
                        for link in links)
    what = " ".join(w for w in (chain[-1].population, ctx.metric) if w)
    tail = "; the latest supersedes" if severity == "revision" else ""
    summary = f"{', '.join(names)}: {steps} {what}{tail}"
    return conflict(ctx.event_id, ctx.metric, chain[-1].population, severity, [chain], [], summary=summary,
                    chain=links)


def _link(account: Account) -> dict:
    """One link of a chain: the account's figure, its first and last day, outlets and claims."""
    return {"figure": account.range.describe(), "first": _day(account.first_day),
            "last": _day(account.last_day), "outlets": sorted(o for o in account.outlets if o),
            "claims": list(account.claims)}


def _day(day: date) -> str | None:
    return None if day == day.min else day.isoformat()


CHECKS: tuple[Callable[[Context], list[Conflict]], ...] = (
    check_contradiction, check_discrepancy, check_undisclosed, check_revision, check_transmission)
