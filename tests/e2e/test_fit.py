#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Screens that fit: growing the terminal from 60×20 to 160×45 fills the table again (no rows
left blank above a cursor on the last row); at 80 columns the detail lines keep, in order,
the value and state, the broken rule and the proposed fix (with two detail lines and no room
beside the value, the fix goes beside the broken rule), and end with … where they leave something out; K shows all
of it whole, a long note included."""
import re

from e2e import SEED_002, check, run

NOTE = "已与原件逐项核对，" * 12 + "特此说明"


def test(workbench):
    wb = workbench("fit", 60, 20)
    wb.start(wb.copy_seed(SEED_002))
    wb.wait_for("problems 1/7")
    # the cursor on table 三's last row: at 60×20 the table scrolls down to it
    wb.keys("G")
    wb.wait_cell("表三 四、结转下年度 · ", "the cursor on the last row")
    check("一、本年新收" not in wb.last, "the first row is still shown at 60×20", wb)

    wb.resize(160, 45)
    wb.wait_for(lambda s: len(s.split("\n")[0]) > 100 and "│项目" in s, "the side-by-side layout at 160×45")
    pane = wb.table_pane()
    rows = [l for l in pane[2:] if l.strip()]
    first = next((i for i, l in enumerate(pane) if l.startswith("一、本年新收")), None)
    last = next((i for i, l in enumerate(pane) if l.startswith("四、结转下年度")), None)
    check(first == 2 and last, "the table does not fill the pane from its header at 160×45", wb)
    check(all(pane[i].strip() for i in range(first, last + 1)), "blank rows inside the table", wb)
    check(len(rows) >= 26, "the table shows %d rows, not all 26" % len(rows), wb)
    check(wb.cell_name().startswith("表三 四、结转下年度 · "), "the cursor's cell changed: " + wb.detail())

    # 80 columns: value and state, the broken rule, the fix
    wb.resize(80, 24)
    wb.keys("g", "]")
    wb.wait_cell("表三 (七)总计 · 自然人", "the first problem")
    wb.wait_for(lambda s: "fix: → 2" in s, "the fix at 80 columns")
    lines = wb.lines()
    at = next(i for i, l in enumerate(lines) if l.startswith(" 表三 (七)总计 · 自然人 = "))
    detail = lines[at:at + 3]
    check("(七)总计 · 自然人 = 0" in detail[0], "no value on the detail line: %r" % detail)
    check(any("[extracted]" in l for l in detail), "no state at 80 columns: %r" % detail)
    check(any("fix: → 2, unique (f applies)" in l for l in detail), "no fix at 80 columns: %r" % detail)
    check(any(l.startswith(" ✗ 一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0") for l in detail),
          "no broken rule at 80 columns: %r" % detail)
    check(detail[2].rstrip().endswith("…"), "the rules left out are not marked …: %r" % detail[2])
    # 80×18: two detail lines; the value, its state and the fix share the first
    wb.resize(80, 18)
    wb.wait_for(lambda s: " 表三 (七)总计 · 自然人 = 0  [extracted]  fix: → 2, unique (f applies)" in s,
                "value, state and fix on the first of two lines at 80×18")
    # 66×18: no room beside the value: the fix goes beside the first broken rule, the other rules give way
    wb.resize(66, 18)
    wb.wait_for(lambda s: "✗ 一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0  fix: → 2" in s,
                "the fix beside the broken rule at 66×18")
    check("(七)总计 · 自然人 = 0  [extracted]" in wb.last, "value and state at 66×18", wb)
    wb.resize(80, 24)
    wb.wait_for(lambda s: "fix: → 2, unique (f applies)" in s, "back to three detail lines")

    # a long note: cut on the detail lines, whole in K
    wb.keys("a")
    wb.wait_prompt("note on (七)总计 · 自然人: ")
    wb.type(NOTE)
    wb.keys("Enter")
    wb.wait_for("note kept")
    check(NOTE not in "".join(l.strip() for l in wb.lines()[at:at + 3]), "the whole note fits? the test is wrong", wb)
    wb.keys("K")
    wb.wait_for("The cell, its note, its rules and the fix, whole")
    text = "".join(l.strip() for l in wb.lines())
    check("note: " + NOTE in text, "K does not show the whole note", wb)
    check("✓ 总计 = 自然人+…+其他 [(七)总计]: 0 = 0 = 0" in wb.last, "K does not show every rule", wb)
    check(re.search(r"why this fix: 4 broken rules\.", wb.last), "K does not give the fix's reasons", wb)
    wb.keys("Escape")
    wb.wait_gone("The cell, its note")
    wb.command("q!")
    wb.expect_exit(0)


run(test)
