#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The workbench speaks the reviewer's language: under --lang zh and under LANG=zh_CN.UTF-8 (a
locale this machine need not have generated) the help, the status bar and the detail lines are
Chinese; under --lang en, with the same environment, English. In both the cell is named by its
table, row and column labels, never by its id."""
import re

from e2e import SEED_002, check, run

# a cell or rule id (requests.results_total.natural): for files and JSON, never on screen
CELL_ID = re.compile(r"\b(active|requests|appeals)\.[a-z_]+")


def chinese_screen(wb):
    wb.wait_for("问题 1/7", "the Chinese status bar")
    status = wb.status()
    check("不符 4" in status and "缺失 5" in status and "已更正 0" in status and "帮助" in status,
          "status bar not in Chinese: " + status, wb)
    detail = wb.detail()
    check(wb.cell_name() == "表三 (七)总计 · 自然人", "the detail line does not name the cell by its labels: " + detail)
    check(not CELL_ID.search(wb.last), "the screen shows an id", wb)
    check("提取值 0" in detail and "第 78 行" in detail and "[提取值]" in detail and "按 f 采用" in detail,
          "detail line not in Chinese: " + detail, wb)
    check("一+二 ≠ 三(七)+四 [自然人]" in wb.last, "the broken rule is not explained", wb)
    check("7 个问题单元格" in wb.last, "the opening message is not Chinese", wb)
    wb.keys("?")
    s = wb.wait_for("按键 — 每个操作也可用 :名称 执行", "the Chinese help")
    check("下一个不符、缺失或存疑的单元格" in s and "撤销上一次修改" in s, "help lines not in Chinese", wb)
    wb.keys("Escape")
    wb.wait_gone("按键 — 每个操作")
    wb.keys("W")
    wb.wait_prompt("为何豁免 一+二 = 三(七)+四 [自然人] 不符？")
    wb.keys("Escape")
    wb.keys("p")
    s = wb.wait_for("问题 — 不符、缺失、存疑、正文、上年", "the Chinese problems list")
    check("✗ 一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0" in s and "? 行政复议 · 结果维持：缺失" in s,
          "the problems list does not name rules and cells in the report's words", wb)
    check("requests." not in s and "appeals." not in s, "the problems list shows ids", wb)
    wb.keys("Escape")
    wb.wait_gone("问题 — 先列不符的勾稽关系")
    # a typed value: what was done, then what is left, all in Chinese
    wb.keys("e", "C-u")
    wb.type("2")
    wb.keys("Enter")
    wb.wait_for(lambda s: "已设置，记为数据更正" in s and "— 剩余 " in s, "the typed value's message in Chinese")
    wb.keys("q")
    wb.wait_prompt("有未保存的修改。")
    wb.keys("n")
    wb.expect_exit(0)


def test(workbench):
    wb = workbench("chinese")
    wb.start(wb.copy_seed(SEED_002), args=("--lang", "zh"))
    chinese_screen(wb)

    wb = workbench("chinese-env")
    wb.start(wb.copy_seed(SEED_002), env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    chinese_screen(wb)

    wb = workbench("english")
    wb.start(wb.copy_seed(SEED_002), env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, args=("--lang", "en"))
    wb.wait_for("problems 1/7", "the English status bar")
    check("broken 4" in wb.status() and "missing 5" in wb.status(), "status: " + wb.status())
    check("(extracted 0, line 78)" in wb.detail(), "detail line not in English: " + wb.detail())
    check(wb.cell_name() == "表三 (七)总计 · 自然人", "the detail line does not name the cell by its labels: " + wb.detail())
    check(not CELL_ID.search(wb.last), "the screen shows an id", wb)
    wb.keys("?")
    s = wb.wait_for("Keys — every action also runs as :name")
    check("undo the last change" in s and "add or edit the cell's note" in s, "help lines not in English", wb)
    wb.keys("Escape", "q")
    wb.expect_exit(0)


run(test)
