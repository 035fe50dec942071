#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""? shows the keys generated from the action table; : runs an action by name with Tab
completion (:fill-missing-report leaves no cell missing); p lists the problems and Enter
jumps to one (a report without problems says so)."""
import os

from e2e import SEED_002, SEEDS, check, run, width


def test(workbench):
    wb = workbench("help")
    wb.start(wb.copy_seed(SEED_002))
    wb.wait_for("problems 1/7")

    # help: every action, with its keys and its :name
    wb.keys("?")
    s = wb.wait_for("Keys — every action also runs as :name")
    # the panes behind do not show through the margins (line numbers read as part of the list)
    check(all(l.startswith("   ") for l in s.split("\n")[2:37]), "the panes show beside the help", wb)
    for name, key in (("next-problem", "]"), ("prev-problem", "["), ("edit", "e Enter"), ("undo", "u"),
                      ("fill-missing-table", ":"), ("fill-missing-report", ":")):
        line = next((l for l in s.split("\n") if " %s " % name in l), None)
        check(line is not None, "help does not list " + name, wb)
        check(line.split()[:len(key.split()) + 1] == key.split() + [name],
              "help does not give %s the keys %s: %r" % (name, key, line))
    # the names line up in one column, whatever the keys' characters (j ↓ is 3 columns, 5 bytes)
    names = [l for l in s.split("\n") if " move-down " in l or " first-row " in l or " redo " in l]
    starts = {width(l[:l.index(n)]) for l in names for n in (" move-down ", " first-row ", " redo ") if n in l}
    check(len(names) == 3 and len(starts) == 1, "the help's names do not line up: %r" % names)
    # the list scrolls to its end
    for _ in range(60):
        wb.keys("j")
    wb.wait_for(" theme ", "the last action after scrolling the help")
    wb.keys("Escape")
    wb.wait_gone("Keys — every action")
    wb.wait_cell("表三 (七)总计 · 自然人", "the workbench back after the help")

    # : with Tab completion
    wb.keys(":")
    wb.wait_prompt(":")
    wb.type("fill-missing-r")
    wb.keys("Tab")
    wb.wait_prompt(":fill-missing-report")
    wb.keys("Enter")
    wb.wait_prompt("why are the blanks zeros? a blank in the report means 0")
    wb.keys("C-u")
    wb.type("原表空白处为0")
    wb.keys("Enter")
    wb.wait_for("missing 0", "no missing cell after :fill-missing-report")
    check("5 blank cells set to 0" in wb.last, "the message does not say what was filled", wb)
    # Tab on an ambiguous prefix completes the common part only; an unknown name is refused
    wb.keys(":")
    wb.type("fill")
    wb.keys("Tab")
    wb.wait_prompt(":fill-missing-")
    wb.keys("C-u")
    wb.type("no-such-action")
    wb.keys("Enter")
    wb.wait_for("no action 'no-such-action'")

    # the filled cells are one undo
    wb.keys("u")
    wb.wait_for("missing 5", "u to undo the whole fill")

    # p: the problem list in sections, each under its title; Enter jumps
    wb.keys("p")
    s = wb.wait_for("Problems — broken, missing, suspect")
    check("✗ 一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0" in s and "? 行政复议 · 总计: missing" in s,
          "the problem list is incomplete", wb)
    check("requests." not in s and "appeals." not in s, "the problem list shows ids, not the report's words", wb)
    check(s.index("Broken rules (4)") < s.index("✗ 一+二 ≠ 三(七)+四 [自然人]") < s.index("Missing cells (5)")
          < s.index("? 行政复议 · 结果维持: missing"), "the problem list is not in its sections", wb)
    for _ in range(6):  # a title and four broken rules, a title, then the first missing cell
        wb.keys("j")
    wb.keys("Enter")
    wb.wait_gone("Problems — broken, missing")
    wb.wait_cell("表四 行政复议 · 结果维持", "Enter to jump to the first missing cell")
    check("表四" in wb.last and wb.cell("行政复议", "结果维持") == "·?", "the jump did not show table 四", wb)
    wb.keys("p")
    wb.wait_for("Problems — broken, missing")
    wb.keys("j", "j", "Enter")  # past the title, the 2nd: requests.balance.total, whose first cell is 一·总计
    wb.wait_cell("表三 一、本年新收 · 总计", "Enter to jump to the 2nd problem's cell")
    wb.keys("p")
    wb.wait_for("Problems — broken, missing")
    wb.keys("Escape")
    wb.wait_gone("Problems — broken, missing")
    check(wb.cell_name() == "表三 一、本年新收 · 总计", "Esc moved the cursor: " + wb.detail())

    wb.keys("q")
    wb.wait_for("Unsaved changes")
    wb.keys("n")
    wb.expect_exit(0)

    # a report without problems: the list says so, ] says so
    clean = workbench("clean")
    clean.start(clean.copy_seed(os.path.join(SEEDS, "000_b0a3a3717f6cc721.txt")))
    clean.wait_for("problems -/0")
    clean.keys("]")
    clean.wait_for("no problems left: every rule holds, no cell is missing and none is suspect")
    clean.keys("p")
    clean.wait_for("none: every rule holds and no cell is missing")
    clean.keys("Enter")
    clean.wait_gone("none: every rule holds")
    check(clean.cell_name() == "表二 规章 · 本年制发件数", "Enter on an empty list moved: " + clean.detail())
    clean.keys("q")
    clean.expect_exit(0)


run(test)
