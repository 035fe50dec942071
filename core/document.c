/* SPDX-License-Identifier: GPL-3.0-or-later */
/* document.c — the reader table: which reader a document's bytes go to. */
#include "document.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "i18n.h"
#include "read_pdf.h"
#include "reader.h"

bool cf_name_ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n >= k && strcasecmp(name + n - k, suffix) == 0;
}

const char *cf_bytes_find_nocase(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0 || n > len)
        return n == 0 ? s : NULL;
    /* candidates by the first byte alone (memchr when it has no case): a sniff reads every byte of
     * a 50 MB text, and a string comparison at each was a third of opening it */
    unsigned char first = (unsigned char)needle[0], lower = (unsigned char)tolower(first);
    bool cased = lower != (unsigned char)toupper(first);
    const char *last = s + len - n;
    /* a needle that starts with a letter ("MIME-Version:") has its candidates found by memchr on
     * its first ASCII byte that is no letter, which no other byte matches in any case: the byte
     * loop below read every byte of a sniff's first 4 kB */
    size_t k = 0;
    while (cased && k < n && ((unsigned char)needle[k] >= 0x80 || (unsigned)((needle[k] | 0x20) - 'a') < 26))
        k++;
    if (cased && k < n) {
        for (const char *q = s + k; q <= last + k; q++) {
            q = memchr(q, needle[k], (size_t)(last + k - q) + 1);
            if (!q)
                return NULL;
            if (((unsigned char)q[-k] | 0x20) == lower && strncasecmp(q - k, needle, n) == 0)
                return q - k;
        }
        return NULL;
    }
    for (const char *p = s; p <= last; p++) {
        if (!cased) {
            p = memchr(p, first, (size_t)(last - p) + 1);
            if (!p)
                return NULL;
        } else if (((unsigned char)*p | 0x20) != lower) {
            continue;
        }
        if (strncasecmp(p, needle, n) == 0)
            return p;
    }
    return NULL;
}

bool cf_bytes_contain_nocase(const char *s, size_t len, size_t limit, const char *needle)
{
    return cf_bytes_find_nocase(s, len < limit ? len : limit, needle) != NULL;
}

bool cf_bytes_hold_pipe_table(const char *s, size_t len)
{
    const char *end = s + len;
    for (const char *line = s; line < end;) {
        const char *p = line;
        while (p < end && *p == ' ' && p - line < 3)
            p++;
        if (p < end && *p == '|') {
            p += 1 + (p + 1 < end && p[1] == ' ');
            if (end - p >= 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, ":--", 3) == 0))
                return true;
        }
        const char *newline = memchr(line, '\n', (size_t)(end - line));
        line = newline ? newline + 1 : end;
    }
    return false;
}

/* True when the UTF-16LE spelling of ascii occurs in the bytes: how an OLE2 compound file
 * names its streams ("WordDocument"). */
static bool contains_utf16le(const char *bytes, size_t len, const char *ascii)
{
    size_t n = strlen(ascii);
    for (size_t i = 0; i + 2 * n <= len; i++) {
        size_t k = 0;
        while (k < n && bytes[i + 2 * k] == ascii[k] && bytes[i + 2 * k + 1] == '\0')
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* The PDF header may follow up to 1 KB of junk (ISO 32000-1, 7.5.2, as readers accept it). */
static bool sniff_pdf(const char *name, const char *bytes, size_t len)
{
    size_t end = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 5 <= end; i++)
        if (memcmp(bytes + i, "%PDF-", 5) == 0)
            return true;
    return false;
}

static bool is_zip(const char *bytes, size_t len) { return len >= 4 && memcmp(bytes, "PK\3\4", 4) == 0; }

/* A zip's entry names are stored uncompressed in its local and central headers. */
static bool zip_names(const char *bytes, size_t len, const char *entry)
{
    if (!is_zip(bytes, len))
        return false;
    size_t n = strlen(entry);
    for (const char *p = bytes; (p = memchr(p, entry[0], len - (size_t)(p - bytes))) != NULL; p++)
        if ((size_t)(bytes + len - p) >= n && memcmp(p, entry, n) == 0)
            return true;
    return false;
}

static bool sniff_ofd(const char *name, const char *bytes, size_t len) { return zip_names(bytes, len, "OFD.xml"); }
static bool sniff_xlsx(const char *name, const char *bytes, size_t len)
{
    return zip_names(bytes, len, "xl/workbook.xml");
}
static bool sniff_zip(const char *name, const char *bytes, size_t len) { return is_zip(bytes, len); }

static bool is_ole2(const char *bytes, size_t len)
{
    static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return len >= 8 && memcmp(bytes, magic, 8) == 0;
}
static bool sniff_encrypted(const char *name, const char *bytes, size_t len)
{
    return is_ole2(bytes, len) && contains_utf16le(bytes, len, "EncryptedPackage");
}
static bool sniff_wps(const char *name, const char *bytes, size_t len)
{
    return is_ole2(bytes, len) && (cf_name_ends_with(name, ".wps") || contains_utf16le(bytes, len, "WpsContent"));
}
static bool sniff_doc(const char *name, const char *bytes, size_t len)
{
    return is_ole2(bytes, len) && (contains_utf16le(bytes, len, "WordDocument") || cf_name_ends_with(name, ".doc"));
}
static bool sniff_xls(const char *name, const char *bytes, size_t len)
{
    return is_ole2(bytes, len) && contains_utf16le(bytes, len, "Workbook");
}
static bool sniff_ole2(const char *name, const char *bytes, size_t len) { return is_ole2(bytes, len); }

static bool sniff_rtf(const char *name, const char *bytes, size_t len)
{
    return len >= 5 && memcmp(bytes, "{\\rtf", 5) == 0;
}

/* PDFs are read by poppler-glib in a child process (core/read_pdf.c). */
static cf_status read_pdf(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err)
{
    return cf_pdf_read(name, *bytes, len, NULL, out, err);
}

static const cf_reader cf_reader_pdf = {"pdf", sniff_pdf, read_pdf, NULL};
static const cf_reader refused_ofd = {
    "ofd", sniff_ofd, NULL, N_("an OFD document (the national fixed-layout format): crossfoot does not read "
                               "it; save the report as .docx, PDF or a web page")};
static const cf_reader refused_xlsx = {"xlsx", sniff_xlsx, NULL,
                                       N_("an Excel workbook (.xlsx), not a report: crossfoot reads Word "
                                          "(.docx) files, web pages and text")};
static const cf_reader refused_zip = {"zip", sniff_zip, NULL,
                                      N_("a zip archive that is not a Word (.docx) document (it has no "
                                         "word/document.xml)")};
static const cf_reader refused_encrypted = {
    "encrypted", sniff_encrypted, NULL,
    N_("a password-protected Office file: crossfoot cannot read it; remove the password (File > Info > "
       "Protect Document) and save it again")};
static const cf_reader refused_wps = {"wps", sniff_wps, NULL,
                                      N_("a WPS Office document (.wps): crossfoot does not read it; save it "
                                         "as .docx in WPS and check that")};
static const cf_reader refused_doc = {"doc", sniff_doc, NULL,
                                      N_("a Word 97-2003 document (.doc): crossfoot does not read it; save it "
                                         "as .docx (Word or WPS: Save As) and check that")};
static const cf_reader refused_xls = {"xls", sniff_xls, NULL,
                                      N_("an Excel 97-2003 workbook (.xls), not a report: crossfoot reads "
                                         "Word (.docx) files, web pages and text")};
static const cf_reader refused_ole2 = {"ole2", sniff_ole2, NULL,
                                       N_("an Office 97-2003 file (OLE2) that is not a Word document: "
                                          "crossfoot reads .docx, web pages and text")};
static const cf_reader refused_rtf = {"rtf", sniff_rtf, NULL,
                                      N_("an RTF document: crossfoot does not read it; save it as .docx and "
                                         "check that")};
/* In order: the first row whose sniff says yes reads the document. Text comes last and takes
 * whatever is left (it refuses binary itself). */
static const cf_reader *const readers[] = {
    &cf_reader_pdf, &cf_reader_docx, &refused_ofd, &refused_xlsx, &refused_zip,  &refused_encrypted, &refused_wps,
    &refused_doc,           &refused_xls,    &refused_ole2, &refused_rtf, &cf_reader_mhtml, &cf_reader_html,
    &cf_reader_markdown, &cf_reader_text,
};

static const cf_reader *pick(const char *name, const char *bytes, size_t len)
{
    for (size_t i = 0; i < sizeof readers / sizeof *readers; i++)
        if (readers[i]->sniff(name, bytes, len))
            return readers[i];
    return &cf_reader_text;
}

const char *cf_document_sniff(const char *name, const char *bytes, size_t len)
{
    return pick(name, bytes, len)->kind;
}

/* Read *bytes (len, NUL after, cf_malloc'd) with its reader; frees what the reader left. */
static cf_status read_with(const char *name, char **bytes, size_t len, cf_text **out, cf_error *err)
{
    const cf_reader *reader = pick(name, *bytes, len);
    cf_status status = reader->read ? reader->read(name, bytes, len, out, err)
                                    : cf_error_set(err, CF_ERR_INPUT, name, 0, 0, "%s", _(reader->refusal));
    cf_free(*bytes);
    *bytes = NULL;
    return status;
}

cf_status cf_document_load(const char *path, cf_text **out, cf_error *err)
{
    *out = NULL;
    char *bytes;
    size_t len;
    cf_status status = cf_text_read_file(path, &bytes, &len, err);
    return status == CF_OK ? read_with(path, &bytes, len, out, err) : status;
}

cf_status cf_document_from_bytes(const char *name, const char *bytes, size_t len, cf_text **out, cf_error *err)
{
    *out = NULL;
    char *copy = cf_strndup(bytes, len);
    if (!copy)
        return cf_error_nomem(err, name);
    return read_with(name, &copy, len, out, err);
}
