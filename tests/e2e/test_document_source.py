#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A Word file, a web page and a PDF: the cell under the cursor has its source lit in the raw
pane, on the line of the document's text that is the cell's row — the line check --json names
— and the light follows the cursor to the next row; the detail line names the place in the
document itself (a PDF's page; a web page's or Word file's table, row and cell)."""
import json
import os
import re
import subprocess

from e2e import CROSSFOOT, check, run

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
DOCUMENTS = [os.path.join(FIXTURES, "documents", "docx", "002_b895455aa8998ba0.docx"),
             os.path.join(FIXTURES, "documents", "html", "002_b895455aa8998ba0.html"),
             os.path.join(FIXTURES, "pdf", "002_b895455aa8998ba0.pdf")]
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def lit_line(wb):
    """The raw pane's line (its number, its text) holding text drawn reversed and underlined — the
    source's light under NO_COLOR — or None."""
    raw_w = wb.cols * 2 // 5
    for line in wb.screen(escapes=True).split("\n"):
        attrs, plain, lit = set(), "", False
        for part in re.split(r"(\x1b\[[0-9;]*m)", line):
            m = SGR.fullmatch(part)
            if m:
                codes = [c for c in m.group(1).split(";") if c] or ["0"]
                attrs = set() if "0" in codes else attrs
                attrs |= {c for c in codes if c in ("4", "7")}
                continue
            if len(plain) < raw_w:
                lit |= bool(part.strip()) and attrs == {"4", "7"}
                plain += part
        m = re.match(r"\s*(\d+) (.*)", plain[:raw_w])
        if lit and m:
            return int(m.group(1)), m.group(2)
    return None


def test(workbench):
    for doc in DOCUMENTS:
        kind = doc.rsplit(".", 1)[1]
        sources = json.loads(subprocess.run([CROSSFOOT, "check", "--json", doc], capture_output=True,
                                            text=True).stdout)["sources"]
        wb = workbench("source-" + kind)
        wb.start(wb.copy_seed(doc, name="report." + kind), env={"NO_COLOR": "1"})
        wb.wait_for("problems 1/7")
        wb.wait_cell("表三 (七)总计 · 自然人")
        for cell, row in (("requests.results_total.natural", "总计"), ("requests.carry_forward.natural", "结转")):
            if cell.startswith("requests.carry_forward"):
                wb.keys("Down")  # the next row: 四、结转下年度继续办理
                wb.wait_for(lambda screen: (lit_line(wb) or (0, ""))[0] != first, "the light to follow the cursor")
            want = sources[cell]["line"]
            got = lit_line(wb)
            check(got is not None, "%s: nothing lit in the raw pane for %s" % (kind, cell), wb)
            check(got[0] == want and row in got[1],
                  "%s: %s is read from line %d, but line %s is lit: %r" % (kind, cell, want, got[0], got[1]), wb)
            first = got[0]
            src = sources[cell]
            place = ("page %d" % src["page"]) if kind == "pdf" else \
                "table %d row %d cell %d" % (src["table"], src["row"], src["cell"])
            check("line %d, %s" % (want, place) in wb.detail(),
                  "%s: the detail line does not name the place in the document (%s): %s" % (kind, place, wb.detail()), wb)
        wb.keys("q")
        wb.expect_exit(0)


if __name__ == "__main__":
    run(test)
