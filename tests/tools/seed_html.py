#!/usr/bin/env python3
"""seed_html.py SEED.txt OUT.html [OPTION...] — a text seed's report as a web page the way Word
saves one ("Save as Web Page": mso- styles, conditional comments, <o:p>, &nbsp; in empty cells),
for the HTML reader's tests. Each run of tab-separated lines becomes a table: a blank label cell
under a group label joins that label's rowspan, as a merged cell in Word does. Options:
  gbk       encode as GB18030 and declare charset=gb2312
  nometa    declare no charset (the reader must detect GB18030 or UTF-8)
  split     split every number of two or more digits over two <span>s (20</span><span>23)
  layout    put the whole report inside a one-cell layout table, the tables nested in it
  flat      no rowspans: every cell its own <td>
"""
import html
import re
import sys


def is_number(s):
    return re.fullmatch(r"[-+]?\d[\d.,]*", s.strip()) is not None


def cell_html(text, split):
    if not text.strip():
        return "&nbsp;"
    if split and re.fullmatch(r"\d\d+", text):
        return html.escape(text[:1]) + "</span><span lang=EN-US>" + html.escape(text[1:])
    return html.escape(text)


def table_html(rows, opts):
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    covered = [[False] * width for _ in rows]
    rowspan = [[1] * width for _ in rows]
    if "flat" not in opts:
        for r in range(1, len(rows)):
            first_value = next((k for k, c in enumerate(rows[r]) if is_number(c)), width)
            for k in range(first_value - 1):  # label columns, never the row's own label
                if rows[r][k]:
                    continue
                up = r - 1
                while up >= 0 and covered[up][k]:
                    up -= 1
                up_first_value = next((kk for kk, c in enumerate(rows[up]) if is_number(c)), width)
                if rows[up][k] and k < up_first_value:
                    covered[r][k] = True
                    rowspan[up][k] += 1
    out = ['<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 '
           'style="border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184">']
    for r, row in enumerate(rows):
        tds = []
        for k, text in enumerate(row):
            if covered[r][k]:
                continue
            span = f" rowspan={rowspan[r][k]}" if rowspan[r][k] > 1 else ""
            tds.append(f'<td{span} width=60 valign=top style="border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;'
                       f'padding:0cm 5.4pt 0cm 5.4pt"><p class=MsoNormal><span style="font-family:宋体;mso-ascii-font-family:'
                       f'Calibri">{cell_html(text, "split" in opts)}</span><span lang=EN-US><o:p></o:p></span></p></td>')
        out.append(f'<tr style="mso-yfti-irow:{r}">\n' + "\n".join(tds) + "\n</tr>")
    out.append("</table>")
    return "\n".join(out)


def render(text, opts):
    charset = "" if "nometa" in opts else ("gb2312" if "gbk" in opts else "utf-8")
    meta = f'<meta http-equiv=Content-Type content="text/html; charset={charset}">' if charset else ""
    out = ['<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">',
           f'<head>{meta}<meta name=Generator content="Microsoft Word 15"><title>年度报告</title>',
           '<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>办公室</o:Author></o:DocumentProperties></xml><![endif]-->',
           '<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;} --></style></head>',
           '<body lang=ZH-CN style="tab-interval:21.0pt"><div class=WordSection1 style="layout-grid:15.6pt">']
    if "layout" in opts:
        out.append('<table width="100%" border=0><tr><td width=120>&nbsp;</td><td>')
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            out.append(table_html(rows, opts))
            continue
        line = lines[i]
        i += 1
        body = html.escape(line) if line.strip() else "<o:p>&nbsp;</o:p>"
        out.append(f'<p class=MsoNormal><![if !supportLists]><span lang=EN-US>{body}</span><![endif]></p>')
    if "layout" in opts:
        out.append("</td></tr></table>")
    out.append("</div></body></html>")
    return "\n".join(out).encode("gb18030" if "gbk" in opts or "nometa" in opts else "utf-8")


def main():
    src, dst, opts = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    with open(src, encoding="utf-8") as f:
        page = render(f.read(), opts)
    with open(dst, "wb") as f:
        f.write(page)


if __name__ == "__main__":
    main()
