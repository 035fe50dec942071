#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Concurrency drill: two to four writers — `crossfoot apply` and the headless workbench
(`crossfoot review … --script`) — edit one review at once, started with random delays.
Afterwards every edit a writer acknowledged must be in the review: `apply` acknowledges line
N with "ok N"; a workbench run that exits 0 has journaled every edit of its script and saved.
A writer may instead be refused (exit 2, "is being edited"), but only before it acknowledged
anything.

usage: concurrent_writers.py CROSSFOOT [ROUNDS]
"""
import concurrent.futures, json, os, random, shutil, subprocess, sys, tempfile, threading, time

binary = os.path.abspath(sys.argv[1])
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
seed_report = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "seeds",
                           "000_b0a3a3717f6cc721.txt")
seed = int(os.environ.get("DRILL_SEED", "20261201"))
env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
WORKBENCH_EDITS = 3  # cells the workbench writer edits, walking down table 二 from the first row


def run(args, cwd, stdin=None):
    return subprocess.run([binary] + args, cwd=cwd, input=stdin, capture_output=True, text=True, env=env,
                          timeout=120)


def cells_of(cwd):
    out = run(["export", "report.txt.review.yaml", "--format", "json"], cwd)
    if out.returncode != 0:
        raise SystemExit(f"export failed: {out.stderr.strip()}")
    return json.loads(out.stdout)["cells"]


def workbench_script(values):
    keys = ["1g0"]  # table 二, first row, first column, wherever the cursor opens
    for i, v in enumerate(values):
        keys.append(f"e<C-u>{v}<Enter>" + ("j" if i + 1 < len(values) else ""))
    keys.append("<C-s>")
    return "\n".join(keys) + "\n"


# in memory where there is a tmpfs: what is drilled is who writes when, not the disk (kill_edits.py
# drills durability), and each fsync on a shared disk would cost the drill its minute
shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
base = tempfile.mkdtemp(prefix="cf-concurrent-", dir=shm)
try:
    # one extracted review, copied fresh into each round's folder
    template = os.path.join(base, "template")
    os.mkdir(template)
    shutil.copy(seed_report, os.path.join(template, "report.txt"))
    out = run(["extract", "report.txt", "--reviewer", "drill"], template)
    if out.returncode != 0:
        raise SystemExit(f"extract failed: {out.stderr.strip()}")
    before = cells_of(template)

    # which cells does the workbench's script edit? Find out once, on a copy.
    probe = os.path.join(base, "probe")
    shutil.copytree(template, probe)
    with open(os.path.join(probe, "keys"), "w") as f:
        f.write(workbench_script([900001 + i for i in range(WORKBENCH_EDITS)]))
    out = run(["review", "report.txt", "--script", "keys", "--reviewer", "probe"], probe)
    if out.returncode != 0:
        raise SystemExit(f"the headless workbench failed: {out.stderr.strip()}")
    after = cells_of(probe)
    workbench_cells = [next(c for c, v in after.items() if v == 900001 + i) for i in range(WORKBENCH_EDITS)]
    apply_cells = [c for c in before if c.startswith("requests.") and c not in workbench_cells]

    def one_round(round_no):
        """Returns (problems, acknowledged, refused) of one round on a fresh copy of the review."""
        rng = random.Random(seed * 1000003 + round_no)
        work = os.path.join(base, f"round-{round_no}")
        shutil.copytree(template, work)
        writers = rng.randint(2, 4)
        kinds = ["apply"] * writers
        kinds[rng.randrange(writers)] = rng.choice(["apply", "workbench"])
        pool = list(apply_cells)
        rng.shuffle(pool)
        results = [None] * writers

        def writer(i, kind, delay, edits):
            time.sleep(delay)
            if kind == "apply":
                script = "".join(f"set {c} {v}\n" for c, v in edits) + "save\n"
                out = run(["apply", "report.txt.review.yaml", "--reviewer", f"w{i}"], work, script)
                acked = {int(l.split()[1]) for l in out.stdout.splitlines() if l.startswith("ok ")}
                results[i] = (out, [edits[n - 1] for n in acked if n <= len(edits)])
            else:
                with open(os.path.join(work, f"keys{i}"), "w") as f:
                    f.write(workbench_script([v for _, v in edits]))
                out = run(["review", "report.txt", "--script", f"keys{i}", "--reviewer", f"w{i}"], work)
                results[i] = (out, edits if out.returncode == 0 else [])

        threads = []
        value = 100000 * (round_no + 1)
        for i, kind in enumerate(kinds):
            if kind == "workbench":
                edits = [(c, value + 50 + k) for k, c in enumerate(workbench_cells)]
            else:
                edits = [(pool.pop(), value + 10 * i + k) for k in range(rng.randint(1, 3))]
            t = threading.Thread(target=writer, args=(i, kind, rng.uniform(0, 0.05), edits))
            threads.append(t)
            t.start()
        for t in threads:
            t.join()

        problems, acknowledged, refused = [], [], 0
        for i, (out, acked) in enumerate(results):
            acknowledged += acked
            if "Sanitizer" in out.stderr or "runtime error:" in out.stderr:
                problems.append(f"writer {i} ({kinds[i]}): sanitizer report: {out.stderr.strip()[:600]}")
            if out.returncode == 0:
                continue
            if out.returncode == 2 and "is being edited" in out.stderr and not acked:
                refused += 1
                continue
            problems.append(f"writer {i} ({kinds[i]}) exit {out.returncode}: {out.stderr.strip()[:300]}")
        # every writer saved last: nothing may be left in a journal, or behind as a lock
        left = [n for n in os.listdir(work) if n.endswith((".journal", ".lock")) or ".tmp." in n]
        if left:
            problems.append(f"left behind: {', '.join(left)}")
        final = cells_of(work)
        lost = [(c, v, final.get(c)) for c, v in acknowledged if final.get(c) != v]
        if lost:
            problems.append(f"{len(lost)} acknowledged edit(s) lost, e.g. {lost[0][0]} = {lost[0][1]}, "
                            f"file has {lost[0][2]}")
        shutil.rmtree(work, ignore_errors=True)
        if problems:
            print(f"round {round_no} ({', '.join(kinds)}): " + "; ".join(problems), flush=True)
        return problems, acknowledged, refused

    # rounds run four at a time: each mostly waits for fsync, and each has its own review
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
        outcomes = list(executor.map(one_round, range(rounds)))
    failures = sum(1 for problems, _, _ in outcomes if problems)
    acked_total = sum(len(acked) for _, acked, _ in outcomes)
    refused_total = sum(refused for _, _, refused in outcomes)
    print(f"concurrency drill: {rounds - failures} of {rounds} rounds kept every acknowledged edit "
          f"({acked_total} acknowledged, {refused_total} writer(s) refused before acknowledging)")
    sys.exit(1 if failures else 0)
finally:
    shutil.rmtree(base, ignore_errors=True)
