#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The workbench opens under the usual TERMs, and refuses, with the reason and exit status 2,
a terminal it cannot draw on (unknown, or dumb: no cursor addressing) instead of
printing garbage and waiting for keys."""
from e2e import SEED_002, check, run


def test(workbench):
    wb = workbench("term")
    report = wb.copy_seed(SEED_002)
    for term in ("xterm-256color", "vt100"):
        wb.start(report, env={"TERM": term})
        wb.wait_for("problems 1/7", "the workbench under TERM=" + term)
        check(wb.cell("(七)总计", "自然人") == "0!", "the table under TERM=%s" % term, wb)
        wb.keys("q")
        wb.expect_exit(0)
    for term in ("dumb", "no-such-terminal"):
        wb.start(report, env={"TERM": term})
        wb.expect_exit(2)
        pane = wb.history()
        check("cannot use this terminal (TERM=%s)" % term in pane, "no reason given for TERM=%s:\n%s" % (term, pane))
        check("problems" not in pane, "the workbench drew on TERM=%s:\n%s" % (term, pane))


run(test)
