/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fileio.h — the one file seam of core/: atomic replacement and synced appends, reads that
 * accept only regular files, and the review lock.
 *
 * Every write goes through a cf_io, so a test can make the Nth operation fail
 * (a full disk, a failing fsync) and check that the previous file is intact. */
#ifndef CF_FILEIO_H
#define CF_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "error.h"

typedef struct cf_io {
    int (*open)(void *ctx, const char *path, int flags, mode_t mode);
    ssize_t (*write)(void *ctx, int fd, const void *buf, size_t len);
    int (*fsync)(void *ctx, int fd);
    int (*close)(void *ctx, int fd);
    int (*rename)(void *ctx, const char *from, const char *to);
    int (*unlink)(void *ctx, const char *path);
    void *ctx;
} cf_io;

/* The plain POSIX calls. */
const cf_io *cf_io_default(void);

/* Replace path with data so that a crash at any moment leaves either the old
 * file or the new one: a temporary file in the same folder (created with O_EXCL, never
 * through a link), written, fsync'd, renamed over path, and the folder fsync'd. A path
 * that is a link is replaced at its target; the old file's mode is kept; temporaries a
 * killed save left are removed first. A folder, device or FIFO at path is refused. On
 * failure the old file is untouched and the temporary file removed. io NULL means
 * cf_io_default(). */
cf_status cf_file_replace(const cf_io *io, const char *path, const char *data, size_t len, cf_error *err);
/* Temporaries of a save of NAME are "NAME" CF_FILE_TMP_MARK "PID.…" beside it: a file, or a
 * folder holding one file named CF_FILE_TMP_BOOK (an XLSX being built). */
#define CF_FILE_TMP_MARK ".tmp."
#define CF_FILE_TMP_BOOK "book.xlsx"
/* Append data to path (created if absent) and fsync before returning. */
cf_status cf_file_append_synced(const cf_io *io, const char *path, const char *data, size_t len, cf_error *err);
/* Read the whole file at path into out (emptied first; NUL-terminated); what names it in
 * messages, marked N_("template") by the caller and translated here. A file over max bytes is CF_ERR_LIMIT; a folder, FIFO
 * or device is refused at once (never waited on); *absent (may be NULL) says the file is not
 * there, as against unreadable. */
cf_status cf_file_read(const char *path, const char *what, size_t max, cf_buf *out, bool *absent, cf_error *err);
/* Open path for reading without blocking, and only if it is a regular file: *fd (caller closes)
 * and its *size. Otherwise CF_ERR_IO naming what it is, *fd -1; *absent as for cf_file_read. */
cf_status cf_file_open_read(const char *path, const char *what, int *fd, size_t *size, bool *absent, cf_error *err);
/* path with every symbolic link followed to what it names (which need not exist). Caller
 * frees; NULL when memory runs out. */
char *cf_file_resolve(const char *path);
/* True when a and b both exist and are the same file (links followed). */
bool cf_file_same(const char *a, const char *b);
/* Remove path; a missing file is not an error. */
cf_status cf_file_remove(const cf_io *io, const char *path, cf_error *err);

/* The lock that lets one process at a time change a review. Take it before reading the review,
 * hold it while reading, changing and saving, release it last. */
typedef struct cf_lock cf_lock;
/* How long a second writer waits for the lock before it is refused. */
#define CF_LOCK_WAIT_MS 5000
/* Lock the review at review_path (links followed: the lock file is TARGET.lock beside the
 * review itself), waiting up to wait_ms for another holder. command and reviewer are written
 * into the lock file, so that a process refused can say who holds it and since when.
 * CF_ERR_INPUT when another process kept it all that time; CF_ERR_IO when the lock file cannot
 * be made (or is a link, which is never followed). Caller releases. */
cf_status cf_lock_review(const char *review_path, const char *command, const char *reviewer, unsigned wait_ms,
                         cf_lock **out, cf_error *err);
/* The review file the lock is for, links followed: read and save the review by this path. */
const char *cf_lock_review_path(const cf_lock *lock);
/* Remove the lock file and drop the lock. NULL is allowed. */
void cf_lock_release(cf_lock *lock);

#endif
