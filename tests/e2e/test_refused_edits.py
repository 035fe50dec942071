#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Editing refuses a bad value with its reason and keeps the old value: letters (an O for a 0 too)
are not a number, a count cannot be negative or a fraction, Esc cancels; nothing is marked changed."""
from e2e import SEED_002, check, run


def edit(wb, typed):
    wb.keys("e")
    wb.wait_prompt("一、本年新收 · 自然人 = 2")
    wb.keys("C-u")
    wb.type(typed)
    wb.wait_prompt("一、本年新收 · 自然人 = " + typed)
    wb.keys("Enter")


def unchanged(wb, after):
    check(wb.cell("一、本年新收", "自然人") == "2", "the value changed after %s" % after, wb)
    check("= 2  (extracted 2" in wb.detail() and "[extracted]" in wb.detail(),
          "the detail line changed after %s: %s" % (after, wb.detail()))
    check("corrected 0" in wb.status() and "[+]" not in wb.status(), "status after %s: %s" % (after, wb.status()))


def test(workbench):
    wb = workbench("refused")
    wb.start(wb.copy_seed(SEED_002))
    wb.wait_for("problems 1/7")
    wb.keys("g")
    wb.wait_cell("表三 一、本年新收 · 自然人")

    edit(wb, "abc")
    wb.wait_for("refused: 'abc' is not a number (the value stays 2)")
    unchanged(wb, "abc")

    edit(wb, "O")  # the letter, as OCR prints a 0: not a number, and not "too large"
    wb.wait_for("refused: 'O' is not a number (the value stays 2)")
    unchanged(wb, "O")

    edit(wb, "-1")
    wb.wait_for("refused: 自然人 is a count: it cannot be negative (the value stays 2)")
    unchanged(wb, "-1")

    edit(wb, "1.5")
    wb.wait_for("refused: 自然人 takes a whole number, not 1.5")
    unchanged(wb, "1.5")

    # Esc cancels a good value
    wb.keys("e")
    wb.wait_prompt("一、本年新收 · 自然人 = 2")
    wb.type("0")
    wb.wait_prompt("一、本年新收 · 自然人 = 0")
    wb.keys("Escape")
    wb.wait_gone("一、本年新收 · 自然人 = 0")
    wb.wait_for("? help")
    unchanged(wb, "Esc")

    # and a good value is still taken afterwards (full-width digits too)
    edit(wb, "３")
    wb.wait_for(lambda s: wb.cell("一、本年新收", "自然人") == "3!", "３ to be taken as 3 (and break the balance)")
    check("corrected 1" in wb.status(), "status: " + wb.status())
    wb.keys("q")
    wb.wait_for("Unsaved changes")
    wb.keys("n")
    wb.expect_exit(0)


run(test)
