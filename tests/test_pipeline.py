"""The extraction API (ledger.reading.stages)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.reading.claims.headlines import is_headline
from ledger.reading.stages import EXTRACTOR_VERSION, extract
from ledger.reading.types import CLAIM_KINDS, SOURCE_TYPES, SPEAKER_KINDS, Claim

ARTICLE = (
    "DUNMORE (Wire) \u2014 At least nine people were killed when a dam burst on Friday, the regional "
    "governor said.\n\n"
    'Governor Ana Pelt told reporters: "We are searching every house."\n\n'
    '"Nobody will be left behind," she said, "and help is coming."\n\n'
    "The Velsk Rights Monitor (VRM) said 14 people were missing. According to VRM, the dam had cracked in May.\n\n"
    "Two engineers, speaking on condition of anonymity, said the warnings had been ignored, adding that "
    "repairs were cancelled.\n\n"
    "Since 2019 there have been more than 20 attacks on dams in the valley."
)


def test_pipeline_api_and_version():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION
    claims = extract(ARTICLE, outlet="Valley Times", title="Dam bursts")
    assert claims and all(isinstance(c, Claim) for c in claims)


def test_pipeline_claims_ordered_and_spans_fit():
    claims = extract(ARTICLE, outlet="Valley Times")
    assert [c.content.start for c in claims] == sorted(c.content.start for c in claims)
    for c in claims:
        assert c.content.text.strip()
        assert all(s.fits(ARTICLE) for s in c.spans())
        assert c.kind in CLAIM_KINDS and c.speaker.kind in SPEAKER_KINDS
        assert c.speaker.type is None or c.speaker.type in SOURCE_TYPES


def test_pipeline_article_end_to_end():
    got = [(c.kind, c.speaker.name, c.speaker.mention.text if c.speaker.mention else None, c.content.text)
           for c in extract(ARTICLE, outlet="Valley Times")]
    assert got == [
        ("indirect", "Ana Pelt", "the regional governor",
         "At least nine people were killed when a dam burst on Friday"),
        ("direct", "Ana Pelt", "Governor Ana Pelt", "We are searching every house."),
        ("direct", "Ana Pelt", "she", "Nobody will be left behind"),
        ("direct", "Ana Pelt", "she", "and help is coming."),
        ("indirect", "Velsk Rights Monitor", "The Velsk Rights Monitor (VRM)", "14 people were missing"),
        ("according_to", "Velsk Rights Monitor", "VRM", "the dam had cracked in May"),
        ("indirect", "engineer", "Two engineers", "the warnings had been ignored"),
        ("indirect", "engineer", "Two engineers", "that repairs were cancelled"),
        ("outlet", "Valley Times", None, "Since 2019 there have been more than 20 attacks on dams in the valley"),
    ]


def test_pipeline_figures_filled():
    claims = extract(ARTICLE, outlet="Valley Times")
    first = claims[0]
    assert [(f.metric, f.low, f.high) for f in first.figures] == [("killed", 9, None)]
    assert all(first.content.start <= f.span.start and f.span.end <= first.content.end for f in first.figures)


def test_pipeline_title_is_not_extracted():
    text = "Governor says dam will hold\n\nThe governor said the dam would hold."
    assert [c.content.text for c in extract(text, title="Governor says dam will hold")] == ["the dam would hold"]


def test_pipeline_headline_detection():
    assert is_headline("Dam Bursts In Velsk Valley", None, 3)
    assert is_headline("Dam bursts in Velsk valley", None, 3)
    assert not is_headline("The dam burst on Friday, the governor said.", None, 3)


def test_pipeline_empty_and_odd_inputs():
    for text in ("", "   \n\n  ", "\x00\x01\x02", '"', "\u201c" * 50, "said said said.", "(" * 300):
        assert isinstance(extract(text), list)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_pipeline_never_raises_and_spans_fit(text):
    for claim in extract(text):
        assert claim.content.text.strip()
        assert all(s.fits(text) for s in claim.spans())


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([
    "The ministry said", "that", "five", "people", "were killed", ",", ".", '"', "\u201c", "\u201d",
    "according to", "officials", "he added", "Mr. Reile", "\n\n", "told Reuters", ":", "citing", "it",
    "are reported to", "have died", "(VRM)", "adding that", "who said", "the war monitor",
]), max_size=40))
def test_pipeline_never_raises_on_attribution_soup(parts):
    text = " ".join(parts)
    for claim in extract(text):
        assert all(s.fits(text) for s in claim.spans())


def test_pipeline_stays_linear_on_long_inputs():
    import time
    texts = ['"We won," he said. ' * 4000, "The ministry said five died. It added that six were hurt.\n\n" * 2000,
             "said " * 40000, "officials, " * 20000 + "said."]
    started = time.perf_counter()
    for text in texts:
        extract(text)
    assert time.perf_counter() - started < 20
