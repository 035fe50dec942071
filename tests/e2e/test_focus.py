#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The pane with the focus can be seen: its title is lit and marked ▶ (the mark alone under
NO_COLOR), and the border beside the raw pane turns heavy while it has the focus. In the raw
pane, cell actions (x, e, f, W …) do nothing to the cell under the cursor: they say that Tab
returns to the tables."""
from e2e import SEED_002, check, columns, run


def raw_title(wb):
    return wb.lines()[0]


def test(workbench):
    for no_color in (False, True):
        wb = workbench("focus-mono" if no_color else "focus")
        wb.start(wb.copy_seed(SEED_002), env={"NO_COLOR": "1"} if no_color else {})
        wb.wait_for("problems 1/7")
        raw_w = wb.cols * 2 // 5
        # the tables have the focus: the mark is on their tab row, the raw pane's title is unmarked
        check(raw_title(wb).startswith("  report text: report.txt"), "raw title: %r" % raw_title(wb))
        check(wb.table_pane()[0].startswith("▶ 1 表二"), "no focus mark on the tables: %r" % wb.table_pane()[0])
        check("┃" not in wb.last, "the heavy border shows while the tables have the focus", wb)
        lit_tables = wb.screen(escapes=True).split("\n")[0]

        wb.keys("Tab")
        wb.wait_for(lambda s: s.startswith("▶ report text: report.txt — Tab returns to the tables"),
                    "the raw pane's title marked")
        check(not wb.table_pane()[0].startswith("▶"), "the tables keep the focus mark", wb)
        check(all(columns(line, raw_w, raw_w + 1) == "┃" for line in wb.lines()[:30]),
              "the border is not heavy beside the raw pane", wb)
        if not no_color:  # the title line's colours change with the focus
            check(wb.screen(escapes=True).split("\n")[0] != lit_tables, "the raw title is not lit")

        # cell actions refuse, naming the way back; the cell keeps its value
        for key, name in (("x", "clear"), ("e", "edit"), ("f", "apply-fix"), ("W", "waive"), ("Enter", "edit")):
            wb.keys(key)
            wb.wait_for("%s works on a table cell and the raw pane has the focus: Tab returns to the tables" % name,
                        "%s to be refused in the raw pane" % key)
            check(wb.cell("(七)总计", "自然人") == "0!", "%s changed the cell from the raw pane" % key, wb)
            check("[+]" not in wb.status() and "corrected 0" in wb.status(), "status after %s: %s" % (key, wb.status()))
            wb.keys("j")  # a harmless key between: the next refusal is a new message
        wb.command("clear")
        wb.wait_for("clear works on a table cell", ":clear to be refused in the raw pane")

        # Tab returns; now x acts on the cell
        wb.keys("Tab")
        wb.wait_for(lambda s: wb.table_pane()[0].startswith("▶ 1 表二"), "the tables' focus mark back")
        check(raw_title(wb).startswith("  report text"), "the raw title keeps its mark", wb)
        wb.keys("x")
        wb.wait_for(lambda s: wb.cell("(七)总计", "自然人") == "·?", "x to clear the cell from the tables")
        wb.command("q!")
        wb.expect_exit(0)


run(test)
