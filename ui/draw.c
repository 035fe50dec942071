/* SPDX-License-Identifier: GPL-3.0-or-later */
/* draw.c — wide-character-safe, escape-proof text drawing with ncursesw. */
#include "draw.h"

#include <string.h>
#include <wchar.h>

#include "utf8.h"

static short color_of(int c) { return c == CF_COLOR_DEFAULT ? -1 : (short)c; }

static attr_t attrs_of(unsigned a)
{
    attr_t r = A_NORMAL;
    if (a & CF_ATTR_BOLD)
        r |= A_BOLD;
    if (a & CF_ATTR_UNDERLINE)
        r |= A_UNDERLINE;
    if (a & CF_ATTR_REVERSE)
        r |= A_REVERSE;
    if (a & CF_ATTR_DIM)
        r |= A_DIM;
#ifdef A_ITALIC
    if (a & CF_ATTR_ITALIC)
        r |= A_ITALIC;
#endif
    return r;
}

void ui_palette_apply(ui_palette *p, const cf_theme *theme, bool no_color)
{
    p->color = !no_color && has_colors();
    if (p->color) {
        start_color();
        use_default_colors();
    }
    for (int role = 0; role < CF_ROLE_COUNT; role++) {
        const cf_role_style *s = cf_theme_style(theme, (cf_role)role);
        if (!p->color) {
            p->attrs[role] = attrs_of(s->mono);
            continue;
        }
        bool wide = COLORS >= 256;
        short fg = color_of(wide ? s->fg256 : s->fg8), bg = color_of(wide ? s->bg256 : s->bg8);
        init_pair((short)(role + 1), fg, bg);
        p->attrs[role] = COLOR_PAIR(role + 1) | attrs_of(s->attrs);
    }
}

/* One character of s at i: its code point, bytes and display width; control characters
 * and invalid bytes become placeholders. */
typedef struct {
    wchar_t shown[3];
    int width;
    size_t bytes;
    bool placeholder;
} glyph;

static glyph next_glyph(const char *s, size_t len, size_t i)
{
    glyph g = {{0}, 1, 1, false};
    uint32_t cp;
    size_t n = cf_utf8_decode(s + i, len - i, &cp);
    if (n == 0) {
        g.shown[0] = 0xFFFD;
        return g;
    }
    g.bytes = n;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
        /* ESC shows as ␛, others as ^X: visible, never interpreted */
        g.placeholder = true;
        if (cp == 0x1B)
            g.shown[0] = 0x241B;
        else if (cp < 0x20 || cp == 0x7F) {
            g.shown[0] = '^';
            g.shown[1] = cp == 0x7F ? '?' : (wchar_t)(cp + '@');
            g.width = 2;
        } else
            g.shown[0] = 0xFFFD;
        return g;
    }
    int w = wcwidth((wchar_t)cp);
    if (w < 0) { /* unprintable in this locale */
        g.shown[0] = 0xFFFD;
        g.placeholder = true;
        return g;
    }
    g.shown[0] = (wchar_t)cp;
    g.width = w;
    return g;
}

int ui_text_width(const char *s, size_t len)
{
    int w = 0;
    for (size_t i = 0; i < len;) {
        glyph g = next_glyph(s, len, i);
        w += s[i] == '\t' ? 1 : g.width; /* drawn as one arrow */
        i += g.bytes;
    }
    return w;
}

size_t ui_fit(const char *s, size_t len, int width)
{
    int w = 0;
    size_t i = 0;
    while (i < len) {
        glyph g = next_glyph(s, len, i);
        if (w + g.width > width)
            break;
        w += g.width;
        i += g.bytes;
    }
    return i;
}

size_t ui_wrap(const char *s, size_t len, int width)
{
    size_t take = ui_fit(s, len, width);
    if (take == 0 && len > 0) /* a character wider than the line: it goes alone */
        return next_glyph(s, len, 0).bytes;
    if (take < len) {
        size_t space = take;
        while (space > 0 && s[space - 1] != ' ')
            space--;
        if (space > take / 2)
            take = space;
    }
    return take;
}

void ui_fill(const ui_palette *p, int y, int x, int width, cf_role role)
{
    attrset(p->attrs[role]);
    for (int i = 0; i < width; i++)
        mvaddch(y, x + i, ' ');
}

int ui_draw_text(const ui_palette *p, int y, int x, int width, const char *s, size_t len, int skip, cf_role role,
                 bool pad, size_t hl_start, size_t hl_end, cf_role hl_role)
{
    int col = 0;    /* columns of the text passed so far (including skipped ones) */
    int drawn = 0;  /* columns put on screen */
    move(y, x);
    for (size_t i = 0; i < len && drawn < width;) {
        glyph g = next_glyph(s, len, i);
        if (s[i] == '\t') { /* a tab is a field separator the reviewer needs to see: one dim arrow */
            g.shown[0] = 0x2192;
            g.shown[1] = 0;
            g.width = 1;
        }
        bool in_hl = i >= hl_start && i < hl_end;
        attr_t a = p->attrs[in_hl ? hl_role : g.placeholder ? CF_ROLE_CONTROL : role];
        if (col < skip) {
            /* a wide character cut by the left edge shows as blanks */
            if (col + g.width > skip && drawn + (col + g.width - skip) <= width) {
                attrset(a);
                for (int k = 0; k < col + g.width - skip; k++, drawn++)
                    addch(' ');
            }
        } else if (drawn + g.width > width) {
            break; /* never split a wide character at the right edge */
        } else if (g.width > 0) {
            attrset(a);
            cchar_t cc;
            for (int k = 0; g.shown[k] && k < 2; k++) {
                wchar_t one[2] = {g.shown[k], 0};
                setcchar(&cc, one, a, 0, NULL);
                add_wch(&cc);
            }
            drawn += g.width;
        }
        col += g.width;
        i += g.bytes;
    }
    if (pad && drawn < width) {
        attrset(p->attrs[role]);
        for (; drawn < width; drawn++)
            addch(' ');
    }
    attrset(A_NORMAL);
    return drawn;
}

int ui_draw_str(const ui_palette *p, int y, int x, int width, const char *s, cf_role role)
{
    return ui_draw_text(p, y, x, width, s, strlen(s), 0, role, false, 0, 0, role);
}
