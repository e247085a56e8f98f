/* embedded_find.c - look up the data files compiled into the binary
 * (embedded_files: the generated embedded.c). */
#include <string.h>

#include "embedded.h"

const struct embedded_file *embedded_find(const char *name)
{
	const struct embedded_file *f;

	for (f = embedded_files; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}
