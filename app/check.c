/* check.c — `crossfoot check`: extract, evaluate the rules, report per file. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "cli.h"
#include "extract.h"
#include "report_json.h"
#include "rules.h"
#include "template.h"
#include "text.h"
#include "utf8.h"

typedef struct {
    bool json;
    const char *template_path;
} check_options;

/* Text from a report or a file name, made safe for a terminal: control characters (ESC and
 * the C1 set among them) are shown as \xNN or \uNNNN instead of being obeyed, and bytes that
 * are not UTF-8 as U+FFFD. */
static void put_safe(FILE *out, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            fputs("\xEF\xBF\xBD", out); /* a byte that is not UTF-8 (a file name, a cut message) */
            i++;
        } else if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F)) {
            fprintf(out, cp < 0x80 ? "\\x%02X" : "\\u%04X", (unsigned)cp);
            i += n;
        } else {
            fwrite(u + i, 1, n, out);
            i += n;
        }
    }
}

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

/* "  broken   ID (lines …)\n           explanation\n" */
static void print_rule(FILE *out, const char *tag, const cf_template *tpl, size_t i, const cf_cell *cells,
                       const cf_rule_result *result)
{
    const cf_rule_def *def = cf_template_rule(tpl, i);
    char *msg = cf_rule_explain(tpl, i, cells, result);
    fprintf(out, "  %-8s ", tag);
    put_safe(out, def->id);
    print_rule_lines(out, def, cells);
    fputs("\n           ", out);
    put_safe(out, msg ? msg : "(out of memory)");
    fputc('\n', out);
    cf_free(msg);
}

static void print_human(FILE *out, const cf_report *report, const cf_rule_result *results, const char *file)
{
    const cf_template *tpl = cf_report_template(report);
    const cf_cell *cells = cf_report_cells(report);
    put_safe(out, file);
    fputs(": ", out);
    put_safe(out, cf_template_id(tpl));
    fputs(" (", out);
    put_safe(out, cf_template_name(tpl));
    fprintf(out, "), %s\n", cf_text_encoding(cf_report_text(report)));
    size_t failed = 0, unchecked = 0, missing = 0;
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++) {
        if (results[i].status != CF_RULE_FAIL)
            continue;
        failed++;
        print_rule(out, "broken", tpl, i, cells, &results[i]);
    }
    /* A rule whose cells all hold numbers but whose sum is too large to hold: nothing else
     * on the screen would say why it was not checked. */
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++) {
        if (results[i].status != CF_RULE_UNASSESSABLE)
            continue;
        unchecked++;
        if (results[i].overflow)
            print_rule(out, "unchecked", tpl, i, cells, &results[i]);
    }
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
        fputs("  missing  ", out);
        put_safe(out, cf_template_cell(tpl, i)->id);
        fputs("  ", out);
        put_safe(out, label);
        fprintf(out, ": %s", what);
        if (c->line || c->label_line)
            fprintf(out, " (line %zu)", c->line ? c->line : c->label_line);
        fputc('\n', out);
    }
    for (size_t i = 0; i < cf_report_warning_count(report); i++) {
        const cf_warning *w = cf_report_warning(report, i);
        fputs("  warning  ", out);
        if (w->line)
            fprintf(out, "line %zu: ", w->line);
        put_safe(out, w->message);
        fputc('\n', out);
    }
    bool passed = failed == 0 && missing == 0 && unchecked == 0;
    fprintf(out, "  %s: %zu broken rule%s, %zu missing cell%s, %zu rule%s not checkable, %zu warning%s\n",
            passed ? "PASS" : "FAIL", failed, failed == 1 ? "" : "s", missing, missing == 1 ? "" : "s",
            unchecked, unchecked == 1 ? "" : "s", cf_report_warning_count(report),
            cf_report_warning_count(report) == 1 ? "" : "s");
}

/* "path[:line[:column]]: message" with the whole path: cf_error keeps only the first 511 bytes
 * of a file name, and a long path cut there loses the very name the user needs. path is the
 * file the error is about; when err names another, err is formatted as it is. Caller frees;
 * NULL when out of memory. */
static char *error_text(const char *path, const cf_error *err)
{
    cf_buf b;
    cf_buf_init(&b);
    bool ok;
    if (path && err->file[0] && strncmp(err->file, path, strlen(err->file)) == 0) {
        ok = cf_buf_puts(&b, path);
        if (ok && err->line > 0)
            ok = cf_buf_printf(&b, ":%ld", err->line);
        if (ok && err->line > 0 && err->column > 0)
            ok = cf_buf_printf(&b, ":%ld", err->column);
        ok = ok && cf_buf_printf(&b, ": %s", err->message);
    } else {
        char msg[1200];
        cf_error_format(err, msg, sizeof msg);
        ok = cf_buf_puts(&b, msg);
    }
    if (!ok) {
        cf_buf_release(&b);
        return NULL;
    }
    return cf_buf_take(&b);
}

/* "crossfoot: MESSAGE" on stderr, the message made safe for a terminal. */
static void print_error(const char *path, const cf_error *err)
{
    char *text = error_text(path, err);
    fputs("crossfoot: ", stderr);
    put_safe(stderr, text ? text : err->message);
    fputc('\n', stderr);
    cf_free(text);
}

/* s in valid UTF-8, for a JSON record (JSON text is UTF-8): a file name that is not (a Latin-1
 * name, say) or a message cut inside a character has each stray byte replaced by U+FFFD
 * rather than making the whole line unreadable. Returns s itself when it is valid, else a
 * copy the caller frees (free_repaired); NULL when out of memory. */
static char *repair_utf8(const char *s)
{
    size_t len = strlen(s), bad;
    if (cf_utf8_valid(s, len, &bad))
        return (char *)s;
    char *out = cf_malloc(len * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = cf_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
        }
    }
    out[o] = '\0';
    return out;
}

static void free_repaired(char *copy, const char *s)
{
    if (copy != s)
        cf_free(copy);
}

/* {"file": …, "error": …, "line": …} for a report that could not be read, in valid UTF-8
 * and with the whole path. Caller frees; NULL when out of memory. */
static char *error_json(const char *path, const cf_error *err)
{
    char *name = repair_utf8(path);
    char *text = error_text(path, err);
    char *msg = text ? repair_utf8(text) : NULL;
    cJSON *root = cJSON_CreateObject();
    char *out = NULL;
    if (root && name && msg && cJSON_AddStringToObject(root, "file", name) &&
        cJSON_AddStringToObject(root, "error", msg) &&
        (err->line <= 0 || cJSON_AddNumberToObject(root, "line", (double)err->line))) {
        char *printed = cJSON_PrintUnformatted(root); /* cJSON's malloc: hand back cf_malloc memory */
        out = printed ? cf_strdup(printed) : NULL;
        cJSON_free(printed);
    }
    cJSON_Delete(root);
    if (msg)
        free_repaired(msg, text);
    cf_free(text);
    if (name)
        free_repaired(name, path);
    return out;
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
            char *line = error_json(path, &err);
            puts(line ? line : "{\"error\":\"out of memory\"}");
            cf_free(line);
        }
        print_error(path, &err);
        cf_text_free(text);
        return CF_EXIT_ERROR;
    }
    const cf_template *tpl = cf_report_template(report);
    cf_rule_result *results = cf_calloc(cf_template_rule_count(tpl) + 1, sizeof *results);
    if (!results) {
        cf_error_nomem(&err, path);
        print_error(path, &err);
        cf_report_free(report);
        cf_text_free(text);
        return CF_EXIT_ERROR;
    }
    size_t failed = cf_rules_evaluate(tpl, cf_report_cells(report), results);
    /* A rule that cannot be checked (a cell missing, or a sum too large to hold) is a
     * problem too: the report does not pass, whatever the reason. */
    bool problems = failed > 0;
    for (size_t i = 0; i < cf_template_rule_count(tpl); i++)
        problems |= results[i].status == CF_RULE_UNASSESSABLE;
    for (size_t i = 0; i < cf_template_cell_count(tpl); i++)
        problems |= !cf_cell_has_value(&cf_report_cells(report)[i]);
    int status = problems ? CF_EXIT_PROBLEMS : CF_EXIT_PASS;
    if (opt->json) {
        char *name = repair_utf8(path);
        char *line = name ? cf_report_json(report, results, name) : NULL;
        free_repaired(name, path);
        /* a message cut to fit a buffer can end inside a character: repair, never print bad UTF-8 */
        char *valid = line ? repair_utf8(line) : NULL;
        if (valid != line) {
            cf_free(line);
            line = valid;
        }
        if (line) {
            puts(line);
        } else {
            cf_error_nomem(&err, path);
            print_error(path, &err);
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

static int usage_error(const char *what, const char *arg)
{
    fputs("crossfoot check: ", stderr);
    fputs(what, stderr);
    if (arg) {
        fputs(" '", stderr);
        put_safe(stderr, arg);
        fputc('\'', stderr);
    }
    fputc('\n', stderr);
    cf_usage(stderr);
    return CF_EXIT_ERROR;
}

int cf_cmd_check(int argc, char **argv)
{
    check_options opt = {0};
    /* Options may come before, between or after the reports; "--" ends them (a report
     * named "-x.txt" follows it). The reports are gathered at the front of argv. */
    int nfiles = 0;
    bool options_done = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || a[1] == '\0') {
            argv[nfiles++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (strcmp(a, "--json") == 0) {
            opt.json = true;
        } else if (strcmp(a, "--template") == 0) {
            if (i + 1 >= argc)
                return usage_error("--template needs a file", NULL);
            opt.template_path = argv[++i];
        } else if (strncmp(a, "--template=", 11) == 0) {
            if (a[11] == '\0')
                return usage_error("--template needs a file", NULL);
            opt.template_path = a + 11;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            cf_usage(stdout);
            return CF_EXIT_PASS;
        } else {
            return usage_error("unknown option", a);
        }
    }
    char **files = argv;
    if (nfiles == 0)
        return usage_error("no report given", NULL);
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
        print_error(opt.template_path, &err);
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
    /* A full disk or a closed pipe must not pass for a clean report. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "crossfoot: cannot write the results: %s\n", strerror(errno ? errno : EIO));
        return CF_EXIT_ERROR;
    }
    return worst;
}
