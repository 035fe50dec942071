#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Speed work must not change what check says: save, then compare, `check --json` and `check`
(text, English and Chinese) with the exit status for every input under tests/fixtures.

usage: same_output.py CROSSFOOT save DIR      (with the binary before the change)
       same_output.py CROSSFOOT compare DIR   (after it; prints each file whose output differs)
"""
import concurrent.futures, glob, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KINDS = (".txt", ".md", ".html", ".docx", ".pdf")


def inputs():
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/**/*"), recursive=True)):
        if path.endswith(KINDS) and os.path.isfile(path) and "/compat/" not in path:
            found.append(path)
    return found


def outputs(binary, path):
    runs = {"json": [binary, "check", "--json", path], "text": [binary, "--lang", "en", "check", path],
            "zh": [binary, "--lang", "zh", "check", path]}
    out = {}
    for name, cmd in runs.items():
        done = subprocess.run(cmd, capture_output=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
        out[name] = done.stdout + done.stderr + f"\nexit {done.returncode}\n".encode()
    return out


def main():
    binary, mode, directory = sys.argv[1:4]
    os.makedirs(directory, exist_ok=True)
    differing = new = 0
    files = inputs()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda path: outputs(os.path.abspath(binary), path), files))
    for path, result in zip(files, results):
        key = os.path.relpath(path, ROOT).replace("/", "__")
        for name, data in result.items():
            saved = os.path.join(directory, f"{key}.{name}")
            if mode == "save":
                with open(saved, "wb") as f:
                    f.write(data)
            elif not os.path.exists(saved):
                new += 1  # an input added since the save: nothing to compare it with
            elif open(saved, "rb").read() != data:
                differing += 1
                print(f"differs: {os.path.relpath(path, ROOT)} ({name}); diff {saved} against the new run")
    print(f"{len(files)} inputs, {differing} outputs differ" + (f", {new} new (not saved before)" if new else ""))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
