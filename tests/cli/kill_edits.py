#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""SIGKILL drill: kill `crossfoot apply` at random moments while it applies edits, then
reopen the review and check that every change it acknowledged ("ok N") is there. Most rounds
kill it a random moment after its first acknowledgement (a fixed delay from the start would land
while it is still starting up under the sanitizers, and prove nothing about acknowledged edits);
every fifth round kills it a random moment after it starts, whatever it is doing.

usage: kill_edits.py CROSSFOOT [ROUNDS]
"""
import json, os, random, shutil, signal, subprocess, sys, tempfile, threading, time

binary = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 25
seed_report = os.path.join(os.path.dirname(__file__), "..", "fixtures", "seeds", "000_b0a3a3717f6cc721.txt")
rng = random.Random(20261122)
failures = 0
rounds_with_acks = 0

for round_no in range(rounds):
    work = tempfile.mkdtemp(prefix="cf-kill-")
    try:
        report = os.path.join(work, "report.txt")
        shutil.copy(seed_report, report)
        review = report + ".review.yaml"
        subprocess.run([binary, "extract", report], check=True, capture_output=True)
        cells = [k for k in json.loads(subprocess.run([binary, "export", review, "--format", "json"], check=True,
                                                      capture_output=True, text=True).stdout)["cells"]
                 if k.startswith("requests.")]
        # each line sets its own cell to its own value, with a save now and then
        script, expected = [], {}
        for i, cell in enumerate(cells):
            script.append(f"set {cell} {1000 + round_no * 1000 + i}")
            if rng.random() < 0.1:
                script.append("save")
        proc = subprocess.Popen([binary, "apply", review, "--reviewer", "drill"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        acked, first_ack = [], threading.Event()

        def read_acks():
            for l in proc.stdout:
                acked.append(l.strip())
                first_ack.set()

        reader = threading.Thread(target=read_acks)
        reader.start()
        proc.stdin.write("\n".join(script) + "\n")
        proc.stdin.flush()
        if round_no % 5 != 4:
            first_ack.wait(timeout=60)
        time.sleep(rng.uniform(0.0, 0.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join()
        acked_lines = {int(a.split()[1]) for a in acked if a.startswith("ok ")}
        rounds_with_acks += bool(acked_lines)
        for n in acked_lines:
            line = script[n - 1]
            if line.startswith("set "):
                _, cell, value = line.split()
                expected[cell] = int(value)
        # reopen: replay whatever the journal holds, save, and read it back
        out = subprocess.run([binary, "apply", review], input="save\n", capture_output=True, text=True)
        if out.returncode != 0:
            print(f"round {round_no}: reopening failed: {out.stderr.strip()}")
            failures += 1
            continue
        got = json.loads(subprocess.run([binary, "export", review, "--format", "json"], check=True,
                                        capture_output=True, text=True).stdout)["cells"]
        lost = [c for c, v in expected.items() if got.get(c) != v]
        if lost:
            print(f"round {round_no}: {len(lost)} acknowledged change(s) lost, e.g. {lost[0]}")
            failures += 1
        print(f"round {round_no}: killed after {len(acked_lines)} acknowledged of {len(script)}; "
              f"{'all kept' if not lost else 'LOST SOME'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

print(f"kill drill: {rounds - failures} passed, {failures} failed; killed after at least one acknowledged "
      f"change in {rounds_with_acks} of {rounds} rounds")
# a drill whose kills all land before the first acknowledgement proves nothing
if rounds_with_acks < rounds // 2:
    print("kill drill: too few rounds were killed after an acknowledgement")
    failures += 1
sys.exit(1 if failures else 0)
