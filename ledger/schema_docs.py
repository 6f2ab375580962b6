"""What each table, view and column of the ledger database means, in a line: the text Datasette shows.

One place, installed with the ledger, from which ``ledger datasette-metadata`` writes Datasette's
``metadata.json`` (docs/schema.md tells the same at length, with example queries). A view column that is a
table's column under the same meaning says so as ``"=table.column"`` instead of repeating it.
tests/test_datasette.py holds every table, view and column of a migrated database to an entry here.
"""
from __future__ import annotations

from typing import Any

TITLE = "claim ledger"
DESCRIPTION = ("Who said what about which event, with which figures, and where the accounts disagree. Start "
               "with the views (claims_flat, figures_flat, conflicts_flat, sources_summary); every *_start/*_end "
               "is a character offset into article.text; low/high are a figure's bounds, NULL meaning unbounded.")

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "article": ("One news article as ingested: its text exactly as stored (every offset points into it) and its "
                "metadata.", {
        "id": "Article number, used by `ledger show article N` and in exports.",
        "sha256": "SHA-256 of the text with its blank space normalised (spaces at line ends, runs of blank "
                  "lines); unique, so the same article is never stored twice, however it was spaced.",
        "title": "Title from the front matter, the HTML page or the JSON record (NULL when unknown).",
        "url": "Address of the article, as given by the input (NULL when unknown).",
        "outlet": "The publication that printed it (NULL when unknown).",
        "author": "Byline, as given by the input (NULL when unknown).",
        "published": "Publication date, or date and time, as given by the input (ISO 8601 text), at the precision "
                     "it was given: 2021, 2021-06 or 2021-06-28 (nothing filled in).",
        "published_precision": "How precisely published is known: year, month or day (NULL when undated).",
        "path": "The file it was read from.",
        "record": "Its line number in a JSONL file (item number in a JSON list).",
        "text": "The article body exactly as stored; every offset of the ledger points into it.",
        "extractor_version": "Version of the extractor that produced its automatic claims.",
        "ingested_at": "When it was stored (UTC).",
    }),
    "source": ("A real-world speaker (person, organisation, anonymous group, outlet), one row however it is "
               "named.", {
        "id": "Source number.",
        "name": "Canonical name, unique.",
        "type": "government, military, militia, monitor, state_media, media, official, witness or other.",
        "kind": "person, organisation, anonymous (never merged with a named person) or outlet.",
        "affiliation_id": "The organisation a person speaks for (a source id).",
        "reliability": "Admiralty source-reliability grade A-F, set only by an analyst.",
        "created_at": "When the ledger first met it (UTC).",
    }),
    "source_alias": ("A normalised name that resolves to a source (\"sohr\", \"mr kirby\").", {
        "id": "Alias number.",
        "alias": "The name, normalised (lower case, no leading \"the\", no punctuation); unique.",
        "source_id": "The source it names.",
        "origin": "Where it was learned: gazetteer, article:N, analyst:NAME, import:FILE.",
        "created_at": "When it was learned (UTC).",
    }),
    "event": ("A real-world happening the claims are about (a strike, an attack), shared by every article on "
              "it.", {
        "id": "Event number.",
        "label": "A readable label (\"air strike, Qarvash, Valdoria\").",
        "date": "When it happened, as precisely as date_precision says.",
        "date_precision": "How precisely the date is known: day, week, month or year.",
        "earliest": "First day of the window an article placed it in when it gave no exact date.",
        "latest": "Last day of that window.",
        "kind": "Air strike, rocket attack, shelling, ...",
        "places": "JSON list of the places named for it.",
        "actors": "JSON list of the parties named for it.",
        "sites": "JSON list of the kinds of site its reports say it hit (\"theater\", \"hospital\"); NULL before 0011.",
        "conflicts_stale": "1 while its conflicts wait to be recomputed.",
        "created_at": "When the ledger first met it (UTC).",
    }),
    "claim": ("An attributed statement: who said what, with which words, in which article, about which event.", {
        "id": "Claim number, used by `ledger show claim N`.",
        "article_id": "The article it was printed in.",
        "source_id": "Who said it, after alias resolution.",
        "via_source_id": "The intermediary of a chain (\"Reuters, citing local sources\": via Reuters).",
        "event_id": "The event it is about (NULL: no specific event).",
        "kind": "direct, indirect, mixed, according_to, unattributed_quote or outlet.",
        "mention": "The words naming the speaker in this passage (NULL when implicit).",
        "mention_start": "Offset of the mention in article.text.",
        "mention_end": "End offset of the mention.",
        "cue": "The attributing words (\"said\", \"according to\").",
        "cue_start": "Offset of the cue in article.text.",
        "cue_end": "End offset of the cue.",
        "content": "What is claimed: the quote without its marks, or the reported clause.",
        "content_start": "Offset of the content in article.text.",
        "content_end": "End offset of the content.",
        "parts": "For a content interrupted by its attribution, JSON list of the [start, end] of each piece.",
        "continues_id": "For a later piece of an interrupted quotation, the claim (piece) it continues.",
        "context_start": "Offset of the sentence the claim was read from.",
        "context_end": "End offset of that sentence.",
        "status": "auto (as extracted), confirmed, edited or rejected by an analyst.",
        "credibility": "Analyst-set information credibility, 1 (confirmed) to 6 (cannot be judged).",
        "extractor_version": "Version of the extractor that found it.",
        "created_at": "When it was stored (UTC).",
    }),
    "figure": ("A number a claim asserts, as bounds; no_figure rows record a party declining to give one.", {
        "id": "Figure number.",
        "claim_id": "The claim asserting it.",
        "metric": "killed, wounded, missing, detained, displaced, attacks, strikes, targets, troops or other.",
        "population": "Who is counted: fighters, civilians, children, soldiers, people, ... (NULL when unstated).",
        "low": "Lower bound (NULL: none stated).",
        "high": "Upper bound (NULL: none stated).",
        "qualifier": "The hedge as written: \"at least\", \"about\", \"several\".",
        "vague": "1 for vague amounts (\"several\", \"dozens\"): low is a floor.",
        "no_figure": "1 when a party explicitly gave no figure: silence, not zero.",
        "text": "The figure's words (\"at least five\").",
        "text_start": "Offset of the words in article.text.",
        "text_end": "End offset of the words.",
        "parts": "For a list that adds up, JSON list of the [start, end] of each part.",
        "population_note": "What else befell the counted, apart from the population (sheltering, destroyed, hit); "
                           "conflicts compare only counts with the same note.",
    }),
    "conflict": ("A disagreement the reconciler found for one event and metric (recomputed whenever the event "
                 "changes).", {
        "id": "Conflict number.",
        "event_id": "The event.",
        "metric": "The metric compared (killed, wounded, ...).",
        "population": "Who is counted (NULL: several or unstated).",
        "severity": "contradiction, discrepancy, undisclosed, revision or transmission.",
        "size": "How far apart the figures are, as a ratio of the bounds.",
        "summary": "The conflict in one line.",
        "sources": "JSON list of the sources involved.",
        "sides": "JSON lists of sources that agree with each other and disagree with every other side.",
        "compatible": "JSON list of sources whose figures fit several sides.",
        "details": "JSON: parties, independent sources, notes, the revision chain.",
        "computed_at": "When the reconciler found it (UTC).",
    }),
    "conflict_claim": ("Which claims stand behind a conflict, and on which side.", {
        "conflict_id": "The conflict.",
        "claim_id": "A claim behind it.",
        "side": "Index into conflict.sides (NULL: the claim's source fits several sides).",
    }),
    "estimate": ("What the sources' latest accounts of one event add up to, per metric and population: low, best "
                 "and high, each with its rule and claims (recomputed with the conflicts; do not edit).", {
        "id": "Estimate number.",
        "event_id": "The event.",
        "metric": "What is counted: killed, wounded, missing, detained, displaced, ...",
        "population": "Who is counted, as the reconciler compares it (fighters, civilians, people, ...).",
        "low": "The lowest figure among the sources' latest accounts (ACLED's conservative count); NULL when none.",
        "best": "The figure of the most reliable source (UCDP's best estimate).",
        "high": "The highest figure any source gives (Airwars/IBC's range).",
        "low_rule": "The rule behind low, in words.",
        "best_rule": "The rule behind best, in words (names the source and why it was chosen).",
        "high_rule": "The rule behind high, in words.",
        "low_claims": "Ids of the claims low rests on (\"7; 14\").",
        "best_claims": "Ids of the claims best rests on.",
        "high_claims": "Ids of the claims high rests on.",
        "best_sources": "The sources of the best estimate (\"; \"-joined).",
        "sources": "Every source with a figure for it (\"; \"-joined).",
        "notes": "The reconciler's notes (vague amounts read through a plausible range); NULL when none.",
        "computed_at": "When it was computed (UTC).",
    }),
    "estimate_total": ("An event's total killed or wounded, UCDP GED style: low, best, high and the breakdown of "
                       "best by who was hit; a group no source counted is NULL, never 0.", {
        "id": "Total number.",
        "event_id": "The event.",
        "metric": "killed or wounded.",
        "low": "The total of the low estimates.",
        "best": "The total of the best estimates.",
        "high": "The total of the high estimates.",
        "civilians": "Civilians (children and women included) in best.",
        "combatants_state": "Soldiers and police (a state's forces) in best.",
        "combatants_nonstate": "Fighters of armed groups in best.",
        "combatants_unknown": "Combatants of unknown side in best (NULL unless a source counts combatants).",
        "unknown": "People of unknown status in best (NULL unless a source counts people).",
        "rule": "How the total was added up, in words.",
        "claims": "Ids of the claims behind it (\"7; 14; 21\").",
        "computed_at": "When it was computed (UTC).",
    }),
    "audit_log": ("Every analyst change, append-only: who, when, what, before and after.", {
        "id": "Entry number (`ledger log revert N`).",
        "at": "When (UTC).",
        "who": "The analyst (--as NAME, or the operating-system user).",
        "action": "What was done: claim.confirm, source.merge, ...",
        "entity": "claim, source or event.",
        "entity_id": "Which one.",
        "before": "JSON snapshot before the change.",
        "after": "JSON snapshot after the change.",
        "note": "The analyst's note.",
    }),
}

VIEWS: dict[str, tuple[str, dict[str, str]]] = {
    "claims_flat": ("One readable row per claim: who, what, where printed, which event, its figures as text.", {
        "claim_id": "=claim.id", "status": "=claim.status", "kind": "=claim.kind", "source_id": "=claim.source_id",
        "source": "The source's name.", "source_type": "=source.type",
        "source_organisation": "The organisation the source speaks for.", "via_source": "The intermediary's name.",
        "mention": "=claim.mention", "cue": "=claim.cue", "content": "=claim.content",
        "figures": "Its figures as text: \"killed fighters 6+; wounded fighters 2+\".",
        "event_id": "=claim.event_id", "event_label": "=event.label", "event_date": "=event.date",
        "event_date_precision": "=event.date_precision", "article_id": "=claim.article_id",
        "outlet": "=article.outlet", "published": "=article.published",
        "published_precision": "=article.published_precision",
        "article_title": "=article.title", "url": "=article.url", "path": "=article.path",
        "credibility": "=claim.credibility", "source_reliability": "=source.reliability",
        "content_start": "=claim.content_start", "content_end": "=claim.content_end",
    }),
    "figures_flat": ("One readable row per figure, with its claim, source, event and article.", {
        "figure_id": "=figure.id", "claim_id": "=figure.claim_id", "claim_status": "=claim.status",
        "claim_kind": "=claim.kind", "event_id": "=claim.event_id", "event_label": "=event.label",
        "event_date": "=event.date", "event_date_precision": "=event.date_precision", "metric": "=figure.metric", "population": "=figure.population",
        "low": "=figure.low", "high": "=figure.high",
        "bounds": "The bounds as text: \"6+\", \"4-7\", \"<=7\", \"no figure\".",
        "qualifier": "=figure.qualifier", "vague": "=figure.vague", "no_figure": "=figure.no_figure",
        "figure_text": "=figure.text", "source_id": "=claim.source_id", "source": "The source's name.",
        "source_type": "=source.type", "article_id": "=claim.article_id", "outlet": "=article.outlet",
        "published": "=article.published", "published_precision": "=article.published_precision",
        "article_title": "=article.title", "url": "=article.url",
        "claim_content": "=claim.content",
    }),
    "conflicts_flat": ("One readable row per claim behind a conflict.", {
        "conflict_id": "=conflict.id", "event_id": "=conflict.event_id", "event_label": "=event.label",
        "event_date": "=event.date", "event_date_precision": "=event.date_precision", "severity": "=conflict.severity", "metric": "=conflict.metric",
        "population": "=conflict.population", "size": "=conflict.size", "summary": "=conflict.summary",
        "side": "=conflict_claim.side", "claim_id": "=conflict_claim.claim_id", "source": "The source's name.",
        "source_type": "=source.type", "figures": "The claim's figures of the conflict's metric, as text.",
        "content": "=claim.content", "outlet": "=article.outlet", "published": "=article.published",
        "published_precision": "=article.published_precision",
    }),
    "sources_summary": ("One row per source: its claims, events, aliases and when it was first and last quoted.", {
        "source_id": "=source.id", "name": "=source.name", "type": "=source.type", "kind": "=source.kind",
        "organisation": "The organisation the source speaks for.", "reliability": "=source.reliability",
        "claims": "How many claims it made.", "rejected_claims": "How many of them an analyst rejected.",
        "events": "How many events it spoke about.",
        "aliases": "How many other names resolve to it (rows of source_alias).",
        "first_published": "Publication date of the first article quoting it.",
        "last_published": "Publication date of the last article quoting it.",
    }),
    "estimates_flat": ("One readable row per estimate, with its event.", {
        "estimate_id": "=estimate.id", "event_id": "=estimate.event_id", "event_label": "=event.label",
        "event_date": "=event.date", "event_date_precision": "=event.date_precision", "metric": "=estimate.metric",
        "population": "=estimate.population", "low": "=estimate.low", "best": "=estimate.best",
        "high": "=estimate.high", "best_sources": "=estimate.best_sources", "low_rule": "=estimate.low_rule",
        "best_rule": "=estimate.best_rule", "high_rule": "=estimate.high_rule",
        "low_claims": "=estimate.low_claims", "best_claims": "=estimate.best_claims",
        "high_claims": "=estimate.high_claims", "sources": "=estimate.sources", "notes": "=estimate.notes",
    }),
    "totals_flat": ("One readable row per event and metric (killed, wounded): its total and breakdown.", {
        "event_id": "=estimate_total.event_id", "event_label": "=event.label", "event_date": "=event.date",
        "event_date_precision": "=event.date_precision", "event_kind": "=event.kind",
        "metric": "=estimate_total.metric", "low": "=estimate_total.low", "best": "=estimate_total.best",
        "high": "=estimate_total.high", "civilians": "=estimate_total.civilians",
        "combatants_state": "=estimate_total.combatants_state",
        "combatants_nonstate": "=estimate_total.combatants_nonstate",
        "combatants_unknown": "=estimate_total.combatants_unknown", "unknown": "=estimate_total.unknown",
        "claims": "=estimate_total.claims",
    }),
}


def column_text(text: str) -> str:
    """A column's description, with ``=table.column`` read as that column's."""
    if text.startswith("="):
        table, column = text[1:].split(".")
        return TABLES[table][1][column]
    return text


def datasette_metadata(database: str) -> dict[str, Any]:
    """Datasette's metadata.json for a ledger opened as ``database`` (Datasette names a database after its
    file: ``ledger.db`` is ``ledger``): a description of every table, view and column."""
    tables = {name: {"description": text, "columns": {c: column_text(d) for c, d in columns.items()}}
              for name, (text, columns) in {**TABLES, **VIEWS}.items()}
    return {"title": TITLE, "description": DESCRIPTION,
            "databases": {database: {"tables": tables}}}
