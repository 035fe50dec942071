/* check.c — `crossfoot check`: extract, evaluate the rules, report per file. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cli.h"
#include "extract.h"
#include "report_json.h"
#include "rules.h"
#include "template.h"
#include "text.h"

typedef struct {
    bool json;
    const char *template_path;
} check_options;

static int compare_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* " (lines 61, 62, 84)" for the cells of a rule, each line once. */
static void print_rule_lines(FILE *out, const cf_rule_def *def, const cf_cell *cells)
{
    size_t lines[256];
    size_t n = 0;
    for (int side = 0; side < 2; side++) {
        const size_t *idx = side ? def->right : def->left;
        size_t count = side ? def->right_count : def->left_count;
        for (size_t i = 0; i < count && n < 256; i++) {
            size_t line = cells[idx[i]].line ? cells[idx[i]].line : cells[idx[i]].label_line;
            if (line)
                lines[n++] = line;
        }
    }
    qsort(lines, n, sizeof *lines, compare_size);
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && lines[i] == lines[i - 1])
            continue;
        fprintf(out, "%s%zu", shown ? ", " : n > 1 ? " (lines " : " (line ", lines[i]);
        shown++;
    }
    if (shown)
        fputc(')', out);
}

static void print_human(FILE *out, const cf_report *report, const cf_rule_result *results, const char *file)
{
    const cf_template *tpl = cf_report_template(report);
    const cf_cell *cells = cf_report_cells(report);
    fprintf(out, "%s: %s (%s), %s\n", file, cf_template_id(tpl), cf_template_name(tpl),
            cf_text_encoding(cf_report_text(report)));
    size_t failed = 0, unchecked = 0, missing = 0;
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++) {
        if (results[i].status != CF_RULE_FAIL)
            continue;
        failed++;
        const cf_rule_def *def = cf_template_rule(tpl, i);
        char *msg = cf_rule_explain(tpl, i, cells, &results[i]);
        fprintf(out, "  broken   %s", def->id);
        print_rule_lines(out, def, cells);
        fprintf(out, "\n           %s\n", msg ? msg : "(out of memory)");
        cf_free(msg);
    }
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++)
        unchecked += results[i].status == CF_RULE_UNASSESSABLE;
    for (size_t i = 0; i < cf_template_cell_count(tpl); i++) {
        const cf_cell *c = &cells[i];
        if (cf_cell_has_value(c))
            continue;
        missing++;
        char label[256];
        cf_template_cell_label(tpl, i, label, sizeof label);
        const char *what = c->state == CF_CELL_NA        ? "not applicable (/)"
                           : c->state == CF_CELL_INVALID ? "not a usable number"
                           : c->line                     ? "blank"
                           : c->label_line               ? "no value after its label"
                                                         : "not found";
        fprintf(out, "  missing  %s  %s: %s", cf_template_cell(tpl, i)->id, label, what);
        if (c->line || c->label_line)
            fprintf(out, " (line %zu)", c->line ? c->line : c->label_line);
        fputc('\n', out);
    }
    for (size_t i = 0; i < cf_report_warning_count(report); i++) {
        const cf_warning *w = cf_report_warning(report, i);
        if (w->line)
            fprintf(out, "  warning  line %zu: %s\n", w->line, w->message);
        else
            fprintf(out, "  warning  %s\n", w->message);
    }
    bool passed = failed == 0 && missing == 0 && unchecked == 0;
    fprintf(out, "  %s: %zu broken rule%s, %zu missing cell%s, %zu rule%s not checkable, %zu warning%s\n",
            passed ? "PASS" : "FAIL", failed, failed == 1 ? "" : "s", missing, missing == 1 ? "" : "s",
            unchecked, unchecked == 1 ? "" : "s", cf_report_warning_count(report),
            cf_report_warning_count(report) == 1 ? "" : "s");
}

/* Check one file; returns its exit status. */
static int check_file(const char *path, cf_template *const *tpls, size_t ntpls, const check_options *opt)
{
    cf_error err;
    cf_error_clear(&err);
    cf_text *text = NULL;
    cf_report *report = NULL;
    cf_status st = cf_text_load(path, &text, &err);
    if (st == CF_OK)
        st = cf_extract(text, tpls, ntpls, &report, &err);
    if (st != CF_OK) {
        if (opt->json) {
            char *line = cf_error_json(path, &err);
            puts(line ? line : "{\"error\":\"out of memory\"}");
            cf_free(line);
        }
        char msg[1200];
        cf_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "crossfoot: %s\n", msg);
        cf_text_free(text);
        return CF_EXIT_ERROR;
    }
    const cf_template *tpl = cf_report_template(report);
    cf_rule_result *results = cf_calloc(cf_template_rule_count(tpl) + 1, sizeof *results);
    if (!results) {
        fprintf(stderr, "crossfoot: %s: out of memory\n", path);
        cf_report_free(report);
        cf_text_free(text);
        return CF_EXIT_ERROR;
    }
    size_t failed = cf_rules_evaluate(tpl, cf_report_cells(report), results);
    bool problems = failed > 0;
    for (size_t i = 0; i < cf_template_cell_count(tpl); i++)
        problems |= !cf_cell_has_value(&cf_report_cells(report)[i]);
    int status = problems ? CF_EXIT_PROBLEMS : CF_EXIT_PASS;
    if (opt->json) {
        char *line = cf_report_json(report, results, path);
        if (line)
            puts(line);
        else {
            fprintf(stderr, "crossfoot: %s: out of memory\n", path);
            status = CF_EXIT_ERROR;
        }
        cf_free(line);
    } else {
        print_human(stdout, report, results, path);
    }
    cf_free(results);
    cf_report_free(report);
    cf_text_free(text);
    return status;
}

int cf_cmd_check(int argc, char **argv)
{
    check_options opt = {0};
    int first_file = argc;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            opt.json = true;
        } else if (strcmp(argv[i], "--template") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "crossfoot check: --template needs a file\n");
                return CF_EXIT_ERROR;
            }
            opt.template_path = argv[++i];
        } else if (strcmp(argv[i], "--") == 0) {
            first_file = i + 1;
            break;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "crossfoot check: unknown option '%s'\n", argv[i]);
            cf_usage(stderr);
            return CF_EXIT_ERROR;
        } else {
            first_file = i;
            break;
        }
    }
    /* options may also follow the files */
    int nfiles = 0;
    char **files = argv + first_file;
    for (int i = first_file; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            opt.json = true;
        else if (strcmp(argv[i], "--template") == 0 && i + 1 < argc)
            opt.template_path = argv[++i];
        else
            files[nfiles++] = argv[i];
    }
    if (nfiles == 0) {
        fprintf(stderr, "crossfoot check: no report given\n");
        cf_usage(stderr);
        return CF_EXIT_ERROR;
    }
    cf_error err;
    cf_error_clear(&err);
    cf_template **tpls = NULL;
    size_t ntpls = 0;
    cf_status st;
    if (opt.template_path) {
        tpls = cf_calloc(1, sizeof *tpls);
        st = tpls ? cf_template_load(opt.template_path, &tpls[0], &err) : cf_error_nomem(&err, opt.template_path);
        ntpls = st == CF_OK ? 1 : 0;
    } else {
        st = cf_template_load_builtin(&tpls, &ntpls, &err);
    }
    if (st != CF_OK) {
        char msg[1200];
        cf_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "crossfoot: %s\n", msg);
        cf_free(tpls);
        return CF_EXIT_ERROR;
    }
    int worst = CF_EXIT_PASS;
    for (int i = 0; i < nfiles; i++) {
        int status = check_file(files[i], tpls, ntpls, &opt);
        if (status > worst)
            worst = status;
        fflush(stdout);
    }
    for (size_t i = 0; i < ntpls; i++)
        cf_template_free(tpls[i]);
    cf_free(tpls);
    return worst;
}
