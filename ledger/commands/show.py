"""``ledger show claim N`` / ``show article N``: a claim in its passage, an article with its claims."""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from ledger.commands.common import FORMAT_OPTION, Format, LedgerTyper, data_console, emit, print_json, state, \
    write_jsonl
from ledger.commands.listings import CLAIM_CSV_COLUMNS, claim_flat
from ledger.render import MARKERS, figure_text, marked

show_app = LedgerTyper(help="Show one claim or article in full, with its text highlighted.",
                       no_args_is_help=True)


@show_app.command("claim")
def show_claim(ctx: typer.Context, claim_id: Annotated[int, typer.Argument(help="Claim id.")],
               fmt: Format = FORMAT_OPTION) -> None:
    """A claim in its sentence (content, speaker and cue highlighted), with its figures and the article's
    metadata (CSV: one row, the columns of `ledger claims` with the passage)."""
    found = state(ctx).ledger().show_claim(claim_id)
    claim, shown = found.claim, found.passage
    if fmt == Format.csv:
        emit([{**claim_flat(claim), "passage": shown.text, "passage_start": shown.start}], fmt,
             csv_columns=[*CLAIM_CSV_COLUMNS, "passage", "passage_start"])
        return
    if fmt != Format.table:
        print_one({**claim, "passage": shown.text, "passage_start": shown.start}, fmt)
        return
    out = data_console()
    styled = sys.stdout.isatty()
    article, source, event = claim["article"], claim["source"], claim["event"]
    lines = [f"claim {claim['id']} ({claim['kind']}, {claim['status']})",
             f"source: {source['name']} ({source['type']})" + (f", via {claim['via']['name']}" if claim["via"] else ""),
             f"cue: {claim['cue'] or '-'}    mention: {claim['mention'] or '-'}",
             f"event: {event['id']} {event['label']} ({event['date']})" if event else "event: -",
             "figures: " + ("; ".join(map(figure_text, claim["figures"] + claim["no_figures"])) or "-"),
             f"article {article['id']}: {article['title'] or '-'}",
             f"  {article['outlet'] or '-'}, {article['published'] or 'undated'}, {article['url'] or article['path'] or '-'}",
             ""]
    for line in lines:
        out.print(line, markup=False)
    out.print(marked(shown, styled), markup=False, soft_wrap=True)


@show_app.command("article")
def show_article(ctx: typer.Context, article_id: Annotated[int, typer.Argument(help="Article id.")],
                 fmt: Format = FORMAT_OPTION) -> None:
    """An article's text with every claim's content, speaker and cue highlighted, its claims listed with
    their figures (CSV: its claims, one row each)."""
    meta = state(ctx).ledger().show_article(article_id)
    text, claims = meta["text"], meta["claims"]
    if fmt == Format.csv:  # the article's claims, one row each, as `ledger claims --article N`
        emit(map(claim_flat, claims), fmt, csv_columns=CLAIM_CSV_COLUMNS)
        return
    if fmt != Format.table:
        print_one(meta, fmt)
        return
    out = data_console()
    out.print(f"article {meta['id']}: {meta['title'] or '-'}", markup=False)
    out.print(f"  {meta['outlet'] or '-'}, {meta['published'] or 'undated'}, {meta['url'] or meta['path'] or '-'}\n",
              markup=False)
    out.print(article_passage(text, claims, sys.stdout.isatty()), markup=False, soft_wrap=True)
    out.print()
    for claim in claims:
        figures = "; ".join(map(figure_text, claim["figures"] + claim["no_figures"])) or "-"
        out.print(f"#{claim['id']} {claim['kind']:<12} {claim['source']['name']} | {figures}", markup=False)


def print_one(value: dict, fmt: Format) -> None:
    """One object: indented JSON, or a single JSON line for JSONL."""
    if fmt == Format.jsonl:
        write_jsonl([value])
    else:
        print_json(value)


def article_passage(text: str, claims: list[dict], styled: bool):
    """The whole text with every claim marked; each content is tagged with its claim id when piped."""
    from rich.text import Text

    if styled:
        result = Text(text)
        for claim in claims:
            for name, (s, e) in _spans(claim).items():
                if s is not None:
                    result.stylize(MARKERS[name][2], s, e)
        return result
    inserts: list[tuple[int, int, str]] = []
    for claim in claims:
        for name, (s, e) in _spans(claim).items():
            if s is not None:
                opening, closing, _ = MARKERS[name]
                inserts += [(s, 1, opening), (e, 0, closing + (f"#{claim['id']}" if name == "content" else ""))]
    out, position = [], 0
    for offset, _, marker in sorted(inserts):
        out += [text[position:offset], marker]
        position = offset
    out.append(text[position:])
    return "".join(out)


def _spans(claim: dict) -> dict:
    return {"content": (claim["start"], claim["end"]), "mention": (claim["mention_start"], claim["mention_end"]),
            "cue": (claim["cue_start"], claim["cue_end"])}
