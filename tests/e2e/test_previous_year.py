#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""With last year's report (--previous), the workbench counts the numbers that do not carry over, explains
them beside the cell and lists them among the problems."""
import os

from e2e import SEED_002, SEEDS, check, run

SEED_004 = os.path.join(SEEDS, "004_ff7ba18170778dc6.txt")


def test(workbench):
    wb = workbench("previous")
    last = wb.copy_seed(SEED_004, name="last.txt")
    now = wb.copy_seed(SEED_002, name="now.txt",
                       edit=lambda t: t.replace("二、上年结转政府信息公开申请数量\t\t0\t".encode(),
                                             "二、上年结转政府信息公开申请数量\t\t4\t".encode(), 1))
    wb.start(now, args=("--previous", last))
    wb.wait_for("cross-year 1", "the cross-year mismatch counted in the status bar")
    check(wb.cell_name() == "表三 二、上年结转 · 自然人", "the cursor is not on 上年结转·自然人: " + wb.detail())
    check("⚠ 二 ≠ 上年·四 [自然人]: 二 4 (line 55)" in wb.last, "the mismatch is not shown beside the cell's rules", wb)
    wb.keys("p")
    wb.wait_for("⚠ line 55: 二 ≠ 上年·四 [自然人]: ", "the mismatch in the problems list")
    check("二 4 (line 55) ≠ 上年·四 0 (line 300 of " in wb.last, "the problems list does not give both numbers and lines", wb)
    wb.keys("Escape")
    wb.keys("q")
    wb.expect_exit(0)


run(test)
