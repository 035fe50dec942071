#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check.py FRESH.pot SOURCE... — every message a person reads is wrapped and translated.

1. Wrapped: xgettext lists every string literal of the sources (-a) and, separately, the ones
   wrapped in _(), N_() or P_(). A string that reads as a message — two words of letters apart
   (after taking out printf conversions and escapes), or any Chinese — and is not wrapped fails,
   named with its file and line, unless tests/i18n/not-messages.txt lists it: JSON and YAML keys,
   format ids, file names, and the like, which are data and never translated.
   A word passed to a function that puts it into a message (a parameter named `what`, declared in
   a header or defined in a source, as cf_file_read's "template" in "cannot open the template")
   must be marked N_("…") at the call, or xgettext never sees it: a bare string literal there fails.
2. Catalogs: po/crossfoot.pot is FRESH.pot (made from the sources just now by `make i18n`), and
   each po/LANG.po has every message of it translated, none fuzzy, none stale, none obsolete,
   and its printf conversions matching (msgfmt --check).
The fix for 1 is _("…"); for 2 it is `make po`, then translating the empty entries (README).
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
XGETTEXT = ["xgettext", "--from-code=UTF-8", "--language=C", "-o", "-"]
KEYWORDS = ["--keyword=_", "--keyword=N_", "--keyword=P_:1,2"]

PRINTF = re.compile(r"%[-+ #0-9.*']*(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z%]")
ESCAPE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9a-fA-F]+|.)")
TWO_WORDS = re.compile(r"[A-Za-z]{2,}[^A-Za-z]*\s[^A-Za-z]*[A-Za-z]{2,}")
CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def entries(po_text):
    """(locations, msgid) of each entry of xgettext's output, and (locations, msgid_plural) of
    each plural one; the strings as written (escaped)."""
    out = []
    locs, ids, part = [], [], None
    for line in po_text.splitlines() + [""]:
        if line.startswith("#:"):
            locs += line[2:].split()
        elif line.startswith("msgid ") or line.startswith("msgid_plural "):
            ids.append(line.split(" ", 1)[1].strip()[1:-1])
            part = "id"
        elif line.startswith('"') and part == "id":
            ids[-1] += line.strip()[1:-1]
        elif line.startswith("msgstr"):
            part = None
        elif not line.strip():
            out += [(locs, i) for i in ids if i]
            locs, ids, part = [], [], None
    return out


def is_message(msgid):
    text = ESCAPE.sub(" ", PRINTF.sub(" ", msgid))
    return bool(TWO_WORDS.search(text) or CHINESE.search(text))


def allowed():
    """not-messages.txt: msgids (one a line, as in the .pot; # starts a comment), and lines
    "vocabulary: FILE" for a source whose Chinese-only strings are words read from reports."""
    ids, vocabulary = set(), set()
    with open(os.path.join(HERE, "not-messages.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("vocabulary: "):
                vocabulary.add(line[len("vocabulary: "):])
            else:
                ids.add(line)
    return ids, vocabulary


def unwrapped(sources):
    every = subprocess.run(XGETTEXT + ["-a"] + sources, capture_output=True, text=True, check=True).stdout
    kept = subprocess.run(XGETTEXT + KEYWORDS + sources, capture_output=True, text=True, check=True).stdout
    # a literal continued over lines (a plural form, say) is placed by each scan on its own line
    wrapped = {(path, int(line) + d, msgid) for locs, msgid in entries(kept) for path, line in
               (loc.rsplit(":", 1) for loc in locs) for d in range(-3, 4)}
    ok, vocabulary = allowed()
    found = []
    for locs, msgid in entries(every):
        if msgid in ok or not is_message(msgid):
            continue
        for loc in locs:
            path = loc.rsplit(":", 1)[0]
            if (path, int(loc.rsplit(":", 1)[1]), msgid) in wrapped:
                continue
            if path in vocabulary and not re.search("[A-Za-z]{2,}", msgid):
                continue
            found.append("%s: \"%s\"" % (loc, msgid))
    return found


# a declaration or definition: NAME(PARAMS) then ; or {
DECLARATION = re.compile(r"\b(\w+)\(([^;{}()]*)\)\s*[;{]")
# a string parameter named what ("const char *what"; "what" or "sizeof what" is a call's argument)
WHAT_PARAMETER = re.compile(r"(const\s+)?char\s*\*\s*what$")


def what_parameters(sources):
    """{function: index} of every function declared in a header beside the sources, or defined
    in one of them, with a parameter named `what` (a word it puts into a message)."""
    found = {}
    headers = [os.path.join(folder, name) for folder in sorted({os.path.dirname(s) for s in sources})
               for name in sorted(os.listdir(folder)) if name.endswith(".h")]
    for path in headers + list(sources):
        with open(path, encoding="utf-8") as f:
            for m in DECLARATION.finditer(f.read()):
                for i, p in enumerate(p.strip() for p in m.group(2).split(",")):
                    if WHAT_PARAMETER.match(p):
                        found[m.group(1)] = i
    return found


def call_arguments(text, start):
    """The arguments of the call whose "(" is at start, as written (strings and nested calls
    kept whole)."""
    args, depth, i, begin = [], 0, start, start + 1
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i += 1
            while i < len(text) and text[i] != c:
                i += 2 if text[i] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append(text[begin:i])
                return args
        elif c == "," and depth == 1:
            args.append(text[begin:i])
            begin = i + 1
        i += 1
    return args


def unmarked_what(sources):
    """Bare string literals passed as a `what` word: "FILE:LINE: "word" (what of FUNCTION)"."""
    found = []
    params = what_parameters(sources)
    if not params:
        return found
    call = re.compile(r"\b(%s)\s*\(" % "|".join(map(re.escape, params)))
    for path in sources:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in call.finditer(text):
            args = call_arguments(text, m.end() - 1)
            index = params[m.group(1)]
            if index < len(args) and args[index].strip().startswith('"'):
                line = text.count("\n", 0, m.start()) + 1
                found.append("%s:%d: %s (the `what` of %s, said in its messages: N_(\"…\"))" %
                             (path, line, args[index].strip(), m.group(1)))
    return found


def run(*cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode, (r.stdout + r.stderr).strip()


def catalog_problems(fresh):
    problems = []
    committed = os.path.join(ROOT, "po", "crossfoot.pot")
    with open(fresh, encoding="utf-8") as f, open(committed, encoding="utf-8") as g:
        if f.read() != g.read():
            problems.append("po/crossfoot.pot is out of date with the sources: run `make po`")
    pos = sorted(os.path.join(ROOT, "po", n) for n in os.listdir(os.path.join(ROOT, "po")) if n.endswith(".po"))
    if not pos:
        problems.append("no translations in po/")
    for po in pos:
        name = os.path.relpath(po, ROOT)
        rc, out = run("msgfmt", "--check", "-o", "/dev/null", po)
        if rc:
            problems.append("%s does not compile: %s" % (name, out))
        for flag, what in (("--only-fuzzy", "fuzzy (check the translation, then delete the '#, fuzzy' line)"),
                           ("--untranslated", "untranslated"), ("--only-obsolete", "obsolete (run `make po`)")):
            rc, out = run("msgattrib", flag, "--no-wrap", po)
            ids = [m for _, m in entries(out) if m] if rc == 0 else [out]
            if flag == "--only-obsolete":
                ids = re.findall(r'^#~ msgid "(.+)"$', out, re.M)
            problems += ['%s: %s: "%s"' % (name, what, m) for m in ids]
        rc, out = run("msgcmp", po, fresh)
        if rc:
            problems.append("%s lacks messages of the sources (run `make po`, then translate): %s" % (name, out))
        rc, out = run("msgcmp", "--use-untranslated", fresh, po)
        if rc:
            problems.append("%s has messages the sources no longer have (run `make po`): %s" % (name, out))
    return problems


def main():
    fresh, sources = sys.argv[1], sys.argv[2:]
    os.chdir(ROOT)
    failures = 0
    found = unwrapped(sources) + unmarked_what(sources)
    for f in found:
        print("not wrapped for translation: " + f)
    if found:
        print("FAIL: %d message(s) not wrapped: write _(\"…\") (N_ in a static table); a string that "
              "is data, not a message, goes in tests/i18n/not-messages.txt" % len(found))
        failures += 1
    else:
        print("ok   every message in the sources is wrapped for translation")
    problems = catalog_problems(fresh)
    for p in problems:
        print(p)
    if problems:
        print("FAIL: the catalogs are not complete (%d problem(s))" % len(problems))
        failures += 1
    else:
        print("ok   po/crossfoot.pot is current and every catalog is complete")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
