/* json.h - the JSON outputs of notes (jansson: json.c, json_report.c).
 * The commands call the json_*_line functions only; the json_t ones are
 * for the JSON modules and the tests. */
#ifndef NOTES_JSON_H
#define NOTES_JSON_H

#include <jansson.h>

#include "diag.h"
#include "note.h"
#include "review.h"
#include "status.h"

/* Append one JSON line (compact, keys in a fixed order, then '\n'): */
/* the object of `notes parse --json` for a note and its problems; */
void json_note_line(struct strbuf *out, const struct note *note, const struct diag *problems);
/* the object of `notes status --json`; */
void json_status_line(struct strbuf *out, const struct team_status *st);
/* the object of `notes review PERSON --json`; */
void json_review_line(struct strbuf *out, const struct review_report *r);
/* the object of `notes review --team --json`: {"team": [...]}. */
void json_review_team_line(struct strbuf *out, const struct review_report *r, size_t n);

/* The object of `notes parse --json` (a new reference). */
json_t *json_from_note(const struct note *note, const struct diag *problems);
/* A string, null for NULL; bytes that are not UTF-8 become U+FFFD (new reference). */
json_t *json_text(const char *s);
/* "YYYY-MM-DDTHH:MM" or null (new reference). */
json_t *json_time(notes_time t, bool has);
/* "YYYY-MM-DD" or null (new reference). */
json_t *json_day(notes_time t, bool has);
/* A count (new reference). */
json_t *json_count(size_t n);
/* Append value as a JSON line. */
void json_add_line(struct strbuf *out, json_t *value);

#endif
