/* test_vcs_sync.c - the vcs layer of sync on real repositories: push,
 * clone, fetch; a fast-forward; a merge commit with both parents where a
 * note is merged item by item; a conflict left as a merge in progress that
 * a normal commit refuses and vcs_commit_merge completes; a push that the
 * remote refuses because it moved; errors without credentials. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "harness.h"
#include "note_merge.h"
#include "vcs.h"
#include "vcs_merge.h"
#include "vcs_remote.h"

static char dir[64];
static const struct vcs_identity kim = { "Kim", "kim@example.com" };

static const char note[] = "---\nperson: alice\nleader: kim\ndate: 2026-11-23 10:00\n---\n\n"
			   "## Support within 48 hours\n"
			   "- [ ] Book the staging slot ^aaaaaa\n"
			   "- [ ] Ask Dana about fraud rules ^bbbbbb\n";

/* Shell commands run in dir (the test's current directory). */
static void S_sh(const char *cmd)
{
	CHECK(system(cmd) == 0);
}

/* The first line that a shell command prints. */
static void S_out(const char *cmd, char *out, size_t size)
{
	FILE *f;

	out[0] = '\0';
	f = popen(cmd, "r");
	if (f && fgets(out, (int)size, f))
		out[strcspn(out, "\n")] = '\0';
	if (f)
		pclose(f);
}

static void S_path(const char *rel, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%s/%s", dir, rel);
}

static struct vcs *S_open(const char *rel)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	struct vcs *v = NULL;

	S_path(rel, &path);
	CHECK(vcs_open(&v, path.buf, &err) == 0);
	strbuf_release(&path);
	strbuf_release(&err);
	return v;
}

/* Write content to rel/note.md and commit it in the repository v of rel. */
static void S_commit(struct vcs *v, const char *rel, const char *content)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	struct vcs_file f = { "note.md", NULL, 0 };

	strbuf_addf(&path, "%s/%s/note.md", dir, rel);
	CHECK(write_file_atomic(path.buf, content, strlen(content), 0666, 0, &err) == 0);
	CHECK(vcs_commit(v, &f, 1, "edit\n", &kim, &err, &err) == 0);
	strbuf_release(&path);
	strbuf_release(&err);
}

static void S_read(const char *rel, struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;

	strbuf_reset(out);
	strbuf_addf(&path, "%s/%s/note.md", dir, rel);
	CHECK(read_file(path.buf, out, 1 << 20, &err) == 0);
	strbuf_release(&path);
	strbuf_release(&err);
}

static char *S_replace(const char *from, const char *what, const char *with)
{
	static char bufs[4][2048];
	static int k;
	char *res = bufs[k++ % 4];
	const char *at = strstr(from, what);

	snprintf(res, 2048, "%.*s%s%s", (int)(at - from), from, with, at + strlen(what));
	return res;
}

static int S_merge_note(const char *path, const struct vcs_blob *base, const struct vcs_blob *ours,
			const struct vcs_blob *theirs, struct strbuf *out, void *data)
{
	struct note_version b = { base->data, base->len }, o = { ours->data, ours->len },
			    t = { theirs->data, theirs->len };
	struct note_merge_labels labels = { VCS_OURS_LABEL, VCS_THEIRS_LABEL };
	struct strbuf err = STRBUF_INIT;
	int rc;

	(void)path;
	(void)data;
	rc = note_merge(&b, &o, &t, &labels, out, &err);
	strbuf_release(&err);
	return rc;
}

static int S_fetch_merge(struct vcs *v, struct vcs_merge_result *res)
{
	struct strbuf err = STRBUF_INIT;
	char remote_main[41];
	bool any;
	int rc = vcs_fetch(v, NULL, remote_main, &any, &err);

	if (rc == 0)
		rc = vcs_merge_origin(v, S_merge_note, NULL, "journal: merge origin/main\n", &kim,
				      res, &err, &err);
	if (rc < 0)
		printf("# %s\n", err.buf);
	strbuf_release(&err);
	return rc;
}

static void S_push_clone(struct vcs **a, struct vcs **b)
{
	struct strbuf err = STRBUF_INIT, path = STRBUF_INIT, url = STRBUF_INIT;

	S_sh("git init -q --bare -b main remote.git");
	S_path("a", &path);
	CHECK(vcs_init(path.buf, &err) == 0);
	*a = S_open("a");
	S_commit(*a, "a", note);
	S_path("remote.git", &url);
	CHECK(vcs_remote_set(*a, url.buf, &err) == 0);
	CHECK(vcs_push(*a, NULL, &err) == 0);
	S_path("b", &path);
	CHECK(vcs_clone(url.buf, path.buf, NULL, &err, &err) == 0);
	*b = S_open("b");
	S_read("b", &path);
	CHECK_STR(path.buf, note);
	strbuf_release(&err);
	strbuf_release(&path);
	strbuf_release(&url);
}

static void S_merge_by_items(struct vcs *a, struct vcs *b)
{
	struct strbuf err = STRBUF_INIT, got = STRBUF_INIT;
	struct vcs_merge_result res;
	char *tick_a = S_replace(note, "- [ ] Book", "- [x] Book");
	char *tick_b = S_replace(note, "- [ ] Ask", "- [x] Ask");
	char *both = S_replace(tick_a, "- [ ] Ask", "- [x] Ask");
	char parents[256];

	S_commit(b, "b", tick_b);
	CHECK(vcs_push(b, NULL, &err) == 0);
	S_commit(a, "a", tick_a);
	CHECK(S_fetch_merge(a, &res) == 0);
	CHECK(res.outcome == VCS_MERGE_MERGED);
	CHECK(res.fetched == 1);
	CHECK(res.nby_items == 1 && !strcmp(res.by_items[0], "note.md"));
	vcs_merge_result_release(&res);
	S_read("a", &got);
	CHECK_STR(got.buf, both);
	S_out("git -C a rev-list --parents -1 HEAD | wc -w", parents, sizeof(parents));
	CHECK_STR(parents, "3");
	S_out("git -C a status --porcelain", parents, sizeof(parents));
	CHECK_STR(parents, "");
	CHECK(vcs_push(a, NULL, &err) == 0);
	/* the other side fast-forwards to the merge */
	CHECK(S_fetch_merge(b, &res) == 0);
	CHECK(res.outcome == VCS_MERGE_FAST_FORWARD);
	vcs_merge_result_release(&res);
	S_read("b", &got);
	CHECK_STR(got.buf, both);
	CHECK(S_fetch_merge(b, &res) == 0);
	CHECK(res.outcome == VCS_MERGE_UP_TO_DATE);
	vcs_merge_result_release(&res);
	strbuf_release(&err);
	strbuf_release(&got);
}

static void S_conflict_and_completion(struct vcs *a, struct vcs *b)
{
	struct strbuf err = STRBUF_INIT, got = STRBUF_INIT, what = STRBUF_INIT;
	struct vcs_merge_result res;
	struct vcs_file f = { "note.md", NULL, 0 };
	char line[256];

	S_read("a", &got);
	S_commit(b, "b", S_replace(got.buf, "Book the staging slot", "Book the slot for Tuesday"));
	CHECK(vcs_push(b, NULL, &err) == 0);
	S_commit(a, "a", S_replace(got.buf, "Book the staging slot", "Book a staging slot now"));
	CHECK(vcs_push(a, NULL, &err) == 1); /* the remote moved: rejected */
	CHECK(S_fetch_merge(a, &res) == 0);
	CHECK(res.outcome == VCS_MERGE_CONFLICT);
	CHECK(res.nconflicts == 1 && !strcmp(res.conflicts[0], "note.md"));
	vcs_merge_result_release(&res);
	S_read("a", &got);
	CHECK(strstr(got.buf,
		     "<<<<<<< HEAD\n- [x] Book a staging slot now ^aaaaaa\n=======\n"
		     "- [x] Book the slot for Tuesday ^aaaaaa\n>>>>>>> origin/main\n") != NULL);
	CHECK(strstr(got.buf, "- [x] Ask Dana") != NULL);
	CHECK(vcs_state(a, &what) == VCS_STATE_SYNC_MERGE);
	S_out("git -C a status --porcelain", line, sizeof(line));
	CHECK_STR(line, "UU note.md");
	/* a commit of one file on top of HEAD would drop the merge */
	strbuf_reset(&err);
	CHECK(vcs_commit(a, &f, 1, "edit\n", &kim, &err, &err) < 0);
	CHECK(strstr(err.buf, "merge of notes sync is in progress") != NULL);
	/* resolved: the merge commit has both parents */
	S_path("a/note.md", &got);
	CHECK(write_file_atomic(got.buf, note, strlen(note), 0666, 0, &err) == 0);
	strbuf_reset(&err);
	CHECK(vcs_commit_merge(a, &f, 1, NULL, &kim, NULL, &err, &err) == 0);
	S_out("git -C a rev-list --parents -1 HEAD | wc -w", line, sizeof(line));
	CHECK_STR(line, "3");
	CHECK(vcs_state(a, &what) == VCS_STATE_CLEAN);
	S_out("git -C a status --porcelain", line, sizeof(line));
	CHECK_STR(line, "");
	S_out("test -e a/.git/MERGE_HEAD && echo left", line, sizeof(line));
	CHECK_STR(line, "");
	strbuf_release(&err);
	strbuf_release(&got);
	strbuf_release(&what);
}

static void S_git_merge_refused(void)
{
	struct strbuf err = STRBUF_INIT, what = STRBUF_INIT, path = STRBUF_INIT;
	struct vcs_file f = { "note.md", NULL, 0 };
	struct vcs *c;

	/* a merge that git left: notes refuses to commit over it */
	S_sh("git init -q -b main c && cd c && git config user.name t && "
	     "git config user.email t@e && echo a >note.md && git add note.md && "
	     "git commit -qm a && git checkout -qb side && echo b >note.md && git commit -qam b && "
	     "git checkout -q main && echo c >note.md && git commit -qam c && "
	     "! git merge -q side >/dev/null 2>&1");
	c = S_open("c");
	CHECK(vcs_state(c, &what) == VCS_STATE_OTHER);
	CHECK(strstr(what.buf, "git merge is in progress") != NULL);
	S_path("c/note.md", &path);
	CHECK(write_file_atomic(path.buf, "d\n", 2, 0666, 0, &err) == 0);
	CHECK(vcs_commit(c, &f, 1, "edit\n", &kim, &err, &err) < 0);
	CHECK(vcs_commit_merge(c, &f, 1, NULL, &kim, NULL, &err, &err) < 0);
	vcs_free(c);
	strbuf_release(&err);
	strbuf_release(&what);
	strbuf_release(&path);
}

static void S_errors_without_credentials(void)
{
	struct strbuf err = STRBUF_INIT, path = STRBUF_INIT;
	char remote_main[41];
	bool any;
	struct vcs *d;

	S_path("d", &path);
	CHECK(vcs_init(path.buf, &err) == 0);
	d = S_open("d");
	CHECK(vcs_remote_set(d, "/nonexistent/remote.git", &err) == 0);
	CHECK(vcs_fetch(d, NULL, remote_main, &any, &err) < 0);
	CHECK(err.len > 0);
	strbuf_reset(&err);
	CHECK(vcs_remote_set(d, "http://kim:s3cretT0ken@127.0.0.1:1/x.git", &err) == 0);
	CHECK(vcs_fetch(d, NULL, remote_main, &any, &err) < 0);
	CHECK(err.len > 0 && !strstr(err.buf, "s3cretT0ken"));
	printf("# %s\n", err.buf);
	vcs_free(d);
	strbuf_release(&err);
	strbuf_release(&path);
}

int main(void)
{
	struct vcs *a, *b;
	char cmd[128];

	snprintf(dir, sizeof(dir), "%s/notes-vcs.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir) || chdir(dir) < 0)
		return 1;
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("NOTES_NOW", "2026-11-24T10:00", 1);
	vcs_global_init();
	S_push_clone(&a, &b);
	S_merge_by_items(a, b);
	S_conflict_and_completion(a, b);
	S_git_merge_refused();
	S_errors_without_credentials();
	vcs_free(a);
	vcs_free(b);
	vcs_global_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (chdir("/") < 0 || system(cmd) != 0)
		return 1;
	return harness_done();
}
