/* vcs_turn.c - notes processes take turns to commit to a journal, and
 * clear the lock files of one that was killed in its turn. */
#include <errno.h>
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
/* a lock file made later than this after a turn began is not of that turn */
#define TURN_LOCKS_WITHIN_S 120

/*
 * The turn is a flock on .git/notes-turn, which the kernel releases when
 * its holder exits or dies. The holder writes "<pid> <seconds>.<ns>"
 * there when it takes the turn and empties the file when it gives the
 * turn up: a record found by the next holder is one of a notes process
 * killed in its turn (SIGKILL, a power cut). The lock files git and
 * libgit2 take (index.lock, HEAD.lock, refs/heads/<branch>.lock,
 * packed-refs.lock) that were made after that process took its turn
 * (and not over two minutes later) are its own, left behind: they are
 * removed and said so, and the work goes on. Any other lock file is left
 * to its owner, as git leaves it.
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

static void S_clear_one(const char *gitdir, const char *name, const struct timespec *since,
			long pid, struct strbuf *warn)
{
	struct strbuf path = STRBUF_INIT;
	struct stat st;

	strbuf_addf(&path, "%s%s", gitdir, name);
	if (lstat(path.buf, &st) == 0 && S_ISREG(st.st_mode) &&
	    (st.st_mtim.tv_sec > since->tv_sec ||
	     (st.st_mtim.tv_sec == since->tv_sec && st.st_mtim.tv_nsec >= since->tv_nsec)) &&
	    st.st_mtim.tv_sec <= since->tv_sec + TURN_LOCKS_WITHIN_S && unlink(path.buf) == 0)
		strbuf_addf(warn,
			    "removed %s, left by notes process %ld, killed while it committed\n",
			    path.buf, pid);
	strbuf_release(&path);
}

static void S_clear_stale(git_repository *repo, const char *record, struct strbuf *warn)
{
	const char *gitdir = git_repository_path(repo);
	static const char *const fixed[] = { "index.lock", "HEAD.lock", "packed-refs.lock" };
	struct timespec since = { 0, 0 };
	git_reference *head = NULL;
	long long secs = 0;
	long pid = 0, ns = 0;
	size_t i;

	if (sscanf(record, "%ld %lld.%ld", &pid, &secs, &ns) != 3 || pid <= 0 || ns < 0 ||
	    ns >= 1000000000L)
		return;
	since.tv_sec = (time_t)secs;
	since.tv_nsec = ns;
	for (i = 0; i < sizeof(fixed) / sizeof(*fixed); i++)
		S_clear_one(gitdir, fixed[i], &since, pid, warn);
	if (git_reference_lookup(&head, repo, "HEAD") == 0 &&
	    git_reference_type(head) == GIT_REFERENCE_SYMBOLIC) {
		const char *target = git_reference_symbolic_target(head);
		struct strbuf lock = STRBUF_INIT;
		if (!strncmp(target, "refs/heads/", 11) && !strstr(target, "..")) {
			strbuf_addf(&lock, "%s.lock", target);
			S_clear_one(gitdir, lock.buf, &since, pid, warn);
		}
		strbuf_release(&lock);
	}
	git_reference_free(head);
	git_error_clear();
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
	char record[96];
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
	if (ftruncate(turn->fd, 0) < 0 || pwrite(turn->fd, record, (size_t)n, 0) != n) {
		strbuf_addf(err, "cannot write %s: %s", path.buf, strerror(errno));
		close(turn->fd);
		strbuf_release(&path);
		return -1;
	}
	strbuf_release(&path);
	return 0;
}

void vcs_turn_give(struct vcs_turn *turn)
{
	if (turn->fd < 0)
		return;
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
