#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Resizing never loses the cursor's cell: 140×40 → 60×20 (panes stacked) → 140×40 keeps
it named on the detail line and on screen; 20×6 says "terminal too small"; the program
keeps answering keys afterwards and exits 0."""
from e2e import SEED_002, check, run

CELL = "表三 (三)2.法律法规禁止 · 法律服务机构"


def cursor_line(wb):
    """The screen line the terminal's cursor is on (the workbench keeps it on the selected cell)."""
    x, y = wb.cursor()
    return wb.lines()[y]


def test(workbench):
    wb = workbench("resize")
    wb.start(wb.copy_seed(SEED_002))
    wb.wait_for("problems 1/7")
    # a cell away from the start: table 三, row (三)2 (the 6th), column 法律服务机构 (the 5th)
    wb.keys("2", "g")
    wb.wait_cell("表三 一、本年新收 · ")
    for _ in range(5):
        wb.keys("j")
    for _ in range(4):
        wb.keys("l")
    wb.wait_cell(CELL)
    # the raw pane shows the cell's line from its start, label included (the line before
    # was long enough to scroll it sideways)
    check(" 59 →→2. 其他法律行政法规禁止公开→0" in wb.last, "the raw line of the cell lost its label", wb)
    check("(三)2.法律法规禁" in cursor_line(wb), "the terminal cursor is not on the cell's row", wb)

    wb.resize(60, 20)
    wb.wait_for(lambda s: len(s.split("\n")[0]) <= 60 and "─" * 20 in s, "the stacked layout at 60×20")
    check(wb.cell_name() == CELL, "the cursor's cell changed at 60×20: " + wb.detail())
    check("(三)2.法律法规禁" in cursor_line(wb), "the cursor's row is not on screen at 60×20", wb)
    check("problems -/7" in wb.status(), "no status bar at 60×20", wb)

    wb.resize(20, 6)
    wb.wait_for("terminal too small")

    wb.resize(140, 40)
    wb.wait_for(lambda s: "terminal too small" not in s and "? help" in s, "the full layout again at 140×40")
    check(wb.cell_name() == CELL, "the cursor's cell changed after resizing back: " + wb.detail())
    check("(三)2.法律法规禁" in cursor_line(wb), "the cursor's row is not on screen at 140×40", wb)

    # still answering keys
    wb.keys("j")
    wb.wait_cell("表三 (三)3.三安全一稳定 · 法律服务机构", "j to move down a row after the resizes")
    wb.resize(20, 6)
    wb.wait_for("terminal too small")
    wb.keys("k")  # a key while too small must not crash; it moves back up
    wb.resize(100, 30)
    wb.wait_for(" %s " % CELL, "k pressed while too small to have moved back")
    wb.keys("q")
    wb.expect_exit(0)


run(test)
