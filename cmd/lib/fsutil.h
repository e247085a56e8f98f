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

/*
 * Read rel (a path relative to the directory root, "a/b/c") the one safe
 * way inside the journal: every component is opened without following a
 * symbolic link (openat with O_NOFOLLOW), the directories on the way must
 * be directories, the file a regular file (a FIFO or a device is refused
 * without blocking) of at most max bytes. Returns 0; 1 when rel (or a
 * directory on the way) does not exist, err untouched; -1 with
 * "<root>/<rel>: <why>" in err (the component named when it is a link).
 */
int read_file_in(const char *root, const char *rel, struct strbuf *out, size_t max,
		 struct strbuf *err);

/*
 * Whether rel inside root may be written through: no component is a
 * symbolic link, the directories on the way are directories, and rel,
 * when it exists, is a regular file. Returns 0, or -1 with
 * "<root>/<rel>: <why>" in err. (Writers that go through libgit2 check with it first.)
 */
int check_path_in(const char *root, const char *rel, struct strbuf *err);

enum write_flags {
	/* fsync the file before the rename and the directory after it, so
	 * that the new content survives a power loss, not only a crash */
	WRITE_DURABLE = 1 << 0,
	/* create, never replace: the file is put in place with
	 * renameat2(RENAME_NOREPLACE) (a hard link where the file system
	 * cannot), so that when path exists, even a file that appeared while
	 * the data was written, nothing is replaced and the write fails with
	 * "exists already" (errno EEXIST) */
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

/*
 * The last resort of putting a file back when there is no room for a new
 * one (a full disk): path is rewritten in place with data, shorter or as
 * long as what it holds, only when it still holds old. Not atomic: for
 * undoing notes' own write after a failure only. Returns 0 or -1 with
 * the reason in err.
 */
int rewrite_file_in_place(const char *path, const char *old, size_t oldlen, const char *data,
			  size_t len, struct strbuf *err);

/* rm -r for a directory notes made (a link in it is removed, never
 * followed); a missing path is no error. */
int remove_tree(const char *path, struct strbuf *err);

/* mkdir -p for dir (not world-writable). */
int make_dirs(const char *dir, struct strbuf *err);
bool is_dir(const char *path);
bool path_exists(const char *path);

#endif
