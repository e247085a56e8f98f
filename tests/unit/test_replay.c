/* test_replay.c - vcs_replay_dir: a person's history becomes a repository
 * of its own (same authors, dates and messages; paths without the prefix;
 * the extra config from the first commit on) holding nothing of anyone
 * else; the same history always replays to the same commits; then
 * vcs_checkout_head and vcs_commit_removing, as notes share uses them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "vcs.h"
#include "vcs_replay.h"

static char dir[64];

static void S_sh(const char *cmd)
{
	int rc = system(cmd);

	CHECK(rc == 0);
	if (rc)
		printf("# failed: %s\n", cmd);
}

/* All that a shell command prints (at most size - 1 bytes). */
static void S_out(const char *cmd, char *out, size_t size)
{
	FILE *f = popen(cmd, "r");
	size_t n = f ? fread(out, 1, size - 1, f) : 0;

	out[n] = '\0';
	if (f)
		pclose(f);
}

static struct vcs *S_open(const char *rel)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	struct vcs *v = NULL;

	strbuf_addf(&path, "%s/%s", dir, rel);
	CHECK(vcs_open(&v, path.buf, &err) == 0);
	strbuf_release(&path);
	strbuf_release(&err);
	return v;
}

/* A team history: alice's notes, bob's, a commit changing both, a merge. */
static void S_team(void)
{
	S_sh("git init -q -b main team && cd team && "
	     "git config user.name 'Kim Wonwoo' && git config user.email kim@example.com && "
	     "mkdir -p .notes alice bob && echo '[journal]' >.notes/config && "
	     "git add . && GIT_COMMITTER_DATE='2026-11-01T09:00:00Z' git commit -qm start && "
	     "echo 'alice week 1' >alice/2026-11-02.md && git add alice && "
	     "GIT_AUTHOR_DATE='2026-11-02T11:00:00Z' GIT_COMMITTER_DATE='2026-11-02T11:05:00Z' "
	     "git commit -qm 'alice 2026-11-02: first' && "
	     "echo 'bob secret plans' >bob/2026-11-03.md && git add bob && "
	     "git commit -qm 'bob 2026-11-03: Bob Secret' && "
	     "echo 'alice week 2' >alice/2026-11-09.md && echo 'bob week 2, private' "
	     ">bob/2026-11-10.md && git add . && git commit -qm 'both: bob is leaving' && "
	     "git checkout -qb side && echo 'alice tick' >>alice/2026-11-02.md && "
	     "git commit -qam 'alice: tick on the side' && git checkout -q main && "
	     "echo 'alice notes' >>alice/2026-11-09.md && git commit -qam 'alice: notes' && "
	     "git merge -q --no-edit side && echo 'bob again' >>bob/2026-11-10.md && "
	     "git commit -qam 'bob: again'");
}

static void S_replay(const char *name, char head[41], size_t *commits)
{
	static const char config[] = "[journal]\n\tleader = kim\n\tperson = alice\n";
	struct vcs_file extra = { ".notes/config", config, sizeof(config) - 1 };
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	struct vcs *team = S_open("team"), *pair;

	strbuf_addf(&path, "%s/%s", dir, name);
	CHECK(vcs_init(path.buf, &err) == 0);
	pair = S_open(name);
	CHECK(vcs_replay_dir(team, "alice", pair, &extra, 1, head, commits, &err) == 0);
	if (err.len)
		printf("# %s\n", err.buf);
	vcs_free(team);
	vcs_free(pair);
	strbuf_release(&path);
	strbuf_release(&err);
}

static void S_history(void)
{
	char head[41], again[41], out[4096];
	size_t commits, commits2;

	S_replay("pair", head, &commits);
	CHECK(commits == 5); /* first, both, the side's tick, notes, the merge */
	S_out("git -C pair log --format='%s|%an|%aI|%cI' --topo-order", out, sizeof(out));
	CHECK(strstr(out, "alice 2026-11-02: first|Kim Wonwoo|2026-11-02T11:00:00Z|"
			  "2026-11-02T11:05:00Z") != NULL ||
	      strstr(out, "alice 2026-11-02: first|Kim Wonwoo|2026-11-02T11:00:00+00:00|"
			  "2026-11-02T11:05:00+00:00") != NULL);
	CHECK(strstr(out, "alice: tick on the side") != NULL);
	CHECK(strstr(out, "alice: notes") != NULL);
	/* the commit that also changed bob's notes does not tell its message */
	CHECK(strstr(out, "bob is leaving") == NULL);
	CHECK(strstr(out, "the notes as a commit that also changed other files left them") != NULL);
	CHECK(strstr(out, "Bob Secret") == NULL && strstr(out, "bob: again") == NULL);
	S_out("git -C pair rev-list --merges --count main", out, sizeof(out));
	CHECK_STR(out, "1\n");
	S_out("git -C pair ls-tree -r --name-only main", out, sizeof(out));
	CHECK_STR(out, ".notes/config\n2026-11-02.md\n2026-11-09.md\n");
	S_out("git -C pair log --format=%s --reverse -1 --diff-filter=A -- .notes/config", out,
	      sizeof(out));
	CHECK_STR(out, "alice 2026-11-02: first\n");
	/* nothing of bob's in any object */
	S_out("git -C pair cat-file --batch-all-objects --batch | grep -c -i bob", out,
	      sizeof(out));
	CHECK_STR(out, "0\n");
	S_out("git -C pair fsck --full 2>&1 && echo clean", out, sizeof(out));
	CHECK(strstr(out, "clean") != NULL);
	/* the same history replays to the same commits */
	S_replay("pair2", again, &commits2);
	CHECK_STR(again, head);
}

static void S_mount(void)
{
	struct strbuf err = STRBUF_INIT;
	const char *removed[] = { "alice" };
	struct vcs_file config = { ".notes/config", NULL, 0 };
	struct vcs *pair, *team;
	char out[4096];

	/* the pair repository's work tree is team/alice, which holds its files */
	S_sh("mv pair/.git team/alice/.git && rmdir pair");
	pair = S_open("team/alice");
	CHECK(vcs_checkout_head(pair, &err) == 0);
	if (err.len)
		printf("# %s\n", err.buf);
	S_out("git -C team/alice status --porcelain", out, sizeof(out));
	CHECK_STR(out, "");
	S_out("cat team/alice/.notes/config", out, sizeof(out));
	CHECK(strstr(out, "person = alice") != NULL);
	vcs_free(pair);
	/* the team repository forgets alice/ in one commit with its config */
	S_sh("echo '/alice/' >>team/.git/info/exclude && echo '[person \"alice\"]' "
	     ">>team/.notes/config");
	team = S_open("team");
	CHECK(vcs_commit_removing(team, removed, 1, &config, 1, "journal: share alice\n", NULL,
				  &err, &err) == 0);
	S_out("git -C team ls-tree -r --name-only HEAD", out, sizeof(out));
	CHECK_STR(out, ".notes/config\nbob/2026-11-03.md\nbob/2026-11-10.md\n");
	S_out("git -C team status --porcelain", out, sizeof(out));
	CHECK_STR(out, "");
	S_out("git -C team show --stat --format= HEAD | tail -n 1", out, sizeof(out));
	CHECK(strstr(out, "3 files changed") != NULL);
	vcs_free(team);
	strbuf_release(&err);
}

int main(void)
{
	char cmd[128];

	snprintf(dir, sizeof(dir), "%s/notes-replay.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir) || chdir(dir) < 0)
		return 1;
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("NOTES_NOW", "2026-11-24T10:00", 1);
	vcs_global_init();
	S_team();
	S_history();
	S_mount();
	vcs_global_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (chdir("/") < 0 || system(cmd) != 0)
		return 1;
	return harness_done();
}
