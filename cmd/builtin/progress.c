/* progress.c - progress of long transfers on a terminal (stderr only). */
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "strbuf.h"

static int S_width;

bool progress_wanted(void)
{
	return isatty(STDERR_FILENO);
}

void progress_show(const char *name, const char *what, size_t done, size_t total, void *data)
{
	struct strbuf line = STRBUF_INIT;

	(void)data;
	strbuf_add_escaped(&line, name, strlen(name));
	strbuf_addf(&line, ": %s", what);
	if (total)
		strbuf_addf(&line, " %3u%% (%zu/%zu)", (unsigned)(done * 100 / total), done, total);
	fprintf(stderr, "\r%-*s", S_width, line.buf);
	if ((int)line.len > S_width)
		S_width = (int)line.len;
	fflush(stderr);
	strbuf_release(&line);
}

void progress_clear(void)
{
	if (S_width)
		fprintf(stderr, "\r%*s\r", S_width, "");
	S_width = 0;
}
