/* json_carry.h - what a new note carries forward from the previous one, as
 * the data the note template renders (json_carry.c). */
#ifndef NOTES_JSON_CARRY_H
#define NOTES_JSON_CARRY_H

#include "journal.h"
#include "note.h"

struct carry_input {
	const char *person, *name, *leader;
	notes_time date;
	bool has_time;
	const struct note *prev; /* NULL for a person's first note */
	const char *prev_src; /* the previous note's bytes */
	size_t prev_len;
};

/*
 * The data for the note template: person, name, leader, date, time,
 * datetime, week, previous, and the lists goals, review and blockers,
 * each of {"line": Markdown} copied from the previous note's source: its
 * goals; every focus and support item (with id and status), then review
 * items still open; blockers not resolved, with their fields.
 */
struct json_t *carry_data(const struct carry_input *in);
void carry_data_free(struct json_t *data);

#endif
