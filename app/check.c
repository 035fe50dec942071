/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c — `crossfoot check`: extract, evaluate the rules, report per file. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "assess.h"
#include "buf.h"
#include "cli.h"
#include "decimal.h"
#include "document.h"
#include "termsafe.h"
#include "extract.h"
#include "i18n.h"
#include "lang.h"
#include "report_json.h"
#include "review.h"
#include "template.h"
#include "text.h"
#include "utf8.h"

/* A finding's tag ("broken", "缺失") with the spaces that pad it to one column width in any
 * language, worked out once per run: a tag starts every finding. */
typedef struct {
    const char *word;
    size_t len, pad;
} finding_tag;

/* The words of the text output, translated once per run: gettext costs more than a line's
 * formatting, and a report prints a hundred of them. */
typedef struct {
    finding_tag broken, unchecked, only_zero, missing, suspect, warning, note, suggest;
    const char *cross_year;
    const char *not_applicable, *not_usable, *blank, *no_value, *not_found, *left_out, *at_line, *line_prefix,
        *list_separator;
    const char *rule_heading[CF_TEMPLATE_MAX_TERMS + 1]; /* "%s (%s, lines %s)" for each number of lines */
    cf_explain_words explain; /* the rules' explanations' (the assessment writes them) */
} check_words;

/* The tag of word: its display width (an ideograph two columns) padded to nine, or one space after. */
static finding_tag tag_of(const char *word)
{
    size_t width = 0, len = strlen(word);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = cf_utf8_decode(word + i, len - i, &cp);
        width += k && cf_is_cjk(cp) ? 2 : 1;
        i += k ? k : 1;
    }
    return (finding_tag){word, len, width < 9 ? 9 - width : 1};
}

static void check_words_init(check_words *w)
{
    *w = (check_words){
        .broken = tag_of(_("broken")), .unchecked = tag_of(_("unchecked")), .only_zero = tag_of(_("only 0")),
        .missing = tag_of(_("missing")), .suspect = tag_of(_("suspect")), .warning = tag_of(_("warning")),
        .note = tag_of(_("note")), .suggest = tag_of(_("suggest")), .cross_year = _("cross-year: "),
        .not_applicable = _("not applicable (/)"), .not_usable = _("not a usable number"), .blank = _("blank"),
        .no_value = _("no value after its label"),
        .not_found = _("not found"), .left_out = _("left out by the converter"),
        .at_line = _(" (line %zu)"), .line_prefix = _("line %zu: "),
        /* TRANSLATORS: between the numbers of a list of lines, "54, 55, 61–68" */
        .list_separator = _(", "),
    };
    for (size_t n = 1; n <= CF_TEMPLATE_MAX_TERMS; n++)
        w->rule_heading[n] = P_("%s (%s, line %s)", "%s (%s, lines %s)", n);
    cf_explain_words_init(&w->explain);
}

typedef struct {
    bool json;
    const char *template_path;
    const char *previous_path; /* last year's report or review file */
    long jobs;                 /* reports checked at once */
    const cf_year *previous;   /* loaded from previous_path */
    check_words words;         /* in the language of this run */
} check_options;

/* Text from a report or a file name, made safe for a terminal (see termsafe.h). */
static void put_safe(FILE *out, const char *s) { cf_termsafe_write(out, s, strlen(s), false); }

/* A report's text results, gathered to be written at once: a few hundred stdio calls a report
 * cost more than the formatting. failed: memory ran out, the text is incomplete. */
typedef struct {
    cf_buf b;
    bool failed;
} text_out;

static void out_puts(text_out *o, const char *s) { o->failed |= !cf_buf_puts(&o->b, s); }
static void out_safe(text_out *o, const char *s) { o->failed |= !cf_termsafe_append(&o->b, s, strlen(s), false); }

/* n written in decimal at out; returns the bytes written. printf's machinery costs more than the
 * rest of a rule's line. */
static size_t put_count(char *out, size_t n)
{
    char num[32];
    const char *digits = cf_decimal_format((cf_decimal){.coef = (int64_t)n}, num);
    size_t len = strlen(digits);
    memcpy(out, digits, len);
    return len;
}

/* The lines of a rule's cells, each once, as runs: "54, 55, 61–68" ("54、55、61–68" in
 * Chinese) into list. Returns how many lines there are. */
static size_t rule_lines(const cf_rule_def *def, const cf_cell *cells, const char *separator, char *list, size_t size)
{
    size_t lines[CF_TEMPLATE_MAX_TERMS];
    size_t n = 0;
    for (int side = 0; side < 2; side++) {
        const size_t *idx = side ? def->right : def->left;
        size_t count = side ? def->right_count : def->left_count;
        for (size_t i = 0; i < count && n < CF_TEMPLATE_MAX_TERMS; i++) {
            size_t line = cells[idx[i]].line ? cells[idx[i]].line : cells[idx[i]].label_line;
            if (!line)
                continue;
            size_t at = n++; /* sorted as they come: a rule has a few terms, mostly in order already */
            for (; at > 0 && lines[at - 1] > line; at--)
                lines[at] = lines[at - 1];
            lines[at] = line;
        }
    }
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || lines[i] != lines[distinct - 1])
            lines[distinct++] = lines[i];
    size_t used = 0, seplen = strlen(separator);
    const size_t longest = 2 * 20 + sizeof "–" + 1; /* two numbers and a dash after the separator */
    list[0] = '\0';
    for (size_t i = 0; i < distinct && used + seplen + longest < size;) {
        size_t last = i; /* a run of three or more lines reads as first–last */
        while (last + 1 < distinct && lines[last + 1] == lines[last] + 1)
            last++;
        if (i) {
            memcpy(list + used, separator, seplen);
            used += seplen;
        }
        used += put_count(list + used, lines[i]);
        if (last >= i + 2) {
            memcpy(list + used, "–", sizeof "–" - 1);
            used += sizeof "–" - 1;
            used += put_count(list + used, lines[last]);
            i = last + 1;
        } else {
            i++;
        }
        list[used] = '\0';
    }
    return distinct;
}

/* "  TAG      " : the tag of a finding, padded to one column width in any language. */
static void print_tag(text_out *out, const finding_tag *tag)
{
    /* pieces, not fprintf's "%*s": a tag starts every finding */
    static const char spaces[] = "         ";
    out->failed |= !cf_buf_append(&out->b, "  ", 2) || !cf_buf_append(&out->b, tag->word, tag->len) ||
                   !cf_buf_append(&out->b, spaces, tag->pad);
}

/* "  broken   WORDS (SCOPE, lines …)\n           explanation\n": the rule in the report's words
 * (the template's English under --lang en), the column or row it is for, where its cells are,
 * then its arithmetic in the report's numbering. */
static void print_rule(text_out *out, const check_words *words, const finding_tag *tag, const cf_template *tpl,
                       size_t i, const cf_cell *cells, const cf_assessed_rule *rule)
{
    const cf_rule_def *def = cf_template_rule(tpl, i);
    char lines[CF_TEMPLATE_MAX_TERMS * 24];
    size_t count = rule_lines(def, cells, words->list_separator, lines, sizeof lines);
    char heading[sizeof lines + 1024];
    if (count)
        snprintf(heading, sizeof heading, words->rule_heading[count],
                 cf_rule_words(def, !cf_lang_chinese()), def->scope, lines);
    else
        snprintf(heading, sizeof heading, _("%s (%s)"), cf_rule_words(def, !cf_lang_chinese()), def->scope);
    print_tag(out, tag);
    out_safe(out, heading);
    out_puts(out, "\n           ");
    out_safe(out, rule->explanation);
    out_puts(out, "\n");
}

/* "  missing  label: why (line N)"; left_out is the line of the warning that its table was left out
 * by the converter, or 0. */
static void print_missing(text_out *out, const check_words *words, const cf_template *tpl, size_t i, const cf_cell *c,
                          size_t left_out)
{
    char label[256];
    cf_template_cell_label(tpl, i, label, sizeof label);
    const char *what = words->not_found;
    size_t line = c->line ? c->line : c->label_line;
    if (c->state == CF_CELL_NA)
        what = words->not_applicable;
    else if (c->state == CF_CELL_INVALID)
        what = words->not_usable;
    else if (c->line)
        what = words->blank;
    else if (c->label_line)
        what = words->no_value;
    else if (left_out)
        what = words->left_out, line = left_out;
    print_tag(out, &words->missing);
    out_safe(out, label);
    out_puts(out, ": ");
    out_puts(out, what);
    if (line)
        out->failed |= !cf_buf_printf(&out->b, words->at_line, line);
    out_puts(out, "\n");
}

/* "  suspect  label: reason (line N)": a cell whose place was inferred. The other
 * reasons a cell is suspect are the warnings printed below, each naming its line. */
static void print_suspect(text_out *out, const check_words *words, const cf_template *tpl, const cf_suspect *s)
{
    char label[256];
    cf_template_cell_label(tpl, s->cell, label, sizeof label);
    print_tag(out, &words->suspect);
    out_safe(out, label);
    out_puts(out, ": ");
    out_safe(out, s->reason);
    if (s->line)
        out->failed |= !cf_buf_printf(&out->b, words->at_line, s->line);
    out_puts(out, "\n");
}

/* A warning or note; a cross-year one reads "cross-year: WORDS (SCOPE)" (the template's English
 * under --lang en) with the rule and the two years' numbers on the next line. */
static void print_notice(text_out *out, const check_words *words, const cf_template *tpl, const cf_notice *n)
{
    if (n->kind == CF_NOTICE_CROSS_YEAR || n->kind == CF_NOTICE_NOT_COMPARABLE) {
        const cf_rule_def *def = cf_template_cross_rule(tpl, n->source);
        char heading[1024];
        snprintf(heading, sizeof heading, _("%s (%s)"), cf_rule_words(def, !cf_lang_chinese()), def->scope);
        print_tag(out, n->kind == CF_NOTICE_CROSS_YEAR ? &words->warning : &words->note);
        out_puts(out, words->cross_year);
        out_safe(out, heading);
        out_puts(out, "\n           ");
        out_safe(out, n->message);
        out_puts(out, "\n");
        return;
    }
    print_tag(out, &words->warning);
    if (n->kind == CF_NOTICE_EXTRACTION && n->line)
        out->failed |= !cf_buf_printf(&out->b, words->line_prefix, n->line);
    out_safe(out, n->message);
    out_puts(out, "\n");
}

/* The assessment as text: broken rules, rules that hold only zeros for their missing cells,
 * sums too large to check, missing and suspect cells, warnings, the smallest fix, the verdict. */
static void print_human(text_out *out, const check_words *words, const cf_report *report, const cf_assessment *a,
                        const char *file)
{
    const cf_template *tpl = cf_report_template(report);
    const cf_cell *cells = cf_report_cells(report);
    size_t nrules = cf_template_rule_count(tpl);
    out_safe(out, file);
    out_puts(out, ": ");
    out_safe(out, cf_template_name(tpl));
    out_puts(out, ", ");
    char encoding[256];
    cf_text_describe_encoding(cf_report_text(report), encoding, sizeof encoding);
    out_puts(out, encoding);
    out_puts(out, "\n");
    for (size_t i = 0; i < nrules; i++) {
        cf_rule_outcome o = cf_assess_rule(a, i)->outcome;
        if (o == CF_OUTCOME_BROKEN || o == CF_OUTCOME_BROKEN_MISSING)
            print_rule(out, words, &words->broken, tpl, i, cells, cf_assess_rule(a, i));
    }
    /* Rules not checked that still say something: a sum too large to hold (nothing else on the
     * screen would say why), and missing counts the known values leave only 0 (a suggestion). */
    for (size_t i = 0; i < nrules; i++) {
        const cf_assessed_rule *r = cf_assess_rule(a, i);
        if (r->outcome == CF_OUTCOME_UNCHECKABLE && (r->result.overflow || r->result.forced_zero))
            print_rule(out, words, r->result.overflow ? &words->unchecked : &words->only_zero, tpl, i, cells, r);
    }
    for (size_t i = 0; i < cf_assess_missing_count(a); i++) {
        size_t cell = cf_assess_missing(a, i);
        print_missing(out, words, tpl, cell, &cells[cell],
                      cf_report_table_left_out(report, cf_template_cell(tpl, cell)->table));
    }
    for (size_t i = 0; i < cf_assess_suspect_count(a); i++)
        if (cf_assess_suspect(a, i)->kind == CF_SUSPECT_INFERRED)
            print_suspect(out, words, tpl, cf_assess_suspect(a, i));
    for (size_t i = 0; i < cf_assess_notice_count(a); i++)
        print_notice(out, words, tpl, cf_assess_notice(a, i));
    cf_assess_counts n = cf_assess_counts_of(a);
    const cf_suggestion *fix = cf_assess_fix(a);
    if (n.broken && fix->count > 0 && fix->fixes[0].changes > 0) {
        print_tag(out, &words->suggest);
        out_safe(out, fix->reasoning);
        out_puts(out, "\n");
    }
    char counts[4][64];
    snprintf(counts[0], sizeof counts[0], P_("%zu broken rule", "%zu broken rules", n.broken), n.broken);
    snprintf(counts[1], sizeof counts[1], P_("%zu missing cell", "%zu missing cells", n.missing), n.missing);
    snprintf(counts[2], sizeof counts[2], P_("%zu rule not checkable", "%zu rules not checkable", n.uncheckable),
             n.uncheckable);
    snprintf(counts[3], sizeof counts[3], P_("%zu warning", "%zu warnings", n.warnings), n.warnings);
    out->failed |= !cf_buf_printf(&out->b, _("  %s: %s, %s, %s, %s"), n.passed ? _("PASS") : _("FAIL"), counts[0],
                                  counts[1], counts[2], counts[3]);
    if (n.suspect)
        out->failed |= !cf_buf_printf(&out->b, P_(", %zu suspect cell", ", %zu suspect cells", n.suspect), n.suspect);
    out_puts(out, "\n");
}

/* "path[:line[:column]]: message" with the whole path: cf_error keeps only the first 511 bytes
 * of a file name (cut with "…"), and a long path cut there loses the very name the user needs. path is the
 * file the error is about; when err names another, err is formatted as it is. Caller frees;
 * NULL when out of memory. */
static char *error_text(const char *path, const cf_error *err)
{
    cf_buf b;
    cf_buf_init(&b);
    bool ok;
    if (cf_error_names(err, path)) {
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

/* "crossfoot: MESSAGE" on errout, the message made safe for a terminal. */
static void print_error_to(FILE *errout, const char *path, const cf_error *err)
{
    char *text = error_text(path, err);
    fputs("crossfoot: ", errout);
    put_safe(errout, text ? text : err->message);
    fputc('\n', errout);
    cf_free(text);
}

static void print_error(const char *path, const cf_error *err) { print_error_to(stderr, path, err); }

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
    cf_buf b;
    cf_buf_init(&b);
    char *out = NULL;
    if (name && msg) {
        cf_jsonw w;
        cf_jsonw_init(&w, &b, false);
        cf_jsonw_object(&w, NULL);
        cf_jsonw_string(&w, "file", name);
        cf_jsonw_string(&w, "error", msg);
        if (err->line > 0)
            cf_jsonw_count(&w, "line", (size_t)err->line);
        cf_jsonw_end(&w);
        out = cf_jsonw_ok(&w) ? cf_buf_take(&b) : NULL;
    }
    cf_buf_release(&b);
    if (msg)
        free_repaired(msg, text);
    cf_free(text);
    if (name)
        free_repaired(name, path);
    return out;
}

/* A review of this report with changes never saved: say so, since check reads the report
 * as it is and those changes are not part of it. */
static void note_journal(const char *path, FILE *errout)
{
    char *review = cf_review_default_path(path);
    cf_buf journal;
    cf_buf_init(&journal);
    struct stat st;
    if (review && cf_buf_printf(&journal, "%s.journal", review) && stat(journal.data, &st) == 0 && st.st_size > 0) {
        fputs(_("crossfoot: note: "), errout);
        put_safe(errout, journal.data);
        fputs(_(" holds changes from a review that were never saved; they are not part of this check "
                "(open the review to replay them)\n"),
              errout);
    }
    cf_buf_release(&journal);
    cf_free(review);
}

/* Check one file; returns its exit status. */
static int check_file(const char *path, cf_template *const *tpls, size_t ntpls, const check_options *opt, FILE *out,
                      FILE *errout)
{
    cf_error err;
    cf_error_clear(&err);
    cf_text *text = NULL;
    cf_report *report = NULL;
    cf_status st = cf_document_load(path, &text, &err);
    if (st == CF_OK)
        st = cf_extract(text, tpls, ntpls, &report, &err);
    if (st != CF_OK) {
        if (opt->json) {
            char *line = error_json(path, &err);
            fputs(line ? line : "{\"error\":\"out of memory\"}", out);
            fputc('\n', out);
            cf_free(line);
        }
        print_error_to(errout, path, &err);
        cf_text_free(text);
        return CF_EXIT_ERROR;
    }
    note_journal(path, errout);
    cf_assessment *assessment;
    if (cf_assess_report(report, opt->previous, &opt->words.explain, &assessment, &err) != CF_OK) {
        print_error_to(errout, path, &err);
        cf_report_free(report);
        cf_text_free(text);
        return CF_EXIT_ERROR;
    }
    int status = cf_assess_counts_of(assessment).passed ? CF_EXIT_PASS : CF_EXIT_PROBLEMS;
    if (opt->json) {
        char *name = repair_utf8(path);
        cf_buf record;
        cf_buf_init(&record);
        char *line = name && cf_report_json(report, assessment, name, &record) ? cf_buf_take(&record) : NULL;
        cf_buf_release(&record);
        free_repaired(name, path);
        /* a message cut to fit a buffer can end inside a character: repair, never print bad UTF-8 */
        char *valid = line ? repair_utf8(line) : NULL;
        if (valid != line) {
            cf_free(line);
            line = valid;
        }
        if (line) {
            fputs(line, out);
            fputc('\n', out);
        } else {
            cf_error_nomem(&err, path);
            print_error_to(errout, path, &err);
            status = CF_EXIT_ERROR;
        }
        cf_free(line);
    } else {
        text_out text_results = {.failed = false};
        cf_buf_init(&text_results.b);
        print_human(&text_results, &opt->words, report, assessment, path);
        if (!text_results.failed) {
            fwrite(text_results.b.data, 1, text_results.b.len, out);
        } else {
            cf_error_nomem(&err, path);
            print_error_to(errout, path, &err);
            status = CF_EXIT_ERROR;
        }
        cf_buf_release(&text_results.b);
    }
    cf_assessment_free(assessment);
    cf_report_free(report);
    cf_text_free(text);
    return status;
}

/* ---------- many reports at once (check -j N) ---------- */

/* One report's output, held until every report before it has been printed. */
typedef struct {
    char *out, *err; /* from open_memstream: freed with free() */
    size_t out_len, err_len;
    int status;
    bool done;
} slot;

typedef struct {
    char **files;
    size_t nfiles;
    cf_template *const *tpls;
    size_t ntpls;
    const check_options *opt;
    slot *slots;
    size_t next, printed, window; /* workers stay within window reports of the printing */
    pthread_mutex_t lock;
    pthread_cond_t changed;
} batch;

static void run_one(batch *b, size_t i)
{
    slot *s = &b->slots[i];
    FILE *out = open_memstream(&s->out, &s->out_len);
    FILE *err = open_memstream(&s->err, &s->err_len);
    if (!out || !err) {
        s->status = CF_EXIT_ERROR;
    } else {
        s->status = check_file(b->files[i], b->tpls, b->ntpls, b->opt, out, err);
        if (fflush(out) != 0 || fflush(err) != 0)
            s->status = CF_EXIT_ERROR;
    }
    if (out)
        fclose(out);
    if (err)
        fclose(err);
}

static void *worker(void *arg)
{
    batch *b = arg;
    for (;;) {
        pthread_mutex_lock(&b->lock);
        while (b->next < b->nfiles && b->next >= b->printed + b->window)
            pthread_cond_wait(&b->changed, &b->lock);
        if (b->next >= b->nfiles) {
            pthread_mutex_unlock(&b->lock);
            return NULL;
        }
        size_t i = b->next++;
        pthread_mutex_unlock(&b->lock);
        run_one(b, i);
        pthread_mutex_lock(&b->lock);
        b->slots[i].done = true;
        pthread_cond_broadcast(&b->changed);
        pthread_mutex_unlock(&b->lock);
    }
}

/* Check files with jobs threads; output in input order. Returns the worst exit status. */
static int check_many(char **files, size_t nfiles, cf_template *const *tpls, size_t ntpls, const check_options *opt)
{
    size_t jobs = (size_t)opt->jobs < nfiles ? (size_t)opt->jobs : nfiles;
    int worst = CF_EXIT_PASS;
    if (jobs <= 1) {
        for (size_t i = 0; i < nfiles; i++) {
            int status = check_file(files[i], tpls, ntpls, opt, stdout, stderr);
            worst = status > worst ? status : worst;
            fflush(stdout);
        }
        return worst;
    }
    batch b = {files, nfiles, tpls, ntpls, opt, cf_calloc(nfiles, sizeof(slot)), 0, 0, jobs * 4,
               PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
    pthread_t *threads = cf_calloc(jobs, sizeof *threads);
    if (!b.slots || !threads) {
        cf_free(b.slots);
        cf_free(threads);
        fputs(_("crossfoot: out of memory\n"), stderr);
        return CF_EXIT_ERROR;
    }
    size_t started = 0;
    while (started < jobs && pthread_create(&threads[started], NULL, worker, &b) == 0)
        started++;
    if (started == 0) { /* no thread could start: do the work here */
        for (size_t i = 0; i < nfiles; i++) {
            run_one(&b, i);
            b.slots[i].done = true;
        }
    }
    for (size_t i = 0; i < nfiles; i++) {
        pthread_mutex_lock(&b.lock);
        while (!b.slots[i].done)
            pthread_cond_wait(&b.changed, &b.lock);
        pthread_mutex_unlock(&b.lock);
        slot *s = &b.slots[i];
        if (s->out_len)
            fwrite(s->out, 1, s->out_len, stdout);
        if (s->err_len)
            fwrite(s->err, 1, s->err_len, stderr);
        fflush(stdout);
        free(s->out);
        free(s->err);
        worst = s->status > worst ? s->status : worst;
        pthread_mutex_lock(&b.lock);
        b.printed = i + 1;
        pthread_cond_broadcast(&b.changed);
        pthread_mutex_unlock(&b.lock);
    }
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    cf_free(threads);
    cf_free(b.slots);
    return worst;
}

int cf_cmd_check(const cf_args *args)
{
    check_options opt = {.json = cf_arg_set(args, "--json"),
                         .template_path = cf_arg_value(args, "--template"),
                         .previous_path = cf_arg_value(args, "--previous")};
    check_words_init(&opt.words);
    const char *jobs = cf_arg_value(args, "--jobs");
    if (jobs) {
        char *end;
        opt.jobs = strtol(jobs, &end, 10);
        if (*end || opt.jobs < 1 || opt.jobs > 1024) {
            char msg[300];
            snprintf(msg, sizeof msg, _("-j takes a number of jobs from 1 to 1024, not '%.200s'"), jobs);
            fputs("crossfoot check: ", stderr);
            put_safe(stderr, msg);
            fputc('\n', stderr);
            return CF_EXIT_ERROR;
        }
    }
    char **files = cf_arg_operands(args);
    size_t nfiles = cf_arg_count(args);
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
    cf_previous *last_year = NULL;
    if (cf_load_previous(opt.previous_path, &last_year) != 0) {
        for (size_t i = 0; i < ntpls; i++)
            cf_template_free(tpls[i]);
        cf_free(tpls);
        return CF_EXIT_ERROR;
    }
    opt.previous = last_year ? cf_previous_year(last_year) : NULL;
    if (opt.jobs == 0) { /* all cores */
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        opt.jobs = cores > 0 ? cores : 1;
    }
    int worst = check_many(files, nfiles, tpls, ntpls, &opt);
    cf_previous_free(last_year);
    for (size_t i = 0; i < ntpls; i++)
        cf_template_free(tpls[i]);
    cf_free(tpls);
    /* A full disk or a closed pipe must not pass for a clean report. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, _("crossfoot: cannot write the results: %s\n"), strerror(errno ? errno : EIO));
        return CF_EXIT_ERROR;
    }
    return worst;
}
