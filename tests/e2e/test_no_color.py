#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""With NO_COLOR=1 nothing is coloured, and the glyphs alone still tell every state:
'!' broken, '?' missing, '*' corrected, '✓' confirmed, '/' not applicable, '+' note."""
import re

from e2e import SEED_002, check, run


def not_applicable(data):
    """四、结转下年度 · 商业企业 (line 79) holds '/'."""
    lines = data.split(b"\n")
    lines[78] = lines[78].replace(b"\t0\t0\t", b"\t0\t/\t", 1)
    return b"\n".join(lines)


def colours(screen):
    """Colour parameters in the SGR sequences of a captured screen (39/49, the defaults, are not colours)."""
    found = []
    for params in re.findall(r"\x1b\[([0-9;:]*)m", screen):
        for p in re.split(r"[;:]", params):
            if p and (30 <= int(p) <= 38 or 40 <= int(p) <= 48 or 90 <= int(p) <= 107):
                found.append(params)
    return found


def test(workbench):
    wb = workbench("nocolor")
    wb.start(wb.copy_seed(SEED_002, edit=not_applicable), env={"NO_COLOR": "1"})
    wb.wait_for("problems 1/8")
    check(colours(wb.screen(escapes=True)) == [], "colours drawn under NO_COLOR: %s" % colours(wb.last)[:5])

    check(wb.cell("(七)总计", "自然人") == "0!", "broken: no '!'", wb)
    check(wb.cell("四、结转下年度", "商业企业") == "//", "not applicable: no '/'", wb)
    check(wb.cell("四、结转下年度", "自然人") == "0", "a plain cell has a glyph", wb)

    # corrected: (七)总计·自然人 set to 2 (its rules then hold, so '*' is what shows)
    wb.keys("e")
    wb.wait_prompt("(七)总计 · 自然人 = 0")
    wb.keys("C-u")
    wb.type("2")
    wb.keys("Enter")
    wb.wait_for(lambda s: wb.cell("(七)总计", "自然人") == "2*", "corrected: '*'")

    # confirmed: 二、上年结转 · 自然人
    wb.keys("g", "j")
    wb.wait_cell("表三 二、上年结转 · 自然人")
    wb.keys("c")
    wb.wait_for(lambda s: wb.cell("二、上年结转", "自然人") == "0✓", "confirmed: '✓'")
    check("[confirmed]" in wb.detail(), "the detail line does not say confirmed: " + wb.detail())

    # a note: '+' beside the state's glyph
    wb.keys("a")
    wb.wait_prompt("note on 二、上年结转 · 自然人: ")
    wb.type("核对无误")
    wb.keys("Enter")
    wb.wait_for(lambda s: wb.cell("二、上年结转", "自然人") == "0✓+", "note: '+'")

    # missing: table 四's 行政复议 row
    wb.keys("3")
    wb.wait_cell("表四 行政复议 · 结果维持")
    for column in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"):
        check(wb.cell("行政复议", column) == "·?", "missing: no '?' in 行政复议 · " + column, wb)
    check(wb.cell("诉讼·直接起诉", "结果维持") == "0", "a plain cell in table 四 has a glyph", wb)

    # still no colour after all that, on either table
    check(colours(wb.screen(escapes=True)) == [], "colours drawn under NO_COLOR on table 四")
    wb.keys("2")
    wb.wait_for("表三 收到和处理")
    check(colours(wb.screen(escapes=True)) == [], "colours drawn under NO_COLOR on table 三")
    check(wb.cell("(七)总计", "自然人") == "2*" and wb.cell("(七)总计", "总计") == "0!",
          "the glyphs changed after switching tables", wb)

    wb.keys("q")
    wb.wait_for("Unsaved changes")
    wb.keys("n")
    wb.expect_exit(0)


run(test)
