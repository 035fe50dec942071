#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Seed 002 opens with its broken totals marked and explained; ] walks the problems;
correcting (七)总计 fixes every rule; u brings a broken rule back; C-r removes it again."""
from e2e import SEED_002, check, run


def test(workbench):
    wb = workbench("broken")
    wb.start(wb.copy_seed(SEED_002))
    wb.wait_for("problems 1/7", "the workbench on its first problem")

    # the cursor starts on the first broken cell, marked and explained
    check(wb.cell_name() == "表三 (七)总计 · 自然人", "cursor not on (七)总计·自然人: " + wb.detail())
    check(wb.cell("(七)总计", "自然人") == "0!", "(七)总计·自然人 not marked broken", wb)
    check(wb.cell("(七)总计", "总计") == "0!", "(七)总计·总计 not marked broken", wb)
    check(wb.cell("一、本年新收", "自然人") == "2", "a sound cell is marked", wb)
    check("一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0" in wb.last, "the broken rule is not explained", wb)
    check("broken 4" in wb.status() and "missing 5" in wb.status(), "status: " + wb.status())
    # the raw report beside it shows the cell's line
    check(" 78 →(七) 总计→0→0→0→0→0→0→0" in wb.last, "the raw pane does not show line 78", wb)

    # ] walks the problems in order and wraps around
    wb.keys("]")
    wb.wait_for("problems 2/7")
    check(wb.cell_name() == "表三 (七)总计 · 总计", "2nd problem: " + wb.detail())
    wb.keys("]")
    wb.wait_for("problems 3/7")
    check(wb.cell_name() == "表四 行政复议 · 结果维持", "3rd problem is the first missing cell: " + wb.detail())
    check("表四" in wb.last and wb.cell("行政复议", "结果维持") == "·?", "the missing cell is not shown as ?", wb)
    check("(extracted (blank), line 86)" in wb.detail() and " 86 →→→→→0→0" in wb.last,
          "the missing cell's line is not named and shown", wb)
    for k in range(4, 8):
        wb.keys("]")
        wb.wait_for("problems %d/7" % k)
    wb.keys("]")
    wb.wait_for("problems 1/7", "] to wrap round to the first problem")
    wb.keys("[")
    wb.wait_for("problems 7/7", "[ to go back to the last problem")
    wb.keys("[")
    wb.wait_for("problems 6/7")

    # correct (七)总计 for 自然人 and for 总计
    wb.keys("]", "]")  # round to 1/7: (七)总计·自然人
    wb.wait_for("problems 1/7")
    for column in ("自然人", "总计"):
        check(wb.cell_name() == "表三 (七)总计 · " + column, "cursor not on (七)总计 · %s: %s" % (column, wb.detail()))
        wb.keys("e")
        wb.wait_prompt("(七)总计 · %s = 0" % column)
        wb.keys("C-u")
        wb.type("2")
        wb.keys("Enter")
        wb.wait_for(lambda s: wb.cell("(七)总计", column) == "2*", "(七)总计·%s to show 2*" % column)
        if column == "自然人":
            wb.keys("$")  # the row's last cell: 总计
            wb.wait_cell("表三 (七)总计 · 总计")
    wb.wait_for("broken 0", "no broken rule left")
    check("corrected 2" in wb.status(), "status: " + wb.status())
    check("!" not in wb.cell("(七)总计", "自然人") + wb.cell("(七)总计", "总计"), "still marked broken", wb)

    # u: the last correction is undone and its rules break again
    wb.keys("u")
    # the total is 0 again: both column rules and its row's sum (自然人 is 2 now) break
    wb.wait_for("broken 3", "undo to bring the total's rules back")
    check(wb.cell("(七)总计", "总计") == "0!", "undo did not restore the broken 0", wb)
    check(wb.cell("(七)总计", "自然人") == "2*", "undo went too far", wb)
    check("undone" in wb.last and "✗ 总计 ≠ 自然人+…+其他" in wb.last, "the rule broken again is not explained", wb)
    # C-r: redone, the rules hold again
    wb.keys("C-r")
    wb.wait_for("broken 0", "redo to fix the rules again")
    check(wb.cell("(七)总计", "总计") == "2*", "redo did not put 2 back", wb)

    wb.keys("q")
    wb.wait_for("Unsaved changes")
    wb.keys("n")
    wb.expect_exit(0)


run(test)
