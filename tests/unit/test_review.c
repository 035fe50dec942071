/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit record: review state, undo/redo, the review file and the journal. */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "assess.h"
#include "review.h"
#include "sha256.h"

static const char *const SEEDS[] = {"000_b0a3a3717f6cc721", "001_fc0e04f6e45ee7b3", "002_b895455aa8998ba0",
                                    "003_ef1786e90cacf8b3", "004_ff7ba18170778dc6"};

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/cf-review-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

/* Copy a seed into the temp folder (so tests can change it) and return its path. */
static char *seed_copy(const char *seed)
{
    static char path[256];
    char cmd[512];
    snprintf(path, sizeof path, "%s/%s.txt", dir, seed);
    snprintf(cmd, sizeof cmd, "cp %s/seeds/%s.txt %s", CF_FIXTURES, seed, path);
    cr_assert_eq(system(cmd), 0);
    return path;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

static void fixed_clock(char out[32], void *ctx) { snprintf(out, 32, "2026-11-22T10:00:00Z"); }

static cf_review *open_seed(const char *seed)
{
    cf_review *r = NULL;
    cf_error err;
    char review_path[300];
    const char *report = seed_copy(seed);
    snprintf(review_path, sizeof review_path, "%s.review.yaml", report);
    cr_assert_eq(cf_review_open_report(report, NULL, "tester", review_path, &r, &err), CF_OK, "%s", err.message);
    cf_review_set_clock(r, fixed_clock, NULL);
    return r;
}

/* The review's findings as core/assess counts them (the only count there is). */
static cf_assess_counts findings(const cf_review *r)
{
    cf_assessment *a;
    cr_assert_eq(cf_assess_review(r, NULL, &a, NULL), CF_OK);
    cf_assess_counts n = cf_assess_counts_of(a);
    cf_assessment_free(a);
    return n;
}

static long cell(const cf_review *r, const char *id)
{
    long i = cf_template_find_cell(cf_review_template(r), id);
    cr_assert_geq(i, 0, "no cell %s", id);
    return i;
}

static cf_edit set_to(const cf_review *r, const char *id, int64_t v)
{
    return (cf_edit){.cell = (size_t)cell(r, id), .kind = CF_EDIT_SET, .value = cf_decimal_from_int(v)};
}

static void assert_same_state(const cf_review *a, const cf_review *b)
{
    cr_assert_eq(cf_review_cell_count(a), cf_review_cell_count(b));
    for (size_t i = 0; i < cf_review_cell_count(a); i++) {
        cf_cell_view x = cf_review_cell(a, i), y = cf_review_cell(b, i);
        cr_assert_eq(x.value_state, y.value_state, "cell %zu", i);
        cr_assert_eq(cf_decimal_cmp(x.value, y.value), 0, "cell %zu", i);
        cr_assert_eq(x.state, y.state, "cell %zu", i);
        cr_assert_str_eq(x.note, y.note, "cell %zu", i);
        cr_assert_eq(x.correction, y.correction, "cell %zu", i);
        cr_assert_eq(cf_review_extracted(a, i)->line, cf_review_extracted(b, i)->line);
        cr_assert_eq(cf_review_extracted(a, i)->byte_start, cf_review_extracted(b, i)->byte_start);
    }
    cr_assert_eq(cf_review_history_count(a), cf_review_history_count(b));
    cf_assess_counts sa = findings(a), sb = findings(b);
    cr_assert_eq(sa.broken, sb.broken);
    cr_assert_eq(sa.missing, sb.missing);
}

TestSuite(review, .init = make_dir, .fini = remove_dir);

Test(review, every_seed_round_trips_and_saves_identical_bytes)
{
    for (size_t s = 0; s < sizeof SEEDS / sizeof *SEEDS; s++) {
        cf_review *r = open_seed(SEEDS[s]);
        cf_error err;
        cf_edit e = {.cell = 0, .kind = CF_EDIT_NOTE, .note = "核对原文：第3页"};
        cr_assert_eq(cf_review_apply(r, "note", NULL, &e, 1, &err), CF_OK);
        cr_assert_eq(cf_review_save(r, &err), CF_OK, "%s", err.message);
        char *first = slurp(cf_review_path(r));
        cf_review *back = NULL;
        cr_assert_eq(cf_review_load(cf_review_path(r), false, NULL, &back, &err), CF_OK, "%s: %s", SEEDS[s],
                     err.message);
        assert_same_state(r, back);
        cf_review_set_clock(back, fixed_clock, NULL);
        cr_assert_eq(cf_review_save(back, &err), CF_OK);
        char *second = slurp(cf_review_path(r));
        cr_assert_str_eq(first, second, "%s: save → load → save changed the file", SEEDS[s]);
        /* people read it: Chinese as UTF-8, not escaped */
        cr_assert_not_null(strstr(first, "核对原文：第3页"));
        cr_assert_null(strstr(first, "\\u"));
        free(first);
        free(second);
        cf_review_free(back);
        cf_review_free(r);
    }
}

Test(review, fixing_seed_002_clears_its_problems_and_undo_redo_follow)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(findings(r).broken, 4);
    cf_edit fix[] = {set_to(r, "requests.results_total.natural", 2), set_to(r, "requests.results_total.total", 2)};
    cr_assert_eq(cf_review_apply(r, "set", "总计漏填", fix, 2, &err), CF_OK);
    cr_assert_eq(findings(r).broken, 0);
    cr_assert_eq(cf_review_summarize(r).corrected, 2);
    cr_assert(cf_review_dirty(r));
    cr_assert_eq(cf_review_undo(r, &err), CF_OK);
    cr_assert_eq(findings(r).broken, 4);
    cr_assert_eq(cf_review_redo(r, &err), CF_OK);
    cr_assert_eq(findings(r).broken, 0);
    /* a change after an undo drops the redo tail */
    cr_assert_eq(cf_review_undo(r, &err), CF_OK);
    cf_edit confirm = {.cell = (size_t)cell(r, "requests.new.natural"), .kind = CF_EDIT_CONFIRM};
    cr_assert_eq(cf_review_apply(r, "confirm", NULL, &confirm, 1, &err), CF_OK);
    cr_assert_not(cf_review_can_redo(r));
    cr_assert_eq(cf_review_redo(r, &err), CF_ERR_USAGE);
    cr_assert_eq(cf_review_cell(r, (size_t)cell(r, "requests.new.natural")).state, CF_STATE_CONFIRMED);
    /* unlimited undo */
    cr_assert_eq(cf_review_undo(r, &err), CF_OK);
    cr_assert_not(cf_review_can_undo(r));
    cf_review_free(r);
}

Test(review, values_of_the_wrong_kind_are_refused_and_nothing_changes)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cf_edit neg = set_to(r, "requests.new.natural", -1);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &neg, 1, &err), CF_ERR_USAGE);
    cr_assert_not_null(strstr(err.message, "negative"));
    cf_edit frac = {.cell = (size_t)cell(r, "requests.new.natural"), .kind = CF_EDIT_SET, .value = {5, 1}};
    cr_assert_eq(cf_review_apply(r, "set", NULL, &frac, 1, &err), CF_ERR_USAGE);
    cr_assert_not(cf_review_can_undo(r));
    cr_assert_not(cf_review_dirty(r));
    cf_review_free(r);
}

Test(review, a_changed_report_is_refused_unless_forced)
{
    cf_review *r = open_seed("000_b0a3a3717f6cc721");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    FILE *f = fopen(cf_review_report_path(r), "ab");
    fputs("\n追加的一行\n", f);
    fclose(f);
    cf_review *back = NULL;
    cr_assert_eq(cf_review_load(cf_review_path(r), false, NULL, &back, &err), CF_ERR_INPUT);
    cr_assert_not_null(strstr(err.message, "has changed"), "%s", err.message);
    cr_assert_not_null(strstr(err.file, "000_b0a3a3717f6cc721.txt"));
    cr_assert_eq(cf_review_load(cf_review_path(r), true, NULL, &back, &err), CF_OK);
    cf_review_free(back);
    cf_review_free(r);
}

/* Write text into the temp folder as a review file and expect loading it to fail at line. */
static void expect_rejected(const char *yaml, long line, const char *words)
{
    char path[128];
    snprintf(path, sizeof path, "%s/bad.yaml", dir);
    FILE *f = fopen(path, "wb");
    fputs(yaml, f);
    fclose(f);
    cf_review *r = NULL;
    cf_error err;
    cf_status st = cf_review_load(path, false, NULL, &r, &err);
    cr_assert_neq(st, CF_OK, "accepted: %s", yaml);
    cr_assert_null(r);
    cr_assert_not_null(strstr(err.message, words), "message '%s' lacks '%s'", err.message, words);
    if (line)
        cr_assert_eq(err.line, line, "line %ld, wanted %ld: %s", err.line, line, err.message);
}

/* A saved review of seed 001, with one line replaced. */
static char *saved_with(const char *from, const char *to)
{
    cf_review *r = open_seed("001_fc0e04f6e45ee7b3");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    char *text = slurp(cf_review_path(r));
    cf_review_free(r);
    char *at = strstr(text, from);
    cr_assert_not_null(at, "no '%s' in the review file", from);
    size_t n = strlen(text) + strlen(to) + 1;
    char *out = malloc(n);
    snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    free(text);
    return out;
}

/* 1-based line of the first occurrence of what in text. */
static long line_of(const char *text, const char *what)
{
    const char *at = strstr(text, what);
    cr_assert_not_null(at);
    long line = 1;
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

Test(review, malformed_review_files_are_rejected_with_their_line)
{
    expect_rejected("crossfoot_review: 1\nreport: [unclosed\n", 0, "not valid YAML");
    expect_rejected("crossfoot_review: 1\nreport: &a {path: x}\nother: *a\n", 2, "anchors and aliases");
    expect_rejected("crossfoot_review: 7\n", 1, "newer crossfoot");
    expect_rejected("- just\n- a list\n", 1, "not a crossfoot review file");
    char *y = saved_with("id: requests.new.natural", "id: requests.new.martian");
    expect_rejected(y, line_of(y, "requests.new.martian"), "unknown cell id 'requests.new.martian'");
    free(y);
    y = saved_with("journal_seq: 0", "journal_seq: lots");
    expect_rejected(y, line_of(y, "journal_seq: lots"), "must be a whole number");
    free(y);
    y = saved_with("value: 0\n    kind: number\n    extracted: 0", "value: zero\n    kind: number\n    extracted: 0");
    expect_rejected(y, line_of(y, "value: zero"), "'zero' is not a number");
    free(y);
    /* format 5: a corrected cell says its kind of correction, and only a corrected one has one */
    static const struct {
        const char *to, *at, *words;
    } kinds[] = {{"    state: corrected\n    correction: \"\"\n", "    correction: \"\"\n", "not a kind of correction"},
                 {"    state: extracted\n    correction: read\n", "    correction: read\n", "only a corrected cell"}};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        y = saved_with("    state: extracted\n    correction: \"\"\n", kinds[k].to);
        expect_rejected(y, line_of(y, kinds[k].at), kinds[k].words);
        free(y);
    }
    y = saved_with("state: extracted", "state: approved");
    expect_rejected(y, line_of(y, "state: approved"), "not a cell state");
    free(y);
}

Test(review, oversized_review_file_is_refused)
{
    char path[128];
    snprintf(path, sizeof path, "%s/huge.yaml", dir);
    FILE *f = fopen(path, "wb");
    cr_assert_eq(ftruncate(fileno(f), (off_t)20 << 20), 0);
    fclose(f);
    cf_review *r = NULL;
    cf_error err;
    cr_assert_eq(cf_review_load(path, false, NULL, &r, &err), CF_ERR_LIMIT);
}

/* ---------- faults ---------- */

typedef struct {
    int calls, fail_at;
} fault_ctx;

static bool should_fail(fault_ctx *c) { return ++c->calls == c->fail_at; }

static int f_open(void *ctx, const char *path, int flags, mode_t mode)
{
    if (should_fail(ctx)) {
        errno = EACCES;
        return -1;
    }
    return cf_io_default()->open(NULL, path, flags, mode);
}
static ssize_t f_write(void *ctx, int fd, const void *buf, size_t len)
{
    if (should_fail(ctx)) { /* half a write, then a full disk */
        if (len > 1)
            cf_io_default()->write(NULL, fd, buf, len / 2);
        errno = ENOSPC;
        return -1;
    }
    return cf_io_default()->write(NULL, fd, buf, len);
}
static int f_fsync(void *ctx, int fd)
{
    if (should_fail(ctx)) {
        errno = EIO;
        return -1;
    }
    return 0;
}
static int f_close(void *ctx, int fd) { return cf_io_default()->close(NULL, fd) | (should_fail(ctx) ? -1 : 0); }
static int f_rename(void *ctx, const char *a, const char *b)
{
    if (should_fail(ctx)) {
        errno = EXDEV;
        return -1;
    }
    return cf_io_default()->rename(NULL, a, b);
}
static int f_unlink(void *ctx, const char *p) { return cf_io_default()->unlink(NULL, p); }

Test(review, a_failing_write_at_any_step_leaves_the_previous_file_intact)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    char *previous = slurp(cf_review_path(r));
    cf_edit fix = set_to(r, "requests.results_total.natural", 2);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &fix, 1, &err), CF_OK);
    bool saved = false;
    for (int n = 1; !saved && n < 50; n++) {
        fault_ctx ctx = {0, n};
        cf_io io = {f_open, f_write, f_fsync, f_close, f_rename, f_unlink, &ctx};
        cf_review_set_io(r, &io);
        cf_status st = cf_review_save(r, &err);
        cf_review_set_io(r, NULL);
        if (st == CF_OK && ctx.calls < n) {
            saved = true;
            break;
        }
        if (st != CF_OK) {
            cr_assert_eq(st, CF_ERR_IO);
            cr_assert_not_null(strstr(err.file, ".review.yaml"));
            char *now = slurp(cf_review_path(r));
            if (strcmp(now, previous) != 0) {
                /* only a failure after the rename may leave the new file, and it must be complete */
                cf_review *back = NULL;
                cr_assert_eq(cf_review_load(cf_review_path(r), false, NULL, &back, &err), CF_OK, "step %d", n);
                cf_review_free(back);
            } else {
                cf_review *back = NULL;
                cr_assert_eq(cf_review_load(cf_review_path(r), false, NULL, &back, &err), CF_OK);
                cf_review_free(back);
            }
            free(now);
            cr_assert(cf_review_dirty(r) || strcmp(previous, "") != 0);
        }
    }
    cr_assert(saved, "the save never went through");
    /* no temporary files are left behind */
    char cmd[200];
    snprintf(cmd, sizeof cmd, "ls %s | grep -q '\\.tmp\\.'", dir);
    cr_assert_neq(system(cmd), 0, "a temporary file was left in the folder");
    free(previous);
    cf_review_free(r);
}

Test(review, an_unsaved_change_comes_back_from_the_journal)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cf_edit fix[] = {set_to(r, "requests.results_total.natural", 2), set_to(r, "requests.results_total.total", 2)};
    cr_assert_eq(cf_review_apply(r, "set", "漏填", fix, 2, &err), CF_OK);
    cf_edit note = {.cell = (size_t)cell(r, "requests.new.natural"), .kind = CF_EDIT_NOTE, .note = "已核对"};
    cr_assert_eq(cf_review_apply(r, "note", NULL, &note, 1, &err), CF_OK);
    cr_assert_eq(cf_review_undo(r, &err), CF_OK);
    char path[300];
    snprintf(path, sizeof path, "%s", cf_review_path(r));
    cf_review_free(r); /* as if killed: nothing saved since */

    cf_review *back = NULL;
    cr_assert_eq(cf_review_load(path, false, NULL, &back, &err), CF_OK, "%s", err.message);
    cr_assert_eq(cf_review_journal_pending(back), 3);
    cr_assert_eq(findings(back).broken, 4);
    cr_assert_eq(cf_review_replay_journal(back, NULL, &err), CF_OK, "%s", err.message);
    cr_assert_eq(findings(back).broken, 0);
    cr_assert_str_eq(cf_review_cell(back, (size_t)cell(back, "requests.new.natural")).note, "");
    cr_assert(cf_review_can_redo(back), "the undone note can be redone");
    cr_assert_eq(cf_review_save(back, &err), CF_OK);
    cr_assert_eq(cf_review_journal_pending(back), 0);
    cf_review_free(back);
}

Test(review, a_truncated_last_journal_line_is_skipped_and_the_rest_replays)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cf_edit fix = set_to(r, "requests.results_total.natural", 2);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &fix, 1, &err), CF_OK);
    char journal[320], path[300];
    snprintf(path, sizeof path, "%s", cf_review_path(r));
    snprintf(journal, sizeof journal, "%s.journal", path);
    cf_review_free(r);
    FILE *f = fopen(journal, "ab");
    fputs("{\"op\":\"apply\",\"who\":\"x\",\"edi", f); /* killed mid-write */
    fclose(f);
    cf_review *back = NULL;
    cr_assert_eq(cf_review_load(path, false, NULL, &back, &err), CF_OK);
    cr_assert_eq(cf_review_journal_pending(back), 1);
    cr_assert_eq(cf_review_replay_journal(back, NULL, &err), CF_OK);
    cr_assert_eq(cf_decimal_cmp(cf_review_cell(back, (size_t)cell(back, "requests.results_total.natural")).value,
                                cf_decimal_from_int(2)),
                 0);
    /* the next record starts on a line of its own */
    cf_edit fix2 = set_to(back, "requests.results_total.total", 2);
    cr_assert_eq(cf_review_apply(back, "set", NULL, &fix2, 1, &err), CF_OK);
    cf_review_free(back);
    cr_assert_eq(cf_review_load(path, false, NULL, &back, &err), CF_OK);
    cr_assert_eq(cf_review_journal_pending(back), 2);
    cr_assert_eq(cf_review_replay_journal(back, NULL, &err), CF_OK);
    cr_assert_eq(findings(back).broken, 0);
    cf_review_free(back);
}

Test(review, a_waived_rule_needs_a_note_is_saved_and_undone_like_any_change)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    long rule = -1;
    for (size_t i = 0; i < cf_template_rule_count(cf_review_template(r)); i++)
        if (strcmp(cf_template_rule(cf_review_template(r), i)->id, "requests.balance.natural") == 0)
            rule = (long)i;
    cr_assert_geq(rule, 0);
    cf_edit bare = {.cell = (size_t)rule, .kind = CF_EDIT_WAIVE, .note = ""};
    cr_assert_eq(cf_review_apply(r, "waive", NULL, &bare, 1, &err), CF_ERR_USAGE);
    cr_assert_not_null(strstr(err.message, "needs a note"));
    cf_edit waive = {.cell = (size_t)rule, .kind = CF_EDIT_WAIVE, .note = "原文如此，已向报送单位核实"};
    cr_assert_eq(cf_review_apply(r, "waive", NULL, &waive, 1, &err), CF_OK);
    cr_assert_eq(findings(r).broken, 3);
    cr_assert_eq(findings(r).waived, 1);
    cr_assert_str_eq(cf_review_waiver(r, (size_t)rule), "原文如此，已向报送单位核实");
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    char *yaml = slurp(cf_review_path(r));
    cr_assert_not_null(strstr(yaml, "waived: 原文如此，已向报送单位核实"), "the waiver is in the review file");
    free(yaml);
    cf_review *back = NULL;
    cr_assert_eq(cf_review_load(cf_review_path(r), false, NULL, &back, &err), CF_OK, "%s", err.message);
    cr_assert_str_eq(cf_review_waiver(back, (size_t)rule), "原文如此，已向报送单位核实");
    cr_assert_eq(findings(back).waived, 1);
    cf_review_free(back);
    /* the journal replays a waiver too */
    cf_edit again = {.cell = (size_t)rule, .kind = CF_EDIT_WAIVE, .note = "再次确认"};
    cr_assert_eq(cf_review_apply(r, "waive", NULL, &again, 1, &err), CF_OK);
    char path[300];
    snprintf(path, sizeof path, "%s", cf_review_path(r));
    cf_review_free(r);
    cr_assert_eq(cf_review_load(path, false, NULL, &back, &err), CF_OK);
    cr_assert_eq(cf_review_replay_journal(back, NULL, &err), CF_OK, "%s", err.message);
    cr_assert_str_eq(cf_review_waiver(back, (size_t)rule), "再次确认");
    /* the unsaved change undoes; the saved waiver is taken back only by a new, recorded change */
    cr_assert_eq(cf_review_undo(back, &err), CF_OK);
    cr_assert_eq(cf_review_undo(back, &err), CF_ERR_USAGE);
    cr_assert_not_null(strstr(err.message, "saved in the review file"), "%s", err.message);
    cr_assert_str_eq(cf_review_waiver(back, (size_t)rule), "原文如此，已向报送单位核实");
    cf_edit unwaive = {.cell = (size_t)rule, .kind = CF_EDIT_UNWAIVE};
    cr_assert_eq(cf_review_apply(back, "unwaive", NULL, &unwaive, 1, &err), CF_OK);
    cr_assert_str_eq(cf_review_waiver(back, (size_t)rule), "");
    cr_assert_eq(findings(back).broken, 4);
    cr_assert_eq(cf_review_history_count(back), 2, "the waiver and its taking back are both in the history");
    cf_review_free(back);
}

static cf_review *reopen(const char *path)
{
    cf_review *back = NULL;
    cf_error err;
    cr_assert_eq(cf_review_load(path, false, NULL, &back, &err), CF_OK, "%s", err.message);
    return back;
}

static bool value_is(const cf_review *r, const char *id, int64_t v)
{
    cf_cell_view c = cf_review_cell(r, (size_t)cell(r, id));
    return c.value_state == CF_CELL_NUMBER && cf_decimal_cmp(c.value, cf_decimal_from_int(v)) == 0;
}

/* Rewrite the first occurrence of from in path with to (same length or not). */
static void patch_file(const char *path, const char *from, const char *to)
{
    char *s = slurp(path);
    char *at = strstr(s, from);
    cr_assert_not_null(at, "%s lacks '%s'", path, from);
    FILE *f = fopen(path, "wb");
    fwrite(s, 1, (size_t)(at - s), f);
    fputs(to, f);
    fputs(at + strlen(from), f);
    fclose(f);
    free(s);
}

Test(review, undo_save_redo_then_quit_loses_nothing_on_the_next_open)
{
    /* e 5 Enter, u, ^S, ^R, quit: the redo cannot be acknowledged (the file does not hold the
     * undone change), the next open works and its save keeps every later change */
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cf_edit five = set_to(r, "requests.new.natural", 5);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &five, 1, &err), CF_OK);
    cr_assert_eq(cf_review_undo(r, &err), CF_OK);
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cr_assert(!cf_review_can_redo(r), "saving drops the redo list, which the file does not hold");
    cr_assert_eq(cf_review_redo(r, &err), CF_ERR_USAGE);
    cf_edit later = set_to(r, "requests.results_total.natural", 2);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &later, 1, &err), CF_OK);
    char path[300];
    snprintf(path, sizeof path, "%s", cf_review_path(r));
    cf_review_free(r); /* quit without saving */

    cf_review *back = reopen(path);
    cr_assert_null(cf_review_journal_problem(back), "%s", cf_review_journal_problem(back));
    size_t replayed = 0;
    cr_assert_eq(cf_review_replay_journal(back, &replayed, &err), CF_OK, "%s", err.message);
    cr_assert_eq(replayed, 1);
    cr_assert(value_is(back, "requests.results_total.natural", 2));
    cr_assert(value_is(back, "requests.new.natural", 2), "the undone 5 stays undone");
    cr_assert_eq(cf_review_save(back, &err), CF_OK);
    cf_review_free(back);
    back = reopen(path);
    cr_assert(value_is(back, "requests.results_total.natural", 2), "the save kept the later change");
    cf_review_free(back);
}

Test(review, journal_records_carry_a_version_an_integer_sequence_and_a_checksum)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cf_edit fix = set_to(r, "requests.results_total.natural", 2);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &fix, 1, &err), CF_OK);
    cr_assert_eq(cf_review_undo(r, &err), CF_OK);
    char journal[320];
    snprintf(journal, sizeof journal, "%s.journal", cf_review_path(r));
    char *text = slurp(journal);
    cr_assert_not_null(strstr(text, "\"value\":\"2\",\"correction\":\"figure\"}]"), "a set says its kind: %s", text);
    cr_assert_not_null(strstr(text, "\"v\":3,\"seq\":0,\"sum\":\""), "%s", text);
    cr_assert_not_null(strstr(text, "{\"op\":\"undo\",\"entry\":0,\"v\":3,\"seq\":1,\"sum\":\""), "%s", text);
    free(text);
    cf_review_free(r);
}

Test(review, a_changed_journal_record_is_reported_by_number_and_the_records_before_it_replay)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cf_edit a = set_to(r, "requests.results_total.natural", 2), b = set_to(r, "requests.results_total.total", 7),
            c = set_to(r, "requests.new.total", 9);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &a, 1, &err), CF_OK);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &b, 1, &err), CF_OK);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &c, 1, &err), CF_OK);
    char path[300], journal[320];
    snprintf(path, sizeof path, "%s", cf_review_path(r));
    snprintf(journal, sizeof journal, "%s.journal", path);
    cf_review_free(r);
    patch_file(journal, "\"value\":\"7\"", "\"value\":\"8\""); /* record 2: a digit changed */

    cf_review *back = reopen(path);
    cr_assert_eq(cf_review_journal_pending(back), 1, "only the record before the changed one counts");
    size_t replayed = 0;
    cr_assert_eq(cf_review_replay_journal(back, &replayed, &err), CF_OK, "%s", err.message);
    cr_assert_eq(replayed, 1);
    const char *problem = cf_review_journal_problem(back);
    cr_assert_not_null(problem);
    cr_assert_not_null(strstr(problem, "journal record 2 was changed or damaged"), "%s", problem);
    cr_assert(value_is(back, "requests.results_total.natural", 2));
    cr_assert(!value_is(back, "requests.results_total.total", 8) && !value_is(back, "requests.new.total", 9));
    /* a new change never follows the damaged record: the journal is rewritten, the old one kept */
    cf_edit d = set_to(back, "requests.carry_forward.natural", 4);
    cr_assert_eq(cf_review_apply(back, "set", NULL, &d, 1, &err), CF_OK, "%s", err.message);
    cf_review_free(back);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "ls %s.damaged-* >/dev/null 2>&1", journal);
    cr_assert_eq(system(cmd), 0, "the damaged journal is kept beside the new one");
    snprintf(cmd, sizeof cmd, "ls %s.damaged-*:* >/dev/null 2>&1", journal);
    cr_assert_neq(system(cmd), 0, "a ':' in the kept journal's name (Windows shares refuse it)");
    back = reopen(path);
    cr_assert_null(cf_review_journal_problem(back), "%s", cf_review_journal_problem(back));
    cr_assert_eq(cf_review_replay_journal(back, &replayed, &err), CF_OK, "%s", err.message);
    cr_assert_eq(replayed, 2);
    cr_assert(value_is(back, "requests.results_total.natural", 2) && value_is(back, "requests.carry_forward.natural", 4));
    cf_review_free(back);
}

Test(review, a_crafted_journal_seq_in_the_review_file_is_detected_not_obeyed)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cf_edit a = set_to(r, "requests.results_total.natural", 2);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &a, 1, &err), CF_OK);
    char path[300];
    snprintf(path, sizeof path, "%s", cf_review_path(r));
    cf_review_free(r);
    patch_file(path, "journal_seq: 0", "journal_seq: 5"); /* would skip the unsaved change */
    cf_review *back = reopen(path);
    const char *problem = cf_review_journal_problem(back);
    cr_assert_not_null(problem, "a journal_seq past the journal is noticed");
    cr_assert_not_null(strstr(problem, "journal record 1"), "%s", problem);
    cf_review_free(back);
    patch_file(path, "journal_seq: 5", "journal_seq: 99999999999999999999");
    cr_assert_eq(cf_review_load(path, false, NULL, &back, &err), CF_ERR_INPUT, "a journal_seq out of range is refused");
}

Test(review, a_record_cut_short_is_reported_with_its_number)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cf_edit a = set_to(r, "requests.results_total.natural", 2);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &a, 1, &err), CF_OK);
    char path[300], journal[320];
    snprintf(path, sizeof path, "%s", cf_review_path(r));
    snprintf(journal, sizeof journal, "%s.journal", path);
    cf_review_free(r);
    FILE *f = fopen(journal, "ab");
    fputs("{\"op\":\"apply\",\"edits\":[{\"cell\":\"requests.new.to", f);
    fclose(f);
    cf_review *back = reopen(path);
    cr_assert_eq(cf_review_journal_pending(back), 1);
    cr_assert_not_null(cf_review_journal_problem(back));
    cr_assert_not_null(strstr(cf_review_journal_problem(back), "journal record 2 was cut short"), "%s",
                       cf_review_journal_problem(back));
    cf_review_free(back);
}

Test(review, text_that_is_not_utf8_is_refused_before_it_is_acknowledged)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    uint64_t records = cf_review_journal_records(r);
    cf_edit cut = {.cell = (size_t)cell(r, "requests.new.natural"), .kind = CF_EDIT_NOTE, .note = "截断\xe5\x9b"};
    cr_assert_eq(cf_review_apply(r, "note", NULL, &cut, 1, &err), CF_ERR_USAGE);
    cr_assert_not_null(strstr(err.message, "not valid UTF-8"), "%s", err.message);
    cf_edit fix = set_to(r, "requests.results_total.natural", 2);
    cr_assert_eq(cf_review_apply(r, "set", "\xd4\xad\xbc\xfe", &fix, 1, &err), CF_ERR_USAGE, "a GBK reason");
    cr_assert_eq(cf_review_journal_records(r), records, "nothing refused reaches the journal");
    cr_assert_str_eq(cf_review_cell(r, (size_t)cell(r, "requests.new.natural")).note, "");
    cf_review_free(r);
    char path[300];
    cf_review *bad = NULL;
    snprintf(path, sizeof path, "%s/x.review.yaml", dir);
    cr_assert_eq(cf_review_open_report(seed_copy("002_b895455aa8998ba0"), NULL, "\xff\xfe", path, &bad, &err),
                 CF_ERR_USAGE, "a reviewer's name that is not UTF-8");
    cr_assert_null(bad);
}

Test(review, a_review_file_nested_thousands_deep_is_refused_at_once_with_its_line)
{
    char path[300];
    snprintf(path, sizeof path, "%s/deep.review.yaml", dir);
    FILE *f = fopen(path, "wb");
    fputs("crossfoot_review: 2\nreport: ", f);
    for (int i = 0; i < 20000; i++)
        fputc('[', f);
    fclose(f);
    cf_review *r = NULL;
    cf_error err;
    cr_assert_eq(cf_review_load(path, false, NULL, &r, &err), CF_ERR_INPUT);
    cr_assert_not_null(strstr(err.message, "nested more than 64 levels deep"), "%s", err.message);
    cr_assert_eq(err.line, 2);
    cr_assert_null(r);
}

Test(review, an_approval_is_saved_at_once_and_withdrawn_by_the_next_change_even_one_replayed)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    char before[65], path[300];
    cf_review_cells_sha256(r, before);
    cr_assert_null(cf_review_approved(r));
    cr_assert_eq(cf_review_approve(r, "已与原件核对", &err), CF_OK, "%s", err.message);
    const cf_approval *a = cf_review_approved(r);
    cr_assert_not_null(a);
    cr_assert_str_eq(a->who, "tester");
    cr_assert_str_eq(a->at, "2026-11-22T10:00:00Z");
    cr_assert_str_eq(a->note, "已与原件核对");
    cr_assert_str_eq(a->document_sha256, cf_text_sha256(cf_review_text(r)));
    cr_assert_str_eq(a->cells_sha256, before);
    cr_assert(!cf_review_dirty(r), "approving saves the review file");
    snprintf(path, sizeof path, "%s", cf_review_path(r));

    /* on disk: it comes back as it was */
    cf_review *back = reopen(path);
    cr_assert_not_null(cf_review_approved(back));
    cr_assert_str_eq(cf_review_approved(back)->cells_sha256, before);
    cr_assert_str_eq(cf_review_approved(back)->note, "已与原件核对");
    cf_review_free(back);

    /* a change withdraws it, says by whom and which; the cells' SHA-256 changes with a value */
    cf_edit e = set_to(r, "requests.results_total.natural", 2);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &e, 1, &err), CF_OK);
    cr_assert_null(cf_review_approved(r));
    cr_assert_eq(cf_review_approval_count(r), 1);
    a = cf_review_approval(r, 0);
    cr_assert(a->withdrawn);
    cr_assert_str_eq(a->withdrawn_by, "tester");
    cr_assert_str_eq(a->withdrawn_because, "set");
    char after[65];
    cf_review_cells_sha256(r, after);
    cr_assert_str_neq(after, before);
    cf_review_free(r); /* killed before saving: the change is in the journal only */

    /* replaying the journal withdraws it again: nothing acknowledged after a sign-off stays signed */
    back = reopen(path);
    cr_assert_not_null(cf_review_approved(back), "the file still holds the approval");
    cr_assert_eq(cf_review_replay_journal(back, NULL, &err), CF_OK, "%s", err.message);
    cr_assert_null(cf_review_approved(back), "the replayed change did not withdraw it");
    cr_assert_eq(cf_review_save(back, &err), CF_OK);
    cf_review_free(back);
    back = reopen(path);
    cr_assert_eq(cf_review_approval_count(back), 1);
    cr_assert(cf_review_approval(back, 0)->withdrawn);
    cr_assert_str_eq(cf_review_approval(back, 0)->withdrawn_because, "set");
    cf_review_free(back);
}

static cf_correction kind_of(const cf_review *r, const char *id) { return cf_review_cell(r, (size_t)cell(r, id)).correction; }

/* 识别更正 (the report prints it, crossfoot read another) and 数据更正 (the report's figure is wrong)
 * are recorded per cell, saved as review format 5, undone and redone, replayed from the journal;
 * unsaid, the report decides; a format-4 file's corrections are of a kind not recorded. */
Test(review, read_and_figure_corrections_are_recorded_saved_undone_and_replayed)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cf_edit said = set_to(r, "requests.results_total.natural", 2);
    said.correction = CF_CORRECTION_READ;
    /* line 54 prints 自然人 2 … 2 and 商业企业 0: 2 is printed there, 7 on line 78 is not */
    cf_edit shown = set_to(r, "requests.new.business", 2), not_shown = set_to(r, "requests.results_total.total", 7);
    cr_assert(cf_review_source_shows(r, (size_t)cell(r, "requests.new.business"), cf_decimal_from_int(2)));
    cr_assert(!cf_review_source_shows(r, (size_t)cell(r, "requests.results_total.total"), cf_decimal_from_int(7)));
    cr_assert_eq(cf_review_apply(r, "set", NULL, &said, 1, &err), CF_OK);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &shown, 1, &err), CF_OK);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &not_shown, 1, &err), CF_OK);
    cr_assert_eq(kind_of(r, "requests.results_total.natural"), CF_CORRECTION_READ);
    cr_assert_eq(kind_of(r, "requests.new.business"), CF_CORRECTION_READ);
    cr_assert_eq(kind_of(r, "requests.results_total.total"), CF_CORRECTION_FIGURE);
    cr_assert_eq(kind_of(r, "requests.new.natural"), CF_CORRECTION_NONE);
    cf_review_summary s = cf_review_summarize(r);
    cr_assert(s.corrected == 3 && s.read_corrections == 2 && s.figure_corrections == 1 && s.unrecorded_corrections == 0);
    /* undo takes the kind with the value; redo brings both back */
    cr_assert_eq(cf_review_undo(r, &err), CF_OK);
    cr_assert_eq(kind_of(r, "requests.results_total.total"), CF_CORRECTION_NONE);
    cr_assert_eq(cf_review_redo(r, &err), CF_OK);
    cr_assert_eq(kind_of(r, "requests.results_total.total"), CF_CORRECTION_FIGURE);
    /* a figure correction set again as a read one, and back to the value as read: no correction */
    cf_edit again = set_to(r, "requests.results_total.total", 7);
    again.correction = CF_CORRECTION_READ;
    cr_assert_eq(cf_review_apply(r, "set", NULL, &again, 1, &err), CF_OK);
    cr_assert_eq(kind_of(r, "requests.results_total.total"), CF_CORRECTION_READ);
    cf_edit as_read = set_to(r, "requests.new.business", 0);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &as_read, 1, &err), CF_OK);
    cr_assert_eq(kind_of(r, "requests.new.business"), CF_CORRECTION_NONE);
    cr_assert_eq(cf_review_undo(r, &err), CF_OK);
    cr_assert_eq(cf_review_undo(r, &err), CF_OK);
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    char path[300];
    snprintf(path, sizeof path, "%s", cf_review_path(r));
    char *text = slurp(path);
    cr_assert_not_null(strstr(text, "crossfoot_review: 6\n"));
    cr_assert_not_null(strstr(text, "  - id: requests.results_total.total\n"));
    cr_assert_not_null(strstr(strstr(text, "  - id: requests.results_total.total\n"), "    state: corrected\n    correction: figure\n"));
    cr_assert_not_null(strstr(strstr(text, "  - id: requests.results_total.natural\n"), "    state: corrected\n    correction: read\n"));
    cr_assert_not_null(strstr(text, "after: {value: 7, kind: number, state: corrected, correction: figure, note: \"\"}"), "%s",
                       strstr(text, "history:"));
    cr_assert_not_null(strstr(text, "  read_corrections: 2\n  figure_corrections: 1\n  unrecorded_corrections: 0\n"));
    free(text);
    /* a change left in the journal keeps its kind when replayed */
    cf_edit journaled = set_to(r, "requests.new.total", 9);
    journaled.correction = CF_CORRECTION_FIGURE;
    cr_assert_eq(cf_review_apply(r, "set", NULL, &journaled, 1, &err), CF_OK);
    cf_review *back = reopen(path);
    cr_assert_eq(cf_review_replay_journal(back, NULL, &err), CF_OK, "%s", err.message);
    assert_same_state(r, back);
    cr_assert_eq(kind_of(back, "requests.new.total"), CF_CORRECTION_FIGURE);
    cf_review_free(back);
    cf_review_free(r);
    /* format 4 recorded no kind: its corrections say so, and nothing is guessed */
    patch_file(path, "crossfoot_review: 6\n", "crossfoot_review: 4\n");
    back = reopen(path);
    cr_assert_eq(kind_of(back, "requests.results_total.natural"), CF_CORRECTION_UNRECORDED);
    cr_assert_eq(kind_of(back, "requests.results_total.total"), CF_CORRECTION_UNRECORDED);
    cr_assert_eq(kind_of(back, "requests.new.natural"), CF_CORRECTION_NONE);
    cr_assert_eq(cf_review_summarize(back).unrecorded_corrections, 3);
    cr_assert_str_eq(cf_correction_label(CF_CORRECTION_UNRECORDED), "correction (kind not recorded)");
    cf_review_free(back);
}

/* Each inferred cell of a review, as the assessment finds it. */
static size_t inferred_suspects(const cf_review *r)
{
    cf_assessment *a;
    cf_error err;
    cr_assert_eq(cf_assess_review(r, NULL, &a, &err), CF_OK);
    size_t n = 0;
    for (size_t i = 0; i < cf_assess_suspect_count(a); i++)
        n += cf_assess_suspect(a, i)->kind == CF_SUSPECT_INFERRED;
    cf_assessment_free(a);
    return n;
}

/* A reopened review is assessed as the fresh one was: its cells keep where they were read from,
 * so a cell whose place was inferred is still suspect (and walked by ]) after a save. */
Test(review, a_reopened_review_keeps_its_inferred_cells_suspect)
{
    char report[128], path[160], cmd[400];
    snprintf(report, sizeof report, "%s/tabs.txt", dir);
    snprintf(cmd, sizeof cmd, "cp %s/layouts/tabs_blanks_2021.txt %s", CF_FIXTURES, report);
    cr_assert_eq(system(cmd), 0);
    snprintf(path, sizeof path, "%s.review.yaml", report);
    cf_review *r = NULL;
    cf_error err;
    cr_assert_eq(cf_review_open_report(report, NULL, "tester", path, &r, &err), CF_OK, "%s", err.message);
    size_t fresh = inferred_suspects(r);
    cr_assert_eq(fresh, 14, "the fixture's 14 inferred cells");
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    cf_review_free(r);
    cf_review *back = reopen(path);
    cr_assert_eq(inferred_suspects(back), fresh);
    cf_review_free(back);
}

/* The journal of r's review holding one record: body (a JSON object without its closing brace)
 * given the checksum a crossfoot writes, as if that crossfoot had written it. */
static void journal_one(const cf_review *r, const char *body)
{
    char journal[320], hex[65];
    snprintf(journal, sizeof journal, "%s.journal", cf_review_path(r));
    cf_sha256_of(body, strlen(body), hex);
    FILE *f = fopen(journal, "wb");
    cr_assert_not_null(f);
    fprintf(f, "%s,\"sum\":\"%.16s\"}\n", body, hex);
    cr_assert_eq(fclose(f), 0);
}

#define SET_RECORD(kind, version)                                                                              \
    "{\"edits\":[{\"cell\":\"requests.results_total.natural\",\"kind\":\"set\",\"value\":\"2\"" kind "}],"    \
    "\"op\":\"apply\",\"who\":\"李复核\",\"at\":\"2026-12-01T21:51:05Z\",\"action\":\"set\",\"v\":" version   \
    ",\"seq\":0"

Test(review, journal_records_of_version_2_and_3_replay_with_their_kind_and_a_set_of_3_without_one_is_refused)
{
    cf_review *r = open_seed("002_b895455aa8998ba0");
    cf_error err;
    cr_assert_eq(cf_review_save(r, &err), CF_OK);
    char path[300];
    snprintf(path, sizeof path, "%s", cf_review_path(r));
    static const struct {
        const char *body;
        bool replays;
        cf_correction kind;
    } cases[] = {
        {SET_RECORD("", "2"), true, CF_CORRECTION_UNRECORDED},              /* format 4's crossfoot */
        {SET_RECORD(",\"correction\":\"read\"", "2"), true, CF_CORRECTION_READ}, /* the first of format 5 */
        {SET_RECORD(",\"correction\":\"figure\"", "3"), true, CF_CORRECTION_FIGURE},
        {SET_RECORD("", "3"), false, CF_CORRECTION_NONE},
        {SET_RECORD(",\"correction\":\"read\"", "4"), false, CF_CORRECTION_NONE}, /* a newer crossfoot's */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        journal_one(r, cases[i].body);
        cf_review *back = reopen(path);
        size_t replayed = 0;
        cr_assert_eq(cf_review_replay_journal(back, &replayed, &err), CF_OK, "%s", err.message);
        cr_assert_eq(replayed, cases[i].replays ? 1 : 0, "case %zu", i);
        cr_assert_eq(kind_of(back, "requests.results_total.natural"), cases[i].kind, "case %zu", i);
        const char *problem = cf_review_journal_problem(back);
        if (cases[i].replays)
            cr_assert_null(problem, "case %zu: %s", i, problem);
        else
            cr_assert(problem && (strstr(problem, "without its kind of correction") ||
                                  strstr(problem, "does not know")), "case %zu: %s", i, problem ? problem : "none");
        cf_review_free(back);
    }
    /* this crossfoot's own records replay: a set back to the value read says it is no correction */
    char journal[320];
    snprintf(journal, sizeof journal, "%s.journal", path);
    cr_assert_eq(unlink(journal), 0); /* the crafted one */
    cf_edit to_2 = set_to(r, "requests.results_total.natural", 2), back_to_0 = set_to(r, "requests.results_total.natural", 0);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &to_2, 1, &err), CF_OK);
    cr_assert_eq(cf_review_apply(r, "set", NULL, &back_to_0, 1, &err), CF_OK);
    char *text = slurp(journal);
    cr_assert_not_null(strstr(text, "\"value\":\"0\",\"correction\":\"\"}]"), "%s", text);
    free(text);
    cf_review *back = reopen(path);
    size_t replayed = 0;
    cr_assert_eq(cf_review_replay_journal(back, &replayed, &err), CF_OK, "%s", err.message);
    cr_assert_null(cf_review_journal_problem(back), "%s", cf_review_journal_problem(back));
    cr_assert_eq(replayed, 2);
    cr_assert_eq(kind_of(back, "requests.results_total.natural"), CF_CORRECTION_NONE);
    cf_review_free(back);
    cf_review_free(r);
}
