/* vcs_turn.c - notes processes take turns to commit to a journal, and
 * clear the lock files of one that was killed in its turn. */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "vcs.h"
#include "vcs_internal.h"

/* how long a process waits for its turn before it gives up */
#define TURN_WAIT_MS 60000

/*
 * The turn is a flock on .git/notes-turn, which the kernel releases when
 * its holder exits or dies. The holder writes "<pid> <seconds>.<ns>"
 * there when it takes the turn, one line per lock file it holds while it
 * holds it, and empties the file when it gives the turn up: a record
 * found by the next holder is one of a notes process killed in its turn
 * (SIGKILL, a power cut). A lock file is removed only when it is the very
 * file that process recorded: the same device and inode, and either the
 * content notes wrote into it (index.lock, which notes makes itself) or,
 * for a branch lock libgit2 made, the change time recorded and nothing
 * written yet. A lock of a live git (even one made after the kill, on a
 * reused inode) never matches, whatever its age: it is left to its
 * owner, as git leaves it, and notes stops naming it.
 *
 * Record lines: "lock <name> <dev> <ino> m<marker>" (content "<marker>\n"),
 * "lock <name> <dev> <ino> c<sec>.<ns>" (change time, empty), and
 * "pending <name> <sec>.<ns>": libgit2 is making the branch lock; a lock
 * still empty and made after that moment is that one.
 */

/* The file system's clock (coarse on Linux: a file made a moment after
 * this reading never has an older time). */
static struct timespec S_now(void)
{
	struct timespec ts;
#ifdef CLOCK_REALTIME_COARSE
	clock_gettime(CLOCK_REALTIME_COARSE, &ts);
#else
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec -= 1;
#endif
	return ts;
}

static bool S_not_before(const struct timespec *t, long long sec, long ns)
{
	return t->tv_sec > sec || (t->tv_sec == sec && t->tv_nsec >= ns);
}

/* Whether path (lstat'd into st) holds exactly want (len bytes). */
static bool S_content_is(const char *path, const struct stat *st, const char *want, size_t len)
{
	char buf[128];
	ssize_t n;
	int fd;

	if ((size_t)st->st_size != len || len >= sizeof(buf))
		return false;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	return n == (ssize_t)len && !memcmp(buf, want, len);
}

/* One line of a dead holder's record: remove the lock it names if it is
 * that process's own. */
static void S_clear_line(const char *gitdir, const char *line, long pid, struct strbuf *warn)
{
	char name[256], mark[80];
	unsigned long long dev, ino;
	long long sec;
	long ns;
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	bool mine = false;

	if (sscanf(line, "lock %255s %llu %llu %79s", name, &dev, &ino, mark) == 4) {
		strbuf_addf(&path, "%s%s", gitdir, name);
		if (lstat(path.buf, &st) == 0 && S_ISREG(st.st_mode) &&
		    (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino) {
			if (mark[0] == 'm') {
				char want[96];
				int n = snprintf(want, sizeof(want), "%s\n", mark + 1);
				mine = n > 0 && S_content_is(path.buf, &st, want, (size_t)n);
			} else if (mark[0] == 'c' && sscanf(mark + 1, "%lld.%ld", &sec, &ns) == 2) {
				mine = st.st_size == 0 && st.st_ctim.tv_sec == sec &&
				       st.st_ctim.tv_nsec == ns;
			}
		}
	} else if (sscanf(line, "pending %255s %lld.%ld", name, &sec, &ns) == 3) {
		strbuf_addf(&path, "%s%s", gitdir, name);
		mine = lstat(path.buf, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0 &&
		       S_not_before(&st.st_ctim, sec, ns);
	}
	if (mine && (strstr(name, "..") || name[0] == '/'))
		mine = false;
	if (mine && unlink(path.buf) == 0)
		strbuf_addf(warn,
			    "removed %s, left by notes process %ld, killed while it committed\n",
			    path.buf, pid);
	strbuf_release(&path);
}

static void S_clear_stale(git_repository *repo, const char *record, struct strbuf *warn)
{
	const char *gitdir = git_repository_path(repo), *line;
	struct strbuf tmp = STRBUF_INIT;
	long pid = 0;

	if (sscanf(record, "%ld", &pid) != 1 || pid <= 0)
		return;
	for (line = strchr(record, '\n'); line && line[1]; line = strchr(line + 1, '\n'))
		S_clear_line(gitdir, line + 1, pid, warn);
	/* the file it would have linked as index.lock */
	strbuf_addf(&tmp, "%snotes-lock-%ld", gitdir, pid);
	unlink(tmp.buf);
	strbuf_reset(&tmp);
	strbuf_addf(&tmp, "%snotes-index-%ld", gitdir, pid);
	unlink(tmp.buf);
	strbuf_reset(&tmp);
	strbuf_addf(&tmp, "%snotes-index-%ld.lock", gitdir, pid);
	unlink(tmp.buf);
	strbuf_release(&tmp);
}

/* The record in the turn file, NUL-terminated ("" when there is none). */
static ssize_t S_read_record(int fd, char *buf, size_t size)
{
	ssize_t n = pread(fd, buf, size - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

int vcs_turn_take(git_repository *repo, struct vcs_turn *turn, struct strbuf *warn,
		  struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	char record[4096];
	struct timespec now;
	ssize_t n;
	int waited = 0, pause = 2;

	strbuf_addf(&path, "%snotes-turn", git_repository_path(repo));
	turn->fd = open(path.buf, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
	if (turn->fd < 0) {
		strbuf_addf(err, "%s: %s", path.buf, strerror(errno));
		strbuf_release(&path);
		return -1;
	}
	while (flock(turn->fd, LOCK_EX | LOCK_NB) < 0) {
		if ((errno != EWOULDBLOCK && errno != EINTR) || waited >= TURN_WAIT_MS) {
			S_read_record(turn->fd, record, sizeof(record));
			strbuf_addf(err,
				    "another notes process (pid %ld) has been committing to "
				    "this journal for over %d s; try again when it ends (%s)",
				    strtol(record, NULL, 10), TURN_WAIT_MS / 1000, path.buf);
			close(turn->fd);
			turn->fd = -1;
			strbuf_release(&path);
			return -1;
		}
		usleep((useconds_t)pause * 1000);
		waited += pause;
		pause = pause < 50 ? pause * 2 : 50;
	}
	if (S_read_record(turn->fd, record, sizeof(record)) > 0)
		S_clear_stale(repo, record, warn);
	now = S_now();
	n = snprintf(record, sizeof(record), "%ld %lld.%09ld\n", (long)getpid(),
		     (long long)now.tv_sec, (long)now.tv_nsec);
	strbuf_init(&turn->rec, 0);
	strbuf_add(&turn->rec, record, (size_t)n);
	if (ftruncate(turn->fd, 0) < 0 || pwrite(turn->fd, record, (size_t)n, 0) != n) {
		strbuf_addf(err, "cannot write %s: %s", path.buf, strerror(errno));
		strbuf_release(&turn->rec);
		close(turn->fd);
		turn->fd = -1;
		strbuf_release(&path);
		return -1;
	}
	strbuf_release(&path);
	return 0;
}

/* Write the record as it stands now. */
static int S_write_record(struct vcs_turn *turn)
{
	if (pwrite(turn->fd, turn->rec.buf, turn->rec.len, 0) != (ssize_t)turn->rec.len ||
	    ftruncate(turn->fd, (off_t)turn->rec.len) < 0)
		return -1;
	return 0;
}

static int S_record_add(struct vcs_turn *turn, const char *line)
{
	strbuf_addstr(&turn->rec, line);
	return S_write_record(turn);
}

/* Take the lines that name lock name out of the record. */
static void S_record_drop(struct vcs_turn *turn, const char *name)
{
	struct strbuf keep = STRBUF_INIT;
	const char *p = turn->rec.buf;
	size_t nlen = strlen(name);

	while (*p) {
		size_t len = strcspn(p, "\n") + (p[strcspn(p, "\n")] == '\n');
		const char *sp = strchr(p, ' ');
		bool drop = p != turn->rec.buf && sp && sp < p + len &&
			    !strncmp(sp + 1, name, nlen) && sp[1 + nlen] == ' ';
		if (!drop)
			strbuf_add(&keep, p, len);
		p += len;
	}
	strbuf_swap(&keep, &turn->rec);
	strbuf_release(&keep);
	S_write_record(turn);
}

int vcs_turn_lock_index(struct vcs *v, struct strbuf *err)
{
	const char *gitdir = git_repository_path(v->repo);
	struct strbuf tmp = STRBUF_INIT, lock = STRBUF_INIT, line = STRBUF_INIT;
	char marker[64];
	struct stat st;
	int fd, n, rc = -1;

	strbuf_addf(&tmp, "%snotes-lock-%ld", gitdir, (long)getpid());
	strbuf_addf(&lock, "%sindex.lock", gitdir);
	n = snprintf(marker, sizeof(marker), "notes-%ld-%lld-%ld\n", (long)getpid(),
		     (long long)S_now().tv_sec, (long)S_now().tv_nsec);
	unlink(tmp.buf);
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0 || write(fd, marker, (size_t)n) != n || fstat(fd, &st) < 0) {
		strbuf_addf(err, "%s: %s", tmp.buf, strerror(errno));
		goto out;
	}
	marker[n - 1] = '\0';
	/* recorded before it is index.lock: a kill in between leaves a record
	 * of a file that is not index.lock, which matches nothing */
	strbuf_addf(&line, "lock index.lock %llu %llu m%s\n", (unsigned long long)st.st_dev,
		    (unsigned long long)st.st_ino, marker);
	if (S_record_add(&v->turn, line.buf) < 0) {
		strbuf_addf(err, "cannot write the turn's record: %s", strerror(errno));
		goto out;
	}
	if (link(tmp.buf, lock.buf) < 0) {
		S_record_drop(&v->turn, "index.lock");
		strbuf_addf(err, "%s: %s", lock.buf,
			    errno == EEXIST ? "held by another program" : strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
	strbuf_release(&tmp);
	strbuf_release(&lock);
	strbuf_release(&line);
	return rc;
}

void vcs_turn_unlock_index(struct vcs *v)
{
	struct strbuf lock = STRBUF_INIT;

	strbuf_addf(&lock, "%sindex.lock", git_repository_path(v->repo));
	/* out of the record first: once unlinked, its inode may be reused */
	S_record_drop(&v->turn, "index.lock");
	unlink(lock.buf);
	strbuf_release(&lock);
}

int vcs_turn_pending(struct vcs *v, const char *name)
{
	struct strbuf line = STRBUF_INIT;
	struct timespec now = S_now();
	int rc;

	strbuf_addf(&line, "pending %s %lld.%09ld\n", name, (long long)now.tv_sec,
		    (long)now.tv_nsec);
	rc = S_record_add(&v->turn, line.buf);
	strbuf_release(&line);
	return rc;
}

void vcs_turn_locked(struct vcs *v, const char *name)
{
	struct strbuf path = STRBUF_INIT, line = STRBUF_INIT;
	struct stat st;

	strbuf_addf(&path, "%s%s", git_repository_path(v->repo), name);
	S_record_drop(&v->turn, name);
	if (lstat(path.buf, &st) == 0) {
		strbuf_addf(&line, "lock %s %llu %llu c%lld.%09ld\n", name,
			    (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
			    (long long)st.st_ctim.tv_sec, (long)st.st_ctim.tv_nsec);
		S_record_add(&v->turn, line.buf);
	}
	strbuf_release(&path);
	strbuf_release(&line);
}

void vcs_turn_unlocked(struct vcs *v, const char *name)
{
	S_record_drop(&v->turn, name);
}

void vcs_turn_give(struct vcs_turn *turn)
{
	if (turn->fd < 0)
		return;
	strbuf_release(&turn->rec);
	if (ftruncate(turn->fd, 0) < 0) {
		/* the record stays: the next holder only clears lock files
		 * newer than it, and there are none */
	}
	close(turn->fd); /* releases the lock */
	turn->fd = -1;
}

int vcs_turn_hold(struct vcs *v, struct strbuf *warn, struct strbuf *err)
{
	if (v->turn_depth == 0 && vcs_turn_take(v->repo, &v->turn, warn, err) < 0)
		return -1;
	v->turn_depth++;
	return 0;
}

void vcs_turn_release(struct vcs *v)
{
	if (v->turn_depth > 0 && --v->turn_depth == 0)
		vcs_turn_give(&v->turn);
}
