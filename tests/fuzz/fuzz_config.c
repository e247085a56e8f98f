/* fuzz_config.c - libFuzzer target for .notes/config: the bytes are written
 * to a temporary journal's .notes/config, then read as `notes` reads it:
 * config_open, config_people, config_get / config_get_int of the keys the
 * commands use, and journal_open (leader, language, maxfocus, people
 * sorted and unique, each person's name, email and slot). */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vcs_config.h"
#include "journal.h"
#include "vcs.h"

static char root[4096];
static char path[4200];

static void S_cleanup(void)
{
	unlink(path);
	snprintf(path, sizeof(path), "%s/.notes", root);
	rmdir(path);
	rmdir(root);
	vcs_global_shutdown();
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	snprintf(root, sizeof(root), "%s/fuzz-config.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(root))
		abort();
	snprintf(path, sizeof(path), "%s/.notes", root);
	if (mkdir(path, 0700) < 0)
		abort();
	snprintf(path, sizeof(path), "%s/.notes/config", root);
	atexit(S_cleanup);
	return 0;
}

static void S_write(const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	size_t off = 0;

	if (fd < 0)
		abort();
	while (off < size) {
		ssize_t n = write(fd, data + off, size - off);
		if (n <= 0)
			abort();
		off += (size_t)n;
	}
	close(fd);
}

static void S_config(void)
{
	static const char *const keys[] = {
		"journal.leader",    "journal.language", "journal.maxfocus",
		"person.alice.name", "person.kim.email", "person.a.b.c.slot",
		"person..name",	     "journal",		 "",
	};
	struct strbuf err = STRBUF_INIT;
	struct config *cfg;
	char **ids = NULL;
	size_t n = 0, i;

	if (config_open(&cfg, path, &err) < 0) {
		strbuf_release(&err);
		return;
	}
	for (i = 0; i < sizeof(keys) / sizeof(*keys); i++)
		free(config_get(cfg, keys[i]));
	(void)config_get_int(cfg, "journal.maxfocus", 3);
	if (config_people(cfg, &ids, &n, &err) == 0) {
		for (i = 0; i < n; i++) {
			struct strbuf key = STRBUF_INIT;
			strbuf_addf(&key, "person.%s.name", ids[i]);
			free(config_get(cfg, key.buf));
			strbuf_release(&key);
			free(ids[i]);
		}
		free(ids);
	}
	config_free(cfg);
	strbuf_release(&err);
}

static void S_journal(void)
{
	struct strbuf err = STRBUF_INIT;
	struct journal *j;
	size_t i;

	if (journal_open(&j, root, &err) == 0) {
		for (i = 0; i < j->npeople; i++) {
			struct person p;
			journal_person(j, j->people[i], &p);
			(void)journal_has_person(j, j->people[i]);
			person_release(&p);
		}
		journal_free(j);
	}
	strbuf_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	S_write(data, size);
	S_config();
	S_journal();
	return 0;
}
