# SPDX-License-Identifier: GPL-3.0-or-later
# i18n.sh — the language: Chinese when the environment or --lang says zh, English otherwise,
# even on a machine where no zh_CN locale is generated (zh_TW.UTF-8 is named and never is).

begin "--lang zh speaks Chinese, --lang en English, whatever the environment"
cf --lang zh --bogus
status 2
stderr_has "未知选项“--bogus”"
LANG=zh_CN.UTF-8 cf --lang=en --bogus
status 2
stderr_has "unknown option '--bogus'"
cf --lang klingon
status 2
stderr_has "takes zh (Chinese) or en (English)"
end

begin "--lang is an option like the others, read by the one parser: anywhere before --, and it decides the language of a misuse before it"
cf check --bogus --lang zh "$S000"
status 2
stderr_has "crossfoot check: 未知选项“--bogus”"
stderr_has "用法：crossfoot check "
stdout_empty
cf chekc --lang=zh
status 2
stderr_has "您是否想用 \`check\`？"
cf check "$S000" --lang
status 2
stderr_has "crossfoot check: '--lang' needs a value"
cf check --lang=klingon "$S000"
status 2
stderr_has "crossfoot: --lang takes zh (Chinese) or en (English)"
stdout_empty
cf --lang zh check -- --lang
status 2
stderr_has "crossfoot: --lang: "
cf extract --lang zh --help
status 0
stdout_has "用法：crossfoot extract "
end

begin "the environment picks the language: LANGUAGE, LC_ALL, LC_MESSAGES, LANG in that order"
LANG=zh_CN.UTF-8 cf --bogus
stderr_has "未知选项"
LANG=zh_TW.UTF-8 cf --bogus # a locale that is not generated: still Chinese
stderr_has "未知选项"
LANG=C LANGUAGE=zh_CN:en cf --bogus # glibc alone would ignore LANGUAGE under C
stderr_has "未知选项"
LANG=zh_CN.UTF-8 LC_ALL=C.UTF-8 cf --bogus
stderr_has "unknown option"
LANG=zh_CN.UTF-8 LC_MESSAGES=en_US.UTF-8 cf --bogus
stderr_has "unknown option"
LANG=fr_FR.UTF-8 cf --bogus
stderr_has "unknown option"
end

begin "check speaks Chinese under --lang zh and LANG=zh_CN.UTF-8, English under --lang en; JSON keys stay"
cf --lang zh check "$S002"
status 1
stdout_has "  不符     第一项加第二项之和，等于第三项加第四项之和（自然人；第 54、55、78、79 行）"
stdout_has "  不符     （七）总计等于（一）至（六）各项之和（自然人；第 56–59、61–68、70–75、77、78 行）"
stdout_lacks "requests."
stdout_has "一+二 ≠ 三(七)+四 [自然人]: 2 + 0 = 2 ≠ 0 + 0 = 0"
stdout_has "  缺失     行政复议 · 结果维持: 空白（第 86 行）"
stdout_has "  建议     4 条勾稽关系不符。使全部勾稽关系相符的最小改动涉及 2 个单元格："
stdout_has "  不通过：4 条勾稽关系不符，5 个单元格缺失，1 条勾稽关系无法核对，0 条警告"
stdout_lacks "broken rules"
cp "$OUT" "$TMP/zh-check"
LANG=zh_CN.UTF-8 cf check "$S002"
cmp -s "$OUT" "$TMP/zh-check" || no "LANG=zh_CN.UTF-8 and --lang zh print different checks"
LANG=zh_CN.UTF-8 cf --lang en check "$S002"
stdout_has "  broken   items 一 plus 二 equal items 三 plus 四 (自然人, lines 54, 55, 78, 79)"
stdout_has "  broken   the total 三(七) equals the sum of 三(一) to 三(六) (自然人, lines 56–59, 61–68, 70–75, 77, 78)"
stdout_lacks "requests."
stdout_has "  missing  行政复议 · 结果维持: blank (line 86)"
stdout_has "  FAIL: 4 broken rules, 5 missing cells, 1 rule not checkable, 0 warnings"
cf --lang zh check "$S000"
status 0
stdout_has "  通过：0 条勾稽关系不符，0 个单元格缺失，0 条勾稽关系无法核对，0 条警告"
cf --lang zh check --json "$S002"
status 1
json 'd["template"] == "gov-2019" and "requests.balance.natural" in [v["rule"] for v in d["violations"]]'
cf --lang zh check "$TMP/no-such-report.txt"
status 2
stderr_has "无法"
end

begin "export opens with the title block: the report, the document's SHA-256, who, the sign-off — in the language asked for"
cp "$S002" "$TMP/title.txt"
cf extract "$TMP/title.txt"
cf --lang zh export "$TMP/title.txt.review.yaml" --format md -o -
status 0
stdout_has "- **报告机关**：攀枝花市人民防空办公室"
stdout_has "- **年度**：2019"
stdout_has "- **文件 SHA-256**：$(sha256sum "$TMP/title.txt" | cut -d' ' -f1)"
stdout_has "- **签核**：未签核"
cf --lang en export "$TMP/title.txt.review.yaml" --format csv -o -
status 0
stdout_has "Issuer,攀枝花市人民防空办公室"
stdout_has "Approval,not approved"
cf export "$TMP/title.txt.review.yaml" --format json -o -
python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["title"]; sys.exit(t["issuer"] != "攀枝花市人民防空办公室" or t["approval"]["state"] != "none")' "$OUT" ||
  no "the JSON export's title: $(head -c 600 "$OUT")"
end
