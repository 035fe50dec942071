/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fileio.c — atomic file replacement and synced appends through the I/O seam; reading a file
 * that must be a regular one; the lock that lets one process at a time change a review. */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
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

/* What a file that is not a regular one is, for a message. */
static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return _("a folder");
    if (S_ISFIFO(mode))
        return _("a named pipe (FIFO)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return _("a device");
    if (S_ISSOCK(mode))
        return _("a socket");
    if (S_ISLNK(mode))
        return _("a symbolic link");
    return _("something else");
}

char *cf_file_resolve(const char *path)
{
    char *at = cf_strdup(path);
    /* 40 links, like the kernel's own limit: a loop ends there, and opening it then fails */
    for (int hops = 0; at && hops < 40; hops++) {
        struct stat st;
        if (lstat(at, &st) != 0 || !S_ISLNK(st.st_mode))
            break;
        char target[4096];
        ssize_t n = readlink(at, target, sizeof target - 1);
        if (n < 0)
            break;
        target[n] = '\0';
        cf_buf next;
        cf_buf_init(&next);
        const char *slash = strrchr(at, '/');
        bool ok = target[0] == '/' || !slash ? cf_buf_puts(&next, target)
                                             : cf_buf_printf(&next, "%.*s/%s", (int)(slash - at), at, target);
        cf_free(at);
        at = ok ? cf_buf_take(&next) : NULL;
        cf_buf_release(&next);
    }
    return at;
}

bool cf_file_same(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

cf_status cf_file_open_read(const char *path, const char *what, int *fd, size_t *size, bool *absent, cf_error *err)
{
    /* O_NONBLOCK: opening a FIFO (or a terminal) must not wait for a writer; fstat refuses it next */
    *fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (absent)
        *absent = *fd < 0 && errno == ENOENT;
    if (*fd < 0)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot open the %s: %s"), _(what), strerror(errno));
    struct stat st;
    if (fstat(*fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        cf_status status = cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot read the %s: it is %s, not a regular file"), _(what),
                                        kind_of(st.st_mode));
        close(*fd);
        *fd = -1;
        return status;
    }
    *size = (size_t)st.st_size;
    return CF_OK;
}

cf_status cf_file_read(const char *path, const char *what, size_t max, cf_buf *out, bool *absent, cf_error *err)
{
    out->len = 0;
    int fd;
    size_t size;
    cf_status st = cf_file_open_read(path, what, &fd, &size, absent, err);
    if (st != CF_OK)
        return st;
    if (size > max) {
        close(fd);
        return cf_error_set(err, CF_ERR_LIMIT, path, 0, 0, _("the %s is larger than %zu MB"), _(what), max >> 20);
    }
    char chunk[8192];
    bool ok = cf_buf_append(out, "", 0);
    ssize_t n = 0;
    /* a file that grows while read is still cut at max */
    while (ok && out->len <= max && ((n = read(fd, chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR)))
        ok = n < 0 || cf_buf_append(out, chunk, (size_t)n);
    int read_errno = errno;
    close(fd);
    if (!ok)
        return cf_error_nomem(err, path);
    if (n < 0)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot read the %s: %s"), _(what), strerror(read_errno));
    if (out->len > max)
        return cf_error_set(err, CF_ERR_LIMIT, path, 0, 0, _("the %s is larger than %zu MB"), _(what), max >> 20);
    return CF_OK;
}

/* Remove what a killed save of path left in its folder: temporaries of path whose process is
 * gone. One still being written by a live process is left alone. */
static void remove_leftovers(const cf_io *io, const char *path, const char *folder)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t base_len = strlen(base);
    DIR *dir = opendir(folder);
    if (!dir)
        return;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (strncmp(name, base, base_len) != 0 || strncmp(name + base_len, CF_FILE_TMP_MARK, strlen(CF_FILE_TMP_MARK)) != 0)
            continue;
        char *end;
        long pid = strtol(name + base_len + strlen(CF_FILE_TMP_MARK), &end, 10);
        if (pid <= 0 || *end != '.' || (pid == (long)getpid()) || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        cf_buf leftover;
        cf_buf_init(&leftover);
        if (cf_buf_printf(&leftover, "%s/%s", folder, name) && io->unlink(io->ctx, leftover.data) != 0 &&
            (errno == EISDIR || errno == EPERM)) { /* an export's folder: its one workbook, then itself */
            size_t len = leftover.len;
            if (cf_buf_printf(&leftover, "/%s", CF_FILE_TMP_BOOK))
                io->unlink(io->ctx, leftover.data);
            leftover.data[len] = '\0';
            rmdir(leftover.data);
        }
        cf_buf_release(&leftover);
    }
    closedir(dir);
}

cf_status cf_file_replace(const cf_io *io, const char *path, const char *data, size_t len, cf_error *err)
{
    if (!io)
        io = cf_io_default();
    /* a file reached through a symbolic link is replaced where it is, and the link kept */
    char *target = cf_file_resolve(path);
    if (!target)
        return cf_error_nomem(err, path);
    struct stat old;
    bool existed = lstat(target, &old) == 0;
    if (existed && !S_ISREG(old.st_mode)) {
        cf_status st = cf_error_set(err, CF_ERR_IO, path, 0, 0,
                                    _("not written: it is %s; crossfoot replaces only regular files"),
                                    kind_of(old.st_mode));
        cf_free(target);
        return st;
    }
    char folder[4096];
    folder_of(target, folder, sizeof folder);
    remove_leftovers(io, target, folder);
    size_t tmp_len = strlen(target) + 48;
    char *tmp = cf_malloc(tmp_len);
    if (!tmp) {
        cf_free(target);
        return cf_error_nomem(err, path);
    }
    int fd = -1;
    /* O_EXCL|O_NOFOLLOW: a name planted in the folder (a file or a link) is never written through */
    for (unsigned attempt = 0; attempt < 100 && fd < 0; attempt++) {
        snprintf(tmp, tmp_len, "%s%s%ld.%u", target, CF_FILE_TMP_MARK, (long)getpid(), attempt);
        fd = io->open(io->ctx, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        cf_status st = cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot create a file in its folder: %s"),
                                    strerror(errno));
        cf_free(tmp);
        cf_free(target);
        return st;
    }
    const char *step = "write";
    bool ok = write_all(io, fd, data, len);
    if (ok && existed) { /* a 0600 review stays 0600 */
        step = "chmod";
        ok = fchmod(fd, old.st_mode & 07777) == 0;
    }
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
        ok = io->rename(io->ctx, tmp, target) == 0;
        saved = errno;
    }
    cf_free(target);
    if (!ok) {
        io->unlink(io->ctx, tmp);
        cf_free(tmp);
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("not saved (%s failed: %s); the previous file is intact"),
                            step, strerror(saved));
    }
    cf_free(tmp);
    /* the rename is durable only once the folder is */
    int dfd = io->open(io->ctx, folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dfd < 0)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("saved, but its folder cannot be synced: %s"),
                            strerror(errno));
    ok = io->fsync(io->ctx, dfd) == 0;
    saved = errno;
    io->close(io->ctx, dfd);
    if (!ok && saved != EINVAL) /* some file systems cannot sync a folder */
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("saved, but its folder cannot be synced: %s"),
                            strerror(saved));
    return CF_OK;
}

cf_status cf_file_append_synced(const cf_io *io, const char *path, const char *data, size_t len, cf_error *err)
{
    if (!io)
        io = cf_io_default();
    /* O_NOFOLLOW: a link planted as the journal is never written through; O_NONBLOCK: nor
     * does a FIFO there make us wait (it is refused below) */
    int fd = io->open(io->ctx, path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY,
                      0666);
    if (fd < 0)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot open the journal: %s"),
                            errno == ELOOP ? _("it is a symbolic link") : strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        io->close(io->ctx, fd);
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot write the journal: it is %s"), kind_of(st.st_mode));
    }
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

cf_status cf_file_remove(const cf_io *io, const char *path, cf_error *err)
{
    if (!io)
        io = cf_io_default();
    if (io->unlink(io->ctx, path) != 0 && errno != ENOENT)
        return cf_error_set(err, CF_ERR_IO, path, 0, 0, _("cannot remove: %s"), strerror(errno));
    return CF_OK;
}

/* ---------- the review lock ---------- */

struct cf_lock {
    int fd;
    char *lock_path;   /* TARGET.lock */
    char *review_path; /* TARGET: the review file itself, links followed */
};

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

void cf_lock_release(cf_lock *lock)
{
    if (!lock)
        return;
    if (lock->fd >= 0) {
        /* unlinked only while held, and only when the name is still ours: a waiting process
         * then finds its file gone, and starts over on a new one */
        struct stat held, named;
        if (fstat(lock->fd, &held) == 0 && lstat(lock->lock_path, &named) == 0 && same_file(&held, &named))
            unlink(lock->lock_path);
        close(lock->fd); /* closing drops the lock */
    }
    cf_free(lock->lock_path);
    cf_free(lock->review_path);
    cf_free(lock);
}

const char *cf_lock_review_path(const cf_lock *lock) { return lock->review_path; }

/* "apply by 张审核, pid 4242, since 2026-12-01 15:40:02 UTC" into the held lock file, for a
 * process that is refused to read. */
static void write_holder(int fd, const char *command, const char *reviewer)
{
    char since[32] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm))
        strftime(since, sizeof since, "%Y-%m-%d %H:%M:%S UTC", &tm);
    char holder[512];
    int n = snprintf(holder, sizeof holder, _("%s by %s, pid %ld, since %s\n"), command,
                     reviewer && reviewer[0] ? reviewer : "?", (long)getpid(), since);
    if (n < 0)
        return;
    size_t len = (size_t)n < sizeof holder ? (size_t)n : sizeof holder - 1;
    if (ftruncate(fd, 0) == 0 && pwrite(fd, holder, len, 0) != (ssize_t)len)
        return; /* only a message is lost: the lock itself is held */
}

/* The holder's line from the lock file at fd, into buf ("" when it has not written it yet). */
static void read_holder(int fd, char *buf, size_t size)
{
    ssize_t n = pread(fd, buf, size - 1, 0);
    buf[n > 0 ? n : 0] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
}

cf_status cf_lock_review(const char *review_path, const char *command, const char *reviewer, unsigned wait_ms,
                         cf_lock **out, cf_error *err)
{
    *out = NULL;
    cf_lock *lock = cf_calloc(1, sizeof *lock);
    cf_buf lock_path;
    cf_buf_init(&lock_path);
    if (!lock || !(lock->review_path = cf_file_resolve(review_path)) ||
        !cf_buf_printf(&lock_path, "%s.lock", lock->review_path)) {
        cf_free(lock ? lock->review_path : NULL);
        cf_free(lock);
        cf_buf_release(&lock_path);
        return cf_error_nomem(err, review_path);
    }
    lock->lock_path = cf_buf_take(&lock_path);
    lock->fd = -1;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        int fd = open(lock->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0666);
        struct stat held, named;
        if (fd < 0 || fstat(fd, &held) != 0 || !S_ISREG(held.st_mode)) {
            int saved = errno;
            cf_status st = fd < 0 && saved == ELOOP
                               ? cf_error_set(err, CF_ERR_IO, lock->lock_path, 0, 0,
                                              _("the lock file is a symbolic link; crossfoot does not follow it "
                                                "(remove it if no crossfoot is running)"))
                           : fd < 0 ? cf_error_set(err, CF_ERR_IO, lock->lock_path, 0, 0,
                                                   _("cannot create the lock file: %s"), strerror(saved))
                                    : cf_error_set(err, CF_ERR_IO, lock->lock_path, 0, 0,
                                                   _("the lock file is %s"), kind_of(held.st_mode));
            if (fd >= 0)
                close(fd);
            cf_lock_release(lock);
            return st;
        }
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
            /* the holder before us may have unlinked the name after we opened it: the lock
             * counts only on the file that is still there */
            if (lstat(lock->lock_path, &named) == 0 && same_file(&held, &named)) {
                lock->fd = fd;
                break;
            }
            close(fd);
            continue;
        }
        int saved = errno;
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long waited_ms = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        if (saved != EWOULDBLOCK || waited_ms >= (long)wait_ms) {
            char holder[512];
            read_holder(fd, holder, sizeof holder);
            close(fd);
            cf_status st = saved != EWOULDBLOCK
                               ? cf_error_set(err, CF_ERR_IO, review_path, 0, 0, _("cannot lock: %s"), strerror(saved))
                               : cf_error_set(err, CF_ERR_INPUT, review_path, 0, 0,
                                              _("this review is being edited by another crossfoot (%s); try again "
                                                "once it is closed there"),
                                              holder[0] ? holder : _("starting up"));
            cf_lock_release(lock);
            return st;
        }
        close(fd);
        struct timespec pause = {0, 20 * 1000000L};
        nanosleep(&pause, NULL);
    }
    write_holder(lock->fd, command, reviewer);
    *out = lock;
    return CF_OK;
}
