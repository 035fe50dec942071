#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Model-based drill of the journal: random sequences of edit, undo, redo, save, quit and
SIGKILL, run through `crossfoot apply` and replayed against a small in-memory model of the
review. After every kill (or quit) the review is reopened (its journal replayed, then saved)
and must equal the model: every change that was acknowledged ("ok N") is there, and nothing
else but the one change that was in flight when the process died.

usage: model_drill.py CROSSFOOT [SEQUENCES] [SEED]

It works in /dev/shm when there is one: a SIGKILL ends the process, not the machine, so what
was written survives without the disk, and the drill does not wait for a shared disk's fsync.
"""
import json, os, random, shutil, signal, subprocess, sys, tempfile, threading, time

binary = os.path.abspath(sys.argv[1])
sequences = int(sys.argv[2]) if len(sys.argv) > 2 else 200
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261201
report_fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "seeds",
                              "002_b895455aa8998ba0.txt")
CELLS = ["requests.new.natural", "requests.results_total.natural", "requests.results_total.total",
         "requests.carry_forward.natural", "appeals.review.upheld", "appeals.review.total"]


class Model:
    """The review as the reviewer sees it: values, the history in effect, what is saved."""

    def __init__(self, values):
        self.values = dict(values)
        self.history = []  # (cell, before, after)
        self.applied = 0
        self.saved = 0  # entries in the review file: undo stops there

    def copy(self):
        m = Model(self.values)
        m.history, m.applied, m.saved = list(self.history), self.applied, self.saved
        return m

    def play(self, line):
        """Apply one line of the script; True when crossfoot must acknowledge it."""
        words = line.split()
        if words[0] in ("set", "clear"):
            new = int(words[2]) if words[0] == "set" else None
            self.history[self.applied:] = [(words[1], self.values[words[1]], new)]
            self.applied += 1
            self.values[words[1]] = new
        elif words[0] == "undo":
            if self.applied <= self.saved:
                return False
            self.applied -= 1
            cell, before, _ = self.history[self.applied]
            self.values[cell] = before
        elif words[0] == "redo":
            if self.applied >= len(self.history):
                return False
            cell, _, after = self.history[self.applied]
            self.values[cell] = after
            self.applied += 1
        elif words[0] == "save":
            del self.history[self.applied:]
            self.saved = self.applied
        return True


def script_for(rng, model):
    """A random session's lines; every edit changes its cell (so each step is visible)."""
    lines, m = [], model.copy()
    for _ in range(rng.randint(1, 14)):
        r = rng.random()
        if r < 0.5:
            cell = rng.choice(CELLS)
            if rng.random() < 0.15 and m.values[cell] is not None:
                line = f"clear {cell}"
            else:
                v = rng.randint(0, 30)
                while v == m.values[cell]:
                    v = rng.randint(0, 30)
                line = f"set {cell} {v}"
        elif r < 0.72:
            line = "undo"
        elif r < 0.88:
            line = "redo"
        else:
            line = "save"
        lines.append(line)
        m.play(line)
    return lines


def run(args, **kw):
    return subprocess.run([binary] + args, capture_output=True, text=True, timeout=120, **kw)


def values_of(review):
    out = run(["export", review, "--format", "json"])
    if out.returncode != 0:
        raise RuntimeError(f"export failed: {out.stderr.strip()}")
    cells = json.loads(out.stdout)["cells"]
    return {c: cells[c] for c in CELLS}


def one_sequence(rng, start, work):
    """One sequence of sessions on a fresh copy of the extracted review (start: its folder)."""
    for name in os.listdir(start):
        shutil.copy(os.path.join(start, name), work)
    review = os.path.join(work, "report.txt.review.yaml")
    model = Model(values_of(review))
    model.play("save")
    for session in range(rng.randint(2, 4)):
        lines = script_for(rng, model)
        proc = subprocess.Popen([binary, "apply", review, "--reviewer", "drill"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        acked, errors = [], []
        readers = [threading.Thread(target=lambda: acked.extend(l.strip() for l in proc.stdout)),
                   threading.Thread(target=lambda: errors.extend(l.strip() for l in proc.stderr))]
        for t in readers:
            t.start()
        proc.stdin.write("\n".join(lines) + "\n")
        proc.stdin.flush()
        killed = rng.random() < 0.75
        if killed:
            time.sleep(rng.uniform(0.0, 0.03))
            proc.send_signal(signal.SIGKILL)
        else:
            proc.stdin.close()  # quit: the unsaved changes stay in the journal
        proc.wait()
        for t in readers:
            t.join()
        oks = [int(a.split()[1]) for a in acked if a.startswith("ok ")]
        last = max(oks) if oks else 0
        # the model after each prefix of the script; the acknowledged lines must be the ones it accepts
        states, m = [model.copy()], model.copy()
        accepted = []
        for line in lines:
            accepted.append(m.play(line))
            states.append(m.copy())
        for n in range(1, last + 1):
            if (n in oks) != accepted[n - 1]:
                return (f"session {session}, line {n} '{lines[n - 1]}': crossfoot "
                        f"{'acknowledged' if n in oks else 'refused'} it, the model "
                        f"{'accepts' if accepted[n - 1] else 'refuses'} it; stderr: {errors[:3]}")
        if not killed and last < len(lines) and any(accepted[last:]):
            return f"session {session}: quit normally but lines after {last} were not acknowledged: {errors[:3]}"
        # a kill may leave the next accepted line journaled but not acknowledged
        candidates = [last]
        for j in range(last + 1, len(lines) + 1):
            candidates.append(j)
            if accepted[j - 1]:
                break
        reopen = run(["apply", review, "--reviewer", "drill"], input="save\n")
        if reopen.returncode != 0:
            return f"session {session}: reopening failed: {reopen.stderr.strip()}"
        if "journal record" in reopen.stderr:
            return f"session {session}: the journal was damaged: {reopen.stderr.strip()}"
        got = values_of(review)
        match = next((j for j in candidates if states[j].values == got), None)
        if match is None:
            want = states[last].values
            diff = {c: (want[c], got[c]) for c in CELLS if want[c] != got[c]}
            return (f"session {session} ({'killed' if killed else 'quit'} after {last} acknowledged of "
                    f"{len(lines)}): the review differs from the model (model, review): {diff}; script {lines}")
        model = states[match]
        model.play("save")
    return None


def main():
    rng = random.Random(seed)
    failures = 0
    started = time.time()
    shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
    start = tempfile.mkdtemp(prefix="cf-model-start-", dir=shm)
    try:
        shutil.copy(report_fixture, os.path.join(start, "report.txt"))
        # the review names its report relative to itself, so a copy of the folder is a review of its own
        out = subprocess.run([binary, "extract", "report.txt"], cwd=start, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"model drill: extract failed: {out.stderr.strip()}")
            return 1
        for number in range(sequences):
            work = tempfile.mkdtemp(prefix="cf-model-", dir=shm)
            try:
                why = one_sequence(rng, start, work)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            if why:
                failures += 1
                print(f"sequence {number}: {why}")
    finally:
        shutil.rmtree(start, ignore_errors=True)
    print(f"model drill: {sequences - failures} of {sequences} sequences kept every acknowledged change "
          f"({time.time() - started:.0f} s, seed {seed})")
    return 1 if failures else 0


sys.exit(main())
