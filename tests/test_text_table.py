"""The boxed text tables of ``ledger conflicts``: widths, wrapping, and wide characters."""
from __future__ import annotations

import textwrap

from ledger.commands.text_table import column_widths, render, width_of, wrap


def test_text_table_columns_keep_their_width_when_they_fit():
    assert column_widths([5, 10, 3], 30) == [5, 10, 3]


def test_text_table_widest_columns_are_cut_to_a_common_cap():
    widths = column_widths([5, 40, 30], 50)
    assert widths[0] == 5 and sum(widths) <= 50 and widths[1] == widths[2] == 22


def test_text_table_wrap_breaks_at_spaces_as_textwrap_does():
    text = "the observatory said that at least six fighters were killed near Qarvash-on-the-river-Belmorava"
    for width in (8, 13, 20, 31):
        assert wrap(text, width) == textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)


def test_text_table_box_pads_wide_characters_by_screen_cells():
    out = render(["name", "n"], [["東京 office", "3"], ["Qarvash", "12"]], width=80)
    lines = out.splitlines()
    assert lines[0] == "┌─────────────┬────┐" and lines[-1] == "└─────────────┴────┘"
    assert {width_of(line) for line in lines} == {20}  # 東京 takes four cells, not two characters' worth
    assert lines[3:5] == ["│ 東京 office │ 3  │", "│ Qarvash     │ 12 │"]


def test_text_table_long_cell_wraps_within_the_width():
    out = render(["source", "claim"], [["VOCR", "word " * 60]], width=40, title="#1 contradiction")
    lines = out.splitlines()
    assert lines[0] == "#1 contradiction"
    assert all(width_of(line) <= 40 for line in lines[1:]) and len(lines) > 6
    assert "".join(line.split("│")[2] for line in lines[4:-1]).split() == ["word"] * 60
