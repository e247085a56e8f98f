/* fsutil.c - reading and atomically writing files. */
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

int read_file(const char *path, struct strbuf *out, size_t max, struct strbuf *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	ssize_t n;

	if (fd < 0) {
		strbuf_addstr(err, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		strbuf_addstr(err, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		strbuf_addstr(err, S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
		close(fd);
		return -1;
	}
	if ((size_t)st.st_size > max) {
		strbuf_addf(err, "too large (%lld bytes; at most %zu)", (long long)st.st_size, max);
		close(fd);
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
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
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
static int S_write_temp(const char *path, const char *data, size_t len, mode_t mode,
			unsigned flags, struct strbuf *tmp, struct strbuf *err)
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

static int S_rename(const char *tmp, const char *path, unsigned flags, struct strbuf *err)
{
	if (rename(tmp, path) < 0) {
		strbuf_addstr(err, strerror(errno));
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

int write_file_if_unchanged(const char *path, const char *old, size_t oldlen, const char *data,
			    size_t len, struct strbuf *err)
{
	struct strbuf now = STRBUF_INIT, tmp = STRBUF_INIT;
	int rc;

	/* the new bytes are written and flushed first, so that between the
	 * last look at the note and the rename there is as little time as
	 * there can be for an editor to save into */
	rc = S_write_temp(path, data, len, 0666, WRITE_DURABLE, &tmp, err);
	if (rc == 0 && !(read_file(path, &now, MAX_NOTE_SIZE, err) == 0 && now.len == oldlen &&
			 !memcmp(now.buf, old, oldlen))) {
		unlink(tmp.buf);
		strbuf_reset(err);
		strbuf_addstr(err, "changed since it was read (an editor saved it?); try again");
		rc = -1;
	}
	if (rc == 0)
		rc = S_rename(tmp.buf, path, WRITE_DURABLE, err);
	strbuf_release(&now);
	strbuf_release(&tmp);
	return rc;
}

int make_dirs(const char *dir, struct strbuf *err)
{
	char *copy = xstrdup(dir), *p;

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
