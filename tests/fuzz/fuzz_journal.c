/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as the journal of a saved review (tests/fixtures/compat/v3: seed
 * 002 with five changes saved, journal_seq 7), loaded and replayed, then one more edit journaled
 * after them (which sets a damaged journal aside and repairs it). The seed corpus is that
 * review's own journal (seq 7 … 13, with checksums). The files go through an io whose fsync does
 * nothing: an fsync per run would make the fuzzer wait on the disk. */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "review.h"

#define COMPAT "tests/fixtures/compat/v3/"
#define REPORT "report.txt"
#define REVIEW "report.txt.review.yaml"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int no_fsync(void *ctx, int fd) { return 0; }

static char dir[] = "/tmp/cf-fuzz-journal-XXXXXX";

/* Copy the fixture file name into dir. */
static int copy_in(const char *name)
{
    char from[256], to[256], chunk[4096];
    snprintf(from, sizeof from, COMPAT "%s", name);
    snprintf(to, sizeof to, "%s/%s", dir, name);
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    size_t n;
    while (in && out && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
        fwrite(chunk, 1, n, out);
    int ok = in && out;
    if (in)
        fclose(in);
    if (out)
        fclose(out);
    return ok;
}

/* Remove what a run left in dir besides the report and the review: the journal, and what a
 * repair set aside beside it. */
static void clean_dir(void)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' && strcmp(e->d_name, REPORT) != 0 && strcmp(e->d_name, REVIEW) != 0) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    closedir(d);
}

/* At exit: the folder goes, the fixture copies with it. */
static void remove_dir(void)
{
    clean_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/" REPORT, dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/" REVIEW, dir);
    unlink(path);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cf_io io;
    if (!io.open) {
        if (!mkdtemp(dir) || !copy_in(REPORT) || !copy_in(REVIEW))
            abort();
        atexit(remove_dir);
        io = *cf_io_default();
        io.fsync = no_fsync;
    }
    char review_path[256], journal[300];
    snprintf(review_path, sizeof review_path, "%s/" REVIEW, dir);
    snprintf(journal, sizeof journal, "%s.journal", review_path);
    FILE *f = fopen(journal, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    cf_review *r;
    if (cf_review_load(review_path, false, "fuzz", &r, NULL) == CF_OK) {
        cf_review_set_io(r, &io);
        if (cf_review_journal_pending(r))
            cf_review_replay_journal(r, NULL, NULL);
        long cell = cf_template_find_cell(cf_review_template(r), "requests.new.natural");
        if (cell >= 0) {
            cf_edit edit = {.cell = (size_t)cell, .kind = CF_EDIT_SET, .value = cf_decimal_from_int(3)};
            cf_review_apply(r, "set", NULL, &edit, 1, NULL);
        }
        cf_review_free(r);
    }
    clean_dir();
    return 0;
}
