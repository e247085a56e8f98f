/* fsutil.c - reading and atomically writing files. */
#ifdef __linux__
#define _GNU_SOURCE /* renameat2 */
#endif
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <poll.h>
#include <sys/inotify.h>
#endif

#include "xalloc.h"

/* Read the regular file open on fd (at most max bytes) into out. */
static int S_read_fd(int fd, struct strbuf *out, size_t max, struct strbuf *err)
{
	struct stat st;
	ssize_t n;

	if (fstat(fd, &st) < 0) {
		strbuf_addstr(err, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		strbuf_addstr(err, S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
		return -1;
	}
	if ((size_t)st.st_size > max) {
		strbuf_addf(err, "too large (%lld bytes; at most %zu)", (long long)st.st_size, max);
		return -1;
	}
	strbuf_grow(out, (size_t)st.st_size);
	for (;;) {
		strbuf_grow(out, 8192);
		n = read(fd, out->buf + out->len, out->alloc - out->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		strbuf_setlen(out, out->len + (size_t)n);
		if (out->len > max) {
			n = -1;
			errno = EFBIG;
			break;
		}
	}
	if (n < 0) {
		strbuf_addstr(err, strerror(errno));
		return -1;
	}
	return 0;
}

static int S_open_read(const char *path)
{
	return open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
}

int read_file(const char *path, struct strbuf *out, size_t max, struct strbuf *err)
{
	int fd = S_open_read(path), rc;

	if (fd < 0) {
		strbuf_addstr(err, strerror(errno));
		return -1;
	}
	rc = S_read_fd(fd, out, max, err);
	close(fd);
	return rc;
}

static int S_write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static void S_sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir =
		slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Write data to a new temporary file beside path, ready to be renamed
 * over it; its name is left in tmp. */
static int S_write_temp(const char *path, const char *data, size_t len, mode_t mode, unsigned flags,
			struct strbuf *tmp, struct strbuf *err)
{
	const char *slash = strrchr(path, '/');
	struct stat st;
	mode_t mask;
	int fd;

	if (slash)
		strbuf_add(tmp, path, (size_t)(slash - path) + 1);
	strbuf_addf(tmp, ".%s.tmp-XXXXXX", slash ? slash + 1 : path);
	fd = mkstemp(tmp->buf);
	if (fd < 0) {
		strbuf_addstr(err, strerror(errno));
		return -1;
	}
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		mode = st.st_mode & 07777;
	} else {
		mask = umask(0);
		umask(mask);
		mode = mode & ~mask;
	}
	if (fchmod(fd, mode & ~(mode_t)S_IWOTH) < 0 || S_write_all(fd, data, len) < 0 ||
	    ((flags & WRITE_DURABLE) && fsync(fd) < 0)) {
		strbuf_addstr(err, strerror(errno));
		close(fd);
		unlink(tmp->buf);
		return -1;
	}
	close(fd);
	return 0;
}

/*
 * Put tmp at path unless something is there, atomically: an exclusive
 * rename, else a hard link (which fails when path exists). Where neither
 * works the write fails: a look before a plain rename could still
 * replace a file that appeared in between.
 */
static int S_put_new(const char *tmp, const char *path)
{
	int rc;

#if defined(__linux__) && defined(RENAME_NOREPLACE)
	static int off = -1; /* the tests take the fallback too */
	if (off < 0)
		off = getenv("NOTES_TEST_NO_RENAME_NOREPLACE") != NULL;
	if (!off) {
		rc = renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE);
		if (rc == 0 || (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP))
			return rc;
	}
#endif
	rc = link(tmp, path);
	if (rc == 0)
		unlink(tmp);
	return rc;
}

static int S_rename(const char *tmp, const char *path, unsigned flags, struct strbuf *err)
{
	if ((flags & WRITE_NO_REPLACE) ? S_put_new(tmp, path) < 0 : rename(tmp, path) < 0) {
		strbuf_addstr(err, (flags & WRITE_NO_REPLACE) && errno == EEXIST
					   ? "exists already (it appeared while notes wrote it)"
					   : strerror(errno));
		unlink(tmp);
		return -1;
	}
	if (flags & WRITE_DURABLE)
		S_sync_dir(path);
	return 0;
}

int write_file_atomic(const char *path, const char *data, size_t len, mode_t mode, unsigned flags,
		      struct strbuf *err)
{
	struct strbuf tmp = STRBUF_INIT;
	int rc = S_write_temp(path, data, len, mode, flags, &tmp, err);

	if (rc == 0)
		rc = S_rename(tmp.buf, path, flags, err);
	strbuf_release(&tmp);
	return rc;
}

/* Say why component name (the first n bytes of rel) cannot be opened in dfd. */
static void S_why(int dfd, const char *root, const char *rel, size_t n, int e, struct strbuf *err)
{
	char *name = xstrndup(rel, n);
	const char *base = strrchr(name, '/');
	struct stat st;

	base = base ? base + 1 : name;
	if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
		strbuf_addf(err,
			    "%s/%s: is a symbolic link (notes follows none inside the journal)",
			    root, name);
	else if (e == ENOTDIR)
		strbuf_addf(err, "%s/%s: not a directory", root, name);
	else
		strbuf_addf(err, "%s/%s: %s", root, name, strerror(e));
	free(name);
}

/*
 * Open the directory that holds rel's last component, component by
 * component from root, never through a link. Returns its descriptor and
 * the last component in *last; -1 (ENOENT: *missing) with err.
 */
static int S_walk(const char *root, const char *rel, const char **last, bool *missing,
		  struct strbuf *err)
{
	int dfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	const char *p = rel, *slash;

	*missing = false;
	if (dfd < 0) {
		strbuf_addf(err, "%s: %s", root, strerror(errno));
		return -1;
	}
	while ((slash = strchr(p, '/'))) {
		char *comp = xstrndup(p, (size_t)(slash - p));
		int next = -1;
		if (*comp && strcmp(comp, ".") && strcmp(comp, ".."))
			next = openat(dfd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		else
			errno = EINVAL;
		free(comp);
		if (next < 0) {
			if (errno == ENOENT)
				*missing = true;
			else
				S_why(dfd, root, rel, (size_t)(slash - rel), errno, err);
			close(dfd);
			return -1;
		}
		close(dfd);
		dfd = next;
		p = slash + 1;
	}
	*last = p;
	return dfd;
}

int read_file_in(const char *root, const char *rel, struct strbuf *out, size_t max,
		 struct strbuf *err)
{
	const char *last;
	bool missing;
	int dfd = S_walk(root, rel, &last, &missing, err), fd, rc;
	struct strbuf why = STRBUF_INIT;

	if (dfd < 0)
		return missing ? 1 : -1;
	fd = openat(dfd, last, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		rc = errno == ENOENT ? 1 : -1;
		if (rc < 0)
			S_why(dfd, root, rel, strlen(rel), errno, err);
		close(dfd);
		return rc;
	}
	close(dfd);
	rc = S_read_fd(fd, out, max, &why);
	close(fd);
	if (rc < 0)
		strbuf_addf(err, "%s/%s: %s", root, rel, why.buf);
	strbuf_release(&why);
	return rc;
}

int check_path_in(const char *root, const char *rel, struct strbuf *err)
{
	const char *last;
	bool missing;
	int dfd = S_walk(root, rel, &last, &missing, err), rc = 0;
	struct stat st;

	if (dfd < 0)
		return missing ? 0 : -1;
	if (fstatat(dfd, last, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISLNK(st.st_mode))
			S_why(dfd, root, rel, strlen(rel), ELOOP, err);
		else
			strbuf_addf(err, "%s/%s: not a regular file", root, rel);
		rc = -1;
	}
	close(dfd);
	return rc;
}

/*
 * Who else has the file open, from inotify: an editor that rewrites a
 * file in place opens it, truncates and writes. Linux only; elsewhere
 * nothing is known and the contents alone decide.
 */
struct watch {
	int fd;
	int open; /* opens seen minus closes seen */
};

static void S_watch_begin(struct watch *w, const char *path)
{
	w->open = 0;
#ifdef __linux__
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd >= 0 && inotify_add_watch(w->fd, path, IN_OPEN | IN_CLOSE) < 0) {
		close(w->fd);
		w->fd = -1;
	}
#else
	(void)path;
	w->fd = -1;
#endif
}

/* Wait (at most ms) until every open seen is closed; whether it is. */
static bool S_watch_settle(struct watch *w, int ms)
{
#ifdef __linux__
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	struct pollfd pfd = { w->fd, POLLIN, 0 };

	if (w->fd < 0)
		return true;
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof(buf)), at = 0;
		while (n > 0 && at < n) {
			const struct inotify_event *e = (const void *)(buf + at);
			w->open += (e->mask & IN_OPEN) ? 1 : 0;
			w->open -= (e->mask & IN_CLOSE) ? 1 : 0;
			at += (ssize_t)sizeof(*e) + (ssize_t)e->len;
		}
		if (n > 0)
			continue;
		if (w->open <= 0)
			return true;
		if (ms <= 0 || poll(&pfd, 1, 10) < 0)
			return false;
		ms -= 10;
	}
#else
	(void)w;
	(void)ms;
	return true;
#endif
}

static void S_watch_end(struct watch *w)
{
	if (w->fd >= 0)
		close(w->fd);
}

static bool S_same(const struct strbuf *sb, const char *data, size_t len)
{
	return sb->len == len && !memcmp(sb->buf, data, len);
}

/*
 * Swap the files at a and b (Linux's exchanging rename). Returns 0, or
 * -1 with errno (EINVAL where the file system cannot).
 */
static int S_swap(const char *a, const char *b)
{
#if defined(__linux__) && defined(RENAME_EXCHANGE)
	static int off = -1; /* the tests run the other way too */
	if (off < 0)
		off = getenv("NOTES_TEST_NO_EXCHANGE") != NULL;
	if (!off)
		return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
	errno = EINVAL;
	return -1;
#else
	(void)a;
	(void)b;
	errno = EINVAL;
	return -1;
#endif
}

/* Whether path is still the file st was of, holding data. */
static bool S_holds(const char *path, const struct stat *st, const char *data, size_t len)
{
	struct strbuf now = STRBUF_INIT, err = STRBUF_INIT;
	struct stat cur;
	bool same = lstat(path, &cur) == 0 && cur.st_ino == st->st_ino &&
		    cur.st_dev == st->st_dev && read_file(path, &now, MAX_NOTE_SIZE, &err) == 0 &&
		    S_same(&now, data, len);

	strbuf_release(&now);
	strbuf_release(&err);
	return same;
}

/*
 * Put tmp in place of path if path still holds old. Then look at the
 * file it replaced: an editor may have saved between the last look and
 * the rename (by a rename of its own, or in place), or after it, into
 * the file it had open.
 *
 * Where files can be swapped, the file replaced is kept at tmp until it
 * is read; if an editor saved into it, it is swapped back at once, so
 * the save stands and no one sees it go: returns 1. Elsewhere it is
 * read through the descriptor still open on it: returns 2 with what it
 * holds in landed, for the caller to put back. Returns 0 when the new
 * file stands and the one it replaced still held old, -1 with err.
 */
static int S_replace(const char *path, const char *tmp, const char *old, size_t oldlen,
		     const char *data, size_t len, struct strbuf *landed, struct strbuf *err)
{
	struct strbuf now = STRBUF_INIT;
	struct stat mine;
	struct watch w;
	int fd = S_open_read(path), rc = 0;
	bool swapped = false, settled;

	S_watch_begin(&w, path);
	if (fd < 0 || S_read_fd(fd, &now, MAX_NOTE_SIZE, err) < 0 || !S_same(&now, old, oldlen) ||
	    lstat(tmp, &mine) < 0) {
		unlink(tmp);
		strbuf_reset(err);
		strbuf_addstr(err,
			      "changed since it was read (an editor or another program saved it; "
			      "notes processes wait for their turn); try again");
		rc = -1;
	} else if (S_swap(tmp, path) == 0) {
		swapped = true;
	} else if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
		strbuf_addstr(err, strerror(errno));
		unlink(tmp);
		rc = -1;
	} else {
		rc = S_rename(tmp, path, 0, err);
	}
	if (rc < 0)
		goto out;
	/* an editor still writing in place has up to 2 s to finish */
	settled = S_watch_settle(&w, 2000);
	strbuf_reset(landed);
	if (swapped ? read_file(tmp, landed, MAX_NOTE_SIZE, err) < 0
		    : lseek(fd, 0, SEEK_SET) < 0 || S_read_fd(fd, landed, MAX_NOTE_SIZE, err) < 0)
		strbuf_reset(landed), strbuf_add(landed, old, oldlen); /* gone: nothing to save */
	if (!S_same(landed, old, oldlen))
		rc = swapped ? 1 : 2;
	/* back; and if what comes back is not ours as we wrote it, an editor
	 * saved over it meanwhile: that save is the newest, it stands */
	if (rc == 1 && S_swap(tmp, path) == 0 && !S_holds(tmp, &mine, data, len))
		S_swap(tmp, path);
	if (rc == 0 || rc == 1)
		S_sync_dir(path);
	if (swapped)
		unlink(tmp);
	if (!settled && rc == 2) {
		strbuf_reset(err);
		strbuf_addstr(err, "an editor is writing into it while notes replaced it; "
				   "save it again");
		rc = -1;
	}
out:
	S_watch_end(&w);
	if (fd >= 0)
		close(fd);
	strbuf_release(&now);
	return rc;
}

int rewrite_file_in_place(const char *path, const char *old, size_t oldlen, const char *data,
			  size_t len, struct strbuf *err)
{
	struct strbuf now = STRBUF_INIT;
	int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC), rc = -1;

	if (fd < 0) {
		strbuf_addf(err, "%s", strerror(errno));
		return -1;
	}
	/* a page the file has already is reused: no new room is needed */
	if (len > oldlen || S_read_fd(fd, &now, oldlen, err) < 0)
		; /* the reason is said */
	else if (now.len != oldlen || memcmp(now.buf, old, oldlen))
		strbuf_addstr(err, "changed since it was read");
	else if (pwrite(fd, data, len, 0) != (ssize_t)len || ftruncate(fd, (off_t)len) < 0 ||
		 fsync(fd) < 0)
		strbuf_addf(err, "%s", strerror(errno));
	else
		rc = 0;
	close(fd);
	strbuf_release(&now);
	return rc;
}

int write_file_if_unchanged(const char *path, const char *old, size_t oldlen, const char *data,
			    size_t len, struct strbuf *err)
{
	struct strbuf tmp = STRBUF_INIT, landed = STRBUF_INIT, expect = STRBUF_INIT;
	struct strbuf put = STRBUF_INIT;
	int rc, tries = 0;

	/* the new bytes are written and flushed first, so that between the
	 * last look at the note and the rename there is as little time as
	 * there can be for an editor to save into */
	rc = S_write_temp(path, data, len, 0666, WRITE_DURABLE, &tmp, err);
	if (rc == 0)
		rc = S_replace(path, tmp.buf, old, oldlen, data, len, &landed, err);
	/* without swaps: write back what an editor saved into the file
	 * replaced (unless something newer stands there by now) */
	strbuf_add(&expect, data, len);
	while (rc == 2 && tries++ < 8) {
		strbuf_swap(&put, &landed);
		strbuf_reset(&tmp);
		rc = S_write_temp(path, put.buf, put.len, 0666, WRITE_DURABLE, &tmp, err);
		if (rc == 0)
			rc = S_replace(path, tmp.buf, expect.buf, expect.len, put.buf, put.len,
				       &landed, err);
		strbuf_swap(&expect, &put);
		rc = rc == 0 ? 1 : rc;
	}
	if (rc > 0) {
		strbuf_reset(err);
		strbuf_addstr(err, "an editor saved it while notes wrote it; its save is kept: "
				   "try again");
		rc = -1;
	}
	strbuf_release(&tmp);
	strbuf_release(&landed);
	strbuf_release(&expect);
	strbuf_release(&put);
	return rc;
}

int make_dirs(const char *dir, struct strbuf *err)
{
	char *copy, *p;

	if (!*dir) {
		strbuf_addstr(err, "cannot create a directory with an empty name");
		return -1;
	}
	copy = xstrdup(dir);
	for (p = copy + 1;; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(copy, 0777 & ~(mode_t)S_IWOTH) < 0 && errno != EEXIST) {
				strbuf_addf(err, "cannot create %s: %s", copy, strerror(errno));
				free(copy);
				return -1;
			}
			*p = c;
			if (!c)
				break;
		}
	}
	free(copy);
	if (!is_dir(dir)) {
		strbuf_addf(err, "%s is not a directory", dir);
		return -1;
	}
	return 0;
}

bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool path_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}
