"""The outlet's own figure claims (ledger.reading.claims.outlet, through extract())."""
from __future__ import annotations

from ledger.reading.stages import extract


def _outlet(text: str, outlet: str | None = "Harbour Gazette") -> list[tuple]:
    return [(c.speaker.name, c.speaker.kind, c.speaker.type, c.cue.text if c.cue else None, c.content.text)
            for c in extract(text, outlet=outlet) if c.kind == "outlet"]


def test_outlet_unattributed_casualty_figure():
    text = "Since January there have been more than 30 attacks on the port."
    assert _outlet(text) == [("Harbour Gazette", "outlet", "media", None,
                              "Since January there have been more than 30 attacks on the port")]


def test_outlet_clause_without_leading_conjunction():
    text = "Most were small protests, while 12 were armed attacks, officials' records show nothing else."
    assert ("Harbour Gazette", "outlet", "media", None, "12 were armed attacks") in _outlet(text)


def test_outlet_hedged_passive_keeps_its_cue():
    text = "The army shelled the town, in which at least four soldiers are reported to have been killed."
    assert _outlet(text) == [("Harbour Gazette", "outlet", "media", "are reported",
                              "at least four soldiers are reported to have been killed")]


def test_outlet_figure_covered_by_attributed_claim_is_not_outlet():
    text = "The ministry said that four soldiers were killed."
    assert _outlet(text) == []


def test_outlet_no_figure_no_claim():
    assert _outlet("The bridge was closed on Monday for repairs.") == []


def test_outlet_unknown_outlet_name():
    text = "Five civilians were killed in the raid."
    assert _outlet(text, outlet=None)[0][0] == "unknown outlet"


def test_outlet_toll_whose_subject_is_parted_by_commas_from_its_verb():
    """"The death toll in ..., Dorn province, by the Norland army, rose to 31": the chunk with the figure opens
    with the toll's verb, so the clause (and the claim) runs from its subject, past the commas of its modifiers."""
    text = ("The death toll in Monday's shelling of a school in Orsk, Dorn province, by the Norland army, rose to "
            "31 on Wednesday.")
    assert _outlet(text) == [("Harbour Gazette", "outlet", "media", None, text[:-1])]
    assert [(f.metric, f.low, f.high) for f in extract(text, outlet="Harbour Gazette")[0].figures] == \
        [("killed", 31, 31)]
