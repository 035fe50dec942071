/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fileio.h — the one file-writing seam of core/: atomic replacement and synced appends.
 *
 * Every write goes through a cf_io, so a test can make the Nth operation fail
 * (a full disk, a failing fsync) and check that the previous file is intact. */
#ifndef CF_FILEIO_H
#define CF_FILEIO_H

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
 * file or the new one: a temporary file in the same folder, written, fsync'd,
 * renamed over path, and the folder fsync'd. On failure the old file is untouched
 * and the temporary file removed. io NULL means cf_io_default(). */
cf_status cf_file_replace(const cf_io *io, const char *path, const char *data, size_t len, cf_error *err);
/* Append data to path (created if absent) and fsync before returning. */
cf_status cf_file_append_synced(const cf_io *io, const char *path, const char *data, size_t len, cf_error *err);
/* Read the whole file at path into out (emptied first; NUL-terminated); what names it in
 * messages ("template", "review file"). A file over max bytes is CF_ERR_LIMIT; *absent
 * (may be NULL) says the file is not there, as against unreadable. */
cf_status cf_file_read(const char *path, const char *what, size_t max, cf_buf *out, bool *absent, cf_error *err);
/* Hold an exclusive lock on path (created if absent) so one review is edited by one
 * process at a time; the system drops it when the process ends, however it ends. On
 * success *fd is the lock to give to cf_file_unlock; CF_ERR_INPUT when another process
 * holds it. */
cf_status cf_file_lock(const char *path, int *fd, cf_error *err);
void cf_file_unlock(int fd);
/* Remove path; a missing file is not an error. */
cf_status cf_file_remove(const cf_io *io, const char *path, cf_error *err);

#endif
