#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Editing cannot corrupt a figure: `e` shows the value selected and the first digit typed
replaces it (`e 0 Enter` on a cell holding 1 stores 0, not 10), while End/Backspace edit it;
the search prompt starts empty and Up/Down walk its history; undo and redo say what they
changed and bring the cursor to that cell from another table; `:q!` quits without saving
and the next opening offers the journal's replay."""
import os
import re

from e2e import SEED_002, check, run

LABEL = "(七)总计 · 自然人 = "


def edit(wb, shown, keys, typed=""):
    """e on the cursor's cell, check the prompt shows `shown`, press keys then type text, Enter."""
    wb.keys("e")
    wb.wait_prompt(LABEL + shown)
    if keys:
        wb.keys(*keys)
    if typed:
        wb.type(typed)
    wb.keys("Enter")


def selected(wb):
    """Whether the prompt's value is drawn with a background colour or in reverse video."""
    line = wb.screen(escapes=True).split("\n")[wb.rows - 1]
    value = line.split("= ", 1)[1]
    escapes = re.match(r"((?:\x1b\[[0-9;]*m)*)", value).group(1)
    return re.search(r"\[(?:[0-9;]*;)?(?:7|4[0-7]|48;[0-9;]+)m", escapes) is not None


def test(workbench):
    wb = workbench("editing")
    report = wb.copy_seed(SEED_002)
    wb.start(report)
    wb.wait_for("problems 1/7")
    check(wb.cell_name() == "表三 (七)总计 · 自然人", "not on (七)总计 · 自然人: " + wb.detail())

    # typing replaces the value shown: 0 → 1, then e 0 Enter on the 1 stores 0
    edit(wb, "0", (), "1")
    wb.wait_for(lambda s: wb.cell("(七)总计", "自然人") == "1!", "1 to replace the 0")
    wb.keys("e")
    s = wb.wait_prompt(LABEL + "1")
    # the value is drawn selected, as the cursor's cell is (a background or reverse video)
    check(selected(wb), "the value in the prompt is not shown selected: %r" % wb.last)
    wb.type("0")
    wb.wait_prompt(LABEL + "0")
    check(LABEL + "10" not in wb.bottom(wb.last), "the digit was appended", wb)
    wb.keys("Enter")
    wb.wait_for(lambda s: wb.cell("(七)总计", "自然人") == "0!", "e 0 Enter to store 0 (not 10)")
    check("= 0  (extracted 0" in wb.detail(), "the detail line: " + wb.detail())

    # End (or an arrow) edits the value instead of replacing it: 1 → End, 2 → 12; Backspace → 1
    edit(wb, "0", ("C-u",), "1")
    wb.wait_for(lambda s: wb.cell("(七)总计", "自然人") == "1!", "1 typed after C-u")
    wb.keys("e")
    wb.wait_prompt(LABEL + "1")
    wb.keys("End")
    wb.wait_for(lambda s: not selected(wb), "End to drop the selection")
    wb.type("2")
    wb.keys("Enter")
    wb.wait_for(lambda s: wb.cell("(七)总计", "自然人") == "12!", "End then 2 to give 12")
    edit(wb, "12", ("BSpace",))
    wb.wait_for(lambda s: wb.cell("(七)总计", "自然人") == "1!", "Backspace to edit 12 into 1")

    # undo from another table: it says what it undid and shows that cell in its table
    for table, shown, key, said, value in (("1", " 表二 ", "u", "undone: (七)总计 · 自然人 1 → 12", "12!"),
                                           ("3", " 表四 ", "C-r", "redone: (七)总计 · 自然人 12 → 1", "1!")):
        wb.keys(table)
        wb.wait_for(shown, "another table shown")
        wb.keys(key)
        wb.wait_for(said, "%s to say what it changed" % key)
        check(wb.cell_name() == "表三 (七)总计 · 自然人", "%s did not move to its cell: %s" % (key, wb.detail()))
        check(wb.cell("(七)总计", "自然人") == value, "%s did not give %s" % (key, value), wb)

    # the search prompt starts empty; Up and Down walk what was searched before
    for text in ("不予处理", "结转"):
        wb.keys("/")
        wb.wait_prompt("/")
        check(wb.bottom(wb.last).rstrip() == "/", "the search prompt is not empty: %r" % wb.bottom(wb.last))
        wb.type(text)
        wb.keys("Enter")
        wb.wait_for("found on line")
    wb.keys("/")
    wb.wait_prompt("/")
    wb.type("总")
    wb.keys("Up")
    wb.wait_prompt("/结转")
    wb.keys("Up")
    wb.wait_prompt("/不予处理")
    wb.keys("Up")  # the oldest stays
    wb.wait_prompt("/不予处理")
    wb.keys("Down")
    wb.wait_prompt("/结转")
    wb.keys("Down")  # below the newest: what was being typed
    wb.wait_for(lambda s: wb.bottom(s).rstrip() == "/总", "Down back to the text being typed")
    wb.keys("Up", "Up", "Enter")
    wb.wait_for("found on line 71", "the recalled search to run")

    # :q! quits at once without saving; the change stays in the journal and is offered again
    wb.command("q!")
    wb.expect_exit(0)
    check("unsaved changes are kept in" in wb.history(), "quitting did not say where the changes are", wb)
    check(not os.path.exists(report + ".review.yaml"), ":q! saved the review file")
    wb.start(report)
    wb.wait_prompt("The journal holds 7 changes from an earlier session that were never saved. Replay them? (y/n)")
    wb.keys("y")
    wb.wait_for("replayed 7 changes from")
    check(wb.cell("(七)总计", "自然人") == "1!", "the replayed value is not shown", wb)

    # :x saves and quits
    wb.command("x")
    wb.expect_exit(0)
    check(os.path.exists(report + ".review.yaml"), ":x did not save the review file")
    check("unsaved changes" not in wb.history(), ":x left unsaved changes", wb)


run(test)
