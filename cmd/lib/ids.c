/* ids.c - item ids: "^" + 6 lower-case base32 characters, unique in the journal. */
#include "ids.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "journal_notes.h"
#include "fsutil.h"
#include "vcs.h"
#include "xalloc.h"

static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

bool id_char_is_valid(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

bool id_is_valid(const char *s)
{
	size_t i;

	for (i = 0; i < ID_LEN; i++)
		if (!id_char_is_valid(s[i]))
			return false;
	return s[ID_LEN] == '\0';
}

void id_set_add(struct id_set *set, const char *id)
{
	ALLOC_GROW(set->ids, set->nr + 1, set->alloc);
	memcpy(set->ids[set->nr], id, ID_LEN);
	set->ids[set->nr++][ID_LEN] = '\0';
	/* still sorted when it goes at the end (as when reading the cache) */
	set->sorted = set->nr == 1 || (set->sorted && memcmp(set->ids[set->nr - 2],
							     set->ids[set->nr - 1], ID_LEN) <= 0);
}

/* Insert keeping the order, for the few ids a commit adds to a sorted set. */
static void S_insert_sorted(struct id_set *set, const char *id)
{
	size_t lo = 0, hi = set->nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (memcmp(set->ids[mid], id, ID_LEN) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	ALLOC_GROW(set->ids, set->nr + 1, set->alloc);
	memmove(set->ids[lo + 1], set->ids[lo], (set->nr - lo) * sizeof(*set->ids));
	memcpy(set->ids[lo], id, ID_LEN);
	set->ids[lo][ID_LEN] = '\0';
	set->nr++;
}

void id_set_scan(struct id_set *set, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;

	while ((p = memchr(p, '^', (size_t)(end - p)))) {
		size_t k;
		bool before = p == buf || p[-1] == ' ' || p[-1] == '\t';
		p++;
		for (k = 0; k < ID_LEN && p + k < end && id_char_is_valid(p[k]); k++)
			;
		if (before && k == ID_LEN && (p + k == end || !id_char_is_valid(p[k])))
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
	DIR *dir;

	if (j->person) {
		/* a pair journal: one person's notes, at the root */
		S_scan_dir(set, j, j->person, &buf);
		strbuf_release(&buf);
		return 0;
	}
	dir = opendir(j->root);
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

static void S_random_id(char out[ID_LEN + 1])
{
	unsigned char rnd[ID_LEN];
	int i;

	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
		/* no entropy source: fall back on the clock and pid */
		for (i = 0; i < ID_LEN; i++)
			rnd[i] = (unsigned char)(rand() ^ getpid() ^ (i * 131));
	}
	for (i = 0; i < ID_LEN; i++)
		out[i] = alphabet[rnd[i] & 31];
	out[ID_LEN] = '\0';
}

static const char (*S_batch)[ID_LEN + 1];

static int S_cmp_index(const void *a, const void *b)
{
	return memcmp(S_batch[*(const size_t *)a], S_batch[*(const size_t *)b], ID_LEN);
}

void id_new_batch(struct id_set *set, char (*out)[ID_LEN + 1], size_t n)
{
	size_t *order = xcalloc(n + 1, sizeof(*order)), i;
	bool clash;

	for (i = 0; i < n; i++)
		S_random_id(out[i]);
	do {
		clash = false;
		for (i = 0; i < n; i++)
			if (id_set_has(set, out[i])) {
				S_random_id(out[i]);
				clash = true;
			}
		/* drawn twice in this batch: sort an index of it to see */
		for (i = 0; i < n; i++)
			order[i] = i;
		S_batch = (const char(*)[ID_LEN + 1]) out;
		qsort(order, n, sizeof(*order), S_cmp_index);
		for (i = 1; i < n; i++)
			if (!memcmp(out[order[i - 1]], out[order[i]], ID_LEN)) {
				S_random_id(out[order[i]]);
				clash = true;
			}
	} while (clash);
	for (i = 0; i < n; i++)
		id_set_add(set, out[i]);
	free(order);
}

void id_new(struct id_set *set, char out[ID_LEN + 1])
{
	do
		S_random_id(out);
	while (id_set_has(set, out));
	S_insert_sorted(set, out);
}

#define CACHE_MAGIC "notes-ids 1 "

static void S_scan_blob(const char *data, size_t len, void *set)
{
	id_set_scan(set, data, len);
}

/*
 * Read the cache. Made at head or at a descendant of head (after a
 * reset), its ids are a superset, which is as good; made at an ancestor
 * (a notes done, a git commit since), the notes changed since are read.
 * Returns 0, 1 when it was brought up to date (worth saving), -1.
 */
static int S_read_cache(struct id_set *set, struct vcs *v, const char *head)
{
	char cached[41];
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT, err = STRBUF_INIT;
	size_t hlen = strlen(CACHE_MAGIC) + 41, i;
	int rc = -1;

	vcs_git_path(v, "notes-ids", &path);
	if (read_file(path.buf, &buf, 64u << 20, &err) < 0 || buf.len < hlen ||
	    memcmp(buf.buf, CACHE_MAGIC, strlen(CACHE_MAGIC)) || buf.buf[hlen - 1] != '\n' ||
	    (buf.len - hlen) % (ID_LEN + 1))
		goto out;
	memcpy(cached, buf.buf + strlen(CACHE_MAGIC), 40);
	cached[40] = '\0';
	if (vcs_descends_from(v, cached, head))
		rc = 0;
	else if (vcs_descends_from(v, head, cached) &&
		 vcs_changed_files(v, cached, head, ".md", S_scan_blob, set, &err) == 0)
		rc = 1;
	else
		goto out;
	for (i = hlen; i < buf.len; i += ID_LEN + 1)
		id_set_add(set, buf.buf + i);
out:
	strbuf_release(&path);
	strbuf_release(&buf);
	strbuf_release(&err);
	return rc;
}

static void S_save_as(struct id_set *set, struct vcs *v, const char *head)
{
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT, err = STRBUF_INIT;
	size_t i;

	vcs_git_path(v, "notes-ids", &path);
	strbuf_addf(&buf, CACHE_MAGIC "%s\n", head);
	id_set_has(set, "000000"); /* sorts */
	strbuf_grow(&buf, set->nr * (ID_LEN + 1));
	for (i = 0; i < set->nr; i++)
		if (!i || memcmp(set->ids[i - 1], set->ids[i], ID_LEN)) {
			memcpy(buf.buf + buf.len, set->ids[i], ID_LEN);
			buf.buf[buf.len + ID_LEN] = '\n';
			strbuf_setlen(&buf, buf.len + ID_LEN + 1);
		}
	/* a cache that cannot be written only costs the next run a scan */
	write_file_atomic(path.buf, buf.buf, buf.len, 0666, 0, &err);
	strbuf_release(&path);
	strbuf_release(&buf);
	strbuf_release(&err);
}

void id_set_save(struct id_set *set, struct vcs *v)
{
	char head[41], parent[41];
	struct strbuf path = STRBUF_INIT;

	if (vcs_head_ids(v, head, parent) == 0 && *set->head && !strcmp(set->head, parent)) {
		S_save_as(set, v, head);
		memcpy(set->head, head, sizeof(head));
	} else {
		vcs_git_path(v, "notes-ids", &path);
		unlink(path.buf);
		set->head[0] = '\0';
	}
	strbuf_release(&path);
}

void id_set_merge(struct id_set *set, const char *buf, size_t len)
{
	struct id_set found = { 0 };
	size_t i;

	id_set_scan(&found, buf, len);
	for (i = 0; i < found.nr; i++)
		if (!id_set_has(set, found.ids[i]))
			S_insert_sorted(set, found.ids[i]);
	id_set_release(&found);
}

int id_set_load_cached(struct id_set *set, const struct journal *j, struct vcs *v)
{
	char head[41], parent[41];

	if (vcs_head_ids(v, head, parent) < 0 || !*head)
		return id_set_load(set, j);
	switch (S_read_cache(set, v, head)) {
	case 1:
		S_save_as(set, v, head);
		/* fall through */
	case 0: memcpy(set->head, head, sizeof(head)); return 0;
	}
	if (id_set_load(set, j) < 0)
		return -1;
	memcpy(set->head, head, sizeof(head));
	S_save_as(set, v, head);
	return 0;
}
