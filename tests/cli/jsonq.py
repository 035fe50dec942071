#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jsonq.py OUT EXPR... [NAME=FILE...] — assert things about `crossfoot check --json` output.

OUT must be UTF-8 and every line one JSON object (strict: no NaN or Infinity), then each Python
expression EXPR must be true. EXPR sees r (the records, in order), d (the first record), env (the environment) and
each NAME bound to the JSON held in FILE (e.g. a seed's truth file). Exits 1, saying why, when
a line does not parse or EXPR is false."""
import json
import os
import re
import sys


def reject(name):
    raise ValueError(f"{name} is not JSON")


def main():
    out = sys.argv[1]
    binding = re.compile(r"^[A-Za-z_]\w*=(?!=)")
    exprs = [a for a in sys.argv[2:] if not binding.match(a)]
    raw = open(out, "rb").read()
    try:
        text = raw.decode("utf-8")  # JSON text is UTF-8: a stray byte makes it unreadable
    except UnicodeDecodeError as e:
        print(f"    the output is not UTF-8 (byte {e.start}): {raw[max(0, e.start - 60):e.start + 20]!r}")
        return 1
    records = []
    for n, line in enumerate(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"), 1):
        try:
            obj = json.loads(line, parse_constant=reject)
        except ValueError as e:
            print(f"    output line {n} is not JSON ({e}): {line[:200]!r}")
            return 1
        if not isinstance(obj, dict):
            print(f"    output line {n} is not a JSON object: {line[:200]!r}")
            return 1
        records.append(obj)
    env = {"r": records, "d": records[0] if records else None, "env": os.environ}
    for arg in sys.argv[2:]:
        if binding.match(arg):
            name, _, path = arg.partition("=")
            env[name] = json.load(open(path, encoding="utf-8"))
    failed = 0
    for expr in exprs:
        try:
            ok = eval(expr, env)
        except Exception as e:  # a missing key is a failed assertion, said plainly
            print(f"    {type(e).__name__}: {e}")
            ok = False
        if not ok:
            print(f"    not true: {expr}")
            failed += 1
    if failed:
        print(f"    output: {text[:400]!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
