/* review_cmds.c — `crossfoot extract` (report → review file) and the reviewer's name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cli.h"
#include "review.h"

const char *cf_reviewer_name(const char *given, char *buf, size_t size)
{
    if (given && given[0])
        return given;
    /* $XDG_CONFIG_HOME/crossfoot/config: a line "reviewer: NAME" */
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char path[1024];
    if (xdg && xdg[0])
        snprintf(path, sizeof path, "%s/crossfoot/config", xdg);
    else
        snprintf(path, sizeof path, "%s/.config/crossfoot/config", home ? home : ".");
    FILE *f = fopen(path, "r");
    if (f) {
        char line[512];
        while (fgets(line, sizeof line, f)) {
            if (strncmp(line, "reviewer:", 9) != 0)
                continue;
            char *v = line + 9;
            v += strspn(v, " \t");
            v[strcspn(v, "\r\n")] = '\0';
            if (v[0]) {
                snprintf(buf, size, "%s", v);
                fclose(f);
                return buf;
            }
        }
        fclose(f);
    }
    const char *user = getenv("USER");
    return user && user[0] ? user : "unknown";
}

static int fail(const cf_error *err)
{
    char msg[1200];
    cf_error_format(err, msg, sizeof msg);
    fprintf(stderr, "crossfoot: %s\n", msg);
    return CF_EXIT_ERROR;
}

int cf_cmd_extract(int argc, char **argv)
{
    const char *report = NULL, *out = NULL, *template_path = NULL, *reviewer = NULL;
    for (int i = 0; i < argc; i++) {
        if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--template") == 0 && i + 1 < argc)
            template_path = argv[++i];
        else if (strcmp(argv[i], "--reviewer") == 0 && i + 1 < argc)
            reviewer = argv[++i];
        else if (argv[i][0] == '-' || report) {
            fprintf(stderr, "crossfoot extract: unexpected '%s'\n", argv[i]);
            cf_usage(stderr);
            return CF_EXIT_ERROR;
        } else
            report = argv[i];
    }
    if (!report) {
        fprintf(stderr, "crossfoot extract: no report given\n");
        cf_usage(stderr);
        return CF_EXIT_ERROR;
    }
    char name[256];
    cf_error err;
    cf_error_clear(&err);
    cf_review *r = NULL;
    if (cf_review_open_report(report, template_path, cf_reviewer_name(reviewer, name, sizeof name), out, &r, &err) !=
        CF_OK)
        return fail(&err);
    if (cf_review_journal_pending(r) > 0)
        fprintf(stderr, "crossfoot: note: %s.journal holds %zu unsaved change(s) from an earlier session; "
                        "open the review to replay them\n",
                cf_review_path(r), cf_review_journal_pending(r));
    int status = CF_EXIT_PASS;
    if (cf_review_save(r, &err) != CF_OK)
        status = fail(&err);
    else
        fprintf(stderr, "crossfoot: wrote %s\n", cf_review_path(r));
    cf_review_free(r);
    return status;
}
