/* main.c — crossfoot's entry point: picks the command. */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "lang.h"

#define CF_VERSION "0.1.0"

void cf_usage(FILE *out)
{
    fputs("usage: crossfoot [review] [--theme NAME] [--mouse] [--reviewer NAME] [--force] [--previous LASTYEAR]\n"
          "                 REPORT|REVIEW.yaml\n"
          "       crossfoot check [--json] [-j N] [--previous LASTYEAR] [--template FILE] REPORT...\n"
          "       crossfoot extract [--template FILE] [--reviewer NAME] REPORT [-o REVIEW.yaml]\n"
          "       crossfoot export REVIEW.yaml --format json|csv|md|xlsx [-o FILE] [--force]\n"
          "       crossfoot apply [--reviewer NAME] [--force] REVIEW.yaml < EDITS\n"
          "       crossfoot --help | --version\n"
          "\n"
          "  review    open the workbench: the raw report beside its tables, every broken\n"
          "            or missing cell marked; press ? inside for the keys. A report\n"
          "            whose REPORT.review.yaml exists resumes that review.\n"
          "  check     extract the statistical tables of each report, check the cross-sum\n"
          "            rules (勾稽关系) and list every broken rule and missing cell.\n"
          "            --json prints one JSON object per report, one per line.\n"
          "            --template FILE reads the reports with that template instead of\n"
          "            choosing between the built-in 2019 and 2021 formats.\n"
          "            -j N checks N reports at once (default: every core); the output\n"
          "            stays in the order the reports were given.\n"
          "            --previous LASTYEAR compares with last year's report (or its review\n"
          "            file): 上年结转 against 结转下年度, 现行有效件数 against last year's.\n"
          "  extract   write the review file (annotated YAML) of a report: every cell\n"
          "            with its value, source and state, the rules, the history.\n"
          "            Default output: REPORT.review.yaml.\n"
          "  export    the audited result of a review file: JSON (check's cell ids plus\n"
          "            state and note), CSV (UTF-8 with BOM), Markdown in the national\n"
          "            layout, XLSX (one sheet a table; broken red, corrected yellow);\n"
          "            Markdown and XLSX end with the findings: broken and accepted\n"
          "            rules, corrections with who and why, notes.\n"
          "  apply     edit a review from a script, one command a line: set CELL VALUE\n"
          "            [reason], clear|revert|confirm CELL [reason], note CELL TEXT,\n"
          "            waive RULE WHY (accept a broken rule), unwaive RULE, undo, redo,\n"
          "            save. Prints 'ok N' once line N is in the journal.\n"
          "\n"
          "exit status: 0 every report passes, 1 a rule is broken or a cell is missing,\n"
          "             2 a report cannot be read or the command is misused.\n",
          out);
}

/* --lang LANG or --lang=LANG anywhere before "--" is taken out of argv (the language is set
 * before any message, whatever the command); its value is stored in *lang. Returns the new argc,
 * or -1 when --lang has no value. */
static int take_lang_option(int argc, char **argv, const char **lang)
{
    int out = 0;
    bool options = true;
    for (int i = 0; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0)
            options = false;
        if (options && strcmp(argv[i], "--lang") == 0) {
            if (i + 1 >= argc)
                return -1;
            *lang = argv[++i];
        } else if (options && strncmp(argv[i], "--lang=", 7) == 0)
            *lang = argv[i] + 7;
        else
            argv[out++] = argv[i];
    }
    argv[out] = NULL;
    return out;
}

int main(int argc, char **argv)
{
    const char *lang = NULL;
    argc = take_lang_option(argc, argv, &lang);
    cf_lang_setup(lang);
    if (argc < 0 || (lang && !cf_lang_valid(lang))) {
        fprintf(stderr, _("crossfoot: --lang takes zh (Chinese) or en (English)\n"));
        return CF_EXIT_ERROR;
    }
    if (argc < 2) {
        cf_usage(stderr);
        return CF_EXIT_ERROR;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "check") == 0)
        return cf_cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "extract") == 0)
        return cf_cmd_extract(argc - 2, argv + 2);
    if (strcmp(cmd, "export") == 0)
        return cf_cmd_export(argc - 2, argv + 2);
    if (strcmp(cmd, "apply") == 0)
        return cf_cmd_apply(argc - 2, argv + 2);
    if (strcmp(cmd, "review") == 0)
        return cf_cmd_review(argc - 2, argv + 2);
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        cf_usage(stdout);
        return CF_EXIT_PASS;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("crossfoot %s\n", CF_VERSION);
        return CF_EXIT_PASS;
    }
    /* crossfoot REPORT, and crossfoot --force REPORT: the workbench's options may come first */
    static const char *const review_options[] = {"--force", "--theme", "--mouse", "--reviewer", "--template", "--previous",
                                                 "--script", "--timings", "--screen", "--size", NULL};
    bool review_option = false;
    for (size_t i = 0; review_options[i]; i++)
        review_option |= strcmp(cmd, review_options[i]) == 0;
    if (cmd[0] != '-' || review_option)
        return cf_cmd_review(argc - 1, argv + 1);
    fprintf(stderr, _("crossfoot: unknown option '%s'\n"), cmd);
    cf_usage(stderr);
    return CF_EXIT_ERROR;
}
