/* fsutil.h - reading and atomically writing files. */
#ifndef NOTES_FSUTIL_H
#define NOTES_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "strbuf.h"

/* The largest note notes reads (bigger files are refused, not truncated). */
#define MAX_NOTE_SIZE (16u << 20)

/*
 * Read a regular file (a directory, FIFO or device is refused without
 * blocking) of at most max bytes into out. Returns 0, or -1 with
 * "<why>" in err (the caller prefixes the path).
 */
int read_file(const char *path, struct strbuf *out, size_t max, struct strbuf *err);

enum write_flags {
	/* fsync the file before the rename and the directory after it, so
	 * that the new content survives a power loss, not only a crash */
	WRITE_DURABLE = 1 << 0,
	/* never replace a file: when path exists (even one that appeared
	 * while the data was written) fail with "exists already" */
	WRITE_NO_REPLACE = 1 << 1,
};

/*
 * Replace path with data atomically: a temporary file in the same
 * directory, renamed over path, so that path holds the old bytes or the
 * new ones, never a mix. The file gets mode (e.g. 0666) less the umask
 * and never world-writable; an existing file keeps its mode. Returns 0
 * or -1 with the reason in err.
 */
int write_file_atomic(const char *path, const char *data, size_t len, mode_t mode, unsigned flags,
		      struct strbuf *err);

/*
 * Like write_file_atomic (durable: it edits a note the user wrote), but
 * only when path still holds old (oldlen
 * bytes): an editor that saved since it was read keeps its edit. Returns
 * -1 with "changed since it was read; try again" when it differs.
 */
int write_file_if_unchanged(const char *path, const char *old, size_t oldlen, const char *data,
			    size_t len, struct strbuf *err);

/* rm -r for a directory notes made (a link in it is removed, never
 * followed); a missing path is no error. */
int remove_tree(const char *path, struct strbuf *err);

/* mkdir -p for dir (not world-writable). */
int make_dirs(const char *dir, struct strbuf *err);
bool is_dir(const char *path);
bool path_exists(const char *path);

#endif
