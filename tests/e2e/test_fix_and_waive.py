#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The detail line proposes the smallest fix and f applies it as one change with the reasoning as its note;
W accepts a broken rule with a note, which the status bar counts and the review file keeps."""
import os

from e2e import SEED_002, check, run


def test(workbench):
    wb = workbench("fix")
    report = wb.copy_seed(SEED_002)
    wb.start(report)
    wb.wait_for("problems 1/7")
    check("fix: → 2, unique (f applies)" in wb.detail(), "no fix proposed on (七)总计·自然人: " + wb.detail())

    # f: the note is pre-filled with the reasoning; Enter applies both cells at once
    wb.keys("f")
    wb.wait_prompt("note for the fix: ")
    check("No other set of that size works" in wb.last, "the note is not pre-filled with the reasoning", wb)
    wb.keys("Enter")
    wb.wait_for("fix applied to 2 cells")
    check("broken 0" in wb.status(), "the fix did not clear the broken rules: " + wb.status())
    check(wb.cell("(七)总计", "自然人") == "2*+" and wb.cell("(七)总计", "总计") == "2*+",
          "the fixed cells are not corrected with a note", wb)
    wb.keys("u")
    wb.wait_for(lambda s: "broken 4" in wb.status(), "one undo to take the whole fix back")

    # W: the broken rule under the cursor, accepted with a note
    wb.keys("W")
    wb.wait_prompt("why accept 一+二 = 三(七)+四 [自然人] as broken? ")
    wb.keys("Enter")  # an empty note is refused
    wb.wait_for("needs a note")
    wb.keys("W")
    wb.wait_prompt("why accept 一+二 = 三(七)+四 [自然人] as broken? ")
    wb.type("原文如此，已核实")
    wb.keys("Enter")
    wb.wait_for(lambda s: "broken 3 (+1 waived)" in wb.status(), "the waiver counted in the status bar")
    # the rule still broken comes first on the detail line; the waived one follows, its reason whole in K
    check("(waived: 原文如此" in wb.last, "the waiver is not shown with its rule", wb)
    wb.keys("K")
    wb.wait_for("✗ 一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0 (waived: 原文如此，已核实)", "K to show the waiver whole")
    wb.keys("Escape")
    wb.wait_gone("The cell, its note")
    wb.keys("C-s")
    wb.wait_for("saved")
    with open(report + ".review.yaml", encoding="utf-8") as f:
        check("waived: 原文如此，已核实" in f.read(), "the waiver is not in the review file")
    wb.keys("q")
    wb.expect_exit(0)


run(test)
