# SPDX-License-Identifier: GPL-3.0-or-later
"""alloc_commands.py FAULTY GOOD SAMPLES|all — every command that reads or changes a review,
run as a user runs it with its Nth allocation failing (FAULTY is crossfoot built with
tests/drills/fault_env.c: CF_FAIL_ALLOC=N), under the sanitizers.

For each command, a first run counts its allocations; then N takes the first five, the last and
SAMPLES - 2 spread at random over the rest (the seed is printed) or, with `all`, every one.
Each run must end cleanly: exit 0, or exit 2 with "out of memory" on stderr; no sanitizer report
(no leak, no double free, no crash); no temporary file left. Then the reviewer's files:
- a command that only reads (check, every export) leaves the report, review and journal
  byte for byte as they were;
- a command that changes the review (open with journal replay, apply, extract, the workbench's
  edits) leaves either the files as they were, or a review that the GOOD binary opens, replays
  and saves, holding every change the run acknowledged (apply's `ok N`) and no value the run was
  not given.
"""
import json, os, random, shutil, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

faulty, good, samples = sys.argv[1], sys.argv[2], sys.argv[3]
faulty, good = os.path.abspath(faulty), os.path.abspath(good)
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = os.path.join(ROOT, "tests", "fixtures", "seeds", "002_b895455aa8998ba0.txt")
REVIEW = "report.txt.review.yaml"
JOURNAL = REVIEW + ".journal"
SAN_ENV = {"ASAN_OPTIONS": "detect_leaks=1:exitcode=97", "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1",
           "LANGUAGE": "en", "LC_ALL": "C.UTF-8"}

# the saved review of setup(): these cells get these values from the commands drilled
APPLY_EDITS = [("requests.results_total.natural", "2"), ("requests.new.total", "31")]
WORKBENCH_VALUES = ["7", "8"]
CONFIG_REVIEWER = "配置审核"  # the reviewer the config file names, for apply without --reviewer
CELLS_BEFORE = {}  # the cells of the saved review, before any command drilled


def run(binary, args, cwd, stdin=None, extra=None):
    env = dict(os.environ, **SAN_ENV, **(extra or {}))
    return subprocess.run([binary] + args, cwd=cwd, input=stdin, capture_output=True, text=True, env=env,
                          timeout=120)


def good_run(args, cwd, stdin=None):
    out = run(good, args, cwd, stdin)
    if out.returncode != 0:
        raise SystemExit(f"setup: crossfoot {' '.join(args)} failed: {out.stderr.strip()}")
    return out


def cells(cwd):
    return json.loads(good_run(["export", REVIEW, "--format", "json"], cwd).stdout)["cells"]


def setup(folder, journal):
    """A reviewed seed 002: extracted, one saved apply session; with journal, a second session
    left unsaved in the journal (what open replays)."""
    os.makedirs(folder)
    shutil.copy(SEED, os.path.join(folder, "report.txt"))
    good_run(["extract", "report.txt", "--reviewer", "甲"], folder)
    good_run(["apply", REVIEW, "--reviewer", "甲"], folder,
             "set requests.carry_forward.natural 4 补录\nnote requests.new.natural 待核实\nsave\n")
    if journal:
        good_run(["apply", REVIEW, "--reviewer", "乙"], folder, "confirm requests.new.natural\nundo\nredo\n")


def workbench_keys(values):
    keys = ["1g0"] + [f"e<C-u>{v}<Enter>\nj" for v in values] + ["<C-s>", "q"]
    return "\n".join(keys) + "\n"


# name, needs a journal, arguments, standard input, changes the review
COMMANDS = [
    ("check", False, ["check", "--json", "report.txt"], None, False),
    ("open+replay", True, ["apply", REVIEW, "--reviewer", "丙"], "save\n", True),
    ("apply", False, ["apply", REVIEW, "--reviewer", "丙"],
     "".join(f"set {c} {v} 核对原件\n" for c, v in APPLY_EDITS) + "note requests.new.total 已核\nsave\n", True),
    ("apply, reviewer from the config", False, ["apply", REVIEW], "set requests.new.total 31\nsave\n", True),
    ("extract", False, ["extract", "report.txt", "-o", "fresh.yaml", "--reviewer", "丙"], None, True),
    ("workbench", True, ["review", REVIEW, "--script", "keys", "--reviewer", "丙", "--size", "100x30"], None, True),
] + [(f"export {f}", True, ["export", REVIEW, "--format", f, "-o", f"out.{f}"], None, False)
     for f in ("json", "csv", "md", "xlsx")]


def snapshot(folder):
    files = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            files[name] = f.read()
    return files


def one_run(template, command, n, base):
    """Problems of one run of command with its nth allocation failing (n None: none fails);
    (problems, allocations made)."""
    name, _, args, stdin, changes = command
    work = tempfile.mkdtemp(dir=base)
    shutil.rmtree(work)
    shutil.copytree(template, work)
    if name == "workbench":
        with open(os.path.join(work, "keys"), "w") as f:
            f.write(workbench_keys(WORKBENCH_VALUES))
    before = snapshot(work)
    count_file = os.path.join(work, "..", os.path.basename(work) + ".count")
    out = run(faulty, args, work, stdin, {"CF_FAIL_ALLOC": str(n or 10**12), "CF_FAIL_ALLOC_COUNT": count_file,
                                          "XDG_CONFIG_HOME": os.path.join(base, "config")})
    try:
        with open(count_file) as f:
            made = int(f.read())
        os.unlink(count_file)
    except (OSError, ValueError):
        made = None
    where = f"{name}, allocation {n}" if n else f"{name}, no allocation failing"
    problems = []
    if "Sanitizer" in out.stderr or "runtime error:" in out.stderr or out.returncode in (97, -6, 134) \
            or out.returncode < 0:
        problems.append(f"{where}: crashed or leaked (exit {out.returncode}): {out.stderr.strip()[-1500:]}")
    elif out.returncode not in (0, 1, 2):
        problems.append(f"{where}: exit {out.returncode}: {out.stderr.strip()[:300]}")
    elif made is None:
        problems.append(f"{where}: the count of allocations was not written (exit {out.returncode})")
    failed = n is not None and made is not None and made >= n
    expected_exit = (1,) if name == "check" else (0,)  # seed 002 has broken rules
    if not problems and not failed and out.returncode not in expected_exit:
        problems.append(f"{where}: no allocation failed, yet exit {out.returncode}: {out.stderr.strip()[:300]}")
    if not problems and failed and out.returncode != 0 and "out of memory" not in out.stderr:
        problems.append(f"{where}: exit {out.returncode} without saying memory ran out: {out.stderr.strip()[:300]}")
    left = [f for f in os.listdir(work) if ".tmp." in f or f.endswith(".lock")]
    if left:
        problems.append(f"{where}: left behind: {', '.join(left)}")
    after = snapshot(work)
    kept = {k: v for k, v in after.items() if k in before}
    if not problems and not changes:
        if kept != before or (failed and out.returncode != 0 and len(after) != len(before)):
            problems.append(f"{where}: the reviewer's files changed, or a partial output was left: "
                            f"{sorted(set(after) ^ set(before)) or [k for k in before if before[k] != after.get(k)]}")
    elif not problems:
        problems += check_changed(work, name, out, before, after, where)
    shutil.rmtree(work, ignore_errors=True)
    return problems, made


def check_changed(work, name, out, before, after, where):
    """A command that changes the review: files as they were, or a review the good binary opens,
    replays and saves, holding every acknowledged change and nothing it was not given."""
    if name == "extract":
        if "fresh.yaml" in after:
            got = run(good, ["export", "fresh.yaml", "--format", "json"], work)
            if got.returncode != 0:
                return [f"{where}: extract left a review that does not open: {got.stderr.strip()[:300]}"]
        return [] if {k: after[k] for k in before} == before else [f"{where}: extract changed the existing files"]
    if after == before:
        return []
    reopened = run(good, ["apply", REVIEW, "--reviewer", "丁"], work, "save\n")
    if reopened.returncode != 0:
        return [f"{where}: the review does not reopen: {reopened.stderr.strip()[:300]}"]
    now = cells(work)
    problems = []
    with open(os.path.join(work, REVIEW), encoding="utf-8") as f:
        signed = f"who: {CONFIG_REVIEWER}" in f.read()
    if name == "apply, reviewer from the config" and now["requests.new.total"] == 31 and not signed:
        problems.append(f"{where}: the change is not signed by the config file's reviewer {CONFIG_REVIEWER}")
    if name == "apply":
        acked = {int(l.split()[1]) for l in out.stdout.splitlines() if l.startswith("ok ")}
        for i, (cell, value) in enumerate(APPLY_EDITS, 1):
            if i in acked and str(now[cell]) != value:
                problems.append(f"{where}: acknowledged edit {i} ({cell} = {value}) lost: the file has {now[cell]}")
    given = {"apply": [v for _, v in APPLY_EDITS], "apply, reviewer from the config": ["31"],
             "workbench": WORKBENCH_VALUES}.get(name, [])
    strange = [f"{c} = {v}" for c, v in now.items() if v != CELLS_BEFORE[c] and str(v) not in given]
    if strange:
        problems.append(f"{where}: values nobody gave: {', '.join(strange[:5])}")
    return problems


def main():
    seed = int(os.environ.get("ALLOC_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    base = tempfile.mkdtemp(prefix="cf-alloc-", dir=shm)
    failures = []
    try:
        templates = {j: os.path.join(base, f"template-{j}") for j in (False, True)}
        for j, folder in templates.items():
            setup(folder, j)
        os.makedirs(os.path.join(base, "config", "crossfoot"))
        with open(os.path.join(base, "config", "crossfoot", "config"), "w") as f:
            f.write(f"reviewer: {CONFIG_REVIEWER}\n")
        CELLS_BEFORE.update(cells(templates[False]))
        summary = []
        with ThreadPoolExecutor(max_workers=2) as pool:
            for command in COMMANDS:
                template = templates[command[1]]
                problems, total = one_run(template, command, None, base)
                failures += problems
                if total is None:
                    continue
                if samples == "all" or total <= int(samples):
                    ns = list(range(1, total + 1))
                else:
                    k = int(samples)
                    # the first allocations always (the start: the config, the reviewer), the last, and a spread
                    ns = sorted(set(range(1, 6)) | {total} | set(rng.sample(range(6, total), k - 2)))
                for problems, _ in pool.map(lambda n: one_run(template, command, n, base), ns):
                    failures += problems
                summary.append(f"{command[0]} {len(ns)}/{total}")
        for p in failures[:20]:
            print(p, flush=True)
        print(f"allocation drill (seed {seed}): allocations failed / made — {', '.join(summary)}; "
              f"{len(failures)} problem(s)")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    sys.exit(1 if failures else 0)


main()
