/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf_layout.c — rebuilding a PDF page's lines and table rows from the boxes of its characters.
 *
 * Characters on one baseline with no wide gap form a fragment; a fragment that reads as a
 * value ("35", "888.0113", "增加 36 件", "/") is a value, the rest is text. Text fragments
 * stacked as the lines of one wrapped cell (aligned, close, each line at least as wide as
 * the next, none over two cells of the next, not two items of a list) form a block. Values
 * on one baseline form a row; a block whose height spans a row's baseline belongs to that
 * row, so a label centred on (or top-aligned with) its numbers joins them. A block spanning
 * several rows is a group label when other labels stand between it and the values, else its
 * lines are shared out to the nearest rows.
 * Everything else is a free row: headings, prose, table headers, labels of blank rows. */
#include "pdf_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "utf8.h"

/* A page is laid out only up to this many characters; the rest of it is dropped (and said
 * so on the page): a bound on time and memory for hostile files. */
#define MAX_PAGE_GLYPHS 200000

typedef struct {
    size_t off, len; /* its text in the page's buffer */
    double x0, y0, x1, y1, h;
    bool numeric;
    bool dropped; /* a page number */
    size_t line;  /* its line on the page: the fragments of a line are consecutive */
    long next;    /* the next line of its block, or -1 */
    long block;   /* text: its block */
    long row;     /* value: its row */
} frag;

typedef struct {
    long head, tail;
    double x0, y0, x1, y1, h;
    long row; /* its row, -1 until placed */
} block;

typedef struct {
    double top, yc, h;
    double vx0, vx1; /* extent of its values (anchor rows) */
    bool anchor;
    size_t order; /* its place on the page */
} row;

typedef struct {
    int kind; /* 0 block, 1 value fragment */
    long idx;
    long row; /* the row's place on the page */
    double x0;
} member;

/* A table's value columns, left to right: centres and extents. */
typedef struct {
    double c[64], x0[64], x1[64];
    size_t n;
    bool flush_left; /* from rows: every value starts at its column's left edge */
} columns;

/* A table of the map's (core/docmap): its rows are lines of the view from first_line on, its label
 * columns come first, then the columns its header cells and placed values stand in. */
typedef struct {
    unsigned number;   /* 0: none */
    size_t first_line; /* the view's line of its first row */
    size_t labels;     /* label columns (at least 1) */
    columns cols;      /* its value columns */
} grid_table;

struct cf_pdf_layout {
    cf_buf *out;
    cf_docmap *map;     /* where each table cell written came from, or NULL */
    unsigned page;      /* the page being laid out */
    cf_buf last_header; /* the header rows of the last table run of the previous page */
    cf_buf header;      /* the same for the page being laid out */
    unsigned tables;    /* tables handed to the map as grids so far */
    size_t lines, counted; /* lines of out before its byte counted */
    grid_table open;    /* the table the last page ended in: the next page's first rows may go on with it */
};

typedef struct {
    cf_pdf_layout *layout;
    cf_buf text;
    frag *f;
    size_t nf;
    block *b;
    size_t nb;
    row *r;
    size_t nr;
    size_t *order; /* rows by place on the page */
    member *m;
    size_t nm;
    size_t *first_member; /* per placed row: its first member, nr + 1 entries */
    size_t *row_line;     /* per placed row written: its line in the view */
    size_t *row_record;   /* per placed row written: its first record in the map, SIZE_MAX when none */
    double text_x0, text_x1;
} page;

/* ---------- characters to fragments ---------- */

typedef struct {
    double yc, x0, x1, y0, y1, h;
    uint32_t cp;
} glyph;

static bool is_space(uint32_t cp)
{
    return cp <= 0x20 || cp == 0x7F || cp == 0xA0 || cp == 0x3000 || cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200B);
}

static bool is_digit(uint32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19); }

static int down_then_right(double ya, double xa, double yb, double xb);

static int by_centre(const void *a, const void *b)
{
    const glyph *p = a, *q = b;
    return down_then_right(p->yc, p->x0, q->yc, q->x0);
}

static int by_left(const void *a, const void *b)
{
    const glyph *p = a, *q = b;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* Skip any of the words at s (len bytes); the bytes skipped. */
static size_t skip_any(const char *s, size_t len, const char *const *words)
{
    for (size_t w = 0; words[w]; w++) {
        size_t wl = strlen(words[w]);
        if (wl <= len && memcmp(s, words[w], wl) == 0)
            return wl;
    }
    return 0;
}

/* A cell's value as printed: a number with an optional sign or 增加/减少 and an optional unit,
 * or a mark saying not applicable. Spaces inside are ignored ("增加 36 件"). */
static bool is_value_text(const char *text, size_t len)
{
    char s[64];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == ' ')
            continue;
        if (n + 1 >= sizeof s)
            return false;
        s[n++] = text[i];
    }
    s[n] = '\0';
    static const char *const marks[] = {"/", "\xEF\xBC\x8F", "-", "\xEF\xBC\x8D", "\xE2\x80\x94", "\xE2\x80\x94\xE2\x80\x94",
                                        "\xE2\x80\x93", NULL};
    for (size_t k = 0; marks[k]; k++)
        if (strcmp(s, marks[k]) == 0)
            return true;
    static const char *const signs[] = {"增加", "减少", "增", "减", "+", "-", "\xE2\x88\x92", "\xEF\xBC\x8D", "\xEF\xBC\x8B", NULL};
    static const char *const units[] = {"%", "\xEF\xBC\x85", "件", "万元", "万", "元", "起", "例", "人次", "个", "项", NULL};
    size_t i = skip_any(s, n, signs);
    size_t digits = 0;
    while (i < n) {
        uint32_t cp;
        size_t used = cf_utf8_decode(s + i, n - i, &cp);
        if (!used)
            return false;
        if (is_digit(cp))
            digits++;
        else if (!(digits && (cp == '.' || cp == ',' || cp == 0xFF0E || cp == 0xFF0C)))
            break;
        i += used;
    }
    if (!digits)
        return false;
    i += skip_any(s + i, n - i, units);
    return i == n;
}

/* "4", "- 4 -", "— 4 —", "第 4 页", "第4页 共9页", "4/9": a page number. */
static bool is_page_number(const char *s, size_t len)
{
    static const char *const fill[] = {"-", "\xE2\x80\x94", "\xE2\x80\x93", "第", "页", "共", "/", " ", NULL};
    size_t digits = 0;
    for (size_t i = 0; i < len;) {
        size_t k = skip_any(s + i, len - i, fill);
        if (k) {
            i += k;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            return false;
        digits++;
        i++;
    }
    return digits > 0 && digits <= 8;
}

static bool add_frag(page *p, const glyph *g, size_t n, size_t line)
{
    frag *f = &p->f[p->nf];
    *f = (frag){.off = p->text.len, .x0 = g[0].x0, .y0 = g[0].y0, .x1 = g[0].x1, .y1 = g[0].y1, .line = line,
                .next = -1, .block = -1, .row = -1};
    for (size_t i = 0; i < n; i++) {
        char enc[4];
        size_t el = cf_utf8_encode(g[i].cp, enc);
        if (!cf_buf_append(&p->text, enc, el))
            return false;
        f->x0 = fmin(f->x0, g[i].x0);
        f->x1 = fmax(f->x1, g[i].x1);
        f->y0 = fmin(f->y0, g[i].y0);
        f->y1 = fmax(f->y1, g[i].y1);
    }
    f->len = p->text.len - f->off;
    f->h = f->y1 - f->y0;
    f->numeric = is_value_text(p->text.data + f->off, f->len);
    p->nf++;
    return true;
}

/* Characters into fragments: lines by baseline, split where a gap is wider than a space
 * (between two digits, wider than the thinnest space: numbers have no gaps inside). */
static bool make_fragments(page *p, const cf_pdf_glyph *in, size_t count)
{
    glyph *g = cf_calloc(count ? count : 1, sizeof *g);
    p->f = cf_calloc(count ? count : 1, sizeof *p->f);
    if (!g || !p->f) {
        cf_free(g);
        return false;
    }
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        const cf_pdf_glyph *c = &in[i];
        if (is_space(c->cp) || c->cp > 0x10FFFF || (c->cp >= 0xD800 && c->cp <= 0xDFFF))
            continue;
        if (!isfinite(c->x0) || !isfinite(c->x1) || !isfinite(c->y0) || !isfinite(c->y1))
            continue;
        glyph *o = &g[n++];
        o->cp = c->cp;
        o->x0 = fmin(c->x0, c->x1);
        o->x1 = fmax(c->x0, c->x1);
        o->y0 = fmin(c->y0, c->y1);
        o->y1 = fmax(c->y0, c->y1);
        if (o->y1 - o->y0 < 1.0) /* a degenerate box: give it a height to measure gaps by */
            o->y1 = o->y0 + 1.0;
        o->h = o->y1 - o->y0;
        o->yc = (o->y0 + o->y1) / 2;
    }
    /* gaps are measured in ems; a box's height is the font's ascent plus descent, which is
     * 1.0 to 1.5 ems depending on the font: the CJK characters' widths (one em) say which */
    double ratio_sum = 0;
    size_t ratio_count = 0;
    for (size_t i = 0; i < n && ratio_count < 4096; i++)
        if (cf_is_cjk(g[i].cp) && g[i].x1 > g[i].x0) {
            ratio_sum += (g[i].x1 - g[i].x0) / g[i].h;
            ratio_count++;
        }
    double em_per_h = ratio_count ? fmin(fmax(ratio_sum / (double)ratio_count, 0.3), 1.5) : 0.75;
    qsort(g, n, sizeof *g, by_centre);
    bool ok = true;
    for (size_t start = 0, line = 0; start < n && ok; line++) {
        size_t end = start + 1;
        while (end < n && g[end].yc - g[start].yc <= 0.35 * fmax(g[end].h, g[start].h))
            end++;
        qsort(g + start, end - start, sizeof *g, by_left);
        size_t piece = start;
        for (size_t i = start + 1; i <= end && ok; i++) {
            if (i < end) {
                double gap = g[i].x0 - g[i - 1].x1, em = fmax(g[i].h, g[i - 1].h) * em_per_h;
                bool split = gap > 0.4 * em || (is_digit(g[i].cp) && is_digit(g[i - 1].cp) && gap > 0.15 * em);
                if (!split)
                    continue;
            }
            ok = add_frag(p, g + piece, i - piece, line);
            piece = i;
        }
        start = end;
    }
    cf_free(g);
    if (!ok)
        return false;
    p->text_x0 = INFINITY;
    p->text_x1 = -INFINITY;
    for (size_t i = 0; i < p->nf; i++) {
        p->text_x0 = fmin(p->text_x0, p->f[i].x0);
        p->text_x1 = fmax(p->text_x1, p->f[i].x1);
    }
    return true;
}

/* The topmost and the bottommost line of the page, apart from the rest and reading as a page
 * number ("- 4 -" may be three fragments), are dropped. */
static void drop_page_numbers(page *p)
{
    if (p->nf < 2)
        return;
    for (int end = 0; end < 2; end++) {
        size_t at = 0;
        for (size_t i = 1; i < p->nf; i++)
            if (end ? p->f[i].y1 > p->f[at].y1 : p->f[i].y0 < p->f[at].y0)
                at = i;
        double yc = (p->f[at].y0 + p->f[at].y1) / 2, h = p->f[at].h;
        char line[64];
        size_t len = 0, on_line = 0;
        double nearest = INFINITY;
        bool fits = true;
        for (size_t i = 0; i < p->nf; i++) {
            const frag *f = &p->f[i];
            if (fabs((f->y0 + f->y1) / 2 - yc) < 0.5 * h) {
                on_line++;
                fits = fits && len + f->len + 1 < sizeof line;
                if (fits) {
                    memcpy(line + len, p->text.data + f->off, f->len);
                    len += f->len;
                }
            } else {
                nearest = fmin(nearest, end ? p->f[at].y0 - f->y1 : f->y0 - p->f[at].y1);
            }
        }
        if (!fits || on_line == p->nf || nearest <= h || !is_page_number(line, len))
            continue;
        for (size_t i = 0; i < p->nf; i++)
            if (fabs((p->f[i].y0 + p->f[i].y1) / 2 - yc) < 0.5 * h)
                p->f[i].dropped = true;
    }
}

/* ---------- rows and blocks ---------- */

/* Down the page, then left to right: the order of every sort here. */
static int down_then_right(double ya, double xa, double yb, double xb)
{
    if (ya != yb)
        return ya < yb ? -1 : 1;
    return xa < xb ? -1 : xa > xb;
}

static int by_frag_centre(const void *a, const void *b, const page *p)
{
    const frag *x = &p->f[*(const size_t *)a], *y = &p->f[*(const size_t *)b];
    return down_then_right((x->y0 + x->y1) / 2, x->x0, (y->y0 + y->y1) / 2, y->x0);
}

/* qsort has no context argument: a merge sort of indices into the page's arrays, stable. */
static void sort_indices(size_t *idx, size_t *tmp, size_t n, const page *p, int (*cmp)(const void *, const void *, const page *))
{
    if (n < 2)
        return;
    size_t half = n / 2;
    sort_indices(idx, tmp, half, p, cmp);
    sort_indices(idx + half, tmp, n - half, p, cmp);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = cmp(&idx[j], &idx[i], p) < 0 ? idx[j++] : idx[i++];
    while (i < half)
        tmp[k++] = idx[i++];
    while (j < n)
        tmp[k++] = idx[j++];
    memcpy(idx, tmp, n * sizeof *idx);
}

static int by_frag_top(const void *a, const void *b, const page *p)
{
    const frag *x = &p->f[*(const size_t *)a], *y = &p->f[*(const size_t *)b];
    return down_then_right(x->y0, x->x0, y->y0, y->x0);
}

/* Values on one baseline make an anchor row. Rows are appended to p->r in baseline order. */
static void make_anchor_rows(page *p, size_t *idx, size_t *tmp)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nf; i++)
        if (p->f[i].numeric && !p->f[i].dropped)
            idx[n++] = i;
    sort_indices(idx, tmp, n, p, by_frag_centre);
    for (size_t s = 0; s < n;) {
        const frag *first = &p->f[idx[s]];
        double yc0 = (first->y0 + first->y1) / 2;
        row *r = &p->r[p->nr];
        *r = (row){.anchor = true, .top = first->y0, .vx0 = first->x0, .vx1 = first->x1, .h = first->h};
        double sum = 0;
        size_t e = s;
        for (; e < n; e++) {
            frag *f = &p->f[idx[e]];
            double yc = (f->y0 + f->y1) / 2;
            if (yc - yc0 > 0.5 * fmax(f->h, first->h))
                break;
            f->row = (long)p->nr;
            sum += yc;
            r->top = fmin(r->top, f->y0);
            r->vx0 = fmin(r->vx0, f->x0);
            r->vx1 = fmax(r->vx1, f->x1);
            r->h = fmax(r->h, f->h);
        }
        r->yc = sum / (double)(e - s);
        p->nr++;
        s = e;
    }
}

/* How a line begins with an item number: 1 "（二）", 2 "二、", 3 "2." or "2、"; 0 it does not. */
static int item_style(const char *s, size_t len)
{
    static const uint32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
    uint32_t cp[8];
    size_t n = 0;
    for (size_t at = 0; at < len && n < 8;) {
        size_t used = cf_utf8_decode(s + at, len - at, &cp[n]);
        if (!used)
            break;
        at += used;
        n++;
    }
    if (n == 0)
        return 0;
    bool paren = cp[0] == 0xFF08 || cp[0] == '(';
    size_t i = paren;
    bool chinese = false;
    while (i < n) {
        bool numeral = false;
        for (size_t k = 0; k < sizeof numerals / sizeof *numerals; k++)
            numeral |= cp[i] == numerals[k];
        if (!numeral)
            break;
        chinese = true;
        i++;
    }
    if (chinese && i < n && paren && (cp[i] == 0xFF09 || cp[i] == ')'))
        return 1;
    if (chinese && i < n && !paren && cp[i] == 0x3001)
        return 2;
    if (chinese || paren)
        return 0;
    while (i < n && is_digit(cp[i]))
        i++;
    bool mark = i > 0 && i < n && (cp[i] == '.' || cp[i] == 0xFF0E || cp[i] == 0x3001);
    return mark && (i + 1 == n || !is_digit(cp[i + 1])) ? 3 : 0; /* "2.5亿" is a number */
}

/* Does another fragment of fragment i's line stand under `above` too? Then `above` spans two
 * cells of that line (a heading over its sub-headings, set flush left and close above them),
 * and i is not the next line of a cell it heads: a wrapped cell's next line has the cell's width
 * to itself. */
static bool spans_line(const page *p, size_t i, const frag *above)
{
    const frag *f = &p->f[i];
    double h = fmax(f->h, above->h);
    size_t j = i;
    while (j > 0 && p->f[j - 1].line == f->line)
        j--;
    for (; j < p->nf && p->f[j].line == f->line; j++) {
        const frag *g = &p->f[j];
        if (j != i && !g->dropped && fmin(g->x1, above->x1) - fmax(g->x0, above->x0) > 0.2 * h)
            return true;
    }
    return false;
}

/* Text fragments into blocks: a fragment continues the block above it when it is the next
 * line of the same wrapped cell. */
static void make_blocks(page *p, size_t *idx, size_t *tmp)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nf; i++)
        if (!p->f[i].numeric && !p->f[i].dropped)
            idx[n++] = i;
    sort_indices(idx, tmp, n, p, by_frag_top);
    for (size_t k = 0; k < n; k++) {
        frag *f = &p->f[idx[k]];
        double fw = f->x1 - f->x0, fc = (f->x0 + f->x1) / 2;
        long best = -1;
        double best_gap = INFINITY;
        /* the blocks just made: a line's cell was continued at most a few lines up */
        for (size_t b = p->nb; b-- > 0 && p->nb - b <= 256;) {
            const block *bl = &p->b[b];
            const frag *last = &p->f[bl->tail];
            double h = fmax(f->h, last->h);
            double gap = f->y0 - last->y1;
            if (gap < -0.3 * h || gap > 0.7 * h || fabs(f->h - last->h) > 0.1 * h)
                continue;
            double lw = last->x1 - last->x0, lc = (last->x0 + last->x1) / 2;
            bool aligned = fabs(f->x0 - last->x0) < 0.6 * h || fabs(fc - lc) < 0.6 * h;
            if (!aligned || lw < fw - 0.6 * h || spans_line(p, idx[k], last))
                continue;
            /* two items of a list ("（一）予以公开" over "（二）部分公开") are two cells */
            const frag *head = &p->f[bl->head];
            int style = item_style(p->text.data + f->off, f->len);
            if (style && style == item_style(p->text.data + head->off, head->len))
                continue;
            if (gap < best_gap) {
                best_gap = gap;
                best = (long)b;
            }
        }
        if (best >= 0) {
            block *bl = &p->b[best];
            p->f[bl->tail].next = (long)idx[k];
            bl->tail = (long)idx[k];
            bl->x0 = fmin(bl->x0, f->x0);
            bl->x1 = fmax(bl->x1, f->x1);
            bl->y1 = fmax(bl->y1, f->y1);
            f->block = best;
        } else {
            p->b[p->nb] = (block){.head = (long)idx[k], .tail = (long)idx[k], .x0 = f->x0, .y0 = f->y0, .x1 = f->x1,
                                  .y1 = f->y1, .h = f->h, .row = -1};
            f->block = (long)p->nb++;
        }
    }
}

/* First anchor row (rows 0..anchors) whose baseline is at or below y. */
static size_t first_row_below(const page *p, size_t anchors, double y)
{
    size_t lo = 0, hi = anchors;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->r[mid].yc < y)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Is there a label between block b and anchor row r's values, near r's baseline? */
static bool label_between(const page *p, const block *b, const row *r, const size_t *text_by_top, size_t ntext)
{
    double y_lo = r->yc - 2.5 * r->h, y_hi = r->yc + 1.5 * r->h;
    size_t lo = 0, hi = ntext;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->f[text_by_top[mid]].y0 < y_lo)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < ntext && p->f[text_by_top[k]].y0 <= y_hi; k++) {
        const frag *t = &p->f[text_by_top[k]];
        if (&p->b[t->block] == b)
            continue;
        if (t->x0 >= b->x1 - 0.2 * b->h && t->x1 <= r->vx0 + 0.2 * r->h && fabs((t->y0 + t->y1) / 2 - r->yc) < 1.5 * r->h)
            return true;
    }
    return false;
}

static size_t nearest_row(const page *p, size_t anchors, double y)
{
    size_t k = first_row_below(p, anchors, y);
    if (k == anchors)
        return anchors - 1;
    if (k > 0 && y - p->r[k - 1].yc < p->r[k].yc - y)
        return k - 1;
    return k;
}

/* Give each block its anchor row, or leave it free (-1). */
static void place_blocks(page *p, size_t anchors, size_t *text_by_top, size_t ntext)
{
    size_t nb = p->nb; /* blocks split below are placed as they are made */
    for (size_t i = 0; i < nb; i++) {
        block *b = &p->b[i];
        double pad = 0.25 * b->h;
        size_t lo = first_row_below(p, anchors, b->y0 - pad);
        size_t hi = first_row_below(p, anchors, b->y1 + pad + 1e-9);
        if (hi <= lo)
            continue;
        if (hi - lo == 1) {
            b->row = (long)lo;
            continue;
        }
        size_t checked = 0, between = 0;
        for (size_t k = lo; k < hi && checked < 16; k++, checked++)
            between += label_between(p, b, &p->r[k], text_by_top, ntext);
        if (2 * between >= checked) { /* a group label: the row at its middle */
            b->row = (long)nearest_row(p, anchors, (b->y0 + b->y1) / 2);
            continue;
        }
        /* one cell per row stacked like a wrapped one: each line to its own row */
        long f = b->head;
        b->row = -1;
        bool first = true;
        while (f >= 0) {
            long next = p->f[f].next;
            p->f[f].next = -1;
            frag *fr = &p->f[f];
            block *nbk = first ? b : &p->b[p->nb++];
            *nbk = (block){.head = f, .tail = f, .x0 = fr->x0, .y0 = fr->y0, .x1 = fr->x1, .y1 = fr->y1, .h = fr->h,
                           .row = (long)nearest_row(p, anchors, (fr->y0 + fr->y1) / 2)};
            fr->block = nbk - p->b;
            first = false;
            f = next;
        }
    }
}

static int by_block_top(const void *a, const void *b, const page *p)
{
    const block *x = &p->b[*(const size_t *)a], *y = &p->b[*(const size_t *)b];
    return down_then_right(x->y0, x->x0, y->y0, y->x0);
}

/* Free blocks that overlap in height make a free row. */
static void make_free_rows(page *p, size_t *idx, size_t *tmp)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nb; i++)
        if (p->b[i].row < 0)
            idx[n++] = i;
    sort_indices(idx, tmp, n, p, by_block_top);
    double bottom = -INFINITY;
    for (size_t k = 0; k < n; k++) {
        block *b = &p->b[idx[k]];
        if (p->nr == 0 || p->r[p->nr - 1].anchor || b->y0 >= bottom - 0.25 * b->h) {
            p->r[p->nr] = (row){.top = b->y0, .yc = (b->y0 + b->y1) / 2, .h = b->h, .anchor = false};
            p->nr++;
            bottom = b->y1;
        }
        bottom = fmax(bottom, b->y1);
        b->row = (long)p->nr - 1;
    }
}

static int by_row_place(const void *a, const void *b, const page *p)
{
    const row *x = &p->r[*(const size_t *)a], *y = &p->r[*(const size_t *)b];
    if (x->top != y->top)
        return x->top < y->top ? -1 : 1;
    return 0;
}

static int by_member(const void *a, const void *b)
{
    const member *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Order the rows down the page and list each row's blocks and values from left to right. */
static bool gather_members(page *p, size_t *tmp)
{
    for (size_t i = 0; i < p->nb; i++) {
        block *b = &p->b[i];
        if (b->row >= 0)
            p->r[b->row].top = fmin(p->r[b->row].top, b->y0);
    }
    p->order = cf_calloc(p->nr + 1, sizeof *p->order);
    p->m = cf_calloc(p->nb + p->nf + 1, sizeof *p->m);
    p->first_member = cf_calloc(p->nr + 1, sizeof *p->first_member);
    p->row_line = cf_calloc(p->nr + 1, sizeof *p->row_line);
    p->row_record = cf_calloc(p->nr + 1, sizeof *p->row_record);
    if (!p->order || !p->m || !p->first_member || !p->row_line || !p->row_record)
        return false;
    for (size_t i = 0; i < p->nr; i++)
        p->order[i] = i;
    sort_indices(p->order, tmp, p->nr, p, by_row_place);
    for (size_t i = 0; i < p->nr; i++)
        p->r[p->order[i]].order = i;
    for (size_t i = 0; i < p->nb; i++)
        if (p->b[i].row >= 0)
            p->m[p->nm++] = (member){.kind = 0, .idx = (long)i, .row = (long)p->r[p->b[i].row].order, .x0 = p->b[i].x0};
    for (size_t i = 0; i < p->nf; i++)
        if (p->f[i].row >= 0)
            p->m[p->nm++] = (member){.kind = 1, .idx = (long)i, .row = (long)p->r[p->f[i].row].order, .x0 = p->f[i].x0};
    qsort(p->m, p->nm, sizeof *p->m, by_member);
    size_t k = 0;
    for (size_t r = 0; r <= p->nr; r++) {
        while (k < p->nm && p->m[k].row < (long)r)
            k++;
        p->first_member[r] = k;
    }
    return true;
}

/* ---------- writing ---------- */

static void member_box(const page *p, const member *m, double *x0, double *x1, double *y0, double *y1)
{
    if (m->kind == 0) {
        const block *b = &p->b[m->idx];
        *x0 = b->x0, *x1 = b->x1, *y0 = b->y0, *y1 = b->y1;
    } else {
        const frag *f = &p->f[m->idx];
        *x0 = f->x0, *x1 = f->x1, *y0 = f->y0, *y1 = f->y1;
    }
}

static bool put_block(const page *p, const block *b, cf_buf *out, const char *between_lines)
{
    bool first = true;
    for (long f = b->head; f >= 0; f = p->f[f].next) {
        if (!first && !cf_buf_puts(out, between_lines))
            return false;
        if (!cf_buf_append(out, p->text.data + p->f[f].off, p->f[f].len))
            return false;
        first = false;
    }
    return true;
}

/* Where a cell written goes in its table's grid; table 0: a place on the page only. */
typedef struct {
    unsigned table;
    size_t row, col, colspan;
} grid_place;

static const grid_place NO_GRID = {0, 0, 0, 1};

/* The view's lines before its end (counted once: out only grows). */
static size_t line_now(cf_pdf_layout *L)
{
    for (; L->counted < L->out->len; L->counted++)
        L->lines += L->out->data[L->counted] == '\n';
    return L->lines;
}

/* A cell of a table row; written into the page's text, it is mapped to its page and box, and to its
 * place in its table's grid. */
static bool put_member(const page *p, const member *m, cf_buf *out, grid_place at)
{
    size_t start = out->len;
    bool ok = m->kind == 0 ? put_block(p, &p->b[m->idx], out, "")
                           : cf_buf_append(out, p->text.data + p->f[m->idx].off, p->f[m->idx].len);
    if (ok && out == p->layout->out && p->layout->map) {
        cf_doccell c = {.table = at.table, .row = at.row, .col = at.col, .rowspan = 1, .colspan = at.colspan,
                        .byte_start = start, .byte_end = out->len, .page = p->layout->page};
        member_box(p, m, &c.x0, &c.x1, &c.y0, &c.y1);
        ok = cf_docmap_add(p->layout->map, &c);
    }
    return ok;
}

/* A row written into the view: its line and its first record in the map (SIZE_MAX: it has none). */
static void mark_row(page *p, size_t r, bool recorded)
{
    p->row_line[r] = line_now(p->layout);
    p->row_record[r] = recorded && p->layout->map ? cf_docmap_count(p->layout->map) : SIZE_MAX;
}

/* A free row: its cells TAB-separated (each a place on the page); a lone block outside a table line by
 * line. */
static bool put_free_row(page *p, size_t r, bool in_table, cf_buf *out)
{
    size_t lo = p->first_member[r], hi = p->first_member[r + 1];
    bool lone = hi - lo == 1 && !in_table;
    if (out == p->layout->out)
        mark_row(p, r, !lone);
    if (lone)
        return put_block(p, &p->b[p->m[lo].idx], out, "\n") && cf_buf_puts(out, "\n");
    for (size_t k = lo; k < hi; k++)
        if ((k > lo && !cf_buf_puts(out, "\t")) || !put_member(p, &p->m[k], out, NO_GRID))
            return false;
    return cf_buf_puts(out, "\n");
}

/* The column of each value member of row r (members lo..hi, values from first_value on), or
 * false when a value's column cannot be told: near two columns, or a column taken twice. */
static bool slot_values(const page *p, const columns *cols, size_t first_value, size_t hi, long *slot)
{
    if (cols->n == 0)
        return false;
    bool taken[64] = {false};
    for (size_t k = first_value; k < hi; k++) {
        double x0, x1, y0, y1;
        member_box(p, &p->m[k], &x0, &x1, &y0, &y1);
        double xc = (x0 + x1) / 2;
        size_t best = 0;
        double d1 = INFINITY, d2 = INFINITY;
        for (size_t c = 0; c < cols->n; c++) {
            double d = fabs(xc - cols->c[c]);
            if (d < d1) {
                d2 = d1;
                d1 = d;
                best = c;
            } else if (d < d2) {
                d2 = d;
            }
        }
        bool overlaps = x0 <= cols->x1[best] && x1 >= cols->x0[best];
        bool overlaps_other = false;
        for (size_t c = 0; c < cols->n; c++)
            overlaps_other |= c != best && x0 <= cols->x1[c] && x1 >= cols->x0[c];
        bool clear = (overlaps && !overlaps_other) || (!overlaps_other && d1 < 0.5 * d2);
        if (!clear || taken[best])
            return false;
        taken[best] = true;
        slot[k - first_value] = (long)best;
    }
    return true;
}

/* Index of the first member of row r that stands in the value area (from vx0 on). */
static size_t first_value_member(const page *p, size_t r, double vx0)
{
    size_t lo = p->first_member[r], hi = p->first_member[r + 1];
    for (size_t k = lo; k < hi; k++) {
        double x0, x1, y0, y1;
        member_box(p, &p->m[k], &x0, &x1, &y0, &y1);
        if (p->m[k].kind == 1 || (x0 + x1) / 2 >= vx0 - 0.25 * p->r[p->order[r]].h)
            return k;
    }
    return hi;
}

/* How the rows of a run are written into their table's grid. */
typedef struct {
    const grid_table *table;
    const columns *by_header, *by_rows; /* the columns a row's values are tried against, in turn */
    const columns *grid_cols;           /* which of them the table's value columns are */
    double values_x0;                   /* where header cells stop standing over the row labels */
} run_grid;

/* Column col (span columns wide) of the row being written. */
static grid_place grid_at(const page *p, const run_grid *g, size_t col, size_t span)
{
    return (grid_place){g->table->number, line_now(p->layout) - g->table->first_line, col, span};
}

/* A blank cell of the row being written: an empty column slot of the grid, where its field is, with the
 * box of its column and row. */
static bool put_blank(const page *p, grid_place at, double x0, double x1, double y0, double y1, const cf_buf *out)
{
    if (!at.table || !p->layout->map)
        return true;
    cf_doccell c = {.table = at.table, .row = at.row, .col = at.col, .rowspan = 1, .colspan = 1,
                    .byte_start = out->len, .byte_end = out->len, .page = p->layout->page,
                    .x0 = x0, .y0 = y0, .x1 = x1, .y1 = y1};
    return cf_docmap_add(p->layout->map, &c);
}

/* Values that cannot be placed under the table's columns stand in columns of their own past them; a row
 * of more values than this has more than any form's row, and cells over no column stand after them. */
#define MAX_ROW_VALUES 64

/* The grid place of a cell not among a row's values (a header cell, a label of a row of no values):
 * the value columns whose centres its extent covers; the next label column when it begins over the row
 * labels (then over the value columns it reaches too); over no column, one of its own past every column
 * a value may stand in, so that it heads none. */
static grid_place cell_place(const page *p, const run_grid *g, const member *m, size_t grid_row, double h,
                             size_t *next_label)
{
    double x0, x1, y0, y1;
    member_box(p, m, &x0, &x1, &y0, &y1);
    const columns *cols = g->grid_cols;
    size_t labels = g->table->labels, first = SIZE_MAX, last = 0;
    for (size_t c = 0; c < cols->n; c++)
        if (cols->c[c] >= x0 - 0.25 * h && cols->c[c] <= x1 + 0.25 * h) {
            first = first == SIZE_MAX ? c : first;
            last = c;
        }
    grid_place at = {g->table->number, grid_row, 0, 1};
    if (x0 < g->values_x0 - 0.5 * h || cols->n == 0) {
        at.col = *next_label < labels ? *next_label : labels - 1;
        *next_label = at.col + 1;
        at.colspan = first == SIZE_MAX ? 1 : labels + last + 1 - at.col;
        return at;
    }
    if (first == SIZE_MAX) {
        at.col = labels + g->table->cols.n + MAX_ROW_VALUES;
        return at;
    }
    at.col = labels + first;
    at.colspan = last - first + 1;
    return at;
}

/* A row of a run with no values: its labels right-aligned in the label columns like a row's, the rest
 * where it stands. */
static bool put_run_free_row(page *p, size_t r, double vx0, const run_grid *g, cf_buf *out)
{
    mark_row(p, r, true);
    size_t lo = p->first_member[r], hi = p->first_member[r + 1], fv = first_value_member(p, r, vx0);
    size_t labels = g->table->labels, next_label = labels, n = fv - lo;
    for (size_t k = lo; k < hi; k++) {
        grid_place at = k < fv ? grid_at(p, g, labels - (n < labels ? n : labels) + (k - lo < labels ? k - lo : labels - 1), 1)
                               : cell_place(p, g, &p->m[k], line_now(p->layout) - g->table->first_line,
                                            p->r[p->order[r]].h, &next_label);
        if ((k > lo && !cf_buf_puts(out, "\t")) || !put_member(p, &p->m[k], out, at))
            return false;
    }
    return cf_buf_puts(out, "\n");
}

/* A row of values: its labels right-aligned in the table's label columns, then one field per value
 * column (an empty one where the cell is blank), each value in its grid column. */
static bool put_anchor_row(page *p, size_t r, double vx0, const run_grid *g, cf_buf *out)
{
    mark_row(p, r, true);
    size_t lo = p->first_member[r], hi = p->first_member[r + 1];
    size_t fv = first_value_member(p, r, vx0);
    size_t labels = g->table->labels, n = fv - lo;
    for (size_t k = lo; k < fv; k++) {
        size_t col = labels - (n < labels ? n : labels) + (k - lo < labels ? k - lo : labels - 1);
        if (!put_member(p, &p->m[k], out, grid_at(p, g, col, 1)) || !cf_buf_puts(out, "\t"))
            return false;
    }
    long slot[MAX_ROW_VALUES];
    const columns *cols = NULL;
    if (hi - fv <= MAX_ROW_VALUES) {
        if (slot_values(p, g->by_header, fv, hi, slot))
            cols = g->by_header;
        else if (slot_values(p, g->by_rows, fv, hi, slot))
            cols = g->by_rows;
    }
    /* values not placed under the table's value columns stand in columns of their own past them, under
     * no heading: the label mapping counts them, as it would the text */
    size_t past = labels + g->table->cols.n;
    if (!cols) { /* undecided: the values alone, and the extractor guesses (and flags) the blanks */
        for (size_t k = fv; k < hi; k++)
            if ((k > fv && !cf_buf_puts(out, "\t")) ||
                !put_member(p, &p->m[k], out, grid_at(p, g, past + (k - fv), 1)))
                return false;
        return cf_buf_puts(out, "\n");
    }
    size_t base = cols == g->grid_cols ? labels : past;
    const row *rw = &p->r[p->order[r]];
    for (size_t c = 0; c < cols->n; c++) {
        if (c > 0 && !cf_buf_puts(out, "\t"))
            return false;
        bool blank = true;
        for (size_t k = fv; k < hi; k++)
            if (slot[k - fv] == (long)c) {
                if (!put_member(p, &p->m[k], out, grid_at(p, g, base + c, 1)))
                    return false;
                blank = false;
            }
        if (blank && !put_blank(p, grid_at(p, g, base + c, 1), cols->x0[c], cols->x1[c], rw->top, rw->top + rw->h, out))
            return false;
    }
    return cf_buf_puts(out, "\n");
}

/* Columns from header cells: the blocks of rows hdr_lo..hdr_hi that begin right of the row
 * labels (vx0) with no other such block below them (a heading over sub-headings is not a
 * column). */
static void header_columns(const page *p, size_t hdr_lo, size_t hdr_hi, double vx0, double vx1, double h, columns *cols)
{
    cols->n = 0;
    size_t lo = p->first_member[hdr_lo], hi = p->first_member[hdr_hi];
    for (size_t k = lo; k < hi && cols->n < 64; k++) {
        double x0, x1, y0, y1;
        member_box(p, &p->m[k], &x0, &x1, &y0, &y1);
        double xc = (x0 + x1) / 2;
        if (x0 < vx0 - 0.5 * h || x0 > vx1 + 0.5 * h)
            continue; /* over the labels (a heading spanning the table), or right of every value */
        bool leaf = true;
        for (size_t j = lo; j < hi && leaf; j++) {
            double a0, a1, b0, b1;
            member_box(p, &p->m[j], &a0, &a1, &b0, &b1);
            if (j != k && b0 >= y1 - 0.3 * h && fmin(x1, a1) - fmax(x0, a0) > 0.2 * h && a0 >= vx0 - 0.5 * h)
                leaf = false;
        }
        if (!leaf)
            continue;
        size_t at = cols->n;
        while (at > 0 && cols->c[at - 1] > xc) { /* keep them left to right */
            cols->c[at] = cols->c[at - 1], cols->x0[at] = cols->x0[at - 1], cols->x1[at] = cols->x1[at - 1];
            at--;
        }
        cols->c[at] = xc, cols->x0[at] = x0, cols->x1[at] = x1;
        cols->n++;
    }
}

/* A header column (header) of one character close right of another that starts at a value
 * column's left edge, within that column, is the same column when the rows (rows) set their
 * values flush left: a justified line spreads its characters over a narrow cell ("自   然" over
 * "人"), fragments apart but one heading — up to a character's width apart or more (Chromium
 * set 自 and 然 0.9 h apart over a 2.5em label column's table). */
static void join_spread_headings(columns *header, const columns *rows, double h)
{
    if (!rows->flush_left || rows->n == 0)
        return;
    size_t kept = 0;
    for (size_t k = 0; k < header->n; k++) {
        bool inside = false;
        for (size_t c = 0; c < rows->n && kept > 0 && !inside; c++) {
            double next = c + 1 < rows->n ? rows->x0[c + 1] - 0.3 * h : INFINITY;
            inside = fabs(header->x0[kept - 1] - rows->x0[c]) < 0.3 * h && header->x0[k] > rows->x0[c] + 0.3 * h &&
                     header->x1[k] < next && header->x1[k] - header->x0[k] < 1.2 * h &&
                     header->x0[k] - header->x1[kept - 1] < 1.2 * h;
        }
        if (inside) {
            header->x1[kept - 1] = fmax(header->x1[kept - 1], header->x1[k]);
            header->c[kept - 1] = (header->x0[kept - 1] + header->x1[kept - 1]) / 2;
            continue;
        }
        header->c[kept] = header->c[k], header->x0[kept] = header->x0[k], header->x1[kept] = header->x1[k];
        kept++;
    }
    header->n = kept;
}

/* Columns from the rows of a run that have the most values, when they agree. */
static void row_columns(const page *p, size_t from, size_t to, double vx0, columns *cols)
{
    size_t most = 0, rows = 0;
    for (size_t r = from; r < to; r++)
        if (p->r[p->order[r]].anchor) {
            size_t n = p->first_member[r + 1] - first_value_member(p, r, vx0);
            most = n > most ? n : most;
        }
    cols->n = most <= 64 ? most : 0;
    cols->flush_left = true;
    for (size_t c = 0; c < cols->n; c++)
        cols->c[c] = 0, cols->x0[c] = INFINITY, cols->x1[c] = -INFINITY;
    for (size_t r = from; r < to && cols->n; r++) {
        if (!p->r[p->order[r]].anchor)
            continue;
        size_t fv = first_value_member(p, r, vx0), hi = p->first_member[r + 1];
        if (hi - fv != most)
            continue;
        rows++;
        for (size_t k = fv; k < hi; k++) {
            double x0, x1, y0, y1;
            member_box(p, &p->m[k], &x0, &x1, &y0, &y1);
            size_t c = k - fv;
            if (rows > 1 && fabs(x0 - cols->x0[c]) > 0.1 * (y1 - y0))
                cols->flush_left = false;
            cols->c[c] += (x0 + x1) / 2;
            cols->x0[c] = fmin(cols->x0[c], x0);
            cols->x1[c] = fmax(cols->x1[c], x1);
        }
    }
    cols->flush_left &= rows > 1; /* one row proves no alignment */
    for (size_t c = 0; c < cols->n; c++)
        cols->c[c] /= (double)rows;
    for (size_t c = 1; c < cols->n; c++)
        if (cols->x0[c] <= cols->x1[c - 1])
            cols->n = 0; /* the fullest rows disagree about where their columns are */
}

/* Does free row r end a run of table rows whose values span vx0..vx1? It does when a cell
 * of it stands over the values (a new header) or it is a line of prose. */
static bool ends_run(const page *p, size_t r, double vx0, double vx1)
{
    size_t lo = p->first_member[r], hi = p->first_member[r + 1];
    double h = p->r[p->order[r]].h;
    for (size_t k = lo; k < hi; k++) {
        double x0, x1, y0, y1;
        member_box(p, &p->m[k], &x0, &x1, &y0, &y1);
        if (x1 > vx0 - 0.5 * h && x0 < vx1 + 0.5 * h)
            return true;
        if (hi - lo == 1 && x1 - x0 > 0.6 * (p->text_x1 - p->text_x0))
            return true;
    }
    return false;
}

/* The header rows above a new table's first row (rows from hdr_lo to r, those right above it written as
 * one line each with their cells recorded) become the grid's first rows; its first line is theirs. */
static bool grid_header_rows(page *p, size_t hdr_lo, size_t r, const run_grid *g, grid_table *t)
{
    size_t first = r, next_line = line_now(p->layout);
    while (first > hdr_lo && p->row_record[first - 1] != SIZE_MAX && p->row_line[first - 1] + 1 == next_line)
        next_line = p->row_line[--first];
    t->first_line = next_line;
    for (size_t k = first; k < r; k++) {
        size_t next_label = 0, lo = p->first_member[k];
        for (size_t j = lo; j < p->first_member[k + 1]; j++) {
            grid_place at = cell_place(p, g, &p->m[j], p->row_line[k] - t->first_line, p->r[p->order[k]].h, &next_label);
            if (!cf_docmap_set_grid(p->layout->map, p->row_record[k] + (j - lo), at.table, at.row, at.col, at.colspan))
                return false;
        }
    }
    return true;
}

static bool put_page(page *p)
{
    cf_pdf_layout *L = p->layout;
    cf_buf *out = L->out;
    L->header.len = 0;
    if (L->header.data)
        L->header.data[0] = '\0';
    size_t hdr_lo = 0;
    for (size_t k = 0; k < p->nr; k++)
        p->row_record[k] = SIZE_MAX;
    bool nothing_yet = true; /* nothing of this page written yet: a table of the last page may go on */
    size_t first_anchor = p->nr;
    for (size_t r = 0; r < p->nr && first_anchor == p->nr; r++)
        if (p->r[p->order[r]].anchor)
            first_anchor = r;
    size_t r = 0;
    /* a table's header rows repeated at the top of this page: dropped. They are the first rows
     * of the page and the end of the last page's header (which may have begun with a heading) */
    if (L->last_header.len && first_anchor < p->nr) {
        cf_buf lead;
        cf_buf_init(&lead);
        const cf_buf *last = &L->last_header;
        for (size_t k = 0; k < first_anchor; k++) {
            if (!put_free_row(p, k, true, &lead)) {
                cf_buf_release(&lead);
                return false;
            }
            if (lead.len <= last->len && (lead.len == last->len || last->data[last->len - lead.len - 1] == '\n') &&
                memcmp(lead.data, last->data + last->len - lead.len, lead.len) == 0)
                r = k + 1;
        }
        cf_buf_release(&lead);
    }
    while (r < p->nr) {
        const row *rw = &p->r[p->order[r]];
        if (!rw->anchor) {
            L->open.number = 0; /* a table of the last page goes on only straight after the page break */
            nothing_yet = false;
            if (!put_free_row(p, r, false, out))
                return false;
            double x0, x1, y0, y1;
            size_t lo = p->first_member[r], hi = p->first_member[r + 1];
            member_box(p, &p->m[lo], &x0, &x1, &y0, &y1);
            if (hi - lo == 1 && x1 - x0 > 0.6 * (p->text_x1 - p->text_x0))
                hdr_lo = r + 1; /* prose: no header above it counts */
            r++;
            continue;
        }
        /* a run of table rows: anchor rows and the label-only rows between them */
        double vx0 = rw->vx0, vx1 = rw->vx1, h = rw->h;
        size_t end = r + 1;
        while (end < p->nr) {
            const row *e = &p->r[p->order[end]];
            if (e->anchor) {
                vx0 = fmin(vx0, e->vx0), vx1 = fmax(vx1, e->vx1), h = fmax(h, e->h);
            } else if (ends_run(p, end, vx0, vx1)) {
                break;
            }
            end++;
        }
        while (end > r + 1 && !p->r[p->order[end - 1]].anchor)
            end--; /* label-only rows after the last values belong to what follows */
        /* header cells count from where the row labels end: blank columns have no values */
        double labels_x1 = p->text_x0;
        for (size_t k = r; k < end; k++)
            if (p->r[p->order[k]].anchor) {
                size_t fv = first_value_member(p, k, vx0);
                for (size_t j = p->first_member[k]; j < fv; j++) {
                    double x0, x1, y0, y1;
                    member_box(p, &p->m[j], &x0, &x1, &y0, &y1);
                    labels_x1 = fmax(labels_x1, x1);
                }
            }
        columns by_header, by_rows;
        header_columns(p, hdr_lo, r, labels_x1 + 0.5 * h, vx1, h, &by_header);
        row_columns(p, r, end, vx0, &by_rows);
        join_spread_headings(&by_header, &by_rows, h);
        L->header.len = 0;
        for (size_t k = hdr_lo; k < r; k++)
            if (!put_free_row(p, k, true, &L->header))
                return false;
        /* the run as a table of the map: label columns for the most labels a row has, then the value
         * columns (the header's, else the fullest rows'). Straight after a page break it goes on with
         * the table the last page ended in when it fits it, under that table's (dropped) header */
        size_t labels = 1;
        for (size_t k = r; k < end; k++)
            if (first_value_member(p, k, vx0) - p->first_member[k] > labels)
                labels = first_value_member(p, k, vx0) - p->first_member[k];
        bool goes_on = nothing_yet && L->open.number && labels <= L->open.labels;
        if (goes_on && by_header.n == 0)
            by_header = L->open.cols;
        const columns *grid_cols = by_header.n ? &by_header : &by_rows;
        grid_table t = L->open;
        run_grid g = {&t, &by_header, &by_rows, grid_cols, labels_x1 + 0.5 * h};
        if (!goes_on || grid_cols->n != L->open.cols.n) {
            t = (grid_table){.number = L->map ? ++L->tables : 0, .labels = labels, .cols = *grid_cols};
            t.first_line = line_now(L);
            if (t.number && !grid_header_rows(p, hdr_lo, r, &g, &t))
                return false;
        }
        for (; r < end; r++) {
            bool ok = p->r[p->order[r]].anchor ? put_anchor_row(p, r, vx0, &g, out)
                                                : put_run_free_row(p, r, vx0, &g, out);
            if (!ok)
                return false;
        }
        L->open = t;
        if (end < p->nr)
            L->open.number = 0; /* the table ends on this page */
        nothing_yet = false;
        hdr_lo = end;
    }
    return true;
}

/* ---------- public ---------- */

cf_pdf_layout *cf_pdf_layout_new(cf_buf *out, cf_docmap *map)
{
    cf_pdf_layout *L = cf_calloc(1, sizeof *L);
    if (!L)
        return NULL;
    L->out = out;
    L->map = map;
    cf_buf_init(&L->last_header);
    cf_buf_init(&L->header);
    return L;
}

void cf_pdf_layout_free(cf_pdf_layout *layout)
{
    if (!layout)
        return;
    cf_buf_release(&layout->last_header);
    cf_buf_release(&layout->header);
    cf_free(layout);
}

/* "— 第 N 页 —" above each page, the first too, so the view shows which page every line is on;
 * the extractor drops it as it drops any page marker. */
static bool put_marker(cf_pdf_layout *layout, unsigned page_number)
{
    return cf_buf_printf(layout->out, "\xE2\x80\x94 第 %u 页 \xE2\x80\x94\n", page_number);
}

bool cf_pdf_layout_skip(cf_pdf_layout *layout, unsigned page_number, const char *note)
{
    layout->last_header.len = 0; /* a table does not run on across a page that was not read */
    layout->open.number = 0;
    return put_marker(layout, page_number) && (!note || (cf_buf_puts(layout->out, note) && cf_buf_puts(layout->out, "\n")));
}

bool cf_pdf_layout_page(cf_pdf_layout *layout, unsigned page_number, const cf_pdf_glyph *glyphs, size_t count)
{
    if (!put_marker(layout, page_number))
        return false;
    layout->page = page_number;
    bool cut = count > MAX_PAGE_GLYPHS;
    if (cut)
        count = MAX_PAGE_GLYPHS;
    page p = {.layout = layout};
    cf_buf_init(&p.text);
    size_t *idx = NULL, *tmp = NULL;
    bool ok = make_fragments(&p, glyphs, count);
    if (ok) {
        drop_page_numbers(&p);
        idx = cf_calloc(p.nf + 1, sizeof *idx);
        tmp = cf_calloc(p.nf + 1, sizeof *tmp);
        p.b = cf_calloc(p.nf + 1, sizeof *p.b);
        p.r = cf_calloc(p.nf + 1, sizeof *p.r);
        ok = idx && tmp && p.b && p.r;
    }
    if (ok) {
        make_anchor_rows(&p, idx, tmp);
        size_t anchors = p.nr;
        make_blocks(&p, idx, tmp);
        size_t ntext = 0; /* make_blocks left the text fragments in idx by top */
        for (size_t i = 0; i < p.nf; i++)
            ntext += !p.f[i].numeric && !p.f[i].dropped;
        place_blocks(&p, anchors, idx, ntext);
        make_free_rows(&p, idx, tmp);
        ok = gather_members(&p, tmp) && put_page(&p);
    }
    if (ok && cut)
        ok = cf_buf_printf(layout->out, _("[only the first %d characters of this page were read: it holds too many]"),
                           MAX_PAGE_GLYPHS) && cf_buf_puts(layout->out, "\n");
    if (ok) { /* this page's last table header is the one a next page may repeat */
        cf_buf swap = layout->last_header;
        layout->last_header = layout->header;
        layout->header = swap;
    }
    cf_free(idx);
    cf_free(tmp);
    cf_free(p.f);
    cf_free(p.b);
    cf_free(p.r);
    cf_free(p.order);
    cf_free(p.m);
    cf_free(p.first_member);
    cf_free(p.row_line);
    cf_free(p.row_record);
    cf_buf_release(&p.text);
    return ok;
}
