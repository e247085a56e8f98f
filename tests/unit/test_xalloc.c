/* test_xalloc.c - growing arrays and strbufs near SIZE_MAX dies with a
 * message instead of wrapping around (and looping, or writing out of bounds). */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "strbuf.h"
#include "xalloc.h"

/* Under ASan a huge allocation returns NULL instead of a sanitizer report,
 * so that what the test sees is notes' own out-of-memory path. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

enum case_id { GROW_NEAR_MAX, GROW_MULT_OVERFLOW, STRBUF_ADD_OVERFLOW };

static void S_run_case(enum case_id c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t alloc = 0;
	char *p = NULL;

	switch (c) {
	case GROW_NEAR_MAX:
		/* the growth step from here wraps around SIZE_MAX */
		p = xgrow(NULL, &alloc, SIZE_MAX - 1, 1);
		break;
	case GROW_MULT_OVERFLOW: p = xgrow(NULL, &alloc, SIZE_MAX / 8, 16); break;
	case STRBUF_ADD_OVERFLOW:
		/* a length no buffer has, to reach the overflow check without
		 * allocating: the grow must die before it touches buf */
		sb.len = SIZE_MAX - 4;
		strbuf_grow(&sb, 10);
		break;
	}
	free(p);
}

/* Run one case in a child: it must die (abort) within a few seconds,
 * with "notes: <why>" on stderr. */
static void S_expect_death(enum case_id c, const char *want)
{
	char buf[512] = "";
	int fds[2], status = 0;
	ssize_t n, got = 0;
	pid_t pid;

	CHECK(pipe(fds) == 0);
	pid = fork();
	if (pid == 0) {
		alarm(5); /* a wrap-around loops for ever */
		dup2(fds[1], 2);
		close(fds[0]);
		S_run_case(c);
		_exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf + got, sizeof(buf) - 1 - (size_t)got)) > 0)
		got += n;
	buf[got] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	/* a sanitizer may warn first: look for notes' own line */
	CHECK(strstr(buf, want) != NULL);
	if (!strstr(buf, want))
		printf("#   stderr: '%s'\n#   want:   '%s...'\n", buf, want);
}

static void test_grow(void)
{
	size_t alloc = 0, i;
	int *a = NULL;

	/* ordinary growth keeps what was there and gives room for need */
	for (i = 0; i < 1000; i++) {
		ALLOC_GROW(a, i + 1, alloc);
		a[i] = (int)i;
	}
	CHECK(alloc >= 1000);
	CHECK(a[0] == 0 && a[999] == 999);
	free(a);
	CHECK(st_add(1, 2) == 3);
	CHECK(st_mult(3, 4) == 12);
	CHECK(st_mult(0, SIZE_MAX) == 0);
}

int main(void)
{
	test_grow();
	S_expect_death(GROW_NEAR_MAX, "notes: out of memory allocating ");
	S_expect_death(GROW_MULT_OVERFLOW, "notes: size_t overflow: ");
	S_expect_death(STRBUF_ADD_OVERFLOW, "notes: size_t overflow: ");
	return harness_done();
}
