"""Short human renderings shared by tables, summaries and reports."""
from __future__ import annotations


def bounds_text(low: int | None, high: int | None, *, prose: bool = False, between: str = "-") -> str:
    """Bounds as a person writes them (None: no bound on that side), the ledger's one rendering of bounds.

    In a table: 5, 4-7, 1,200, 5+ (at least 5), <=7 (at most 7), ? (unknown). In a sentence (``prose``, as
    conflict summaries and notes put them): 5, 4-7, at least 5, up to 7, digits without separators.
    ``between`` joins a range ("3 to 9" for the spread of several figures).

        >>> bounds_text(5, None), bounds_text(5, None, prose=True), bounds_text(None, 7, prose=True)
        ('5+', 'at least 5', 'up to 7')
    """
    if prose:
        if low is not None and high is not None:
            return f"{low}" if low == high else f"{low}{between}{high}"
        if low is not None:
            return f"at least {low}"
        return f"up to {high}" if high is not None else "?"
    if low is not None and high is not None:
        return f"{low:,}" if low == high else f"{low:,}{between}{high:,}"
    if low is not None:
        return f"{low:,}+"
    if high is not None:
        return f"<={high:,}"
    return "?"


def figure_text(figure: dict) -> str:
    """One figure in a few words: "killed fighters 5+", "no figure (killed)"."""
    if figure.get("no_figure"):
        return f"no figure ({figure['metric']})"
    population = f" {figure['population']}" if figure.get("population") else ""
    return f"{figure['metric']}{population} {bounds_text(figure.get('low'), figure.get('high'))}"


def shorten(text: str | None, width: int = 90) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


MARKERS = {"content": ("[[", "]]", "bold yellow"), "mention": ("{{", "}}", "bold cyan"),
           "cue": ("<<", ">>", "magenta")}


def marked(passage, styled: bool):
    """A passage (``ledger.passages.Passage``) with the claim's content, speaker and cue marked: rich styles
    for a terminal, plain markers when piped ([[content]], {{speaker}}, <<cue>>) so the output stays
    greppable."""
    from rich.text import Text

    text = ("… " if passage.cut_before else "") + passage.text + (" …" if passage.cut_after else "")
    shift = 2 if passage.cut_before else 0
    spans = {name: (s + shift, e + shift) for name, (s, e) in passage.spans.items()}
    if styled:
        result = Text(text)
        for name, (s, e) in spans.items():
            result.stylize(MARKERS[name][2], s, e)
        return result
    inserts = sorted((offset, rank, marker) for name, (s, e) in spans.items()
                     for offset, rank, marker in ((s, 1, MARKERS[name][0]), (e, 0, MARKERS[name][1])))
    out, position = [], 0
    for offset, _, marker in inserts:
        out += [text[position:offset], marker]
        position = offset
    out.append(text[position:])
    return "".join(out)
