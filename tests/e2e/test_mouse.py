#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""With --mouse a click selects the cell under it and the wheel scrolls the raw report.
The events are typed into the pane as the terminal would send them (X10 mouse reports)."""
from e2e import SEED_002, check, run, width


def mouse(wb, button, x, y):
    """One X10 mouse report: ESC [ M, then button, column and row, each + 32 (1-based)."""
    wb.type("\x1b[M" + chr(32 + button) + chr(32 + x + 1) + chr(32 + y + 1))


def test(workbench):
    wb = workbench("mouse")
    wb.start(wb.copy_seed(SEED_002), args=["--mouse"])
    wb.wait_for("problems 1/7")

    # click 一、本年新收 · 商业企业: its row, under its heading
    lines = wb.lines()
    y = next(i for i, l in enumerate(lines) if "│一、本年新收" in l)
    header = next(l for l in lines if "│项目" in l)
    x = width(header[:header.index("商业企业")]) + 2
    mouse(wb, 0, x, y)  # press
    mouse(wb, 3, x, y)  # release
    wb.wait_cell("表三 一、本年新收 · 商业企业", "the click to select 一、本年新收 · 商业企业")
    check("(extracted 0, line 54)" in wb.detail(), "the clicked cell's source: " + wb.detail())
    first = wb.lines()[1]  # under the raw pane's title
    check(first.startswith(" 43 "), "the raw pane does not follow the clicked cell: %r" % first[:40])

    # the wheel scrolls the raw report, three lines a notch, and leaves the cursor alone
    mouse(wb, 65, 5, 5)  # wheel down
    wb.wait_for(lambda s: s.split("\n")[1].startswith(" 46 "), "the wheel to scroll the raw pane down")
    mouse(wb, 64, 5, 5)  # wheel up
    mouse(wb, 64, 5, 5)
    wb.wait_for(lambda s: s.split("\n")[1].startswith(" 40 "), "the wheel to scroll the raw pane up")
    check(wb.cell_name() == "表三 一、本年新收 · 商业企业", "the wheel moved the cursor: " + wb.detail())

    # a click outside the table changes nothing
    mouse(wb, 0, 3, 3)
    mouse(wb, 3, 3, 3)
    wb.keys("j")  # a key after the click: its effect shows the click was handled first
    wb.wait_cell("表三 二、上年结转 · 商业企业")
    wb.keys("q")
    wb.expect_exit(0)


run(test)
