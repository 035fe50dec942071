#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Signing a review off: the summary (s) gives the report's issuer, year and format, the
assessment's verdict and counts, every change with who and when; :approve is refused while
anything is open — a broken rule, an unexplained blank, a suspect cell (here a row printed with
one value too many) not yet confirmed — with every open item listed whole, then accepted once
they are settled — saved at once with the document's and the cells' SHA-256 —, and withdrawn by
the next change, which the summary and the review file say; :export writes the exports from
inside, each opening with the title block."""
import hashlib
import os
import re

from e2e import ROOT, SEED_002, check, run


def review_format():
    """The review file's format as this build writes it (it grows when the file records more)."""
    with open(os.path.join(ROOT, "core", "review_internal.h"), encoding="utf-8") as f:
        return re.search(r"^#define CF_REVIEW_FORMAT_VERSION (\d+)$", f.read(), re.M).group(1)


def test(workbench):
    wb = workbench("signoff", 180, 40)
    # 三(六)其他处理 printed with an eighth value: the row's seven cells are suspect until confirmed
    report = wb.copy_seed(SEED_002, edit=lambda t: t.replace("\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\n".encode(),
                                                          "\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\t0\n".encode(), 1))
    review = report + ".review.yaml"
    wb.start(report, args=["--reviewer", "审核员"])
    wb.wait_for("problems 1/14")  # 2 broken cells, 5 missing, the 7 suspect cells of 三(六)

    # the summary
    wb.keys("s")
    s = wb.wait_for("Summary — the report, the verdict, every change")
    check("Report       攀枝花市人民防空办公室 · 2019 · 2019年版格式" in s, "no title block in the summary", wb)
    check("Verdict      OPEN: 4 broken rules not waived, 5 missing cells without a note, 7 suspect cells not "
          "confirmed or corrected" in s, "no verdict", wb)
    check("suspect 7" in s and "missing 5" in s, "the assessment's counts", wb)
    check("Approval     none yet" in s and "Changes      0" in s, "the summary's approval and changes", wb)
    check(hashlib.sha256(open(report, "rb").read()).hexdigest() in s, "no SHA-256 of the document", wb)
    wb.keys("Escape")
    wb.wait_gone("Summary — the report")

    # refused while anything is open, with every reason, whole, in a list
    wb.command("approve")
    s = wb.wait_for("Not approved — what is still open")
    check("not approved: 4 broken rules not waived, 5 missing cells without a note, 7 suspect cells" in wb.last,
          "the refusal", wb)
    check("✗ 一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0 — fix it" in s,
          "the refusal does not name a broken rule with its arithmetic", wb)
    check("? 表四 行政复议 · 总计: missing" in s, "the refusal does not list the last blank", wb)
    check("~ 表三 (六)其他处理 · 自然人: suspect" in s and "1 more value than the 7 columns" in s and "confirm (c)" in s,
          "the refusal does not list the suspect cell with its reason", wb)
    check(not re.search(r"\b(requests|appeals|active)\.[a-z_]+", s), "the refusal shows ids, not labels", wb)
    check(not os.path.exists(review), "a refused approval wrote the review file")
    wb.keys("Escape")
    wb.wait_gone("Not approved — what is still open")

    # fix the totals, explain the blanks: now it is accepted, and saved at once
    wb.keys("f")
    wb.wait_prompt("note for the fix:")
    wb.keys("Enter")
    wb.wait_for(lambda s: "broken 0" in wb.status(), "the fix applied")
    wb.command("fill-missing-report")
    wb.wait_prompt("why are the blanks zeros?")
    wb.keys("Enter")
    wb.wait_for(lambda s: "missing 0" in wb.status(), "the blanks filled")
    wb.command("approve")
    s = wb.wait_for("Not approved — what is still open")
    check("not approved: 7 suspect cells not confirmed or corrected" in s and "✗" not in s and "? 表" not in s,
          "the rules hold and the blanks are explained: only the suspect cells are open", wb)
    # Enter on an open item jumps to its cell; confirm the row's cells against the report
    wb.keys("Enter")
    wb.wait_gone("Not approved — what is still open")
    wb.wait_for(lambda s: wb.cell_name() == "表三 (六)其他处理 · 自然人", "Enter to jump to 三(六)其他处理 · 自然人")
    for column in ("自然人", "商业企业", "科研机构", "社会组织", "法律服务机构", "其他", "总计"):
        wb.wait_cell("表三 (六)其他处理 · " + column)
        wb.keys("c")
        wb.wait_for(lambda s: "[confirmed]" in s and wb.cell_name() == "表三 (六)其他处理 · " + column, column + " confirmed")
        wb.keys("l")
    wb.command("approve 已与原件核对")
    wb.wait_for("approved by 审核员 at ")
    check("APPROVED" in wb.status() and "[+]" not in wb.status(), "status after approving: " + wb.status())
    text = open(review, encoding="utf-8").read()
    check("crossfoot_review: %s\n" % review_format() in text, "the review file's format is not this build's")
    check("note: 已与原件核对" in text and "who: 审核员" in text, "the sign-off is not in the review file:\n" + text)
    check("document_sha256: " + hashlib.sha256(open(report, "rb").read()).hexdigest() in text,
          "the document's SHA-256 is not recorded")
    check('withdrawn_at: ""' in text, "a new approval is recorded as withdrawn")
    wb.keys("s")
    s = wb.wait_for("Summary — the report")
    check("Verdict      READY" in s and "suspect 7" in s and "Approval     by 审核员 at " in s and "已与原件核对" in s,
          "the summary", wb)
    check("审核员  (七)总计 · 自然人 0 → 2" in s, "the summary does not list the fix with who and when", wb)
    wb.keys("Escape")
    wb.wait_gone("Summary — the report")

    # any later change withdraws it, and the history says so
    wb.keys("a")
    wb.wait_prompt("note")
    wb.type("已核对")
    wb.keys("Enter")
    wb.wait_for("the approval by 审核员 is withdrawn")
    check("APPROVED" not in wb.status(), "still approved after a change: " + wb.status())
    wb.keys("s")
    s = wb.wait_for("Summary — the report")
    check("by 审核员: a change (note) after it" in s, "the summary does not say the approval was withdrawn", wb)
    wb.keys("Escape")
    wb.keys("C-s")
    wb.wait_for("saved ")
    text = open(review, encoding="utf-8").read()
    check("withdrawn_because: note" in text and "withdrawn_by: 审核员" in text,
          "the review file does not record the withdrawal:\n" + text)

    # exports from inside, each opening with the title block: the withdrawn sign-off included
    wb.command("export csv")
    wb.wait_for("exported " + report + ".csv")
    with open(report + ".csv", "rb") as f:
        csv = f.read()
    check(csv.startswith(b"\xef\xbb\xbfIssuer,\xe6\x94\x80"), "the CSV has no BOM or no title block: %r" % csv[:80])
    check(("Approval,withdrawn — approved by 审核员 at ").encode() in csv, "the CSV's title block has no approval")
    wb.command("export md findings.md")
    wb.wait_for("exported findings.md")
    md = open(os.path.join(wb.dir, "findings.md"), encoding="utf-8").read()
    check("(七)总计" in md, "the Markdown export")
    check("- **Issuer**: 攀枝花市人民防空办公室\n- **Year**: 2019\n" in md and "(note: 已与原件核对); withdrawn at " in md,
          "the Markdown's title block:\n" + md[:900])
    wb.command("export pdf")
    wb.wait_for("export how? :export xlsx|csv|md|json [FILE]")
    wb.keys("q")
    wb.expect_exit(0)


run(test)
