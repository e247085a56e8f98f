/* json.h - struct note and its problems -> JSON (jansson). */
#ifndef NOTES_JSON_H
#define NOTES_JSON_H

#include <jansson.h>

#include "diag.h"
#include "note.h"

/* The object of `notes parse --json` for one note (new reference). */
json_t *json_from_note(const struct note *note, const struct diag *problems);
/* "YYYY-MM-DDTHH:MM" or null (new reference). */
json_t *json_time(notes_time t, bool has);
/* A JSON line: compact, keys in insertion order, then '\n'. */
void json_add_line(struct strbuf *out, json_t *value);

#endif
