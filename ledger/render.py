"""Short human renderings shared by tables, summaries and reports."""
from __future__ import annotations


def bounds_text(low: int | None, high: int | None) -> str:
    """Bounds as a person writes them: 5, 4-7, 5+ (at least 5), <=7 (at most 7), ? (unknown)."""
    if low is not None and high is not None:
        return f"{low:,}" if low == high else f"{low:,}-{high:,}"
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


def passage(text: str, start: int, end: int, spans: dict[str, tuple[int, int] | None], styled: bool):
    """``text[start:end]`` with the named spans marked: rich styles for a terminal, plain markers when piped
    ([[content]], {{speaker}}, <<cue>>) so the output stays greppable."""
    from rich.text import Text

    inside = {name: (max(s, start), min(e, end)) for name, (s, e) in
              ((n, sp) for n, sp in spans.items() if sp and sp[0] is not None) if s < end and e > start}
    if styled:
        result = Text(text[start:end])
        for name, (s, e) in inside.items():
            result.stylize(MARKERS[name][2], s - start, e - start)
        return result
    inserts: list[tuple[int, int, str]] = []
    for name, (s, e) in inside.items():
        opening, closing, _ = MARKERS[name]
        inserts += [(s, 1, opening), (e, 0, closing)]
    out, position = [], start
    for offset, _, marker in sorted(inserts):
        out += [text[position:offset], marker]
        position = offset
    out.append(text[position:end])
    return "".join(out)
