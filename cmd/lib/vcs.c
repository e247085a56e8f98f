/* vcs.c - everything git: repositories, commits, changed files (libgit2). */
#include <git2.h>

#include "vcs.h"

static int S_initialised;

void vcs_global_init(void)
{
	if (!S_initialised++)
		git_libgit2_init();
}

void vcs_global_shutdown(void)
{
	if (S_initialised) {
		git_libgit2_shutdown();
		S_initialised = 0;
	}
}
