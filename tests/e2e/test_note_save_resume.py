#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A Chinese note typed into the prompt shows on screen and reaches the saved YAML; quitting
and opening the same report again resumes the review: every correction, confirmation and
the note come back."""
import os

from e2e import SEED_002, check, run

NOTE = "已与原件核对，总计应为2"


def test(workbench):
    wb = workbench("note")
    report = wb.copy_seed(SEED_002)
    review = report + ".review.yaml"
    wb.start(report)
    wb.wait_for("problems 1/7")

    # correct (七)总计·自然人 and note why
    wb.keys("e")
    wb.wait_prompt("(七)总计 · 自然人 = 0")
    wb.keys("C-u")
    wb.type("2")
    wb.keys("Enter")
    wb.wait_for(lambda s: wb.cell("(七)总计", "自然人") == "2*", "the corrected value")
    wb.keys("a")
    wb.wait_prompt("note on (七)总计 · 自然人: ")
    wb.type(NOTE)
    wb.wait_prompt("note on (七)总计 · 自然人: " + NOTE)
    wb.keys("Enter")
    wb.wait_for("note kept")
    check("note: " + NOTE in wb.detail(), "the detail line does not show the note: " + wb.detail())
    check(wb.cell("(七)总计", "自然人") == "2*+", "no + glyph for the note", wb)
    check("[+]" in wb.status(), "unsaved changes not flagged: " + wb.status())
    # a second correction (the row's total) and a confirmation (二、上年结转 · 自然人)
    wb.keys("$")
    wb.wait_cell("表三 (七)总计 · 总计")
    wb.keys("e")
    wb.wait_prompt("(七)总计 · 总计 = 0")
    wb.keys("C-u")
    wb.type("2")
    wb.keys("Enter")
    wb.wait_for(lambda s: wb.cell("(七)总计", "总计") == "2*", "the second correction")
    wb.keys("g", "j", "0")
    wb.wait_cell("表三 二、上年结转 · 自然人")
    wb.keys("c")
    wb.wait_for(lambda s: wb.cell("二、上年结转", "自然人") == "0✓", "the confirmation")

    wb.keys("C-s")
    wb.wait_for("saved ")
    check("[+]" not in wb.status(), "still flagged unsaved after saving: " + wb.status())
    check(os.path.exists(review), "no review file at " + review)
    with open(review, encoding="utf-8") as f:
        yaml = f.read()
    check(NOTE in yaml, "the note is not in the saved review file")
    check("requests.results_total.natural" in yaml, "the corrected cell is not in the saved review file")

    # nothing unsaved: q quits without asking
    wb.keys("q")
    wb.expect_exit(0)

    # the same report again: the review file is resumed, not started over
    wb.start(report)
    wb.wait_for("│ corrected 2 │", "the resumed review")
    check("broken 0" in wb.status(), "the resumed review's rules: " + wb.status())
    wb.keys("2")  # the first problem left is in table 四: back to 三
    wb.wait_for("项目              自然人")
    check(wb.cell("(七)总计", "自然人") == "2*+", "the correction and note are not shown again", wb)
    check(wb.cell("(七)总计", "总计") == "2*", "the second correction is not shown again", wb)
    check(wb.cell("二、上年结转", "自然人") == "0✓", "the confirmation is not shown again", wb)
    # walk to the corrected cell and read its note: last row, one up, first column
    wb.keys("G")
    wb.wait_cell("表三 四、结转下年度 · ", "the last row of table 三")
    wb.keys("k")
    wb.wait_cell("表三 (七)总计 · ")
    wb.keys("0")
    wb.wait_cell("表三 (七)总计 · 自然人")
    check("note: " + NOTE in wb.detail(), "the note is not shown again: " + wb.detail())
    check("= 2  (extracted 0" in wb.detail(), "the correction is not shown again: " + wb.detail())
    # 2 is printed nowhere on line 78: the report's figure was wrong, and the resumed review says so
    check("[figure correction]" in wb.detail(), "the state and kind are not shown again: " + wb.detail())
    wb.keys("q")
    wb.expect_exit(0)


run(test)
