#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A report changed after its review was saved is not silently resumed: the workbench
refuses with the reason and the way out (--force), and --force opens it with the review."""
from e2e import SEED_002, check, run


def test(workbench):
    wb = workbench("changed")
    report = wb.copy_seed(SEED_002)
    wb.start(report)
    wb.wait_for("problems 1/7")
    wb.keys("c")
    wb.wait_for("[confirmed]")
    wb.keys("C-s")
    wb.wait_for("saved ")
    wb.keys("q")
    wb.expect_exit(0)

    with open(report, "a", encoding="utf-8") as f:
        f.write("\n补充说明：本报告于发布后更正。\n")
    wb.start(report)
    wb.expect_exit(2)
    pane = wb.history()
    check("the report has changed since it was reviewed" in pane and "--force" in pane,
          "no reason given for refusing the changed report:\n" + pane)

    wb.start(report, args=["--force"])
    wb.wait_for("problems 1/7")
    check("[confirmed]" in wb.detail(), "the review was not resumed with --force: " + wb.detail())
    wb.keys("q")
    wb.expect_exit(0)


run(test)
