/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_pdf.h — a PDF's text layer, read with poppler-glib and laid out as a text view.
 *
 * The parse runs in a forked child with CPU-time and memory limits and returns the laid-out
 * text over a pipe, so a hostile or damaged file costs a clear message, never a crash or a
 * hang of the caller. Pages without a text layer (scans) and text layers that decode to
 * garbage (CJK fonts without a character map) are named by page. */
#ifndef CF_READ_PDF_H
#define CF_READ_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "text.h"

typedef struct {
    unsigned cpu_seconds;  /* CPU time of the child */
    unsigned wall_seconds; /* time before the child is killed, however it spends it */
    unsigned memory_mb;    /* address space of the child (not applied under AddressSanitizer) */
    unsigned max_pages;    /* pages beyond this are not read, and the view says so */
} cf_pdf_limits;

/* The limits used by cf_pdf_read. */
const cf_pdf_limits *cf_pdf_default_limits(void);
/* True when bytes look like a PDF ("%PDF-" within the first 1024 bytes). */
bool cf_pdf_sniff(const char *bytes, size_t len);
/* Read the PDF in bytes (len of them; name is used in messages) into a text view whose
 * SHA-256 is of bytes. CF_ERR_INPUT for an encrypted, damaged, scanned or undecodable PDF,
 * CF_ERR_LIMIT when the child ran out of time or memory; err names the file. limits NULL
 * means the defaults. Caller frees *out with cf_text_free. */
cf_status cf_pdf_read(const char *name, const char *bytes, size_t len, const cf_pdf_limits *limits, cf_text **out,
                      cf_error *err);

#endif
