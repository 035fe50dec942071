#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_spdx.sh [ROOT] — every source file of crossfoot (C, headers, scripts, Makefiles, the
# built-in templates and themes) names its licence in an SPDX line near its top, so a file
# copied out of the tree still says under which terms it may be used (see LICENSE,
# debian/copyright). Prints each file that lacks it with the exact line to add; exits 1 if any.
set -euo pipefail
root=${1:-.}
cd "$root"

want='SPDX-License-Identifier: GPL-3.0-or-later'
missing=0

# Fuzz inputs, generated files and catalogs are not source files (test data under
# tests/fixtures is not matched by name; the scripts there that generate it are).
list_sources() {
    find . \( -path ./build -o -path ./.git -o -path ./tests/fuzz/regressions \
                  -o -path ./debian/crossfoot -o -path ./debian/.debhelper -o -path ./po \) -prune -o \
             -type f \( -name '*.c' -o -name '*.h' -o -name '*.S' -o -name '*.sh' -o -name '*.py' \
                        -o -name Makefile -o -name '*.mk' -o -path ./debian/rules -o -path './.ci/*' \
                        -o -path './themes/*.yaml' -o -path './core/templates/*.yaml' \) -print | sort
}

checked=0
while IFS= read -r f; do
    checked=$((checked + 1))
    # The licence line belongs in the first lines (after a #! line), where readers and tools look.
    top=$(head -n 3 "$f")
    if grep -qF "$want" <<<"$top"; then continue; fi
    case "$f" in
        *.c|*.h|*.S) line="/* $want */" where="as its first line" ;;
        *) line="# $want"
           if [ "${top:0:2}" = '#!' ]; then where="as its second line (after the #! line)"
           else where="as its first line"; fi ;;
    esac
    echo "${f#./}: no licence line; add '$line' $where" >&2
    missing=$((missing + 1))
done < <(list_sources)

if [ "$missing" -gt 0 ]; then
    echo "check_spdx: $missing source file(s) without '$want' in their first 3 lines" >&2
    exit 1
fi
echo "check_spdx: $checked source files carry '$want'"
