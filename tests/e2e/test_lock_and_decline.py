#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One review, one workbench: a second one on the same report is refused while the first is open. Declining
the journal's old changes sets them aside, so they never come back mixed with the new session's."""
import glob
import os

from e2e import SEED_002, check


def test(workbench):
    first = workbench("lock-first")
    report = first.copy_seed(SEED_002)
    first.start(report)
    first.wait_for("problems 1/7")

    second = workbench("lock-second")
    second.start(report)
    s = second.expect_exit(2)
    check("being edited by another crossfoot (the workbench by" in second.history(), "the second workbench was not refused with who holds the review", second)

    # the first one edits and quits without saving: the change is in the journal
    first.keys("e")
    first.wait_prompt("(七)总计 · 自然人 = 0")
    first.keys("C-u")
    first.type("2")
    first.keys("Enter")
    first.wait_for(lambda s: first.cell("(七)总计", "自然人") == "2*", "the corrected value")
    first.keys("q")
    first.wait_for("Unsaved changes")
    first.keys("n")
    first.expect_exit(0)

    # reopen and decline: the old journal is kept aside, and not offered again
    first.start(report)
    first.wait_prompt("Replay them? (y/n)")
    first.keys("n")
    first.wait_for("the old journal is kept as")
    check(first.cell("(七)总计", "自然人") == "0!", "declined changes were applied", first)
    aside = glob.glob(report + ".review.yaml.journal.declined-*")
    check(aside, "the declined journal was not kept aside")
    check(":" not in os.path.basename(aside[0]), "a ':' in the kept journal's name (Windows shares refuse it): " + aside[0])
    first.keys("q")
    first.expect_exit(0)
    first.start(report)
    first.wait_for("problems 1/7")
    check("Replay them" not in first.history(), "the declined changes were offered again", first)
    first.keys("q")
    first.expect_exit(0)
