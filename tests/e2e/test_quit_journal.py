#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Quitting with unsaved changes asks first (and keeps asking through a resize); Esc stays, n quits; the change is in the journal
and opening the report again offers to replay it; y brings it back."""
import os

from e2e import SEED_002, check, run, width


def test(workbench):
    wb = workbench("journal")
    report = wb.copy_seed(SEED_002)
    journal = report + ".review.yaml.journal"
    wb.start(report)
    wb.wait_for("problems 1/7")
    wb.keys("e")
    wb.wait_prompt("(七)总计 · 自然人 = 0")
    wb.keys("C-u")
    wb.type("2")
    wb.keys("Enter")
    wb.wait_for(lambda s: wb.cell("(七)总计", "自然人") == "2*", "the corrected value")
    check("[+]" in wb.status(), "unsaved changes not flagged: " + wb.status())

    # q asks; the question survives a resize; Esc stays in the workbench with the change
    wb.keys("q")
    wb.wait_prompt("Unsaved changes")
    wb.resize(100, 30)
    wb.wait_for(lambda s: "│" in s and width(s[:s.index("│")]) == 40 and "Unsaved changes" in s,
                "the question redrawn at 100×30")
    wb.resize(20, 6)
    wb.wait_for(lambda s: "terminal too small" in s and wb.bottom(s).startswith("Unsaved changes"),
                "the question under 'terminal too small'")
    wb.resize(100, 30)
    wb.wait_for(lambda s: "│" in s and "Unsaved changes" in wb.bottom(s), "the question at 100×30 again")
    wb.keys("Escape")
    wb.wait_gone("Unsaved changes")
    wb.wait_for("? help", "the status bar back after Esc")
    check(not wb.dead(), "Esc quit the workbench")
    check(wb.cell("(七)总计", "自然人") == "2*", "Esc lost the change", wb)
    wb.keys("j")  # it still answers keys
    wb.wait_cell("表三 四、结转下年度 · 自然人")

    # q then n: quit without saving; the change stays in the journal
    wb.keys("q")
    wb.wait_for("Unsaved changes")
    wb.keys("n")
    s = wb.expect_exit(0)
    check("unsaved changes are kept in" in wb.history(), "quitting did not say where the changes are", wb)
    check(not os.path.exists(report + ".review.yaml"), "n saved the review file")
    check(os.path.exists(journal), "no journal at " + journal)
    with open(journal, encoding="utf-8") as f:
        text = f.read()
    check("requests.results_total.natural" in text, "the journal does not hold the change:\n" + text)

    # reopen: the workbench offers to replay; y restores the change
    wb.start(report)
    wb.wait_prompt("The journal holds 1 change from an earlier session that was never saved. Replay it? (y/n)")
    check(wb.cell("(七)总计", "自然人") == "0!", "the change was applied before answering", wb)
    wb.keys("y")
    wb.wait_for("replayed 1 change from")
    check(wb.cell("(七)总计", "自然人") == "2*", "the replayed change is not shown", wb)
    check("corrected 1" in wb.status() and "[+]" in wb.status(), "status after replay: " + wb.status())
    wb.keys("C-s")
    wb.wait_for("saved ")
    wb.keys("q")
    wb.expect_exit(0)
    check(os.path.exists(report + ".review.yaml"), "no review file after saving the replayed change")

    # saved: the next opening resumes the review and asks nothing
    wb.start(report)
    wb.wait_for("problems 1/6")
    # a question would swallow j; the cursor moving shows there is none
    wb.keys("j")
    wb.wait_cell("表三 四、结转下年度 · ", "j to move (no question about the journal)")
    check("Replay" not in wb.last, "the journal is offered again after saving", wb)
    check(wb.cell("(七)总计", "自然人") == "2*", "the saved change is not resumed", wb)
    wb.keys("q")
    wb.expect_exit(0)


run(test)
