/* embedded.h - data files (templates, vocabulary) compiled into the binary. */
#ifndef NOTES_EMBEDDED_H
#define NOTES_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name; /* e.g. "en/note.md" */
	const char *data; /* NUL-terminated */
	size_t len;
};

/* Terminated by an entry whose name is NULL. */
extern const struct embedded_file embedded_files[];

const struct embedded_file *embedded_find(const char *name);

#endif
