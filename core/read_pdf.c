/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_pdf.c — poppler-glib in a forked child: pages to character boxes to a text view.
 *
 * The child gets the file's bytes by fork (no copy), sets its limits, parses, lays the
 * pages out (pdf_layout.c) and writes one reply on a pipe: "ERR <code>\n<message>" or
 * "OK <pages> <image pages> <garbage pages> <map bytes>\n<map><view>", the page lists as "1-3,7"
 * or "-", the map where each table cell of the view is on its page (core/docmap.h).
 * The parent reads it with a deadline and kills the child when the deadline passes. GLib
 * aborts on allocation failure; in the child that is a failed read, never a lost edit. */
#include "read_pdf.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <poppler.h>

#include "alloc.h"
#include "sha256.h"
#include "buf.h"
#include "docmap.h"
#include "i18n.h"
#include "pdf_layout.h"
#include "utf8.h"

#if defined(__SANITIZE_ADDRESS__)
#define CF_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CF_UNDER_ASAN 1
#endif
#endif

static const cf_pdf_limits default_limits = {.cpu_seconds = 60, .wall_seconds = 90, .memory_mb = 2048, .max_pages = 1000};

const cf_pdf_limits *cf_pdf_default_limits(void) { return &default_limits; }

bool cf_pdf_sniff(const char *bytes, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 5 <= n; i++)
        if (memcmp(bytes + i, "%PDF-", 5) == 0)
            return true;
    return false;
}

/* ---------- the child ---------- */

enum { ERR_ENCRYPTED = 1, ERR_DAMAGED = 2, ERR_NOMEM = 3 };

/* Append page to a list of ranges ("1-3,7"), pages coming in increasing order. */
static bool add_page(cf_buf *list, unsigned *last, unsigned page)
{
    bool extends = list->len && *last + 1 == page;
    *last = page;
    if (extends) {
        /* "1" becomes "1-2"; "1-2" becomes "1-3" */
        char *dash = NULL;
        for (size_t i = list->len; i-- > 0 && list->data[i] != ',';)
            if (list->data[i] == '-')
                dash = list->data + i;
        if (dash)
            list->len = (size_t)(dash - list->data);
        return cf_buf_printf(list, "-%u", page);
    }
    return cf_buf_printf(list, "%s%u", list->len ? "," : "", page);
}

/* Characters a text layer without a character map decodes to: private use, controls, U+FFFD. */
static bool is_garbage(uint32_t cp)
{
    return (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r') || (cp >= 0x7F && cp < 0xA0) ||
           (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000 || cp == 0xFFFD;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

static void set_limits(const cf_pdf_limits *limits)
{
    struct rlimit cpu = {limits->cpu_seconds, limits->cpu_seconds + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    struct rlimit core = {0, 0};
    setrlimit(RLIMIT_CORE, &core);
#ifndef CF_UNDER_ASAN /* AddressSanitizer reserves terabytes of address space for its shadow */
    struct rlimit mem = {(rlim_t)limits->memory_mb << 20, (rlim_t)limits->memory_mb << 20};
    setrlimit(RLIMIT_AS, &mem);
#endif
}

/* One page's characters with their boxes; counts its characters, its garbage and its Chinese. */
static bool page_glyphs(PopplerPage *page, cf_pdf_glyph **glyphs, size_t *count, size_t *visible, size_t *garbage,
                        size_t *chinese)
{
    *glyphs = NULL;
    *count = *visible = *garbage = *chinese = 0;
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (!text)
        return true;
    if (!poppler_page_get_text_layout(page, &rects, &nrects))
        nrects = 0;
    size_t chars = (size_t)g_utf8_strlen(text, -1);
    size_t n = chars < nrects ? chars : nrects;
    bool ok = true;
    if (n) {
        *glyphs = cf_calloc(n, sizeof **glyphs);
        ok = *glyphs != NULL;
    }
    const char *s = text;
    for (size_t i = 0; ok && i < chars; i++, s = g_utf8_next_char(s)) {
        uint32_t cp = g_utf8_get_char(s);
        if (cp != ' ' && cp != '\n' && cp != '\r' && cp != '\t' && cp != 0x3000)
            ++*visible; /* control characters too: a text layer of them is garbage, not a blank page */
        *garbage += is_garbage(cp);
        *chinese += cf_is_cjk(cp);
        if (i < n)
            (*glyphs)[(*count)++] = (cf_pdf_glyph){cp, rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2};
    }
    g_free(rects);
    g_free(text);
    return ok;
}

/* Parse, lay out and reply. Returns what the reply needs: a status, a message or the view. */
static void read_in_child(const char *bytes, size_t len, const cf_pdf_limits *limits, cf_buf *reply)
{
    GBytes *data = g_bytes_new_static(bytes, len);
    GError *error = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(data, NULL, &error);
    g_bytes_unref(data);
    if (!doc) {
        int code = error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED ? ERR_ENCRYPTED
                                                                                                     : ERR_DAMAGED;
        cf_buf_printf(reply, "ERR %d\n%s", code, error && error->message ? error->message : "");
        if (error)
            g_error_free(error);
        return;
    }
    int pages = poppler_document_get_n_pages(doc);
    cf_buf view, images, garbled;
    cf_buf_init(&view);
    cf_buf_init(&images);
    cf_buf_init(&garbled);
    unsigned last_image = 0, last_garbled = 0;
    size_t chinese = 0; /* in the document's own text: the view's page markers are Chinese too */
    cf_docmap *map = cf_docmap_new();
    cf_pdf_layout *layout = map ? cf_pdf_layout_new(&view, map) : NULL;
    bool ok = layout != NULL;
    cf_buf mapped;
    cf_buf_init(&mapped);
    int readable = pages < 0 ? 0 : (unsigned)pages > limits->max_pages ? (int)limits->max_pages : pages;
    for (int i = 0; ok && i < readable; i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        cf_pdf_glyph *glyphs = NULL;
        size_t count = 0, visible = 0, garbage = 0, page_chinese = 0;
        bool has_images = false;
        if (page) {
            ok = page_glyphs(page, &glyphs, &count, &visible, &garbage, &page_chinese);
            GList *mapping = poppler_page_get_image_mapping(page);
            has_images = mapping != NULL;
            poppler_page_free_image_mapping(mapping);
            g_object_unref(page);
        }
        unsigned number = (unsigned)i + 1;
        if (ok && visible == 0 && !has_images) {
            ok = cf_pdf_layout_skip(layout, number, NULL); /* a blank page */
        } else if (ok && visible == 0) {
            ok = add_page(&images, &last_image, number) &&
                 cf_pdf_layout_skip(layout, number, _("[this page is an image: it has no text layer]"));
        } else if (ok && garbage * 4 > visible) {
            ok = add_page(&garbled, &last_garbled, number) &&
                 cf_pdf_layout_skip(layout, number, _("[this page's text does not decode to characters]"));
        } else if (ok) {
            chinese += page_chinese;
            ok = cf_pdf_layout_page(layout, number, glyphs, count);
        }
        cf_free(glyphs);
    }
    if (ok && pages > readable)
        ok = cf_buf_printf(&view, P_("[%d more page was not read: crossfoot reads at most %u pages]",
                                     "[%d more pages were not read: crossfoot reads at most %u pages]",
                                     pages - readable),
                           pages - readable, limits->max_pages) &&
             cf_buf_puts(&view, "\n");
    if (ok)
        ok = cf_docmap_write(map, &mapped) &&
             cf_buf_printf(reply, "OK %d %s %s %zu %zu\n", pages, images.len ? images.data : "-",
                           garbled.len ? garbled.data : "-", chinese, mapped.len) &&
             cf_buf_append(reply, mapped.data ? mapped.data : "", mapped.len) &&
             cf_buf_append(reply, view.data ? view.data : "", view.len);
    if (!ok) {
        reply->len = 0;
        cf_buf_printf(reply, "ERR %d\n", ERR_NOMEM);
    }
    cf_pdf_layout_free(layout);
    cf_docmap_free(map);
    cf_buf_release(&mapped);
    cf_buf_release(&view);
    cf_buf_release(&images);
    cf_buf_release(&garbled);
    g_object_unref(doc);
}

/* ---------- the parent ---------- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef enum { REPLY_DONE, REPLY_LATE, REPLY_TOO_BIG, REPLY_BROKEN, REPLY_NOMEM } reply_end;

/* Read the child's reply until it closes the pipe, the reply grows past max or the deadline passes. */
static reply_end read_reply(int fd, double deadline, size_t max, cf_buf *reply)
{
    char chunk[65536];
    for (;;) {
        double left = deadline - now_seconds();
        if (left <= 0)
            return REPLY_LATE;
        struct pollfd pfd = {fd, POLLIN, 0};
        int ready = poll(&pfd, 1, (int)(left * 1000) + 1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return REPLY_BROKEN;
        if (ready == 0)
            continue;
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return REPLY_BROKEN;
        if (n == 0)
            return REPLY_DONE;
        if (reply->len + (size_t)n > max)
            return REPLY_TOO_BIG;
        if (!cf_buf_append(reply, chunk, (size_t)n))
            return REPLY_NOMEM;
    }
}

static cf_status child_failed(const char *name, int status, bool timed_out, const cf_pdf_limits *limits,
                              cf_error *err)
{
    if (timed_out || (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL)))
        return cf_error_set(err, CF_ERR_LIMIT, name, 0, 0,
                            _("reading the PDF took longer than %u seconds and was stopped: a damaged PDF, or one "
                              "built to hang readers"),
                            timed_out ? limits->wall_seconds : limits->cpu_seconds);
    if (WIFSIGNALED(status))
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0,
                            _("the PDF reader stopped on this file (signal %d): a damaged PDF, or one needing more "
                              "than %u MB of memory"),
                            WTERMSIG(status), limits->memory_mb);
    return cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the PDF reader stopped on this file without an answer"));
}

/* "3" or "2-4,7": how many pages a list names. */
static unsigned pages_in(const char *list)
{
    unsigned n = 0;
    for (const char *s = list; *s;) {
        char *end;
        unsigned long a = strtoul(s, &end, 10), b = a;
        if (*end == '-')
            b = strtoul(end + 1, &end, 10);
        n += (unsigned)(b >= a ? b - a + 1 : 1);
        s = *end == ',' ? end + 1 : end + (*end != '\0');
    }
    return n;
}

static cf_status parse_reply(const char *name, const cf_buf *reply, const char *bytes, size_t len, cf_text **out,
                             cf_error *err)
{
    const char *body = reply->data ? memchr(reply->data, '\n', reply->len) : NULL;
    if (!body)
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the PDF reader stopped on this file without an answer"));
    body++;
    size_t body_len = reply->len - (size_t)(body - reply->data);
    int code = 0;
    if (sscanf(reply->data, "ERR %d", &code) == 1) {
        if (code == ERR_ENCRYPTED)
            return cf_error_set(err, CF_ERR_INPUT, name, 0, 0,
                                _("the PDF is encrypted (protected by a password); ask for a copy without one"));
        if (code == ERR_NOMEM)
            return cf_error_nomem(err, name);
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("not a readable PDF (damaged or cut short): %.*s"),
                            (int)(body_len < 200 ? body_len : 200), body);
    }
    int pages = 0;
    char images[512] = "", garbled[512] = "";
    size_t chinese = 0, map_len = 0;
    if (sscanf(reply->data, "OK %d %511s %511s %zu %zu", &pages, images, garbled, &chinese, &map_len) != 5 ||
        map_len > body_len)
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the PDF reader stopped on this file without an answer"));
    unsigned image_pages = strcmp(images, "-") ? pages_in(images) : 0;
    unsigned garbled_pages = strcmp(garbled, "-") ? pages_in(garbled) : 0;
    if (pages <= 0)
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("the PDF has no pages"));
    if (image_pages == (unsigned)pages)
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0,
                            P_("the PDF is a scanned image, not text: its page (%s) has no text layer; ask for the "
                               "original document, or run OCR on it first",
                               "the PDF is a scanned image, not text: its pages (%s) have no text layer; ask for "
                               "the original document, or run OCR on it first",
                               image_pages),
                            images);
    if (image_pages + garbled_pages >= (unsigned)pages && !image_pages)
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0,
                            P_("the PDF's text does not decode to characters on page %s (fonts without a "
                               "character map: private-use or control codes); ask for a PDF exported with "
                               "its fonts' Unicode map, or the Word file",
                               "the PDF's text does not decode to characters on pages %s (fonts without a "
                               "character map: private-use or control codes); ask for a PDF exported with "
                               "its fonts' Unicode map, or the Word file",
                               garbled_pages),
                            garbled);
    if (image_pages + garbled_pages >= (unsigned)pages)
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0,
                            _("the PDF's text does not decode to characters on pages %s (fonts without a "
                              "character map: private-use or control codes) and pages %s are images; ask for "
                              "the original document"),
                            garbled, images);
    if (!chinese) /* text.c would find the Chinese of the view's own page markers */
        return cf_error_set(err, CF_ERR_INPUT, name, 0, 0, _("no Chinese text: this is not a disclosure report"));
    char sha[65];
    cf_sha256_of(bytes, len, sha);
    cf_docmap *map;
    const char *view_bytes = body + map_len;
    size_t view_len = body_len - map_len;
    cf_status st = cf_docmap_read(body, map_len, view_len, &map);
    if (st != CF_OK)
        return st == CF_ERR_NOMEM ? cf_error_nomem(err, name)
                                  : cf_error_set(err, CF_ERR_INPUT, name, 0, 0,
                                                 _("the PDF reader stopped on this file without an answer"));
    char *view = cf_strndup(view_bytes, view_len);
    if (!view) {
        cf_docmap_free(map);
        return cf_error_nomem(err, name);
    }
    return cf_text_from_mapped_document(name, "pdf", "PDF", &view, view_len, sha, map, out, err);
}

cf_status cf_pdf_read(const char *name, const char *bytes, size_t len, const cf_pdf_limits *limits, cf_text **out,
                      cf_error *err)
{
    *out = NULL;
    if (!limits)
        limits = &default_limits;
    int fds[2];
    if (pipe(fds) != 0)
        return cf_error_set(err, CF_ERR_IO, name, 0, 0, _("cannot start the PDF reader: %s"), strerror(errno));
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        return cf_error_set(err, CF_ERR_IO, name, 0, 0, _("cannot start the PDF reader: %s"), strerror(e));
    }
    if (pid == 0) { /* the child: never returns */
        close(fds[0]);
        set_limits(limits);
        cf_buf reply;
        cf_buf_init(&reply);
        read_in_child(bytes, len, limits, &reply);
        bool sent = write_all(fds[1], reply.data ? reply.data : "", reply.len);
        _exit(sent ? 0 : 1);
    }
    close(fds[1]);
    cf_buf reply;
    cf_buf_init(&reply);
    reply_end end = read_reply(fds[0], now_seconds() + limits->wall_seconds, CF_TEXT_MAX_BYTES + 4096, &reply);
    close(fds[0]);
    if (end != REPLY_DONE)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    cf_status st;
    if (end == REPLY_TOO_BIG)
        st = cf_error_set(err, CF_ERR_LIMIT, name, 0, 0, _("the PDF's text is larger than %zu MB"),
                          CF_TEXT_MAX_BYTES >> 20);
    else if (end == REPLY_NOMEM)
        st = cf_error_nomem(err, name);
    else if (end != REPLY_DONE || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        st = child_failed(name, status, end == REPLY_LATE, limits, err);
    else
        st = parse_reply(name, &reply, bytes, len, out, err);
    cf_buf_release(&reply);
    return st;
}
