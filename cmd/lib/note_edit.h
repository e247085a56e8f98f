/* note_edit.h - change a note by editing its source bytes (never by
 * rendering Markdown), so every other byte stays as the user wrote it. */
#ifndef NOTES_NOTE_EDIT_H
#define NOTES_NOTE_EDIT_H

#include "note.h"

/* Add " ^id" to each task (parsed from src) where its id_at says: the end
 * of its first line, before a hard line break that ends it. */
void note_edit_add_ids(struct strbuf *src, struct task *const *tasks, const char *const *ids,
		       size_t n);
/* Set the status marker of t to c ('x', ' ', '~', '-'), adding "[c] " when it has none. */
void note_edit_set_status(struct strbuf *src, const struct task *t, char c);
/* Add a nested "- key: value" line right under the text of item t. */
void note_edit_add_field(struct strbuf *src, const struct task *t, const char *key,
			 const char *value);

#endif
