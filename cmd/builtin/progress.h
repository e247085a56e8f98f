/* progress.h - progress of long transfers on a terminal (stderr only). */
#ifndef NOTES_PROGRESS_H
#define NOTES_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

/* Whether stderr is a terminal (else progress prints nothing). */
bool progress_wanted(void);
/* "\r<name>: <what> NN% (done/total)" on stderr; data is unused. */
void progress_show(const char *name, const char *what, size_t done, size_t total, void *data);
/* Clear the progress line, if one was shown. */
void progress_clear(void);

#endif
