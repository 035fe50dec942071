# SPDX-License-Identifier: GPL-3.0-or-later
"""pdf_places.py — does every number `check --json` reads from a PDF stand inside the page box its
source names?

    pdf_places.py CROSSFOOT PDF...

Reads each PDF's words with their boxes on its own (poppler-utils' `pdftotext -bbox`, not
crossfoot's reader) and, for every number cell, joins the words whose centre lies in the cell's
box (`page`, `x0` `y0` `x1` `y1`, points from the page's top left, give or take 1.5 points): the
first number there must be the cell's. Prints what disagrees; exit status 1 when anything does.
"""
import html
import json
import re
import subprocess
import sys

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pages(path):
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD.findall(p)]
            for p in out.split("<page ")[1:]]


def first_number(text):
    m = re.search(r"-?\d+(?:\.\d+)?", text.replace(",", ""))
    return float(m.group()) if m else None


def main():
    crossfoot, paths = sys.argv[1], sys.argv[2:]
    bad = checked = 0
    for path in paths:
        words = pages(path)
        d = json.loads(subprocess.run([crossfoot, "check", "--json", path], capture_output=True, text=True).stdout)
        for cell, value in d["cells"].items():
            if value is None:
                continue
            src = d["sources"][cell]
            checked += 1
            if "page" not in src or not 1 <= src["page"] <= len(words):
                print(f"{path}: {cell} = {value}: no page in its source {src}")
                bad += 1
                continue
            inside = "".join(t for x0, y0, x1, y1, t in words[src["page"] - 1]
                             if src["x0"] - 1.5 <= (x0 + x1) / 2 <= src["x1"] + 1.5
                             and src["y0"] - 1.5 <= (y0 + y1) / 2 <= src["y1"] + 1.5)
            n = first_number(inside)
            if n is None or abs(abs(n) - abs(float(value))) > 1e-9:
                print(f"{path}: {cell} = {value}, but page {src['page']} box {src['x0']},{src['y0']}–{src['x1']},{src['y1']} holds {inside!r}")
                bad += 1
    print(f"{checked} number cells, {bad} not where their source says")
    return 1 if bad or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
