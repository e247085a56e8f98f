/* report.c - notes report: whom to review, in which language, then the page. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The page's language: the person's for one person, else the journal's. */
static char *S_lang(const struct journal *j, const char *person)
{
	struct person p = { 0 };
	char *lang = NULL;

	if (person) {
		journal_person(j, person, &p);
		if (p.language && *p.language)
			lang = xstrdup(p.language);
		person_release(&p);
	}
	return lang ? lang : xstrdup(j->language ? j->language : "en");
}

int report_write(struct strbuf *out, const struct journal *j, const struct report_request *rq,
		 struct strbuf *err)
{
	struct review_report *r = NULL;
	const char **who = NULL;
	size_t i, n = 0, alloc = 0;
	size_t start = out->len;
	char *lang = S_lang(j, rq->person);
	int rc = 0;

	for (i = 0; i < j->npeople; i++) {
		const char *id = j->people[i];
		if (rq->person ? strcmp(id, rq->person) : j->leader && !strcmp(id, j->leader))
			continue;
		ALLOC_GROW(who, n + 1, alloc);
		who[n++] = id;
	}
	r = xcalloc(n ? n : 1, sizeof(*r));
	/* a failed review leaves every report empty, to be released */
	rc = review_people(r, j, who, n, &rq->range, rq->progress, rq->progress_ctx, err);
	if (rc == 0 && rq->person && !n) {
		strbuf_addf(err, "%s is not in the journal", rq->person);
		rc = -1;
	}
	if (rc == 0)
		rc = report_render(out, j, lang, !rq->person, &rq->range, r, n, err);
	if (rc < 0)
		strbuf_setlen(out, start);
	for (i = 0; i < n; i++)
		review_report_release(&r[i]);
	free(r);
	free(who);
	free(lang);
	return rc;
}
