"""What an account remembers about its facts (ledger.reconcile.accounts): worked out once, kept up to date."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ledger.facts import _said
from ledger.reconcile import FigureFact
from ledger.reconcile.accounts import Account, chains
from ledger.reconcile.ranges import Range, compared


def fact(claim, source, day, low=5, outlet="Wire") -> FigureFact:
    return FigureFact(claim_id=claim, figure_id=claim, event_id=1, source_name=source, source_type="monitor",
                      metric="killed", population="fighters", low=low, high=low, published=date(2024, 4, day),
                      outlet=outlet)


def test_reconcile_accounts_derived_values_follow_added_facts():
    account = Account("monitor", "fighters", Range(5, 5))
    account.add(fact(2, "Monitor", 3), Range(5, 5), None)
    assert (account.names, account.claims, account.outlets) == (("Monitor",), (2,), frozenset({"Wire"}))
    account.add(fact(1, "Observatory", 5, outlet="Ledger"), Range(5, 5), None)
    assert (account.names, account.claims) == (("Monitor", "Observatory"), (1, 2))
    assert (account.first_day, account.last_day) == (date(2024, 4, 3), date(2024, 4, 5))
    assert account.outlets == frozenset({"Wire", "Ledger"})
    assert account.speakers == (("Monitor", "monitor"), ("Observatory", "monitor"))  # in publication order


def test_reconcile_accounts_made_from_facts_know_their_days():
    account = Account("monitor", "fighters", Range(5, 5), [fact(1, "Monitor", 4), fact(2, "Monitor", 2)])
    assert (account.first_day, account.last_day) == (date(2024, 4, 2), date(2024, 4, 4))


def test_reconcile_accounts_chain_orders_accounts_by_last_day_then_first_report():
    facts = [fact(1, "Monitor", 1, low=5), fact(2, "Monitor", 2, low=9), fact(3, "Monitor", 2, low=7)]
    (chain,) = chains(facts, {id(f): "fighters" for f in facts}).values()
    assert [a.range.lo for a in chain] == [5, 9, 7]


def test_reconcile_accounts_compared_range_is_the_same_remembered_or_not():
    several = FigureFact(claim_id=1, event_id=1, source_name="Monitor", metric="killed", low=2, qualifier="several",
                         vague=True, text="several")
    assert compared(several) == compared(several)
    assert compared(several)[0].hi < float("inf")


def test_reconcile_accounts_a_count_said_days_before_its_article_is_ordered_by_when_it_was_said():
    """A monitor's 90 printed on the 20th, then its 170 relayed on the 22nd as said "on Thursday" (the 19th):
    its latest account is the 90."""
    relayed = replace(fact(2, "Monitor", 22, low=170), said=date(2024, 4, 19))
    facts = [fact(1, "Monitor", 20, low=90), relayed]
    (chain,) = chains(facts, {id(f): "fighters" for f in facts}).values()
    assert [a.range.lo for a in chain] == [170, 90]


def test_facts_said_is_a_day_named_outside_the_content_before_the_article():
    sentence = "Recall that estimates by the mission on Thursday put the death toll at over 170."
    start = sentence.index("the death toll")
    assert _said(sentence, start, len("the death toll at over 170"), date(2017, 1, 23)) == date(2017, 1, 19)
    inside = "The mission said 170 people died on Thursday."  # a time inside the content dates the event
    start = inside.index("170")
    assert _said(inside, start, len("170 people died on Thursday"), date(2017, 1, 23)) is None
