#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_install.sh ROOT PREFIX [--package] — what `make install DESTDIR=ROOT PREFIX=PREFIX`
# (or a .deb unpacked into ROOT, with --package) puts on a machine: the binary, every theme,
# every man page, and nothing else outside the package's docs; then the installed binary,
# run from another folder with no home, must read every seed exactly as its truth file says.
set -euo pipefail
root=$1 prefix=$2 package=${3:-}
src=$(cd "$(dirname "$0")/../.." && pwd)
fail=0
no() { echo "check_install: $*" >&2; fail=1; }

# path MODE: the file is there with that mode (a package may have compressed a man page).
expect() {
    local path=$1 mode=$2 f
    for f in "$root$path" "$root$path.gz"; do
        if [ -f "$f" ]; then
            [ "$(stat -c %a "$f")" = "$mode" ] || no "$path has mode $(stat -c %a "$f"), not $mode"
            echo "${f#"$root"}" >>"$listed"
            return
        fi
    done
    no "$path is not installed"
}

listed=$(mktemp)
trap 'rm -f "$listed"' EXIT
expect "$prefix/bin/crossfoot" 755
for t in "$src"/themes/*.yaml; do expect "$prefix/share/crossfoot/themes/$(basename "$t")" 644; done
# The man page in English, and the man page and the catalog of every translation.
expect "$prefix/share/man/man1/crossfoot.1" 644
for c in "$src"/po/*.po; do
    [ -e "$c" ] || continue
    lang=$(basename "$c" .po)
    expect "$prefix/share/man/$lang/man1/crossfoot.1" 644
    expect "$prefix/share/locale/$lang/LC_MESSAGES/crossfoot.mo" 644
done
if [ -n "$package" ]; then
    expect "$prefix/share/doc/crossfoot/copyright" 644
    extra=$(cd "$root" && find . -type f | sed 's/^\.//' | grep -v "^$prefix/share/doc/crossfoot/" | sort | comm -23 - <(sort "$listed") || true)
else
    extra=$(cd "$root" && find . -type f | sed 's/^\.//' | sort | comm -23 - <(sort "$listed") || true)
fi
[ -z "$extra" ] || no "unexpected files installed: $extra"

# A package is built with Debian's hardening flags, which reach the binary only if the
# Makefile honours CPPFLAGS, CFLAGS and LDFLAGS: full RELRO (-z relro -z now), PIE, the
# stack protector and fortified libc calls (-D_FORTIFY_SOURCE=2).
bin="$root$prefix/bin/crossfoot"
if [ -n "$package" ] && [ -f "$bin" ]; then
    # (read into variables first: grep -q closing the pipe early would fail it under pipefail)
    segments=$(readelf -lW "$bin") dynamic=$(readelf -dW "$bin") header=$(readelf -hW "$bin")
    symbols=$(readelf -sW --dyn-syms "$bin")
    grep -q GNU_RELRO <<<"$segments" || no "packaged binary: no RELRO segment (LDFLAGS ignored?)"
    grep -qE 'BIND_NOW|FLAGS_1.*NOW' <<<"$dynamic" || no "packaged binary: not bound now (LDFLAGS -z now ignored?)"
    grep -q 'DYN' <<<"$header" || no "packaged binary: not position-independent"
    grep -q '__stack_chk_fail' <<<"$symbols" || no "packaged binary: no stack protector (CFLAGS ignored?)"
    grep -q '__[a-z]*_chk@' <<<"$symbols" || no "packaged binary: no fortified calls (CPPFLAGS ignored?)"
fi

# The binary looks for its catalogs in the LOCALEDIR it was built with: the folder they
# were installed to (a binary built for /usr/local and installed under /usr speaks English only).
if [ -f "$bin" ] && ls "$src"/po/*.po >/dev/null 2>&1; then
    grep -qaF "$prefix/share/locale" "$bin" || no "the binary does not look for its catalogs in $prefix/share/locale"
fi

# The installed binary on its own: templates and themes are built in, so neither the
# source tree nor a home folder is needed.
if [ -x "$bin" ]; then
    status=0
    (cd / && env -u HOME -u XDG_CONFIG_HOME "$bin" check "$src/tests/fixtures/seeds/002_b895455aa8998ba0.txt" >/dev/null 2>&1) ||
        status=$?
    # Seed 002 has broken rules: exit 1, not a crash or a missing file.
    [ "$status" = 1 ] || no "installed binary: check on seed 002 exited $status, not 1"
    python3 "$src/tests/tools/score.py" "$bin" "$src/tests/fixtures/seeds" >"$listed.score" 2>&1 ||
        no "installed binary does not read the seeds as their truth files say: $(tail -n 5 "$listed.score")"
    rm -f "$listed.score"
fi

[ "$fail" = 0 ] && echo "check_install: $root$prefix holds the binary, $(ls "$src"/themes/*.yaml | wc -l) themes and the man pages and catalogs there are; the installed binary reads the seeds right"
