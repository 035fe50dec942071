#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""200 random resizes during a session, keys typed between some of them: the workbench never crashes, keeps
the cursor on its cell, and still answers keys and exits cleanly."""
import random

from e2e import DETAIL, SEED_002, check, run


def test(workbench):
    wb = workbench("storm")
    wb.start(wb.copy_seed(SEED_002))
    wb.wait_for("problems 1/7")
    rng = random.Random(200)
    for i in range(200):
        wb.resize(rng.randint(8, 180), rng.randint(3, 60))
        if i % 10 == 0:
            wb.keys(rng.choice(["j", "k", "h", "l", "]", "["]))
        check(not wb.dead(), "the workbench died after %d resizes" % (i + 1), wb)
    wb.resize(140, 40)
    # redrawn whole: the status bar can be back a moment before the detail line (a loaded machine)
    wb.wait_for(lambda s: "problems" in wb.status() and any(DETAIL.match(line) for line in s.split("\n")),
                "the workbench redrawn at 140×40, its detail line with it")
    cell = wb.cell_name()
    wb.keys("j")
    wb.wait_for(lambda s: wb.cell_name() != cell or "四、结转下年度" in cell, "a key answered after the storm")
    wb.keys("q")
    wb.expect_exit(0)


run(test)
