# SPDX-License-Identifier: GPL-3.0-or-later
"""doc_places.py — does every number `check --json` reads from a document come from the place in
the document its source names?

    doc_places.py CROSSFOOT DOCUMENT...

Reads each document on its own, not with crossfoot's readers. A web page or Word file (Python's
zipfile, ElementTree and html.parser): tables in document order, counting those of two or more
columns and leaving out a layout table (one that holds another table: the tables inside it count);
rows (<tr>, <w:tr>) from 1; cells from 1 as the row's elements (<td>/<th>, <w:tc> — a vMerge
continuation too, as Word counts it) — the cell at the source's table, row and cell must hold the
number. A PDF (poppler-utils' `pdftotext -bbox`): the
words whose centre lies in the source's box (page, x0 y0 x1 y1 in points from the page's top left,
give or take 1.5 points) must hold it. Every number cell must name its place. Prints what
disagrees; exit status 1 when anything does.
"""
import html
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
            continue  # a layout table
        tables.append([["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.findall(W + "tc")]
                       for tr in tbl.findall(W + "tr")])
    return tables


class Tables(HTMLParser):
    """Every table's rows of cells' text, in document order; a table holding another is in layout."""

    def __init__(self):
        super().__init__()
        self.tables, self.layout, self.open = [], set(), []  # open: [table index, in a cell]

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            if self.open:
                self.layout.add(self.open[-1][0])
            self.open.append([len(self.tables), False])
            self.tables.append([])
        elif tag == "tr" and self.open:
            self.tables[self.open[-1][0]].append([])
        elif tag in ("td", "th") and self.open and self.tables[self.open[-1][0]]:
            self.tables[self.open[-1][0]][-1].append("")
            self.open[-1][1] = True

    def handle_endtag(self, tag):
        if tag == "table" and self.open:
            self.open.pop()
        elif tag in ("td", "th") and self.open:
            self.open[-1][1] = False

    def handle_data(self, data):
        if self.open and self.open[-1][1]:
            self.tables[self.open[-1][0]][-1][-1] += data


def html_tables(path):
    raw = open(path, "rb").read()
    m = re.search(rb'charset=["\']?([-\w]+)', raw[:4096])
    p = Tables()
    p.feed(raw.decode(m.group(1).decode() if m else "utf-8", errors="replace"))
    return [t for i, t in enumerate(p.tables) if i not in p.layout]


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pdf_pages(path):
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD.findall(p)]
            for p in out.split("<page ")[1:]]


def pdf_text(pages, src):
    """The words in a PDF source's box, joined; None when the source names no page."""
    if not 1 <= src.get("page", 0) <= len(pages):
        return None
    return "".join(t for x0, y0, x1, y1, t in pages[src["page"] - 1]
                   if src["x0"] - 1.5 <= (x0 + x1) / 2 <= src["x1"] + 1.5
                   and src["y0"] - 1.5 <= (y0 + y1) / 2 <= src["y1"] + 1.5)


def table_text(tables, src):
    """The text of the document cell a web page's or Word file's source names; None when none."""
    try:
        return tables[src["table"] - 1][src["row"] - 1][src["cell"] - 1]
    except (KeyError, IndexError):
        return None


def first_number(text):
    m = re.search(r"-?\d+(?:\.\d+)?", re.sub(r"\s+", "", text).replace(",", ""))
    return float(m.group()) if m else None


def main():
    crossfoot, paths = sys.argv[1], sys.argv[2:]
    bad = checked = 0
    for path in paths:
        if path.endswith(".pdf"):
            doc, place = pdf_pages(path), pdf_text
        else:
            tables = docx_tables(path) if path.endswith(".docx") else html_tables(path)
            doc, place = [t for t in tables if max((len(r) for r in t), default=0) >= 2], table_text
        out = subprocess.run([crossfoot, "check", "--json", path], capture_output=True, text=True).stdout
        d = json.loads(out)
        for cell, value in d["cells"].items():
            if value is None:
                continue
            src = d["sources"][cell]
            checked += 1
            text = place(doc, src)
            n = first_number(text) if text is not None else None
            if n is None or abs(abs(n) - abs(float(value))) > 1e-9:
                print(f"{path}: {cell} = {value}, but its source {src} holds {text!r}")
                bad += 1
    print(f"{checked} number cells, {bad} not where their source says")
    return 1 if bad or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
