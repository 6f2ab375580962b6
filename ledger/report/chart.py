"""Each source's bounds for one metric of an event, as an inline SVG bar chart.

One lane per source, one row per figure it gave, oldest report first and faded, so a revision (6+, then 9)
reads top to bottom. The shape says what kind of bound a figure is, since "at least 6" is not 6:

- exact (9): a diamond at 9;
- range (4-7): a bar from 4 to 7;
- at least (6+): a bar from 6 that fades out to the right edge and ends in an arrow;
- up to (<=7): a bar from 0 to 7 that fades in from the left, an arrow pointing left at 0.

A grey band and a dashed line mark the reconciler's estimate (low-high and best). Every mark links to its
claim (``#claim-N``) and carries a ``<title>`` tooltip. Names and texts are escaped by :mod:`markup`.
"""
from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from ledger.render import bounds_text
from ledger.report.data import FigureMark, MetricBlock
from ledger.report.markup import Html, el, join

WIDTH = 860
LABEL_WIDTH = 300
RIGHT_MARGIN = 100
TOP = 26
ROW = 22
GROUP_GAP = 8
AXIS_HEIGHT = 40
LEGEND_HEIGHT = 26
NAME_CHARS = 27
PALETTE = ("#1f6fb2", "#d9480f", "#2b8a3e", "#862e9c", "#c2255c", "#5c940d", "#0b7285", "#a0522d", "#495057")
EARLIER_OPACITY = 0.4


@dataclass(frozen=True, slots=True)
class Scale:
    """Counts to x positions over the plot area [x0, x1]."""

    top: float
    x0: float = LABEL_WIDTH
    x1: float = WIDTH - RIGHT_MARGIN

    def x(self, value: float) -> float:
        return round(self.x0 + (self.x1 - self.x0) * min(value, self.top) / self.top, 1)


def colour_of(source: str, sources: list[str]) -> str:
    """A source keeps one colour across all the charts of its event."""
    index = sources.index(source) if source in sources else len(sources)
    return PALETTE[index % len(PALETTE)]


def drawable(block: MetricBlock) -> bool:
    return any(m.bounded for s in block.series for m in s.marks)


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks over ``span``."""
    raw_step = max(span / ticks, 1)
    power = 10 ** math.floor(math.log10(raw_step))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw_step)


def scale_for(block: MetricBlock) -> tuple[Scale, float]:
    """The axis top leaves room past the largest finite bound, so open bars visibly run on."""
    values = [v for s in block.series for m in s.marks if m.bounded for v in (m.low, m.high) if v is not None]
    if block.estimate:
        values += [v for v in (block.estimate[k]["value"] for k in ("low", "best", "high")) if v is not None]
    step = nice_step(max(values + [1]) * 1.15)
    top = step * math.ceil(max(values + [1]) * 1.15 / step)
    return Scale(top=max(top, step)), step


def chart_svg(block: MetricBlock, sources: list[str], chart_id: str) -> Html:
    """The chart of one metric block, or an empty string when no figure of it has a bound."""
    if not drawable(block):
        return Html("")
    scale, step = scale_for(block)
    rows, body_height = _rows(block, sources, scale, chart_id)
    height = TOP + body_height + AXIS_HEIGHT + LEGEND_HEIGHT
    axis_y = TOP + body_height
    title = f"Figures by source: {block.title}"
    return el("svg", el("title", title, id=f"{chart_id}-title"), _defs(chart_id),
              _grid(scale, step, TOP, axis_y), _estimate(block, scale, TOP, axis_y), rows,
              _axis(scale, step, axis_y, block), _legend(chart_id, axis_y + AXIS_HEIGHT),
              xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {WIDTH} {height}", width="100%",
              role="img", aria_labelledby=f"{chart_id}-title", class_="chart-svg",
              preserveAspectRatio="xMinYMin meet", data_marks=sum(m.bounded for s in block.series for m in s.marks))


def _defs(chart_id: str) -> Html:
    """Fade masks for open bounds: colour-free, so one pair serves every source's colour."""
    def mask(name: str, stops: tuple[tuple[str, str], ...]) -> Html:
        gradient = el("linearGradient", *(el("stop", offset=o, stop_color="#fff", stop_opacity=a) for o, a in stops),
                      id=f"{chart_id}-{name}-g")
        shape = el("rect", x=0, y=0, width=1, height=1, fill=f"url(#{chart_id}-{name}-g)")
        return join([gradient, el("mask", shape, id=f"{chart_id}-{name}", maskContentUnits="objectBoundingBox")])

    return el("defs", mask("fade-right", (("0", "1"), ("0.45", "1"), ("1", "0.12"))),
              mask("fade-left", (("0", "0.12"), ("0.55", "1"), ("1", "1"))))


def _rows(block: MetricBlock, sources: list[str], scale: Scale, chart_id: str) -> tuple[Html, int]:
    parts, y = [], 0
    for series in block.series:
        marks = [m for m in series.marks if not m.no_figure]
        if not marks:
            continue
        colour = colour_of(series.source, sources)
        lines = name_lines(series.source)
        parts.append(el("text", el("title", series.source),
                        *(el("tspan", line, x=8, dy=0 if n == 0 else ROW) for n, line in enumerate(lines)),
                        x=8, y=TOP + y + 15, class_="lane-name"))
        for n, mark in enumerate(marks):
            row_y = TOP + y + n * ROW
            latest = n == len(marks) - 1
            parts.append(el("text", mark.published or "undated", x=LABEL_WIDTH - 12, y=row_y + 15,
                            class_="lane-date", text_anchor="end"))
            if mark.bounded:
                parts.append(_mark(mark, scale, row_y + ROW / 2, colour, latest, chart_id))
            else:
                parts.append(el("text", "? (no bound)", x=scale.x0 + 6, y=row_y + 15, class_="mark-label"))
        y += max(len(marks), len(lines)) * ROW + GROUP_GAP
        parts.append(el("line", x1=8, x2=WIDTH - 8, y1=TOP + y - GROUP_GAP / 2, y2=TOP + y - GROUP_GAP / 2,
                        class_="lane-rule"))
    return join(parts), y


def name_lines(name: str, width: int = NAME_CHARS, most: int = 2) -> list[str]:
    """A source's name on at most two lines beside its rows; the full name is in the tooltip."""
    lines = textwrap.wrap(name, width, break_long_words=True) or [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][:width - 1].rstrip() + "…"
    return lines


def kind_of(mark: FigureMark) -> str:
    """exact, range, at-least or up-to: how the mark is drawn."""
    if mark.low is not None and mark.high is not None:
        return "exact" if mark.low == mark.high else "range"
    return "at-least" if mark.low is not None else "up-to"


def _mark(mark: FigureMark, scale: Scale, mid: float, colour: str, latest: bool, chart_id: str) -> Html:
    kind = kind_of(mark)
    bar = 10
    shapes: list[Html] = []
    label_x = 0.0
    style = {"fill": colour, "stroke": colour}
    if kind == "exact":
        x = scale.x(mark.low)
        shapes.append(el("polygon", points=f"{x},{mid - 7} {x + 7},{mid} {x},{mid + 7} {x - 7},{mid}", **style))
        label_x = x + 12
    elif kind == "range":
        x0, x1 = scale.x(mark.low), max(scale.x(mark.high), scale.x(mark.low) + 3)
        shapes.append(el("rect", x=x0, y=mid - bar / 2, width=round(x1 - x0, 1), height=bar, rx=2, **style))
        label_x = x1 + 6
    elif kind == "at-least":
        x0, x1 = scale.x(mark.low), scale.x1
        shapes.append(el("rect", x=x0, y=mid - bar / 2, width=max(round(x1 - x0, 1), 4), height=bar,
                         mask=f"url(#{chart_id}-fade-right)", fill=colour))
        shapes.append(el("polygon", points=f"{x1},{mid - 7} {x1 + 10},{mid} {x1},{mid + 7}", fill=colour,
                         fill_opacity=0.5))
        shapes.append(el("line", x1=x0, x2=x0, y1=mid - 7, y2=mid + 7, stroke=colour, stroke_width=2))
        label_x = x1 + 16
    else:  # up to
        x0, x1 = scale.x0 + 10, max(scale.x(mark.high), scale.x0 + 14)
        shapes.append(el("rect", x=x0, y=mid - bar / 2, width=round(x1 - x0, 1), height=bar,
                         mask=f"url(#{chart_id}-fade-left)", fill=colour))
        shapes.append(el("polygon", points=f"{x0},{mid - 7} {x0 - 10},{mid} {x0},{mid + 7}", fill=colour,
                         fill_opacity=0.5))
        shapes.append(el("line", x1=x1, x2=x1, y1=mid - 7, y2=mid + 7, stroke=colour, stroke_width=2))
        label_x = x1 + 6
    text = bounds_text(mark.low, mark.high) + (" (vague)" if mark.vague else "")
    shapes.append(el("text", text, x=label_x, y=mid + 4, class_="mark-label"))
    tooltip = (f"{mark.source}: {bounds_text(mark.low, mark.high)} — \u201c{mark.text}\u201d "
               f"({mark.outlet or 'unknown outlet'}, {mark.published or 'undated'}), claim #{mark.claim_id}"
               + ("" if latest else " — superseded by a later report"))
    classes = f"mark mark-{kind}" + (" mark-vague" if mark.vague else "") + ("" if latest else " mark-earlier")
    group = el("g", el("title", tooltip), *shapes, class_=classes, data_claim=mark.claim_id,
               opacity=None if latest else EARLIER_OPACITY)
    return el("a", group, href=f"#claim-{mark.claim_id}")


def _grid(scale: Scale, step: float, top: float, bottom: float) -> Html:
    ticks = _ticks(scale, step)
    return join(el("line", x1=scale.x(t), x2=scale.x(t), y1=top - 4, y2=bottom, class_="grid") for t in ticks)


def _ticks(scale: Scale, step: float) -> list[float]:
    return [step * n for n in range(int(round(scale.top / step)) + 1)]


def _axis(scale: Scale, step: float, y: float, block: MetricBlock) -> Html:
    parts = [el("line", x1=scale.x0, x2=scale.x1, y1=y, y2=y, class_="axis")]
    for tick in _ticks(scale, step):
        x = scale.x(tick)
        parts.append(el("line", x1=x, x2=x, y1=y, y2=y + 5, class_="axis"))
        parts.append(el("text", f"{int(tick):,}", x=x, y=y + 17, class_="tick", text_anchor="middle"))
    label = f"number {block.metric}" + (f" ({block.population})" if block.population else "")
    parts.append(el("text", label, x=(scale.x0 + scale.x1) / 2, y=y + 33, class_="axis-title", text_anchor="middle"))
    return join(parts)


def _estimate(block: MetricBlock, scale: Scale, top: float, bottom: float) -> Html:
    estimate = block.estimate
    if not estimate or estimate["best"]["value"] is None:
        return Html("")
    parts = []
    low, high, best = (estimate[k]["value"] for k in ("low", "high", "best"))
    if low is not None and high is not None:
        x0, x1 = scale.x(low), scale.x(high)
        parts.append(el("rect", el("title", f"estimate {bounds_text(low, high)}: low {low:,}, high {high:,}"),
                        x=x0 - 3, y=top - 6, width=round(x1 - x0 + 6, 1), height=bottom - top + 6,
                        class_="estimate-band"))
    x = scale.x(best)
    parts.append(el("line", el("title", f"best estimate {best:,}"), x1=x, x2=x, y1=top - 10, y2=bottom,
                    class_="estimate-best"))
    parts.append(el("text", f"best estimate {best:,}", x=x, y=top - 13, class_="estimate-label",
                    text_anchor="end" if x > scale.x1 - 80 else "start"))
    return join(parts)


def _legend(chart_id: str, y: float) -> Html:
    """What each shape means, on one line under the axis."""
    colour = "#6b7280"
    mid = y + 12
    solid = {"fill": colour, "stroke": colour}
    items: list[tuple[Html, str]] = []

    items.append((el("polygon", points=f"9,{mid - 6} 15,{mid} 9,{mid + 6} 3,{mid}", **solid), "exact"))
    items.append((el("rect", x=0, y=mid - 5, width=20, height=10, rx=2, **solid), "range"))
    items.append((join([el("rect", x=0, y=mid - 5, width=20, height=10, fill=colour,
                           mask=f"url(#{chart_id}-fade-right)"),
                        el("polygon", points=f"20,{mid - 6} 28,{mid} 20,{mid + 6}", fill=colour, fill_opacity=0.5)]),
                  "at least (open right)"))
    items.append((join([el("polygon", points=f"8,{mid - 6} 0,{mid} 8,{mid + 6}", fill=colour, fill_opacity=0.5),
                        el("rect", x=8, y=mid - 5, width=20, height=10, fill=colour,
                           mask=f"url(#{chart_id}-fade-left)")]), "up to (open left)"))
    items.append((el("rect", x=0, y=mid - 5, width=20, height=10, rx=2, opacity=EARLIER_OPACITY, **solid),
                  "earlier report"))
    items.append((join([el("rect", x=0, y=mid - 8, width=20, height=16, class_="estimate-band"),
                        el("line", x1=10, x2=10, y1=mid - 8, y2=mid + 8, class_="estimate-best")]),
                  "estimate range / best"))
    parts, x = [], 8.0
    for glyph, label in items:
        parts.append(el("g", glyph, el("text", label, x=34, y=mid + 4, class_="legend-label"),
                        transform=f"translate({x},0)"))
        x += 44 + len(label) * 6.2
    return el("g", *parts, class_="legend")
