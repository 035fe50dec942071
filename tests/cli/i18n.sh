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
