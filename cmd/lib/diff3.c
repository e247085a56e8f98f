/* diff3.c - a three-way comparison of sequences of units, as diff3 does. */
#include "diff3.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define NONE SIZE_MAX

static bool S_key_eq(const struct diff3_unit *a, const struct diff3_unit *b)
{
	return a->klen == b->klen && !memcmp(a->key, b->key, a->klen);
}

bool diff3_same(const struct diff3_unit *a, size_t na, const struct diff3_unit *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (a[i].len != b[i].len || memcmp(a[i].data, b[i].data, a[i].len))
			return false;
	return true;
}

/*
 * m[i]: the unit of side that base unit i is matched with in a longest
 * common subsequence of keys, or NONE. The common start and end are
 * matched at once; only what lies between needs the quadratic table.
 */
static int S_match(const struct diff3_seq *base, const struct diff3_seq *side, size_t max_cells,
		   size_t *m)
{
	size_t na = base->n, ns = side->n, pre = 0, suf = 0, n1, n2, i, j;
	uint32_t *len;

	for (i = 0; i < na; i++)
		m[i] = NONE;
	while (pre < na && pre < ns && S_key_eq(&base->units[pre], &side->units[pre])) {
		m[pre] = pre;
		pre++;
	}
	while (suf < na - pre && suf < ns - pre &&
	       S_key_eq(&base->units[na - 1 - suf], &side->units[ns - 1 - suf])) {
		m[na - 1 - suf] = ns - 1 - suf;
		suf++;
	}
	n1 = na - pre - suf;
	n2 = ns - pre - suf;
	if (!n1 || !n2)
		return 0;
	if ((n1 + 1) > max_cells / (n2 + 1))
		return -1;
	/* len[i][j]: the LCS of base[pre+i..] and side[pre+j..] (middle parts) */
	len = xcalloc((n1 + 1) * (n2 + 1), sizeof(*len));
#define L(i, j) len[(i) * (n2 + 1) + (j)]
	for (i = n1; i-- > 0;)
		for (j = n2; j-- > 0;)
			L(i, j) = S_key_eq(&base->units[pre + i], &side->units[pre + j])
					  ? L(i + 1, j + 1) + 1
				  : L(i + 1, j) >= L(i, j + 1) ? L(i + 1, j)
							       : L(i, j + 1);
	for (i = 0, j = 0; i < n1 && j < n2;) {
		if (S_key_eq(&base->units[pre + i], &side->units[pre + j])) {
			m[pre + i] = pre + j;
			i++;
			j++;
		} else if (L(i + 1, j) >= L(i, j + 1)) {
			i++;
		} else {
			j++;
		}
	}
#undef L
	free(len);
	return 0;
}

static void S_push(struct diff3_hunk **h, size_t *n, size_t *alloc, enum diff3_kind kind, size_t a0,
		   size_t a1, size_t o0, size_t o1, size_t t0, size_t t1)
{
	if (a0 == a1 && o0 == o1 && t0 == t1)
		return;
	ALLOC_GROW(*h, *n + 1, *alloc);
	(*h)[*n].kind = kind;
	(*h)[*n].a0 = a0;
	(*h)[*n].a1 = a1;
	(*h)[*n].o0 = o0;
	(*h)[*n].o1 = o1;
	(*h)[*n].t0 = t0;
	(*h)[*n].t1 = t1;
	(*n)++;
}

int diff3(const struct diff3_seq *base, const struct diff3_seq *ours,
	  const struct diff3_seq *theirs, size_t max_cells, struct diff3_hunk **hunks, size_t *n)
{
	size_t *mo = xcalloc(base->n + 1, sizeof(*mo)), *mt = xcalloc(base->n + 1, sizeof(*mt));
	size_t a = 0, o = 0, t = 0, alloc = 0;
	int rc = -1;

	*hunks = NULL;
	*n = 0;
	if (S_match(base, ours, max_cells, mo) < 0 || S_match(base, theirs, max_cells, mt) < 0)
		goto out;
	while (a < base->n || o < ours->n || t < theirs->n) {
		size_t d = 0, na, no, nt;
		/* the longest stretch that all three share from here */
		while (a + d < base->n && mo[a + d] == o + d && mt[a + d] == t + d)
			d++;
		if (d) {
			S_push(hunks, n, &alloc, DIFF3_STABLE, a, a + d, o, o + d, t, t + d);
			a += d;
			o += d;
			t += d;
			continue;
		}
		/* else up to the next base unit that both sides kept */
		for (na = a; na < base->n && (mo[na] == NONE || mt[na] == NONE); na++)
			;
		no = na < base->n ? mo[na] : ours->n;
		nt = na < base->n ? mt[na] : theirs->n;
		S_push(hunks, n, &alloc, DIFF3_CHANGED, a, na, o, no, t, nt);
		a = na;
		o = no;
		t = nt;
	}
	rc = 0;
out:
	if (rc < 0) {
		free(*hunks);
		*hunks = NULL;
		*n = 0;
	}
	free(mo);
	free(mt);
	return rc;
}
