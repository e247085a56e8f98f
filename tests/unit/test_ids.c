/* test_ids.c - item ids: their shape, reading them from text, and new ids
 * that are unique and written in Crockford's alphabet. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ids.h"

static void test_shape(void)
{
	CHECK(id_is_valid("k3f9qa"));
	CHECK(id_is_valid("000000"));
	CHECK(id_is_valid("zzzzzz"));
	CHECK(!id_is_valid("K3F9QA")); /* upper case is not an id */
	CHECK(!id_is_valid("k3f9q"));
	CHECK(!id_is_valid("k3f9qaa"));
	CHECK(!id_is_valid("k3f-qa"));
	CHECK(!id_is_valid(""));
}

static void test_scan(void)
{
	static const char text[] = "- [ ] one ^aaaaaa\n"
				   "- [ ] two ^bbbbbb #tag\n"
				   "- [ ] glued^cccccc\n" /* not after a blank: no token */
				   "- [ ] long ^dddddddd\n" /* seven or more: no id */
				   "- [ ] short ^eeeee\n"
				   "\t^ffffff";
	struct id_set set = { 0 };

	id_set_scan(&set, text, sizeof(text) - 1);
	CHECK(set.nr == 3);
	CHECK(id_set_has(&set, "aaaaaa"));
	CHECK(id_set_has(&set, "bbbbbb"));
	CHECK(id_set_has(&set, "ffffff"));
	CHECK(!id_set_has(&set, "cccccc"));
	CHECK(!id_set_has(&set, "dddddd"));
	CHECK(!id_set_has(&set, "eeeee0"));
	/* merge keeps the set sorted and adds only what is new */
	id_set_merge(&set, "x ^aaaaaa ^gggggg", 17);
	CHECK(set.nr == 4 && id_set_has(&set, "gggggg"));
	id_set_release(&set);
}

static int S_cmp(const void *a, const void *b)
{
	return memcmp(a, b, ID_LEN);
}

static void test_new(void)
{
	static const char crockford[] = "0123456789abcdefghjkmnpqrstvwxyz";
	struct id_set set = { 0 };
	char(*batch)[ID_LEN + 1] = calloc(5000, sizeof(*batch));
	char one[ID_LEN + 1];
	size_t i, bad = 0, dup = 0;

	id_set_add(&set, "aaaaaa");
	id_new_batch(&set, batch, 5000);
	for (i = 0; i < 5000; i++)
		bad += !id_is_valid(batch[i]) || strspn(batch[i], crockford) != ID_LEN ||
		       !strcmp(batch[i], "aaaaaa");
	CHECK(bad == 0);
	qsort(batch, 5000, sizeof(*batch), S_cmp);
	for (i = 1; i < 5000; i++)
		dup += !memcmp(batch[i - 1], batch[i], ID_LEN);
	CHECK(dup == 0);
	/* all of the batch joined the set */
	CHECK(set.nr == 5001);
	CHECK(id_set_has(&set, batch[0]) && id_set_has(&set, batch[4999]));
	id_new(&set, one);
	CHECK(id_is_valid(one) && set.nr == 5002 && id_set_has(&set, one));
	free(batch);
	id_set_release(&set);
}

int main(void)
{
	test_shape();
	test_scan();
	test_new();
	return harness_done();
}
