/* Layouts: the same 2021 report printed the ways real reports arrive must give the same cells.
 *
 * The fixtures in tests/fixtures/layouts/ come from make_layouts.py: row r (0-based, in the
 * template's order) and column position c of a table hold (r+1)*10 + c + 1, except
 * active.fees.amount, which is 888.0113. Distinct values make any shift visible. */
#include "cf_test.h"

#define LAYOUTS CF_FIXTURES "/layouts/"

/* blanks: cell ids printed as an empty field, expected missing; NULL-terminated or NULL */
static void expect_formula(const cft_doc *d, const char *const *blanks)
{
    cr_assert_str_eq(cf_template_id(d->tpl), "gov-2021");
    size_t wrong = 0;
    for (size_t t = 0; t < cf_template_table_count(d->tpl); t++) {
        const cf_table_def *td = cf_template_table(d->tpl, t);
        for (size_t r = 0; r < td->row_count; r++)
            for (size_t c = 0; c < td->rows[r].column_count; c++) {
                size_t cell = td->rows[r].first_cell + c;
                const char *id = cf_template_cell(d->tpl, cell)->id;
                char want[32];
                snprintf(want, sizeof want, "%zu", (r + 1) * 10 + c + 1);
                if (strcmp(id, "active.fees.amount") == 0)
                    strcpy(want, "888.0113");
                for (size_t b = 0; blanks && blanks[b]; b++)
                    if (strcmp(blanks[b], id) == 0)
                        strcpy(want, "missing");
                const char *got = cft_val(d, id);
                if (strcmp(got, want) != 0 && wrong++ < 12)
                    cr_log_error("%s: got %s, want %s", id, got, want);
            }
    }
    cr_expect_eq(wrong, 0, "%zu cells read wrong (first ones logged above); warnings: %s", wrong,
                 cft_warnings(d));
}

static void check_layout(const char *file, const char *const *blanks)
{
    cft_doc d;
    cft_read_file(&d, file);
    expect_formula(&d, blanks);
    cft_release(&d);
}

Test(layouts, pdf_text_with_wrapped_numbers_and_broken_labels)
{
    /* "（二）部分公开（…只计这一情\n形，…）" then "41 … 46\n47"; "2.其他法律行政法规禁\n止公开 61 …" */
    check_layout(LAYOUTS "pdf_wrapped_2021.txt", NULL);
}

Test(layouts, tab_separated_word_copy)
{
    check_layout(LAYOUTS "tabs_2021.txt", NULL);
}

Test(layouts, empty_tab_field_is_a_missing_cell_in_its_own_column)
{
    cft_doc d;
    cft_read_file(&d, LAYOUTS "tabs_blanks_2021.txt");
    /* 四、结转 is printed "label\t\t\t252\t…\t256\t\t": a blank first and last cell look like
     * merged-label and padding fields; the row is read but flagged, never silently trusted */
    for (size_t i = 0; i < cf_template_cell_count(d.tpl); i++)
        if (strncmp(cf_template_cell(d.tpl, i)->id, "requests.carry_forward.", 23) == 0) {
            cf_cell *c = (cf_cell *)&cf_report_cells(d.report)[i];
            cr_expect(c->inferred, "%s: its place is a guess and must say so", cf_template_cell(d.tpl, i)->id);
            c->state = CF_CELL_MISSING; /* leave it out of the formula check */
        }
    const cf_warning *w = cft_warning(&d, "四、结转下年度: 5 values for 7 columns");
    cr_assert_not_null(w, "no warning for the ambiguous row; warnings: %s", cft_warnings(&d));
    cr_expect_eq(w->line, 57);
    static const char *const all_blanks[] = {"requests.new.natural", "requests.granted.social",
                                             "requests.denied_law.total", "requests.results_total.business",
                                             "requests.carry_forward.natural", "requests.carry_forward.business",
                                             "requests.carry_forward.research", "requests.carry_forward.social",
                                             "requests.carry_forward.legal", "requests.carry_forward.other",
                                             "requests.carry_forward.total", NULL};
    expect_formula(&d, all_blanks);
    /* a single blank in the middle keeps its column and is not a guess */
    cr_expect_not(cft_cell(&d, "requests.granted.legal")->inferred);
    cr_expect_null(cft_warning(&d, "(一)予以公开"), "%s", cft_warnings(&d));
    cft_release(&d);
}

Test(layouts, one_cell_per_line)
{
    check_layout(LAYOUTS "cells_per_line_2021.txt", NULL);
}

Test(layouts, one_cell_per_line_with_empty_cells)
{
    /* an empty cell is a line holding only its tab: it keeps its column */
    static const char *const blanks[] = {"requests.new.natural", "requests.partial.research",
                                         "requests.carry_forward.total", NULL};
    check_layout(LAYOUTS "cells_per_line_blanks_2021.txt", blanks);
}

Test(layouts, pipe_table_with_line_breaks_inside_cells)
{
    check_layout(LAYOUTS "pipes_multiline_2021.txt", NULL);
}

Test(layouts, markdown_pipe_table_with_rule_lines)
{
    check_layout(LAYOUTS "markdown_2021.txt", NULL);
}

Test(layouts, vertical_headers_and_labels_apart_from_their_numbers)
{
    /* headers one character a line; "规章\n行政规范性文件\n11 12 13\n21 22 23"; eight labels, then eight rows */
    check_layout(LAYOUTS "vertical_apart_2021.txt", NULL);
}

Test(layouts, every_cell_remembers_its_line)
{
    cft_doc d;
    cft_read_file(&d, LAYOUTS "cells_per_line_2021.txt");
    const cf_cell *c = cft_cell(&d, "requests.new.natural");
    size_t len;
    const char *line = cf_text_line(d.text, c->line - 1, &len);
    cr_assert_eq(c->state, CF_CELL_NUMBER);
    cr_assert_eq(c->byte_end - c->byte_start, 2);
    cr_assert_eq(memcmp(cf_text_data(d.text) + c->byte_start, "11", 2), 0);
    cr_assert(line <= cf_text_data(d.text) + c->byte_start && cf_text_data(d.text) + c->byte_end <= line + len,
              "cell bytes are not on line %zu", c->line);
    cr_assert_gt(c->label_line, 0);
    cr_assert_lt(c->label_line, c->line);
    cft_release(&d);
}
