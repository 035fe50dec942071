#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A web page and a Word file open in the workbench like a text report: the raw pane shows the
document's paragraphs and its tables as rows of cells, the tables are read, and a saved review
reopens through the same reader."""
import os
import subprocess
import sys

from e2e import SEED_002, check, run

RENDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "seed_document.py")


def render(wb, name, *options):
    path = os.path.join(wb.dir, name)
    subprocess.run([sys.executable, RENDER, SEED_002, path, *options], check=True)
    return path


def test(workbench):
    for name, options in (("report.html", ("gbk", "split")), ("report.docx", ("split", "paras"))):
        wb = workbench(name.replace(".", "-"))
        doc = render(wb, name, *options)
        wb.start(doc)
        wb.wait_for("problems 1/7", "the seed's seven problem cells, as from its text")
        check(" %s │ 2019年版格式 │" % name in wb.status(), "the status bar does not name the document", wb)
        check("五、存在的主要问题及改进情况" in wb.last, "the raw pane does not show the document's paragraphs", wb)
        check("(七) 总计→0→0→0→0→0→0→0" in wb.last, "the raw pane does not show the table's rows as cells with → between them", wb)
        check(wb.cell("一、本年新收", "自然人") == "2", "表三 一、本年新收·自然人 is not 2: " + wb.detail(), wb)
        check(wb.cell("(七)总计", "自然人") == "0!", "the broken total is not marked: " + wb.detail(), wb)
        wb.keys("f")  # the proposed fix: (七)总计 0 → 2 for 自然人 and 总计
        wb.wait_prompt("note for the fix: ")
        wb.keys("Enter")
        wb.wait_for("fix applied to 2 cells")
        wb.keys("C-s")
        wb.wait_for("saved")
        wb.keys("q")
        wb.expect_exit(0)
        check(os.path.exists(doc + ".review.yaml"), "no review file beside the document", wb)
        # reopening the document resumes its review, read through the same reader
        wb.start(doc)
        wb.wait_for("│ corrected 2 │", "the corrections resumed with the review")
        wb.keys("2")  # the first problem left is in table 四: back to 三
        wb.wait_for("项目              自然人", "table 三")
        check(wb.cell("(七)总计", "自然人") == "2*+", "the corrected total (with the fix's note) is not shown again", wb)
        wb.keys("q")
        wb.expect_exit(0)


run(test)
