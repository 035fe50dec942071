#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A PDF opens in the workbench: the raw pane shows its pages as text, each under its page marker,
the tables show the cells read from the character positions (the blank 行政复议 cells of seed
002 as missing), and the search finds text on a later page."""
import os

from e2e import check, run

PDF_002 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "pdf",
                       "002_b895455aa8998ba0.pdf")


def test(workbench):
    wb = workbench("pdf")
    wb.start(wb.copy_seed(PDF_002, name="report.pdf"))
    wb.wait_for("problems 1/7", "the PDF's tables checked, as for the text of seed 002")
    check("report.pdf" in wb.status() and "2019年版格式" in wb.status(), "status: " + wb.status())
    check("broken 4" in wb.status() and "missing 5" in wb.status(), "status: " + wb.status())
    # the tables: the values read from the PDF
    check(wb.cell("一、本年新收", "自然人") == "2", "一、本年新收·自然人 is not 2", wb)
    check(wb.cell("(七)总计", "自然人") == "0!", "(七)总计·自然人 not marked broken", wb)
    # the raw pane: the document's text beside the cell's row (TAB-separated cells), page markers
    check("（七）总计→0→0→0→0→0→0→0" in wb.last, "the cell's row is not in the raw pane", wb)
    check("— 第 5 页 —" in wb.last, "no page marker in the raw pane", wb)
    wb.keys("Tab", "/")
    wb.type("本年新收")
    wb.keys("Enter")
    wb.wait_for("一、本年新收政府信息公开申请数量→2→0→0→0→0→0→2", "the search to find the row on page 3")
    wb.keys("g")  # the top of the document: page 1 says which page it is, as every later one does
    wb.wait_for("— 第 1 页 —", "the first page's marker at the top of the raw pane")
    wb.keys("Tab")
    # the missing 行政复议 cells are named with their line in the PDF's text
    for _ in range(2):
        wb.keys("]")
    wb.wait_for("problems 3/7")
    check(wb.cell_name() == "表四 行政复议 · 结果维持", "3rd problem: " + wb.detail())
    check("(extracted (blank), line" in wb.detail(), "the missing cell's line is not named: " + wb.detail())
    wb.keys("q")
    wb.expect_exit(0)


if __name__ == "__main__":
    run(test)
