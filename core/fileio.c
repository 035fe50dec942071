/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fileio.c — atomic file replacement and synced appends through the I/O seam. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "alloc.h"
#include "i18n.h"

static int posix_open(void *ctx, const char *path, int flags, mode_t mode) { return open(path, flags, mode); }
static ssize_t posix_write(void *ctx, int fd, const void *buf, size_t len) { return write(fd, buf, len); }
static int posix_fsync(void *ctx, int fd) { return fsync(fd); }
static int posix_close(void *ctx, int fd) { return close(fd); }
static int posix_rename(void *ctx, const char *from, const char *to) { return rename(from, to); }
static int posix_unlink(void *ctx, const char *path) { return unlink(path); }

static const cf_io DEFAULT_IO = {posix_open, posix_write, posix_fsync, posix_close, posix_rename, posix_unlink, NULL};

const cf_io *cf_io_default(void) { return &DEFAULT_IO; }

static bool write_all(const cf_io *io, int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = io->write(io->ctx, fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* The folder holding path ("." when it has none), into buf. */
static void folder_of(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(buf, size, ".");
    else if (slash == path)
        snprintf(buf, size, "/");
    else
        snprintf(buf, size, "%.*s", (int)(slash - path), path);
}

cf_status cf_file_replace(const cf_io *io, const char *path, const char *data, size_t len, cf_error *err)
{
    if (!io)
        io = cf_io_default();
    size_t tmp_len = strlen(path) + 32;
    char *tmp = cf_malloc(tmp_len);
    if (!tmp)
        return cf_error_nomem(err, path);
    int fd = -1;
    for (unsigned attempt = 0; attempt < 100 && fd < 0; attempt++) {
        snprintf(tmp, tmp_len, "%s.tmp.%ld.%u", path, (long)getpid(), attempt);
        fd = io->open(io->ctx, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        cf_status st = cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot create a file in its folder: %s"),
                                    strerror(errno));
        cf_free(tmp);
        return st;
    }
    const char *step = "write";
    bool ok = write_all(io, fd, data, len);
    if (ok) {
        step = "fsync";
        ok = io->fsync(io->ctx, fd) == 0;
    }
    int saved = errno;
    if (io->close(io->ctx, fd) != 0 && ok) {
        step = "close";
        ok = false;
        saved = errno;
    }
    if (ok) {
        step = "rename";
        ok = io->rename(io->ctx, tmp, path) == 0;
        saved = errno;
    }
    if (!ok) {
        io->unlink(io->ctx, tmp);
        cf_free(tmp);
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("not saved (%s failed: %s); the previous file is intact"),
                            step, strerror(saved));
    }
    cf_free(tmp);
    /* the rename is durable only once the folder is */
    char folder[4096];
    folder_of(path, folder, sizeof folder);
    int dfd = io->open(io->ctx, folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dfd < 0)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("saved, but its folder cannot be synced: %s"), strerror(errno));
    ok = io->fsync(io->ctx, dfd) == 0;
    saved = errno;
    io->close(io->ctx, dfd);
    if (!ok && saved != EINVAL) /* some file systems cannot sync a folder */
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("saved, but its folder cannot be synced: %s"), strerror(saved));
    return CF_OK;
}

cf_status cf_file_append_synced(const cf_io *io, const char *path, const char *data, size_t len, cf_error *err)
{
    if (!io)
        io = cf_io_default();
    int fd = io->open(io->ctx, path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot open the journal: %s"), strerror(errno));
    bool ok = write_all(io, fd, data, len) && io->fsync(io->ctx, fd) == 0;
    int saved = errno;
    if (io->close(io->ctx, fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot write the journal: %s"), strerror(saved));
    return CF_OK;
}

cf_status cf_file_read(const char *path, const char *what, size_t max, cf_buf *out, bool *absent, cf_error *err)
{
    out->len = 0;
    FILE *f = fopen(path, "rb");
    if (absent)
        *absent = !f && errno == ENOENT;
    if (!f)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot open the %s: %s"), what, strerror(errno));
    char chunk[8192];
    size_t n;
    bool ok = cf_buf_append(out, "", 0);
    while (ok && out->len <= max && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ok = cf_buf_append(out, chunk, n);
    bool read_error = ferror(f);
    fclose(f);
    if (!ok)
        return cf_error_nomem(err, path);
    if (read_error)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot read the %s"), what);
    if (out->len > max)
        return cf_error_set(err, CF_ERR_LIMIT, path, 0, 0, _("the %s is larger than %zu MB"), what, max >> 20);
    return CF_OK;
}

cf_status cf_file_lock(const char *path, int *fd, cf_error *err)
{
    *fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (*fd < 0)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot create the lock file: %s"), strerror(errno));
    if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
        int saved = errno;
        close(*fd);
        *fd = -1;
        if (saved == EWOULDBLOCK)
            return cf_error_set(err, CF_ERR_INPUT, path, 0, 0,
                                _("this review is open in another crossfoot; close it there first"));
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot lock: %s"), strerror(saved));
    }
    return CF_OK;
}

void cf_file_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* closing drops the lock; the file stays, empty, for the next one */
}

cf_status cf_file_remove(const cf_io *io, const char *path, cf_error *err)
{
    if (!io)
        io = cf_io_default();
    if (io->unlink(io->ctx, path) != 0 && errno != ENOENT)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot remove: %s"), strerror(errno));
    return CF_OK;
}
