/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_drawn.c — drawn grids: tables whose rules and bars are printed (w3m, elinks, links, pandoc).
 *
 * 1. The block: a top border, lines that start and end with a bar or a junction, a bottom border.
 * 2. The measure: a CJK character counts one column (lynx, links) or two (w3m, elinks); the measure
 *    under which every bar and junction falls on the fewest distinct columns is the converter's.
 * 3. Column edges: every column where a bar or junction stands, on any line of the block.
 * 4. Row bands: a line with a horizontal rule between two edges closes the cell above it in that
 *    column only, so a merged group cell (（三）不予公开) runs on past the rules of its neighbours.
 * 5. A cell spans the columns whose edges carry no bar on its lines, and holds all the text inside
 *    its band and span, joined in reading order. */
#include "layout.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

#define MAX_LINES 4000    /* lines of one drawn table */
#define MAX_CHARS 2000    /* characters of one of its lines */
#define MAX_EDGES 128     /* column edges */
#define MAX_INDENT 16     /* spaces before the first bar */
#define MAX_SKEW 8        /* columns a bar of a text line may stand off the grid's (realign_line) */

typedef enum { CH_TEXT, CH_SPACE, CH_BAR, CH_JUNCTION, CH_RULE } char_kind;

typedef struct {
    size_t byte; /* offset in the line */
    unsigned char len;
    unsigned char kind;
    bool wide;
    uint32_t cp;
    long x; /* display column in the measure being tried */
} glyph;

typedef struct {
    glyph *g;
    size_t count;
    size_t skip; /* characters of the line before g[0]: an outer table's frame (see frame_of) */
} glyph_line;

static char_kind kind_of(uint32_t cp)
{
    if (cp == ' ' || cp == '\t')
        return CH_SPACE;
    if (cp == '|' || cp == 0x2502 || cp == 0x2503 || cp == 0x2551 || cp == 0x2506 || cp == 0x2507 ||
        cp == 0x250A || cp == 0x250B)
        return CH_BAR;
    if (cp == '-' || cp == '=' || cp == 0x2500 || cp == 0x2501 || cp == 0x2504 || cp == 0x2505 ||
        cp == 0x2508 || cp == 0x2509 || cp == 0x254C || cp == 0x254D || cp == 0x2550)
        return CH_RULE;
    if (cp == '+' || (cp >= 0x250C && cp <= 0x254B) || (cp >= 0x2552 && cp <= 0x2570))
        return CH_JUNCTION;
    return CH_TEXT;
}

/* An ASCII '+' is a junction only beside a rule or at an end ("+1036" in a cell is text); a
 * '-' or '=' is a rule only beside another rule or a junction ("-" alone in a cell is "not
 * applicable"). */
static void settle_ascii(glyph_line *gl)
{
    for (size_t i = 0; i < gl->count; i++) {
        glyph *c = &gl->g[i];
        bool prev_rule = i > 0 && (gl->g[i - 1].kind == CH_RULE || gl->g[i - 1].cp == '+' || gl->g[i - 1].cp == ':');
        bool next_rule = i + 1 < gl->count &&
                         (gl->g[i + 1].kind == CH_RULE || gl->g[i + 1].cp == '+' || gl->g[i + 1].cp == ':');
        if (c->cp == '+' && !prev_rule && !next_rule && i > 0 && i + 1 < gl->count)
            c->kind = CH_TEXT;
        if ((c->cp == '-' || c->cp == '=') && !prev_rule && !next_rule)
            c->kind = CH_TEXT;
        if (c->cp == ':' && (prev_rule || next_rule))
            c->kind = CH_RULE; /* pandoc's alignment marks "+:---+" */
    }
}

/* Decode a line into glyphs; false when it is too long or not UTF-8 enough to be a drawn row. */
static bool read_glyphs(const char *s, size_t len, glyph *out, size_t *count)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = cf_utf8_decode(s + i, len - i, &cp);
        if (k == 0) {
            k = 1;
            cp = 0xFFFD;
        }
        if (cp == '\r' && i + k == len)
            break;
        if (n == MAX_CHARS)
            return false;
        out[n++] = (glyph){.byte = i, .len = (unsigned char)k, .kind = (unsigned char)kind_of(cp),
                           .wide = cf_is_wide(cp), .cp = cp};
        i += k;
    }
    *count = n;
    return true;
}

static size_t first_visible(const glyph_line *gl)
{
    size_t i = 0;
    while (i < gl->count && gl->g[i].kind == CH_SPACE)
        i++;
    return i;
}

static size_t last_visible(const glyph_line *gl)
{
    size_t i = gl->count;
    while (i > 0 && gl->g[i - 1].kind == CH_SPACE)
        i--;
    return i; /* one past */
}

/* A line of the table: it starts (after a little indentation) and ends with a bar or junction. */
static bool is_table_line(const glyph_line *gl)
{
    size_t a = first_visible(gl), b = last_visible(gl);
    if (a >= b || a > MAX_INDENT)
        return false;
    unsigned char ka = gl->g[a].kind, kb = gl->g[b - 1].kind;
    return (ka == CH_BAR || ka == CH_JUNCTION) && (kb == CH_BAR || kb == CH_JUNCTION) && b - a >= 3;
}

/* A border: only junctions and rules, at least one rule, starting with a junction. */
static bool is_border(const glyph_line *gl)
{
    size_t a = first_visible(gl), b = last_visible(gl);
    if (a >= b || gl->g[a].kind != CH_JUNCTION)
        return false;
    bool rule = false;
    for (size_t i = a; i < b; i++) {
        if (gl->g[i].kind != CH_JUNCTION && gl->g[i].kind != CH_RULE)
            return false;
        rule |= gl->g[i].kind == CH_RULE;
    }
    return rule;
}

static void measure(glyph_line *lines, size_t count, bool wide)
{
    for (size_t l = 0; l < count; l++) {
        long x = 0;
        for (size_t i = 0; i < lines[l].count; i++) {
            lines[l].g[i].x = x;
            x += wide && lines[l].g[i].wide ? 2 : 1;
        }
    }
}

static bool is_edge_glyph(const glyph *g) { return g->kind == CH_BAR || g->kind == CH_JUNCTION; }

/* The distinct columns where bars and junctions stand, sorted; false when there are too many. */
static bool find_edges(const glyph_line *lines, size_t count, long *edges, size_t *nedges)
{
    size_t n = 0;
    for (size_t l = 0; l < count; l++)
        for (size_t i = 0; i < lines[l].count; i++) {
            if (!is_edge_glyph(&lines[l].g[i]))
                continue;
            long x = lines[l].g[i].x;
            size_t at = 0;
            while (at < n && edges[at] < x)
                at++;
            if (at < n && edges[at] == x)
                continue;
            if (n == MAX_EDGES)
                return false;
            memmove(edges + at + 1, edges + at, (n - at) * sizeof *edges);
            edges[at] = x;
            n++;
        }
    *nedges = n;
    return n >= 2;
}

/* The first glyph of a line at display column x or after it. A glyph's column is strictly past
 * the one before it, so a binary search finds it: a scan from the line's start, once per column
 * and per line, was most of a drawn table's cost. */
static size_t first_at(const glyph_line *gl, long x)
{
    size_t lo = 0, hi = gl->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (gl->g[mid].x < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Glyphs of a line strictly between display columns lo and hi: [*from, *to). */
static void slice(const glyph_line *gl, long lo, long hi, size_t *from, size_t *to)
{
    size_t i = first_at(gl, lo + 1), j = first_at(gl, hi);
    *from = i;
    *to = j > i ? j : i;
}

static bool is_rule_segment(const glyph_line *gl, long lo, long hi)
{
    size_t a, b;
    slice(gl, lo, hi, &a, &b);
    if (a == b)
        return false;
    for (size_t i = a; i < b; i++)
        if (gl->g[i].kind != CH_RULE)
            return false;
    return true;
}

static bool bar_at(const glyph_line *gl, long x)
{
    size_t i = first_at(gl, x);
    return i < gl->count && gl->g[i].x == x && is_edge_glyph(&gl->g[i]);
}

/* A line of the grid's structure: bars, junctions and rules only, no text. */
static bool is_structure(const glyph_line *gl)
{
    for (size_t i = 0; i < gl->count; i++)
        if (gl->g[i].kind == CH_TEXT)
            return false;
    return true;
}

static bool edge_on(const glyph_line *a, const glyph_line *b, long x)
{
    return (a && bar_at(a, x)) || (b && bar_at(b, x));
}

/* How many bars of gl from glyph `from` on stand on a structure column once moved by `shift`. */
static size_t bars_on_edges(const glyph_line *gl, size_t from, long shift, const glyph_line *a, const glyph_line *b)
{
    size_t n = 0;
    for (size_t i = from; i < gl->count; i++)
        n += is_edge_glyph(&gl->g[i]) && edge_on(a, b, gl->g[i].x + shift);
    return n;
}

/* Where bar i of gl goes, moved by `shift` so far: the nearest structure column (a bar or junction
 * of line a or b) past column `after`, at most MAX_SKEW away. Of two equally near, the one under
 * which more of the bars after it stand on structure columns (one miscounted character shifts all
 * of them alike); -1 when none is near or the two tie. */
static long nearest_edge(const glyph_line *gl, size_t i, long shift, long after, const glyph_line *a,
                         const glyph_line *b)
{
    long x = gl->g[i].x + shift;
    for (long d = 0; d <= MAX_SKEW; d++) {
        bool lo = x - d > after && edge_on(a, b, x - d);
        bool hi = d > 0 && x + d > after && edge_on(a, b, x + d);
        if (lo && hi) {
            size_t left = bars_on_edges(gl, i + 1, shift - d, a, b);
            size_t right = bars_on_edges(gl, i + 1, shift + d, a, b);
            return left == right ? -1 : left > right ? x - d : x + d;
        }
        if (lo || hi)
            return lo ? x - d : x + d;
    }
    return -1;
}

/* A line of text whose bars stand off the grid's columns: the converter counted some character of
 * it (“ ” …, whose width is ambiguous) wider or narrower than the measure does, so every bar after
 * it is shifted. Each bar is moved onto the nearest column where the structure lines above and below
 * the line have a bar or junction (in order, at most MAX_SKEW away); the text between two bars moves
 * with the bar before it, and where that leaves too little room the padding before the next bar
 * gives way, so the line's cells stand in the columns they are drawn in. A line that cannot be so
 * matched is left as it is. */
static void realign_line(glyph_line *gl, const glyph_line *above, const glyph_line *below)
{
    long moved[MAX_CHARS];
    long last = -1, shift = 0; /* where the last bar went, and by how much it moved */
    bool any = false;
    for (size_t i = 0; i < gl->count; i++) {
        if (!is_edge_glyph(&gl->g[i]))
            continue;
        long at = nearest_edge(gl, i, shift, last, above, below);
        if (at < 0)
            return;
        moved[i] = at;
        shift = at - gl->g[i].x;
        any |= shift != 0;
        last = at;
    }
    if (!any)
        return;
    /* the glyphs between two bars move with the bar before them; where that leaves too little room
     * before the bar after them they are squeezed from the right, padding spaces onto one column,
     * text one column a character (binary searches need the columns only to not decrease) */
    size_t left = SIZE_MAX; /* the bar before glyph i */
    for (size_t i = 0; i < gl->count; i++) {
        if (!is_edge_glyph(&gl->g[i])) {
            moved[i] = gl->g[i].x + (left == SIZE_MAX ? 0 : moved[left] - gl->g[left].x);
            continue;
        }
        long bound = moved[i] - 1;
        for (size_t k = i; k-- > 0 && !is_edge_glyph(&gl->g[k]);) {
            if (moved[k] > bound)
                moved[k] = bound;
            bound = gl->g[k].kind == CH_SPACE ? moved[k] : moved[k] - 1;
            if (moved[k] <= (left == SIZE_MAX ? -1 : moved[left]))
                return; /* no room: the text would run into the next column, so it is no shift */
        }
        left = i;
    }
    for (size_t i = 0; i < gl->count; i++)
        gl->g[i].x = moved[i];
}

/* Each text line realigned against the structure lines nearest above and below it, found in one
 * pass each way (a scan from every line would cost the square of a long table's lines). */
static void realign(glyph_line *lines, size_t count)
{
    const glyph_line *above = NULL;
    for (size_t l = 0; l < count; l++) {
        if (is_structure(&lines[l])) {
            above = &lines[l];
            continue;
        }
        size_t k = l + 1;
        while (k < count && !is_structure(&lines[k]))
            k++;
        /* the text lines up to k share their structure lines */
        for (size_t t = l; t < k; t++)
            realign_line(&lines[t], above, k < count ? &lines[k] : NULL);
        l = k - 1;
    }
}

/* A table nested in a cell of another, as pandoc prints a web page laid out in a table:
 * "| | +----+----+       |  |", the inner table's lines framed by the outer one's bars. The frame
 * of a top border: the bars and spaces before its first junction (at least one bar, and no
 * more than a line's worth) and how many bars stand after its last junction. False when the line
 * is no such border. */
static bool frame_of(const glyph_line *gl, size_t *before, size_t *bars_after)
{
    size_t i = 0, bars = 0;
    while (i < gl->count && (gl->g[i].kind == CH_SPACE || gl->g[i].kind == CH_BAR))
        bars += gl->g[i++].kind == CH_BAR;
    if (bars == 0 || i + 1 >= gl->count || gl->g[i].kind != CH_JUNCTION || gl->g[i + 1].kind != CH_RULE ||
        !(gl->g[i].cp == '+' || gl->g[i].cp == 0x250C || gl->g[i].cp == 0x250F || gl->g[i].cp == 0x2554 ||
          gl->g[i].cp == 0x2552 || gl->g[i].cp == 0x2553))
        return false; /* a top-left corner: a band line of a grid ("│  ├──") starts no table */
    size_t j = gl->count, after = 0;
    while (j > i && (gl->g[j - 1].kind == CH_SPACE || gl->g[j - 1].kind == CH_BAR))
        after += gl->g[--j].kind == CH_BAR;
    if (j <= i + 1 || gl->g[j - 1].kind != CH_JUNCTION)
        return false;
    *before = i;
    *bars_after = after;
    return true;
}

/* The part of a line inside the frame: its first `before` characters are bars and spaces, and the
 * last bars_after bars (with the spaces around them) are cut off. False when the line has no
 * such frame: the inner table has ended. */
static bool inside_frame(glyph_line *gl, size_t before, size_t bars_after)
{
    if (gl->count < before)
        return false;
    for (size_t i = 0; i < before; i++)
        if (gl->g[i].kind != CH_SPACE && gl->g[i].kind != CH_BAR)
            return false;
    size_t j = gl->count;
    for (size_t b = 0; b < bars_after; b++) {
        while (j > before && gl->g[j - 1].kind == CH_SPACE)
            j--;
        if (j <= before || gl->g[j - 1].kind != CH_BAR)
            return false;
        j--;
    }
    while (j > before && gl->g[j - 1].kind == CH_SPACE)
        j--;
    gl->g += before;
    gl->count = j - before;
    gl->skip = before;
    return true;
}

bool cf_layout_drawn_starts(const cf_text *text, size_t line)
{
    size_t len;
    const char *s = cf_text_line(text, line, &len);
    size_t i = 0;
    while (i < len && i <= MAX_INDENT && s[i] == ' ')
        i++;
    if (i >= len)
        return false;
    if (s[i] == '+')
        return i + 1 < len && (s[i + 1] == '-' || s[i + 1] == '=' || s[i + 1] == ':');
    uint32_t cp = 0;
    if (cf_utf8_decode(s + i, len - i, &cp) && cp >= 0x250C && cp <= 0x2570 && kind_of(cp) == CH_JUNCTION)
        return true;
    /* a table in an outer table's cell: its frame of bars and spaces, then a corner and a rule */
    if (s[i] != '|' && !(cp == 0x2502 || cp == 0x2503 || cp == 0x2551))
        return false;
    const char *corner = s + i;
    while (corner < s + len && (*corner == ' ' || *corner == '|' || (unsigned char)*corner == 0xE2)) {
        uint32_t c = (unsigned char)*corner;
        size_t n = *corner == (char)0xE2 ? cf_utf8_decode(corner, (size_t)(s + len - corner), &c) : 1;
        if (n == 0 || (c != ' ' && kind_of(c) != CH_BAR))
            break;
        corner += n;
    }
    if (corner + 1 >= s + len)
        return false;
    if (*corner == '+')
        return corner[1] == '-' || corner[1] == '=';
    return cf_utf8_decode(corner, (size_t)(s + len - corner), &cp) && (cp == 0x250C || cp == 0x250F || cp == 0x2554 ||
                                                                         cp == 0x2552 || cp == 0x2553);
}

typedef struct {
    const cf_text *text;
    size_t first; /* line of the block's top border */
    glyph_line *lines;
    size_t count;
    long edges[MAX_EDGES];
    size_t nedges;
    size_t *bands; /* indices (into lines) of the lines with a rule segment; first and last are borders */
    size_t nbands;
    bool *rule; /* nbands × columns: band line b has a rule segment in column j */
} drawn;

static size_t columns_of(const drawn *d) { return d->nedges - 1; }

static bool rule_at(const drawn *d, size_t band, size_t col) { return d->rule[band * columns_of(d) + col]; }

/* Rows (bands) the cell anchored at band row i, column j runs down before a rule closes it. */
static size_t rowspan_at(const drawn *d, size_t i, size_t j)
{
    size_t k = i + 1;
    while (k + 1 < d->nbands && !rule_at(d, k, j))
        k++;
    return k - i;
}

/* True when no line inside band rows [i, i+rows) has a bar at edge e (the cell runs across it). */
static bool open_edge(const drawn *d, size_t i, size_t rows, size_t e)
{
    size_t top = d->bands[i], bottom = d->bands[i + rows];
    if (bottom <= top + 1)
        return false;
    for (size_t l = top + 1; l < bottom; l++)
        if (bar_at(&d->lines[l], d->edges[e]))
            return false;
    return true;
}

static bool fill_cell_text(const drawn *d, cf_grid *grid, size_t i, size_t j, size_t rows, size_t cols)
{
    size_t top = d->bands[i], bottom = d->bands[i + rows];
    long lo = d->edges[j], hi = d->edges[j + cols];
    uint32_t last_cp = 0;
    bool any = false;
    for (size_t l = top + 1; l < bottom; l++) {
        const glyph_line *gl = &d->lines[l];
        size_t a, b;
        slice(gl, lo, hi, &a, &b);
        while (a < b && gl->g[a].kind == CH_SPACE)
            a++;
        while (b > a && gl->g[b - 1].kind == CH_SPACE)
            b--;
        if (a == b)
            continue;
        size_t line = d->first + l;
        size_t len;
        const char *s = cf_text_line(d->text, line, &len);
        size_t base = cf_text_line_offset(d->text, line);
        size_t from = gl->g[a].byte, to = gl->g[b - 1].byte + gl->g[b - 1].len;
        cf_grid_piece where = {
            .line = line, .column = gl->skip + a + 1, .byte_start = base + from, .byte_end = base + to};
        /* a label wrapped inside its column goes on without a space; anything else is another word */
        bool spaced = !(last_cp >= 0x80 && gl->g[a].cp >= 0x80);
        if (!cf_grid_append(grid, i, j, s + from, to - from, spaced, &where))
            return false;
        last_cp = gl->g[b - 1].cp;
        any = true;
    }
    if (!any && bottom > top + 1) {
        /* a blank cell: an empty piece says where it is */
        size_t line = d->first + top + 1;
        const glyph_line *gl = &d->lines[top + 1];
        size_t a, b;
        slice(gl, lo, hi, &a, &b);
        size_t at = a < gl->count ? gl->g[a].byte : (gl->count ? gl->g[gl->count - 1].byte : 0);
        size_t base = cf_text_line_offset(d->text, line);
        cf_grid_piece where = {.line = line, .column = gl->skip + a + 1, .byte_start = base + at, .byte_end = base + at};
        if (!cf_grid_append(grid, i, j, "", 0, false, &where))
            return false;
    }
    return true;
}

static bool build_grid(drawn *d, cf_grid **out)
{
    size_t cols = columns_of(d), rows = d->nbands - 1;
    cf_grid *grid = cf_grid_new(cols);
    if (!grid || !cf_grid_add_rows(grid, rows)) {
        cf_grid_free(grid);
        return false;
    }
    cf_grid_cell seen;
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            if (cf_grid_cell_at(grid, i, j, &seen))
                continue;
            size_t rs = rowspan_at(d, i, j), cs = 1;
            while (j + cs < cols && !cf_grid_cell_at(grid, i, j + cs, &seen) && rowspan_at(d, i, j + cs) == rs &&
                   open_edge(d, i, rs, j + cs))
                cs++;
            if (!cf_grid_place(grid, i, j, rs, cs) || !fill_cell_text(d, grid, i, j, rs, cs)) {
                cf_grid_free(grid);
                return false;
            }
        }
    *out = grid;
    return true;
}

/* The bands and rule segments in the chosen measure; false when the block does not read as a grid. */
static bool find_bands(drawn *d)
{
    size_t cols = columns_of(d);
    d->nbands = 0;
    for (size_t l = 0; l < d->count; l++) {
        bool any = false;
        for (size_t j = 0; j < cols; j++) {
            bool r = is_rule_segment(&d->lines[l], d->edges[j], d->edges[j + 1]);
            d->rule[d->nbands * cols + j] = r;
            any |= r;
        }
        if (any)
            d->bands[d->nbands++] = l;
    }
    return d->nbands >= 2 && d->bands[0] == 0 && d->bands[d->nbands - 1] == d->count - 1;
}

bool cf_layout_drawn(const cf_text *text, size_t first, size_t limit, cf_grid **out, size_t *end, bool *nomem)
{
    *out = NULL;
    *nomem = false;
    if (first >= limit || !cf_layout_drawn_starts(text, first))
        return false;
    drawn d = {.text = text, .first = first};
    size_t cap = limit - first < MAX_LINES ? limit - first : MAX_LINES;
    d.lines = cf_calloc(cap, sizeof *d.lines);
    glyph *scratch = cf_malloc(MAX_CHARS * sizeof *scratch);
    bool ok = d.lines && scratch;
    size_t last_border = 0;
    bool framed = false; /* a table nested in an outer one's cell */
    size_t before = 0, bars_after = 0;
    for (size_t l = 0; ok && l < cap; l++) {
        size_t len, n;
        const char *s = cf_text_line(text, first + l, &len);
        if (!read_glyphs(s, len, scratch, &n))
            break;
        glyph_line gl = {scratch, n, 0};
        settle_ascii(&gl);
        if (l == 0)
            framed = !is_border(&gl) && frame_of(&gl, &before, &bars_after);
        if ((framed && !inside_frame(&gl, before, bars_after)) || !is_table_line(&gl))
            break;
        d.lines[l].g = cf_malloc((gl.count ? gl.count : 1) * sizeof *scratch);
        if (!d.lines[l].g) {
            ok = false;
            break;
        }
        memcpy(d.lines[l].g, gl.g, gl.count * sizeof *scratch);
        d.lines[l].count = gl.count;
        d.lines[l].skip = gl.skip;
        d.count = l + 1;
        if (is_border(&gl))
            last_border = l;
    }
    if (!ok)
        *nomem = true;
    bool found = false;
    if (ok && last_border >= 2 && is_border(&d.lines[0])) {
        d.count = last_border + 1;
        /* the measure under which the bars fall on the fewest columns */
        long narrow[MAX_EDGES];
        size_t nnarrow = 0;
        measure(d.lines, d.count, false);
        bool narrow_ok = find_edges(d.lines, d.count, narrow, &nnarrow);
        measure(d.lines, d.count, true);
        bool wide_ok = find_edges(d.lines, d.count, d.edges, &d.nedges);
        bool wide = !(narrow_ok && (!wide_ok || nnarrow < d.nedges));
        /* in the measure taken, lines whose bars stand off the grid are moved onto it (realigning in
         * both would let the wrong measure look as good) */
        measure(d.lines, d.count, wide);
        realign(d.lines, d.count);
        wide_ok = find_edges(d.lines, d.count, d.edges, &d.nedges);
        if (wide_ok) {
            d.bands = cf_malloc(d.count * sizeof *d.bands);
            d.rule = cf_malloc(d.count * columns_of(&d) * sizeof *d.rule);
            if (!d.bands || !d.rule)
                *nomem = true;
            else if (find_bands(&d)) {
                found = build_grid(&d, out);
                *nomem = !found;
                if (found)
                    *end = first + d.count;
            }
        }
    }
    for (size_t l = 0; d.lines && l < cap; l++)
        cf_free(d.lines[l].g);
    cf_free(d.lines);
    cf_free(d.bands);
    cf_free(d.rule);
    cf_free(scratch);
    return found;
}
