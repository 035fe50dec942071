# SPDX-License-Identifier: GPL-3.0-or-later
# commands.sh — one command table: every command's --help, the one option parser
# (--opt V, --opt=V, -oV, --), "did you mean", the man pages.

begin "crossfoot chekc suggests check, and runs nothing"
cf chekc "$S000"
status 2
stderr_has "did you mean \`check\`?"
stdout_empty
cf exprot
status 2
stderr_has "did you mean \`export\`?"
cf --lang zh chekc
stderr_has "您是否想用 \`check\`？"
end

begin "every command explains itself with --help on stdout and exit 0, and help CMD says the same"
for c in review check extract export apply help; do
  cf "$c" --help
  status 0
  stdout_has "usage: crossfoot $c "
  stdout_has "--lang zh|en"
  stderr_empty
  cp "$OUT" "$TMP/help-$c"
  cf help "$c"
  cmp -s "$OUT" "$TMP/help-$c" || no "crossfoot help $c differs from crossfoot $c --help"
done
cf extract --help
stdout_has "-o, --output REVIEW.yaml"
stdout_has "--template FILE"
cf --help
status 0
for c in review check extract export apply; do stdout_has "  $c "; done
cf help nosuch
status 2
stderr_has "no command 'nosuch'"
end

begin "--template=F, --template F and the options after the operand work alike for every command that takes it"
cp "$S002" "$TMP/tpl.txt"
cf check --template=core/templates/gov-2019.yaml "$TMP/tpl.txt"
status 1
stdout_has "2019年版格式"
cf check "$TMP/tpl.txt" --template core/templates/gov-2019.yaml
status 1
stdout_has "2019年版格式"
cf extract --template=core/templates/gov-2019.yaml "$TMP/tpl.txt" -o"$TMP/tpl.yaml"
status 0
grep -q "gov-2019" "$TMP/tpl.yaml" || no "extract --template= did not use the template"
printf 'q\n' >"$TMP/q.keys"
cf review --template=core/templates/gov-2019.yaml --script="$TMP/q.keys" --size=100x30 "$TMP/tpl.txt" --screen "$TMP/tpl.screen"
status 0
grep -q "2019年版格式" "$TMP/tpl.screen" || no "review --template= did not open with the template"
cf check --json=yes "$S000"
status 2
stderr_has "'--json' takes no value"
cf check --jobs=2 -j1 -- "$S000"
status 0
end

begin "review --theme with a theme that cannot be had: a clear error before the screen, exit 2"
printf 'q\n' >"$TMP/q.keys"
cp "$S002" "$TMP/theme.txt"
cf review --theme nosuch --script "$TMP/q.keys" "$TMP/theme.txt"
status 2
stderr_has "crossfoot: --theme nosuch: no theme 'nosuch'"
cf --lang zh review --theme "$TMP/nosuch.yaml" --script "$TMP/q.keys" "$TMP/theme.txt"
status 2
stderr_has "无法打开配色文件"
cf review --theme=mono --script "$TMP/q.keys" "$TMP/theme.txt"
status 0
end

begin "the man pages come from the command table, in English and in Chinese"
cf help --man
status 0
for c in review check extract export apply; do stdout_has ".SS $c"; done
stdout_has '\-\-template FILE'
stdout_has ".SH EXIT STATUS"
cf --lang zh help --man
stdout_has ".SH 退出状态"
stdout_has ".SS check"
end
