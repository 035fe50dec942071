#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""agree.py BINARY [--previous FILE] [--each N] REPORT... — `check`'s text, its --json and its exit
status must tell the same findings about every report: the same broken rules, rules that
leave missing counts only 0, sums too large to check, missing cells, cells whose place was
inferred, warnings, counts and verdict. Each display only shows one assessment; this fails when
one of them drifts. The first N reports (--each, default 0) are also checked one at a time,
so that each one's exit status is compared with its own verdict. Exits 1 saying what differs."""
import json
import re
import subprocess
import sys

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
            found[line.split(": gov-")[0]] = cur
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


def main():
    args = sys.argv[1:]
    binary = args.pop(0)
    opts = []
    each = 0
    while args and args[0] in ("--previous", "--each"):
        flag, value = args.pop(0), args.pop(0)
        if flag == "--each":
            each = int(value)
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
    for p in problems[:20]:
        print("    " + p)
    print(f"    {len(readable)} reports compared, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
