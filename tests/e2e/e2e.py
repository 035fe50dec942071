# SPDX-License-Identifier: GPL-3.0-or-later
"""e2e.py — drive the real workbench in a private tmux server, as a person would.

Each test gets its own tmux socket (-L, -f /dev/null: no user config), a fixed terminal
size and a temporary directory; both are removed when the test ends, however it ends.
Output is never waited for with a bare sleep: wait_for polls capture-pane until the
marker is on a screen that holds still, and fails with the last screen after a timeout.
The program runs as `sh -c 'crossfoot …; echo EXIT=$?'` in a pane that outlives it, so
its exit status, and any sanitizer report, can be read at the end.
"""
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")
SEED_002 = os.path.join(SEEDS, "002_b895455aa8998ba0.txt")
CROSSFOOT = os.path.abspath(os.path.join(ROOT, os.environ.get("CROSSFOOT", "build/san/crossfoot")))
TIMEOUT = float(os.environ.get("E2E_TIMEOUT", "10"))
# run from inside tmux or not, the tests talk only to their own servers
TMUX_ENV = {k: v for k, v in os.environ.items() if k != "TMUX"}


# the detail line: the cell's table, row and column labels, then its value
DETAIL = re.compile(r"^ (表\S+ .+?) = ")


class Failure(Exception):
    pass


def width(s):
    """Display columns of s as a terminal shows it (CJK wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in s)


def columns(line, start, end=None):
    """The part of a screen line between display columns start and end."""
    out, col = [], 0
    for ch in line:
        w = width(ch)
        if col >= start and (end is None or col + w <= end):
            out.append(ch)
        col += w
    return "".join(out)


class Workbench:
    """One test's terminal: a private tmux server running crossfoot in a temp dir."""

    def __init__(self, name, cols=140, rows=40):
        self.name = "cf-e2e-%s-%d" % (name, os.getpid())
        self.starts = 0
        self.dir = tempfile.mkdtemp(prefix="cf-e2e-%s-" % name)
        self.size = self.cols, self.rows = cols, rows
        self.running = False
        self.socket = self.name
        self.last = ""

    # ---------- the tmux server ----------

    def tmux(self, *args, check=True):
        r = subprocess.run(["tmux", "-u", "-L", self.socket, "-f", "/dev/null", *args], env=TMUX_ENV,
                           capture_output=True, text=True, timeout=TIMEOUT)
        if check and r.returncode != 0:
            raise Failure("tmux %s: %s" % (" ".join(args), r.stderr.strip()))
        return r.stdout

    def copy_seed(self, seed=SEED_002, name="report.txt", edit=None):
        """A copy of a seed report in the temp dir (edit: bytes -> bytes); returns its path."""
        with open(seed, "rb") as f:
            data = f.read()
        if edit:
            data = edit(data)
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def start(self, report, env=None, args=()):
        """Open the workbench: crossfoot REPORT ARGS… The shell prints EXIT=status when it ends, and the
        pane stays (remain-on-exit) so the exit status and any sanitizer report can be read."""
        self.close()
        # a new server each time: the last one may still be going away from its socket
        self.starts += 1
        self.socket = "%s-%d" % (self.name, self.starts)
        self.cols, self.rows = self.size
        home = os.path.join(self.dir, "home")
        os.makedirs(home, exist_ok=True)
        # TERM: what tmux emulates, so keys such as Home arrive as the sequences terminfo names
        environment = {
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "screen-256color",
            "HOME": home, "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "detect_leaks=1"),
            "UBSAN_OPTIONS": os.environ.get("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1"),
        }
        environment.update(env or {})
        program = " ".join(shlex.quote(a) for a in [CROSSFOOT, report, *args])
        shell = "%s; echo \"EXIT=$?\"" % program
        command = "cd %s && exec env -u NO_COLOR %s sh -c %s" % (
            shlex.quote(self.dir),
            " ".join("%s=%s" % (k, shlex.quote(v)) for k, v in environment.items()),
            shlex.quote(shell))
        self.running = True
        self.tmux("new-session", "-d", "-s", "t", "-x", str(self.cols), "-y", str(self.rows), command,
                  ";", "set-option", "-g", "remain-on-exit", "on",
                  ";", "set-option", "-g", "history-limit", "5000")

    def close(self):
        if self.running:
            self.tmux("kill-server", check=False)
            self.running = False
            # tmux leaves its socket file behind
            try:
                tmpdir = os.environ.get("TMUX_TMPDIR", "/tmp")
                os.unlink(os.path.join(tmpdir, "tmux-%d" % os.getuid(), self.socket))
            except FileNotFoundError:
                pass

    # ---------- looking and typing ----------

    def screen(self, escapes=False):
        self.last = self.tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "t")
        return self.last

    def lines(self):
        return self.screen().split("\n")

    def wait_for(self, marker, what=None, timeout=None, look=None):
        """Poll the screen until marker (a string, a compiled regex or a function of the
        screen) is there and the screen holds still; returns the screen. Fails with the last
        screen on timeout. look: what to poll instead of the screen."""
        look = look or self.screen
        if isinstance(marker, str):
            found = lambda s: marker in s
        elif isinstance(marker, re.Pattern):
            found = lambda s: marker.search(s) is not None
        else:
            found = marker
        deadline = time.monotonic() + (timeout or TIMEOUT)
        died = None
        while True:
            s = look()
            # tmux may show a frame half drawn: the marker counts once the screen holds still
            if found(s):
                time.sleep(0.03)
                if look() == s:
                    return s
                continue
            # tmux may mark the pane dead before it has shown the last output: look a while longer
            if died is None and self.dead():
                died = time.monotonic()
            if died is not None and time.monotonic() > died + 1:
                raise Failure("the program ended while waiting for %s\n%s" % (what or repr(marker), self.history()))
            if time.monotonic() > deadline:
                raise Failure("timed out waiting for %s; the screen:\n%s" % (what or repr(marker), s))
            time.sleep(0.05)

    def bottom(self, screen):
        """The terminal's last line: the status bar, or a prompt or question in its place."""
        return screen.split("\n")[self.rows - 1]

    def wait_prompt(self, text):
        """Wait for a prompt (or question) beginning with text on the bottom line (tmux drops
        the spaces that end a line, so a prompt's own trailing space is not looked for)."""
        text = text.rstrip()
        return self.wait_for(lambda s: self.bottom(s).startswith(text), "the prompt %r on the bottom line" % text)

    def wait_gone(self, marker, what=None):
        return self.wait_for(lambda s: marker not in s, what or "%r to go away" % marker)

    def keys(self, *keys):
        """tmux key names: 'e', 'Enter', 'C-u', 'Escape', ']'."""
        self.tmux("send-keys", "-t", "t", *keys)

    def type(self, text):
        """Literal text (Chinese included), as an input method would deliver it."""
        self.tmux("send-keys", "-t", "t", "-l", "--", text)

    def command(self, text):
        """Run :text (an action by name, with its argument) from the command prompt."""
        self.keys(":")
        self.wait_prompt(":")
        self.type(text)
        self.keys("Enter")

    def resize(self, cols, rows):
        self.tmux("resize-window", "-t", "t", "-x", str(cols), "-y", str(rows))
        self.cols, self.rows = cols, rows

    def dead(self):
        return self.tmux("display-message", "-p", "-t", "t", "#{pane_dead}", check=False).strip() == "1"

    def pane_title(self):
        return self.tmux("display-message", "-p", "-t", "t", "#{pane_title}").strip()

    def cursor(self):
        x, y = self.tmux("display-message", "-p", "-t", "t", "#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def history(self):
        """The whole pane with its scrollback (a sanitizer report scrolls past the screen), wrapped
        lines joined."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "t", check=False)

    def expect_exit(self, status=0):
        """Wait for the program to end and check its exit status (a sanitizer abort is not 0)."""
        # the shell's line may scroll off the screen when tmux adds "Pane is dead"
        s = self.wait_for(re.compile(r"EXIT=\d+"), "the program to exit", look=self.history)
        got = int(re.search(r"EXIT=(\d+)", s).group(1))
        if got != status:
            raise Failure("exit status %d, expected %d; the pane:\n%s" % (got, status, self.history()))
        return s

    # ---------- the workbench's parts ----------

    def status(self):
        """The status bar: the last non-empty line while the workbench runs. A resize may show
        tmux's pane blank for a moment (the old screen cleared, the new one not yet drawn):
        wait for a line to come back rather than fail on an empty pane."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            shown = [l for l in self.lines() if l.strip()]
            if shown:
                return shown[-1]
            if time.monotonic() > deadline:
                raise Failure("the pane stayed blank for %g s" % TIMEOUT)
            time.sleep(0.05)

    def detail(self):
        """The detail line naming the cell under the cursor: it starts with the cell's name as a
        person reads it, "表三 (七)总计 · 自然人 = …" (ids are for files, never on screen)."""
        for line in self.lines():
            if DETAIL.match(line):
                return line
        raise Failure("no detail line on screen:\n%s" % self.last)

    def cell_name(self):
        """The cursor's cell as the detail line names it: "表三 (七)总计 · 自然人"."""
        return DETAIL.match(self.detail()).group(1)

    def wait_cell(self, name, what=None):
        """Wait for the cursor to be on the cell named name ("表三 (七)总计 · 自然人"), or, when name
        ends with " · ", on any cell of that row."""
        def there(screen):
            line = next((l for l in screen.split("\n") if DETAIL.match(l)), None)
            got = DETAIL.match(line).group(1) if line else None
            return got is not None and (got.startswith(name) if name.endswith(" · ") else got == name)
        return self.wait_for(there, what or "the cursor on " + name)

    def table_pane(self):
        """The table pane's lines (right of the raw pane, or below it when stacked)."""
        raw_w = self.cols * 2 // 5
        if self.cols < 100:
            return self.lines()
        return [columns(l, raw_w + 1) for l in self.lines()]

    def cell(self, row_label, column_label):
        """What the table shows for a cell: its value and glyphs, e.g. '0!' or '2*+'. The cell
        spans from its column's heading to the next heading."""
        pane = self.table_pane()
        header = next((l for l in pane if l.startswith("项目")), None)
        if header is None:
            raise Failure("no table header on screen:\n%s" % self.last)
        starts = [(m.start(), m.group()) for m in re.finditer(r"\S+", header)]
        # positions in display columns, not characters
        starts = [(width(header[:i]), label) for i, label in starts[1:]]
        for k, (x, label) in enumerate(starts):
            if label == column_label:
                # a cell ends one column left of the next heading
                end = starts[k + 1][0] if k + 1 < len(starts) else None
                for line in pane:
                    if line.startswith(row_label):
                        return columns(line, x, end - 1 if end else None).strip()
                raise Failure("no row %s on screen:\n%s" % (row_label, self.last))
        raise Failure("no column %s in the header %r" % (column_label, header))


def run(test):
    """Run test(wb_factory) and report: the factory makes workbenches that are always cleaned up."""
    made = []

    def factory(name, cols=140, rows=40):
        wb = Workbench(name, cols, rows)
        made.append(wb)
        return wb

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    status = 0
    try:
        if not os.access(CROSSFOOT, os.X_OK):
            raise Failure("no binary at %s (make build/san/crossfoot, or set CROSSFOOT)" % CROSSFOOT)
        test(factory)
    except Failure as e:
        # the test's line that failed, then what the screen showed
        frames = reversed(traceback.extract_tb(e.__traceback__))
        where = next((f for f in frames if os.path.samefile(f.filename, sys.argv[0])), None)
        print("FAIL %s%s: %s" % (os.path.basename(sys.argv[0]), ":%d" % where.lineno if where else "", e))
        status = 1
    finally:
        for wb in made:
            wb.close()
            shutil.rmtree(wb.dir, ignore_errors=True)
    sys.exit(status)


def check(condition, message, wb=None):
    if not condition:
        raise Failure(message + ("; the screen:\n" + wb.last if wb else ""))
