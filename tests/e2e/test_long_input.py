#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A field takes only what it can hold: Chinese typed past a prompt's size is refused as it
is typed, with a message, and what was taken is kept whole (it used to be cut silently at
Enter, and could be left unterminated)."""
from e2e import SEED_002, check, run


def test(workbench):
    wb = workbench("long")
    report = wb.copy_seed(SEED_002)
    wb.start(report)
    wb.wait_for("problems 1/7")

    # a note holds 1023 bytes: 341 Chinese characters
    wb.keys("a")
    wb.wait_prompt("note on (七)总计 · 自然人:")
    wb.type("核" * 400)
    wb.wait_for("this field is full: it holds 1023 bytes (341 Chinese characters)")
    wb.keys("Enter")
    wb.wait_for("note kept")
    wb.keys("C-s")
    wb.wait_for("saved ")
    with open(report + ".review.yaml", encoding="utf-8") as f:
        yaml = f.read()
    check("核" * 341 in yaml and "核" * 342 not in yaml, "the saved note is not the 341 characters taken")

    # the search field holds 255 bytes; the workbench goes on
    wb.keys("/")
    wb.wait_prompt("/")
    wb.type("攀" * 100)
    wb.wait_for("this field is full: it holds 255 bytes (85 Chinese characters)")
    wb.keys("Enter")
    wb.wait_for("not found: 攀攀攀")
    wb.keys("q")
    wb.expect_exit(0)


run(test)
