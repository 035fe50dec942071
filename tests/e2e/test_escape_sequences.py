#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A report carrying terminal escape sequences cannot drive the terminal: they show as
visible placeholders (␛, ^G), the rest of the screen stays whole, the pane keeps its title."""
import shlex

from e2e import SEED_002, check, run

# line 89 of seed 002 is blank: put there a clear-screen, a title change, a colour, a switch to
# the line-drawing character set and an 8-bit CSI
HOSTILE = b"\x1b[2J\x1b]0;pwned\x07\x1b[31m\xe7\xba\xa2\xe5\xad\x97\x1b(0qqq\xc2\x9b2J end"
SHOWN = "␛[2J␛]0;pwned^G␛[31m红字␛(0qqq"


def plant(data):
    lines = data.split(b"\n")
    assert lines[88] == b"", "line 89 of the seed is no longer blank"
    lines[88] = HOSTILE
    return b"\n".join(lines)


def test(workbench):
    wb = workbench("escapes")
    report = wb.copy_seed(SEED_002, edit=plant)

    wb.start(report)
    wb.wait_for("problems 1/7")
    title = wb.pane_title()
    # the check is worth something only if this terminal would obey the sequence when printed raw
    wb.tmux("new-session", "-d", "-s", "control", "-x", "80", "-y", "10", "cat %s; sleep 30" % shlex.quote(report))
    wb.wait_for("pwned", "the raw report to retitle a pane (the control)",
                look=lambda: wb.tmux("display-message", "-p", "-t", "control", "#{pane_title}"))
    wb.tmux("kill-session", "-t", "control")
    s = wb.screen()

    check(SHOWN in s, "the escape sequences are not shown as placeholders on line 89", wb)
    # the screen is whole: raw lines before and after, the table, the detail and the status bar
    check(" 67 " in s and "攀枝花市人民防空办公室" in s, "the raw pane lost lines around the sequence", wb)
    check("(七)总计" in s and "一、本年新收" in s, "the table pane was damaged", wb)
    check(wb.cell_name() == "表三 (七)总计 · 自然人", "the detail line was damaged", wb)
    check(wb.pane_title() == title and "pwned" not in wb.pane_title(),
          "the pane title changed to %r" % wb.pane_title())
    # no red from the report: the only colours on line 89 are the workbench's own
    coloured = next(l for l in wb.screen(escapes=True).split("\n") if " 89 " in l[:40])
    check("\x1b[31m" not in coloured, "the report's colour reached the terminal: %r" % coloured)
    check("\x1b(0" not in coloured, "the report switched the character set: %r" % coloured)

    # moving about redraws over the line without the sequence taking effect
    wb.keys("k")
    wb.wait_cell("表三 (六)其他处理 · 自然人")
    s = wb.screen()
    check(SHOWN in s and "攀枝花市人民防空办公室" in s, "the screen changed after a redraw", wb)
    check(wb.pane_title() == title, "the pane title changed to %r" % wb.pane_title())
    wb.keys("q")
    wb.expect_exit(0)


run(test)
