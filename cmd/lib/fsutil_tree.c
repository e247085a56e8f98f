/* fsutil_tree.c - remove a directory that notes made, with all it holds. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"

/* Remove name in the directory at; a symbolic link is removed, never
 * followed, so nothing outside the tree is touched. */
static int S_remove_at(int at, const char *name, int depth)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	int fd, rc = 0;

	if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(at, name, 0);
	if (depth > 64)
		return errno = ELOOP, -1;
	fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd < 0 || !(d = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while (rc == 0 && (de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			rc = S_remove_at(dirfd(d), de->d_name, depth + 1);
	closedir(d);
	return rc == 0 ? unlinkat(at, name, AT_REMOVEDIR) : rc;
}

int remove_tree(const char *path, struct strbuf *err)
{
	if (S_remove_at(AT_FDCWD, path, 0) < 0) {
		strbuf_addf(err, "cannot remove %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
