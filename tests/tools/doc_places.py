# SPDX-License-Identifier: GPL-3.0-or-later
"""doc_places.py — does every number `check --json` read from a web page or Word file come from the
document cell its source names (table, row, cell)?

    doc_places.py CROSSFOOT DOCUMENT...

Reads each document on its own (Python's zipfile, ElementTree and html.parser, not crossfoot's
readers): tables in document order, counting those of two or more columns; rows (<tr>, <w:tr>) from 1;
cells from 1 among those that begin in the row (<td>/<th>; <w:tc> but not a vMerge continuation).
A number cell's document cell must hold that number, and every number cell must name one. Only for
documents without nested tables. Prints what disagrees; exit status 1 when anything does.
"""
import json
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_tables(path):
    body = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(W + "body")
    tables = []
    for tbl in body.iter(W + "tbl"):
        if tbl.find(".//" + W + "tbl") is not None:
            raise SystemExit(f"{path}: nested tables, not for this check")
        rows = []
        for tr in tbl.findall(W + "tr"):
            cells = []
            for tc in tr.findall(W + "tc"):
                vm = tc.find(W + "tcPr/" + W + "vMerge")
                if vm is not None and vm.get(W + "val", "continue") != "restart":
                    continue
                cells.append("".join(t.text or "" for t in tc.iter(W + "t")))
            rows.append(cells)
        tables.append(rows)
    return tables


class Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.depth, self.cell = [], 0, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
            if self.depth > 1:
                raise SystemExit("nested tables, not for this check")
            self.tables.append([])
        elif tag == "tr" and self.depth:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.depth:
            self.tables[-1][-1].append("")
            self.cell = True

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth -= 1
        elif tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.cell and self.tables and self.tables[-1] and self.tables[-1][-1]:
            self.tables[-1][-1][-1] += data


def html_tables(path):
    raw = open(path, "rb").read()
    m = re.search(rb'charset=["\']?([-\w]+)', raw[:4096])
    p = Tables()
    p.feed(raw.decode(m.group(1).decode() if m else "utf-8", errors="replace"))
    return p.tables


def first_number(text):
    m = re.search(r"-?\d+(?:\.\d+)?", re.sub(r"\s+", "", text).replace(",", ""))
    return float(m.group()) if m else None


def main():
    crossfoot, paths = sys.argv[1], sys.argv[2:]
    bad = checked = 0
    for path in paths:
        tables = docx_tables(path) if path.endswith(".docx") else html_tables(path)
        tables = [t for t in tables if max((len(r) for r in t), default=0) >= 2]
        out = subprocess.run([crossfoot, "check", "--json", path], capture_output=True, text=True).stdout
        d = json.loads(out)
        for cell, value in d["cells"].items():
            if value is None:
                continue
            src = d["sources"][cell]
            checked += 1
            try:
                text = tables[src["table"] - 1][src["row"] - 1][src["cell"] - 1]
            except (KeyError, IndexError) as e:
                print(f"{path}: {cell} = {value}: no document cell at {src} ({e!r})")
                bad += 1
                continue
            n = first_number(text)
            if n is None or abs(abs(n) - abs(float(value))) > 1e-9:
                print(f"{path}: {cell} = {value}, but table {src['table']} row {src['row']} cell {src['cell']} holds {text!r}")
                bad += 1
    print(f"{checked} number cells, {bad} not where their source says")
    return 1 if bad or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
