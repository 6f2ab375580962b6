"""Events on news the ledger has never seen (issue 14): dates kept at the precision the article gives, the
event's own time over speech time, kinds that name one attack, follow-ups joining the event they discuss, and
figures scoped to one place of a multi-place event. Every article is invented."""
from __future__ import annotations

from datetime import date

from conftest import write
from ledger.reading.events import EventDraft, KnownEvent, group_events, match_event, merge_known
from ledger.reading.types import Claim, Figure, Span, Speaker


def claim(text: str, content: str, speaker: str = "A source") -> Claim:
    start = text.index(content)
    return Claim("indirect", Span.of(text, start, start + len(content)), Speaker(speaker))


def grouped(text: str, contents: list[str], published: date, precision: str | None = None, title: str | None = None):
    return group_events(text, published, [claim(text, c) for c in contents], title=title,
                        published_precision=precision)


def article(published: str, body: str, outlet: str, title: str) -> str:
    return f"---\noutlet: {outlet}\npublished: {published}\ntitle: {title}\n---\n{body}\n"


# ---------------------------------------------------------------- the publication date's precision


def test_unseen_month_dated_article_keeps_the_month_and_makes_no_day_of_a_weekday():
    """An article dated June 2021 gives no day to count "on Thursday" back from: the event is not dated to
    a day, and one without any time is an event of that month."""
    text = "A drone strike hit a depot in Varn on Thursday, killing four guards, the governor said."
    found = grouped(text, ["A drone strike hit a depot in Varn on Thursday, killing four guards"],
                    date(2021, 6, 1), "month")
    event = found.events[0]
    assert event.precision != "day"
    assert event.earliest is None or event.earliest >= date(2021, 5, 25)
    bare = "A drone strike hit a depot in Varn, killing four guards, the governor said."
    undated = grouped(bare, ["A drone strike hit a depot in Varn, killing four guards"], date(2021, 6, 1),
                      "month").events[0]
    assert (undated.date, undated.precision, undated.kind) == (date(2021, 6, 1), "month", "drone strike")


# ---------------------------------------------------------------- the event's own time


def test_unseen_time_of_the_attack_beats_the_time_the_spokesman_spoke():
    """", said army spokesman Lev Harun on Friday" dates the statement; "earlier this month" the attack."""
    text = ("Forty guards were hurt in the rocket attack on the Varn base earlier this month, said army "
            "spokesman Lev Harun on Friday.")
    found = grouped(text, ["Forty guards were hurt in the rocket attack on the Varn base earlier this month"],
                    date(2021, 2, 26))
    event = found.events[0]
    assert (event.kind, event.date, event.precision) == ("rocket attack", date(2021, 2, 1), "month")
    assert event.latest is not None and event.latest < date(2021, 2, 26)
    assert found.claim_events == (0,)


def test_unseen_seen_thursday_by_dates_the_viewing_not_the_blast():
    """"Photos seen Thursday by reporters" is when they were seen; the blast on Monday stays Monday."""
    text = ("A car bomb blast killed six people at a market in Varn on Monday, police said. Photos seen "
            "Thursday by reporters show the burnt stalls, the mayor said.")
    found = grouped(text, ["A car bomb blast killed six people at a market in Varn on Monday",
                           "Photos seen Thursday by reporters show the burnt stalls"], date(2021, 2, 26))
    assert [(e.date, e.precision) for e in found.events] == [(date(2021, 2, 22), "day")]
    assert found.claim_events == (0, 0)


def test_unseen_a_time_on_a_speech_verb_dates_the_speech_not_the_event():
    """"The army yesterday broke its silence on the toll" (or "yesterday revealed", "on Monday briefed") dates
    the speaking: a follow-up's event keeps no day from it."""
    for verb in ("broke its silence on", "revealed", "disclosed", "spoke about", "briefed reporters on"):
        text = (f"The Valdorian army yesterday {verb} the toll of the Qarvash air strike, saying 40 people died "
                "in the incident.")
        found = grouped(text, ["40 people died in the incident"], date(2021, 3, 12))
        event = found.events[0]
        assert event.kind == "air strike"
        assert event.precision != "day" or event.date != date(2021, 3, 11), verb


def test_unseen_written_date_beats_a_weekday_a_week_later():
    """"On Thursday, March 4" in a paper of Friday March 12: the written date, not yesterday."""
    text = "Six people were killed in a drone strike on Varn on Thursday, March 4, officials said."
    found = grouped(text, ["Six people were killed in a drone strike on Varn on Thursday, March 4"],
                    date(2021, 3, 12))
    assert (found.events[0].date, found.events[0].precision) == (date(2021, 3, 4), "day")


def test_unseen_a_year_ago_on_january_8_is_last_year():
    text = ("A year ago on January 8, ballistic missiles struck the Varn air base, wounding 110 soldiers, "
            "the ministry said.")
    found = grouped(text, ["ballistic missiles struck the Varn air base, wounding 110 soldiers"],
                    date(2021, 1, 1), "month")
    assert (found.events[0].date, found.events[0].precision) == (date(2020, 1, 8), "day")


# ---------------------------------------------------------------- a fallback date narrows nothing


def test_unseen_publication_fallback_never_narrows_a_known_events_date():
    """A report that gives no time is dated by its publication month, a fallback: the known event of 2020
    keeps its year rather than taking that month as its date."""
    text = "The rocket attack at the Varn base wounded 11 soldiers, the ministry said."
    [draft] = grouped(text, ["The rocket attack at the Varn base wounded 11 soldiers"], date(2020, 3, 1),
                      "month").events
    assert draft.from_publication and (draft.date, draft.precision) == (date(2020, 3, 1), "month")
    known = KnownEvent(4, "rocket attack, Varn", date(2020, 1, 1), "year", ("Varn",), kind="rocket attack")
    assert match_event(draft, [known]) == known
    merged = merge_known(known, draft)
    assert (merged.date, merged.precision) == (date(2020, 1, 1), "year")
    real = EventDraft("rocket attack, Varn", date(2020, 3, 8), "day", ("Varn",), kind="rocket attack")
    assert (merge_known(known, real).date, merge_known(known, real).precision) == (date(2020, 3, 8), "day")


# ---------------------------------------------------------------- kinds


def test_unseen_missile_attack_blast_and_bombing_of_one_base_are_one_event():
    text = ("Ballistic missiles struck the Varn air base on Wednesday, the army said.\n\n"
            "The missile attack wounded 11 soldiers, a spokesman said. Soldiers in the blast zone were screened, "
            "officials said. The bombing left craters across the runway, a pilot said. The rocket attack was "
            "the heaviest in years, the governor said.")
    contents = ["Ballistic missiles struck the Varn air base on Wednesday", "The missile attack wounded 11 soldiers",
                "Soldiers in the blast zone were screened", "The bombing left craters across the runway",
                "The rocket attack was the heaviest in years"]
    found = grouped(text, contents, date(2020, 1, 9))
    assert len(found.events) == 1 and found.claim_events == (0, 0, 0, 0, 0)
    assert (found.events[0].kind, found.events[0].date) == ("missile strike", date(2020, 1, 8))
    strike = EventDraft("missile strike, Varn", date(2020, 1, 8), "day", ("Varn",), kind="missile strike")
    attack = KnownEvent(9, "rocket attack, Varn", date(2020, 1, 8), "day", ("Varn",), kind="rocket attack")
    assert match_event(strike, [attack]) == attack


def test_unseen_quoted_massacre_never_sets_the_kind():
    text = ("Nine people were killed in what the governor called a \"massacre\" at a market in Varn on Monday, "
            "the ministry said. Drones struck the market at noon, witnesses said.")
    found = grouped(text, ["Nine people were killed in what the governor called a \"massacre\" at a market in "
                           "Varn on Monday", "Drones struck the market at noon"], date(2021, 2, 26))
    assert [e.kind for e in found.events] == ["drone strike"]
    assert found.claim_events == (0, 0)


def test_unseen_fighting_with_an_object_is_a_verb_not_clashes():
    """"The coalition fighting rebels in Varn" names who fights, not the event: the attack it will
    investigate is the air strike the witnesses describe, one event."""
    text = ("The coalition fighting rebels in Varn says it will investigate an attack on a funeral hall on "
            "Saturday that killed 140 people.\n\nAir strikes hit the hall twice, witnesses said.")
    found = grouped(text, ["it will investigate an attack on a funeral hall on Saturday that killed 140 people",
                           "Air strikes hit the hall twice"], date(2016, 10, 9))
    assert [(e.kind, e.date) for e in found.events] == [("air strike", date(2016, 10, 8))]
    assert found.claim_events == (0, 0)


def test_unseen_a_bomb_dropped_from_a_plane_is_an_air_strike():
    """"Dropped a bomb" names an air strike: with the city's shelling told in passing, the article's event is
    still the air strike."""
    text = ("Russian forces dropped a bomb on a theatre in Varn where hundreds of civilians were sheltering, the "
            "city council said.\n\nThe city has been under shelling for weeks. Officials said a bomb was "
            "dropped on the building from a plane.")
    found = grouped(text, ["Russian forces dropped a bomb on a theatre in Varn where hundreds of civilians were "
                           "sheltering", "a bomb was dropped on the building from a plane"], date(2022, 3, 17))
    assert [e.kind for e in found.events] == ["air strike"] and found.claim_events == (0, 0)


def test_unseen_a_name_before_a_site_after_a_target_is_the_place_hit():
    """"An attack on Varn theatre": a name before a site noun ("theatre", "hospital", "market"), after a target
    word ("on", "against", an event verb), is where the event happened; the same words without a target say
    nothing of a place ("spoke on Varn radio")."""
    text = "Officials said 40 people were killed in an air strike on Varn theatre where families sheltered."
    found = grouped(text, ["40 people were killed in an air strike on Varn theatre where families sheltered"],
                    date(2022, 3, 20))
    assert [(e.label, e.places) for e in found.events] == [("air strike, Varn", ("Varn",))]
    plain = "The mayor spoke on Varn radio after an air strike killed 40 people, officials said."
    assert grouped(plain, ["an air strike killed 40 people"], date(2022, 3, 20)).events[0].places == ()


# ---------------------------------------------------------------- follow-ups


def test_unseen_follow_ups_weeks_and_a_year_later_join_the_event(sqlite_ledger, tmp_path):
    first = article("2020-01-09", "Ballistic missiles struck the Varn air base on Wednesday. No soldiers were "
                                  "hurt, the Lask defence ministry said.", "Harbour Times", "Missiles hit Varn base")
    weeks = article("2020-02-10", "The number of soldiers hurt in the Jan. 8 missile attack at the Varn air base "
                                  "has risen to 109, the Lask defence ministry said on Monday.", "Meridian Wire",
                    "Varn base toll rises")
    year = article("2021-01", "A year ago on January 8, ballistic missiles struck the Varn air base. More than 100 "
                              "soldiers were hurt, the Lask defence ministry said.", "Northern Ledger",
                   "One year on from the Varn strike")
    files = [write(tmp_path / name, body) for name, body in (("a.txt", first), ("b.txt", weeks), ("c.txt", year))]
    sqlite_ledger("ingest", *files)
    [event] = sqlite_ledger.json("events")
    assert (event["date"], event["precision"]) == ("2020-01-08", "day")
    claims = sqlite_ledger.jsonl("export", "claims")
    assert len(claims) == 3 and {c["event"]["id"] for c in claims} == {event["id"]}


def test_unseen_follow_up_naming_the_day_in_passing_is_dated_by_it():
    """Seven weeks on, the bombing is dated by the day the text names in passing ("hit on March 16"), not by
    the publication date."""
    text = ("The bombing of the Varn theatre killed close to 600 people, an investigation found.\n\n"
            "The theatre had sheltered families for a week before being hit on March 16, survivors said.")
    found = grouped(text, ["The bombing of the Varn theatre killed close to 600 people"], date(2022, 5, 4))
    assert (found.events[0].date, found.events[0].precision) == (date(2022, 3, 16), "day")
    assert not found.events[0].from_publication


def test_unseen_lead_reacting_to_an_event_takes_that_event_as_main():
    """"Vowed revenge after US airstrikes ... Sunday night": the airstrikes are the article's event, dated
    Sunday, not the earlier strikes the body recalls."""
    text = ("Varn militia leaders vowed revenge after US forces carried out airstrikes on their depots Sunday "
            "night.\n\nFour fighters were killed in the airstrikes, the leaders said. The US also carried out "
            "airstrikes on the group earlier this year, officials said.")
    found = grouped(text, ["Four fighters were killed in the airstrikes"], date(2021, 6, 28),
                    title="Varn militia vows revenge after US airstrike")
    assert (found.events[0].kind, found.events[0].date, found.events[0].precision) == \
        ("air strike", date(2021, 6, 27), "day")
    assert found.claim_events == (0,)


# ---------------------------------------------------------------- figures of one place


def test_unseen_figures_of_one_place_are_compared_only_with_that_place(ledger, tmp_path):
    """Twelve killed in Valdoria and nineteen in Tarvia are no conflict: they count different places of
    one attack. Fifteen killed in Valdoria is one with the twelve; the army's 31 for both is compared with
    the whole event's figures only."""
    bodies = {
        "a.txt": article("2024-03-05", "A rocket attack hit Valdoria and Tarvia on Monday.\n\nTwelve people were "
                                       "killed in Valdoria, the health ministry said.", "Wire A", "Rockets hit two towns"),
        "b.txt": article("2024-03-05", "A rocket attack hit Valdoria and Tarvia on Monday.\n\nNineteen people were "
                                       "killed in Tarvia, governor Omar Desk said.", "Wire B", "Rocket attack on two towns"),
        "c.txt": article("2024-03-06", "The rocket attack in Valdoria and Tarvia on Monday killed 31 people, the army "
                                       "said.\n\nFifteen people were killed in Valdoria, rescuers said.", "Wire C",
                         "Rocket attack toll"),
    }
    ledger("ingest", *[write(tmp_path / name, body) for name, body in bodies.items()])
    [event] = ledger.json("events")
    assert set(event["places"]) >= {"Valdoria", "Tarvia"}
    found = {tuple(sorted(name for side in c["sides"] for name in side)) for c in ledger.json("conflicts")}
    assert found == {("health ministry", "rescuers")}


def test_unseen_two_strikes_in_one_city_a_week_apart_never_take_a_follow_up_naming_only_the_city(
        sqlite_ledger, tmp_path):
    """A theatre and a hospital hit in Varn a week apart are two events; a follow-up weeks later that names
    only the city and gives no time of its own joins neither (two events fit: no join beats a wrong one), and
    the two strikes never meet in one event or one conflict."""
    theatre = article("2022-03-02", "An air strike hit the Varn drama theatre on Tuesday, killing 12 people, the "
                                    "regional governor said.", "Harbour Times", "Air strike hits Varn theatre")
    hospital = article("2022-03-09", "An air strike hit the Varn children's hospital on Tuesday, killing 3 people, "
                                     "the regional governor said.", "Meridian Wire", "Air strike hits Varn hospital")
    follow = article("2022-03-30", "The air strike in Varn killed 20 people, the city council said.",
                     "Northern Ledger", "Varn counts its dead")
    files = [write(tmp_path / name, body) for name, body in
             (("a.txt", theatre), ("b.txt", hospital), ("c.txt", follow))]
    sqlite_ledger("ingest", *files)
    claims = sqlite_ledger.jsonl("export", "claims")
    event_of = {c["content"]: (c["event"] or {}).get("id") for c in claims}
    assert len(event_of) == 3 and len(set(event_of.values())) == 3, event_of
    assert sqlite_ledger.json("conflicts") == []


def test_unseen_arrests_told_at_a_briefing_on_a_strike_are_not_the_strikes_toll():
    """A briefing on the Qarvash air strike also tallies the month's arrests: "26 suspects were arrested during
    operations" and "five fighters surrendered" name no strike (or only a generic "operations"), so they are
    about no specific event and never join the strike's figures; the strike's toll stays with the strike."""
    text = ("The army said 40 people died in the Qarvash air strike. It said 26 suspects were arrested during "
            "operations in the district. It added that five fighters surrendered to troops.")
    found = grouped(text, ["40 people died in the Qarvash air strike",
                           "26 suspects were arrested during operations in the district",
                           "five fighters surrendered to troops"], date(2021, 3, 12))
    assert found.events[0].kind == "air strike"
    assert found.claim_events == (0, None, None)
    toll = "The army said 40 people were killed and 12 detained by the air strike's blast were freed."
    assert grouped(toll, ["40 people were killed and 12 detained by the air strike's blast were freed"],
                   date(2021, 3, 12)).claim_events == (0,)


def test_unseen_arrests_are_found_in_capitals_at_a_claims_start_and_beside_curly_quotes():
    """The words of arrests are read whatever their case, at the very start of a claim and in an article
    written with curly quotes (the detention search is skipped only for claims where no such word can
    start): those tallies still name no strike and are about no specific event."""
    text = ("The army said 40 people died in the Qarvash air strike. It said \u201c26 suspects were ARRESTED during "
            "operations in the district.\u201d Surrendered fighters numbered five, it added.")
    found = grouped(text, ["40 people died in the Qarvash air strike",
                           "26 suspects were ARRESTED during operations in the district.",
                           "Surrendered fighters numbered five"], date(2021, 3, 12))
    assert found.events[0].kind == "air strike"
    assert found.claim_events == (0, None, None)


def test_unseen_undated_follow_up_naming_the_strike_by_its_town_joins_it_weeks_later(sqlite_ledger, tmp_path):
    """Seventeen days on, "the Qarvash air strike" (no time of its own; the army "yesterday broke its silence",
    speech time) joins the one strike known at Qarvash, so its toll is compared with the first reports; a
    report of "an air strike" in Qarvash (news, not a follow-up) stays apart."""
    first = article("2021-03-02", "An air strike hit a camp in Qarvash on Monday, killing 50 people, a charity "
                                  "said.", "Harbour Times", "Air strike hits Qarvash camp")
    later = article("2021-03-18", "The army yesterday broke its silence on the Qarvash air strike, saying 112 "
                                  "people died in the incident.", "Meridian Wire", "Army gives Qarvash toll")
    news = article("2021-03-19", "An air strike hit a market in Qarvash, killing 9 people, police said.",
                   "Northern Ledger", "Market hit in Qarvash")
    files = [write(tmp_path / name, body) for name, body in (("a.txt", first), ("b.txt", later), ("c.txt", news))]
    sqlite_ledger("ingest", *files)
    claims = sqlite_ledger.jsonl("export", "claims")
    event_of = {c["content"]: c["event"]["id"] for c in claims}
    fifty = next(v for k, v in event_of.items() if "50" in k)
    assert next(v for k, v in event_of.items() if "112" in k) == fifty
    assert next(v for k, v in event_of.items() if "9 people" in k) != fifty
    assert len(sqlite_ledger.json("conflicts")) == 1


def test_unseen_follow_up_never_joins_when_two_known_events_share_its_town():
    """A theatre and a hospital hit in Varn a week apart: "the Varn air strike" weeks later fits both and joins
    neither; with one of them alone it joins it; a country alone is no place to join by."""
    theatre = KnownEvent(1, "air strike, Varn", date(2022, 3, 1), "day", ("Varn",), kind="air strike")
    hospital = KnownEvent(2, "air strike, Varn", date(2022, 3, 8), "day", ("Varn",), kind="air strike")
    follow = EventDraft("air strike, Varn", date(2022, 3, 30), None, ("Varn",), kind="air strike",
                        from_publication=True, named=True)
    assert match_event(follow, [theatre, hospital]) is None
    assert match_event(follow, [theatre]) == theatre
    news = EventDraft("air strike, Varn", date(2022, 3, 30), None, ("Varn",), kind="air strike",
                      from_publication=True)
    assert match_event(news, [theatre]) is None
    country = KnownEvent(3, "air strike, Syria", date(2022, 3, 1), "day", ("Syria",), kind="air strike")
    by_country = EventDraft("air strike, Syria", date(2022, 3, 30), None, ("Syria",), kind="air strike",
                            from_publication=True, named=True)
    assert match_event(by_country, [country]) is None
    rocket = KnownEvent(4, "rocket attack, Varn", date(2022, 3, 1), "day", ("Varn",), kind="rocket attack")
    assert match_event(follow, [rocket]) is None


def test_unseen_indefinite_follow_up_joins_the_strike_on_the_site_it_names(sqlite_ledger, tmp_path):
    """Nine days on, "an airstrike that targeted a theatre" in Varn (told indefinitely, no time of its own)
    joins the known strike on the Varn theatre, so its toll is compared with the first reports; a market hit
    in Varn a week later, and a report on a theatre and a hospital together, are not that strike."""
    first = article("2023-05-03", "An air strike hit the drama theatre in Varn on Tuesday, killing 12 people "
                                  "sheltering inside, the regional governor said.", "Harbour Times",
                    "Air strike hits Varn theatre")
    later = article("2023-05-11", "Officials in Lask said that around 90 people were killed in an airstrike that "
                                  "targeted a theater where families were sheltering in Varn.", "Meridian Wire",
                    "Lask says 90 killed in attack on Varn theater")
    market = article("2023-05-12", "An air strike hit a market in Varn, killing 9 people, police said.",
                     "Northern Ledger", "Market hit in Varn")
    both = article("2023-05-30", "Inspectors said the bombing of a theater and a hospital in Varn broke the laws "
                                 "of war, and that 40 people were killed in the two attacks.", "Coast Herald",
                   "Inspectors on Varn theater and hospital")
    files = [write(tmp_path / name, body) for name, body in
             (("a.txt", first), ("b.txt", later), ("c.txt", market), ("d.txt", both))]
    sqlite_ledger("ingest", *files)
    event_of = {c["content"]: c["event"]["id"] for c in sqlite_ledger.jsonl("export", "claims")}
    theatre = next(v for k, v in event_of.items() if "12 people" in k)
    assert next(v for k, v in event_of.items() if "90 people" in k) == theatre
    assert next(v for k, v in event_of.items() if "9 people" in k) != theatre
    assert next(v for k, v in event_of.items() if "40 people" in k) != theatre
    [strike] = [e for e in sqlite_ledger.json("events") if e["id"] == theatre]
    assert strike["date"] == "2023-05-02"


def test_unseen_sites_hit_are_read_from_title_and_lead_in_one_spelling():
    text = "An air strike hit the Varn Drama Theatre and a nearby clinic on Tuesday, the governor said."
    found = grouped(text, ["An air strike hit the Varn Drama Theatre and a nearby clinic on Tuesday"],
                    date(2023, 5, 3), title="Strike on Varn theater")
    assert found.events[0].sites == ("theater", "clinic")


def test_unseen_review_of_strikes_on_two_sites_gives_each_claim_its_site(sqlite_ledger, tmp_path):
    """Five weeks on, inspectors review the shelling of a school and a clinic in Dorva (no time of their
    own): the claim about the school joins the known shelling of the school, the claims about the clinic
    (and the one right after that points back at it, "this attack") are one other event, and the two
    strikes never share an event."""
    school = article("2023-09-06", "Shelling hit a school in Dorva on Tuesday, killing 14 children, the district "
                                   "governor said.", "Harbour Times", "Shelling hits Dorva school")
    review = article("2023-10-12", "Inspectors have reviewed the shelling of a school and a clinic in Dorva.\n\n"
                                   "\"The clinic was destroyed by deliberate shelling,\" the inspectors said.\n\n"
                                   "\"This attack broke the laws of war,\" they added.\n\n"
                                   "The inspectors said the school was shelled although 30 children sheltered "
                                   "in it.", "Meridian Wire", "Inspectors on Dorva school and clinic")
    sqlite_ledger("ingest", write(tmp_path / "a.txt", school), write(tmp_path / "b.txt", review))
    event_of = {c["content"]: c["event"]["id"] for c in sqlite_ledger.jsonl("export", "claims")}
    first = next(v for k, v in event_of.items() if "14 children" in k)
    clinic = next(v for k, v in event_of.items() if "clinic was destroyed" in k)
    assert next(v for k, v in event_of.items() if "30 children" in k) == first
    assert next(v for k, v in event_of.items() if "This attack" in k) == clinic != first
    assert len(sqlite_ledger.json("events")) == 2  # no strike known on the clinic: it stays the report's


def test_unseen_one_attack_on_two_sites_stays_one_event(sqlite_ledger, tmp_path):
    """"Missiles hit an air base and a camp near Tesk" with no time of its own and no strike known on either
    site is one attack: its claims about the base and about the camp share one event."""
    body = ("Missiles hit an air base and a camp near Tesk, officials said.\n\n\"The base lost two hangars,\" "
            "the governor said.\n\nA medic said 11 people were wounded at the camp.")
    sqlite_ledger("ingest", write(tmp_path / "a.txt", article("2023-08-14", body, "Coast Herald",
                                                              "Missiles hit base and camp near Tesk")))
    assert len({c["event"]["id"] for c in sqlite_ledger.jsonl("export", "claims")}) == 1


def test_unseen_a_wars_toll_told_beside_a_strike_is_about_no_specific_event():
    """"More than 3,000 people have been killed in the besieged city" closing a report of one strike counts
    the siege, not the strike: the claim is about no specific event. A claim naming an attack of its own ("twin air
    strikes hit a clinic in the besieged city") stays with its attack."""
    text = ("A drone strike hit a market in Korvel on Tuesday, killing 9 people, the governor said. More than "
            "3,000 people have been killed in the besieged city, the governor added. "
            "Twin air strikes also hit a clinic in the besieged city, the governor said.")
    contents = ["A drone strike hit a market in Korvel on Tuesday, killing 9 people",
                "More than 3,000 people have been killed in the besieged city",
                "Twin air strikes also hit a clinic in the besieged city"]
    claims = [claim(text, c) for c in contents]
    figures_at = {"9 people": ("killed", "people", 9), "3,000 people": ("killed", "people", 3000),
                  "Twin": ("other", "air strikes", 2)}
    for n, (words, (metric, population, count)) in enumerate(figures_at.items()):
        start = text.index(words)
        claims[n].figures.append(Figure(metric, population, count, count, Span.of(text, start, start + len(words))))
    found = group_events(text, date(2024, 2, 8), claims)
    assert found.claim_events[1] is None
    assert found.claim_events[0] == found.claim_events[2] == 0
