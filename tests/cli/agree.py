#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""agree.py BINARY [--previous FILE] [--each N] [--displays DIR] REPORT... — `check`'s text, its
--json and its exit status must tell the same findings about every report: the same broken rules,
rules that leave missing counts only 0, sums too large to check, missing cells, cells whose place
was inferred, warnings, counts and verdict. Each display only shows one assessment; this fails when
one of them drifts. The first N reports (--each, default 0) are also checked one at a time,
so that each one's exit status is compared with its own verdict. With --displays (a scratch
folder), each report's review is extracted there and its summary, the four exports (JSON, CSV,
Markdown, XLSX: findings included), the workbench's problems list (headless, p) and its status
bar must tell the same as `check --json`. Exits 1 saying what differs."""
import concurrent.futures
import csv
import json
import os
import re
import subprocess
import sys
import zipfile

TAGS = {"broken": "broken", "only 0": "only_zero", "unchecked": "unchecked", "missing": "missing",
        "suspect": "suspect"}


def run(binary, args):
    p = subprocess.run([binary, "--lang", "en", "check"] + args, capture_output=True, timeout=600)
    return p.returncode, p.stdout.decode("utf-8")


def text_findings(out):
    """{file: {"broken": [...], ..., "warnings": n, "summary": line}} from the text output. The text
    names rules and cells in the report's words, not by id: a rule is known by its arithmetic (the
    line under it), a missing cell by the line it names, a suspect one by its reason and line."""
    found, cur, rule_tag = {}, None, None
    for line in out.split("\n"):
        if line and not line.startswith(" "):
            cur = {k: [] for k in TAGS.values()}
            cur["warnings"] = 0
            found[line.rsplit(": ", 1)[0]] = cur  # "FILE: FORMAT NAME, ENCODING"
            rule_tag = None
        elif cur is None:
            continue
        elif line.startswith("           "):
            if rule_tag:
                cur[rule_tag].append(line.strip())
            rule_tag = None
        elif line.startswith("  warning  "):
            cur["warnings"] += 1
        elif line.startswith("  PASS: ") or line.startswith("  FAIL: "):
            cur["summary"] = line.strip()
        else:
            body = line[2:]
            for tag, key in TAGS.items():
                if body.startswith(tag + " ") and body[len(tag):].strip():
                    at = re.search(r" \(line (\d+)\)$", body)
                    if key in ("broken", "only_zero", "unchecked"):
                        rule_tag = key
                    elif key == "missing":
                        cur[key].append(int(at.group(1)) if at else None)
                    else:
                        reason = body[: at.start() if at else None].split(": ", 1)[1]
                        cur[key].append((reason, int(at.group(1)) if at else None))
    return found


def json_findings(d):
    def rules(records):
        return [r["message"] for r in records]
    def line_of(cell):
        s = d["sources"].get(cell, {})
        return s.get("line") or s.get("label_line") or None
    only_zero = rules(u for u in d["unassessable"] if u.get("missing_only_zero"))
    unchecked = rules(u for u in d["unassessable"] if not u["missing"])
    s = d["summary"]
    plural = lambda n, one, many: f"{n} {one if n == 1 else many}"
    summary = (f"{'PASS' if s['passed'] else 'FAIL'}: {plural(s['violations'], 'broken rule', 'broken rules')}, "
               f"{plural(s['missing'], 'missing cell', 'missing cells')}, "
               f"{plural(s['unassessable'], 'rule not checkable', 'rules not checkable')}, "
               f"{plural(s['warnings'], 'warning', 'warnings')}"
               + (f", {plural(s['suspect'], 'suspect cell', 'suspect cells')}" if s["suspect"] else ""))
    return {"broken": rules(v for v in d["violations"] if "waived" not in v), "only_zero": only_zero,
            "unchecked": unchecked, "missing": [line_of(c) for c in d["missing"]],
            "suspect": [(c["reason"], c.get("line")) for c in d["suspect"] if c["kind"] == "inferred"],
            "warnings": len(d["warnings"]), "summary": summary}


def cli(binary, args):
    """Run the binary in English; its stdout (bytes), or an exception saying how it failed."""
    p = subprocess.run([binary, "--lang", "en"] + args, capture_output=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} exited {p.returncode}: {p.stderr.decode('utf-8', 'replace')[:300]}")
    return p.stdout


FINDING = re.compile(r"^(broken|not checkable|accepted|warning|suspect)[: ]")


def findings_of(lines):
    """The findings lines of the Markdown or the workbook that come from the assessment, by kind."""
    got = {}
    for line in lines:
        m = FINDING.match(line)
        if m:
            got.setdefault(m.group(1), []).append(line)
    return got


def displays(binary, d, work, opts):
    """What the review of d's report, its exports and the workbench say, as problems (strings). Two
    runs a report: `extract`, then the workbench headless, which writes the four exports (:export,
    the code `crossfoot export` runs) and leaves its problems list on the screen."""
    name = os.path.join(work, re.sub(r"[^A-Za-z0-9_.-]", "_", d["file"]))
    review = name + ".review.yaml"
    problems = []
    cli(binary, ["extract", d["file"], "-o", review])
    with open(name + ".keys", "w", encoding="utf-8") as f:
        f.write("# size 200x100\n" + "".join(f":export {x} {name}.{x}<Enter>" for x in ("json", "csv", "md", "xlsx")) + "p\n")
    cli(binary, ["review", review] + opts + ["--script", name + ".keys", "--screen", name + ".screen", "--size", "200x100"])
    broken = sorted(v["rule"] for v in d["violations"] if "waived" not in v)
    missing = sorted(d["missing"])
    inferred = sorted(c["cell"] for c in d["suspect"] if c["kind"] == "inferred")
    s = d["summary"]

    def differs(where, what, got, want):
        if got != want:
            problems.append(f"{d['file']}: {where}: {what} {got!r} ≠ check's {want!r}")

    # the review file's summary
    text = open(review, encoding="utf-8").read()
    summary = dict(re.findall(r"^  (violations|unassessable|missing): (\d+)$", text, re.M))
    for key in ("violations", "unassessable", "missing"):
        differs("review summary", key, int(summary.get(key, -1)), s[key])
    # JSON export: the same records as check's, and its summary
    j = json.load(open(name + ".json", encoding="utf-8"))
    differs("JSON export", "broken", sorted(v["rule"] for v in j["violations"] if "waived" not in v), broken)
    differs("JSON export", "missing", sorted(j["missing"]), missing)
    differs("JSON export", "inferred", sorted(c["cell"] for c in j["suspect"] if c["kind"] == "inferred"), inferred)
    for key in ("violations", "unassessable", "missing", "warnings", "passed"):
        differs("JSON export summary", key, j["summary"][key], s[key])
    differs("JSON export", "warnings", [(w.get("kind"), w.get("line"), w["message"]) for w in j["warnings"]],
            [(w.get("kind"), w.get("line"), w["message"]) for w in d["warnings"]])
    # CSV: the cells without a number, blank or not applicable ("/"), as check counts them
    # the CSV opens with the title block (label,value rows) and an empty row; the cells follow
    table = list(csv.reader(open(name + ".csv", encoding="utf-8-sig", newline="")))
    start = table.index([]) + 1
    rows = [dict(zip(table[start], row)) for row in table[start + 1:]]
    differs("CSV export", "missing", sorted(r["id"] for r in rows if r["value"] in ("", "/")), missing)
    # Markdown and the workbook: the same findings, one line each
    md = open(name + ".md", encoding="utf-8").read()
    found = findings_of(l[2:] for l in md.split("\n## Findings\n")[-1].split("\n") if l.startswith("- "))
    differs("Markdown findings", "broken", len(found.get("broken", [])), s["violations"])
    differs("Markdown findings", "not checkable", len(found.get("not checkable", [])), s["unassessable"])
    differs("Markdown findings", "warnings", len(found.get("warning", [])), s["warnings"])
    differs("Markdown findings", "inferred", len(found.get("suspect", [])), len(inferred))
    with zipfile.ZipFile(name + ".xlsx") as z:
        strings = re.findall(r"<t[^>]*>([^<]*)</t>", z.read("xl/sharedStrings.xml").decode("utf-8"))
    unescape = lambda t: t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    xlsx = {k: sorted(set(v)) for k, v in findings_of(unescape(t) for t in strings).items()}
    differs("XLSX findings", "lines", xlsx, {k: sorted(set(v)) for k, v in found.items()})
    # the workbench: the problems list's sections, counted as their titles say (a title below the
    # screen's 100 lines is not compared)
    screen = open(name + ".screen", encoding="utf-8").read()
    titles = dict(re.findall(r"^  (Broken rules|Missing cells|Last year says otherwise) \((\d+)\)", screen, re.M))
    differs("workbench problems", "broken", int(titles.get("Broken rules", 0)), s["violations"])
    if "Missing cells" in titles or s["violations"] + s["missing"] + 2 < 96:
        differs("workbench problems", "missing", int(titles.get("Missing cells", 0)), s["missing"])
    last_year = sum(w.get("kind") == "cross_year" for w in d["warnings"])
    if "Last year says otherwise" in titles or last_year:
        differs("workbench problems", "last year", int(titles.get("Last year says otherwise", 0)), last_year)
    # and its status bar (the screen's last line), which says the assessment's counts too
    bar = dict(re.findall(r"│ (broken|missing) (\d+)", screen.rstrip("\n").split("\n")[-1]))
    differs("workbench status bar", "broken", int(bar.get("broken", -1)), s["violations"])
    differs("workbench status bar", "missing", int(bar.get("missing", -1)), s["missing"])
    return problems


def main():
    args = sys.argv[1:]
    binary = args.pop(0)
    opts = []
    each = 0
    work = None
    while args and args[0] in ("--previous", "--each", "--displays"):
        flag, value = args.pop(0), args.pop(0)
        if flag == "--each":
            each = int(value)
        elif flag == "--displays":
            work = value
        else:
            opts += [flag, value]
    reports = args
    problems = []
    rc_text, text = run(binary, opts + reports)
    rc_json, lines = run(binary, opts + ["--json"] + reports)
    records = [json.loads(l) for l in lines.split("\n") if l]
    texts = text_findings(text)
    readable = [d for d in records if "error" not in d]
    if rc_text != rc_json:
        problems.append(f"exit status {rc_text} for the text, {rc_json} for --json")
    worst = 2 if len(readable) < len(records) else 0 if all(d["summary"]["passed"] for d in readable) else 1
    if rc_json != worst:
        problems.append(f"exit status {rc_json}, but the records' verdicts make it {worst}")
    for d in readable:
        t = texts.get(d["file"])
        if t is None:
            problems.append(f"{d['file']}: in --json, not in the text")
            continue
        j = json_findings(d)
        for key in j:
            if t.get(key) != j[key]:
                problems.append(f"{d['file']}: {key}: text {t.get(key)!r} ≠ json {j[key]!r}")
    if len(texts) != len(readable):
        problems.append(f"{len(texts)} reports in the text, {len(readable)} in --json")
    for d in readable[:each]:
        rc, _ = run(binary, opts + [d["file"]])
        if rc != (0 if d["summary"]["passed"] else 1):
            problems.append(f"{d['file']}: exit status {rc} alone, verdict passed={d['summary']['passed']}")
    if work:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            for found in pool.map(lambda d: displays(binary, d, work, opts), readable):
                problems += found
    for p in problems[:20]:
        print("    " + p)
    shown = "check's text, --json and exit status" + (
        ", the review summary, the JSON, CSV, Markdown and XLSX exports and the workbench" if work else "")
    print(f"    {len(readable)} reports compared ({shown}), {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
