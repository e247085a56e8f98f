/* ids.c - item ids: "^" + 6 lower-case base32 characters, unique in the journal. */
#include "ids.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "fsutil.h"
#include "xalloc.h"

static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

static bool S_id_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

void id_set_add(struct id_set *set, const char *id)
{
	ALLOC_GROW(set->ids, set->nr + 1, set->alloc);
	memcpy(set->ids[set->nr], id, ID_LEN);
	set->ids[set->nr++][ID_LEN] = '\0';
	set->sorted = false;
}

void id_set_scan(struct id_set *set, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;

	while ((p = memchr(p, '^', (size_t)(end - p)))) {
		size_t k;
		bool before = p == buf || p[-1] == ' ' || p[-1] == '\t';
		p++;
		for (k = 0; k < ID_LEN && p + k < end && S_id_char(p[k]); k++)
			;
		if (before && k == ID_LEN && (p + k == end || !S_id_char(p[k])))
			id_set_add(set, p);
	}
}

static int S_cmp(const void *a, const void *b)
{
	return memcmp(a, b, ID_LEN);
}

bool id_set_has(struct id_set *set, const char *id)
{
	if (!set->sorted) {
		if (set->nr)
			qsort(set->ids, set->nr, sizeof(*set->ids), S_cmp);
		set->sorted = true;
	}
	return set->nr && bsearch(id, set->ids, set->nr, sizeof(*set->ids), S_cmp) != NULL;
}

static void S_scan_dir(struct id_set *set, const struct journal *j, const char *person,
		       struct strbuf *buf)
{
	struct note_ref *refs;
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	size_t n, i;

	if (journal_notes(j, person, &refs, &n) < 0)
		return;
	for (i = 0; i < n; i++) {
		journal_path(j, refs[i].path, &path);
		strbuf_reset(buf);
		if (read_file(path.buf, buf, MAX_NOTE_SIZE, &err) == 0)
			id_set_scan(set, buf->buf, buf->len);
		strbuf_reset(&err);
	}
	note_refs_free(refs, n);
	strbuf_release(&path);
	strbuf_release(&err);
}

int id_set_load(struct id_set *set, const struct journal *j)
{
	struct strbuf buf = STRBUF_INIT;
	struct dirent *de;
	DIR *dir = opendir(j->root);

	if (!dir)
		return -1;
	while ((de = readdir(dir)))
		if (person_id_is_valid(de->d_name))
			S_scan_dir(set, j, de->d_name, &buf);
	closedir(dir);
	strbuf_release(&buf);
	return 0;
}

void id_set_release(struct id_set *set)
{
	free(set->ids);
	memset(set, 0, sizeof(*set));
}

void id_new(struct id_set *set, char out[ID_LEN + 1])
{
	unsigned char rnd[ID_LEN];
	int i;

	do {
		if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
			/* no entropy source: fall back on the clock and pid */
			for (i = 0; i < ID_LEN; i++)
				rnd[i] = (unsigned char)(rand() ^ getpid() ^ (i * 131));
		}
		for (i = 0; i < ID_LEN; i++)
			out[i] = alphabet[rnd[i] & 31];
		out[ID_LEN] = '\0';
	} while (id_set_has(set, out));
	id_set_add(set, out);
}
