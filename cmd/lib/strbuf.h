/* strbuf.h - a growing, always NUL-terminated byte buffer. */
#ifndef NOTES_STRBUF_H
#define NOTES_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	size_t len;
	size_t alloc;
	char *buf; /* never NULL: points at a static "" until something is added */
};

#define STRBUF_INIT                                                                                \
	{                                                                                          \
		0, 0, strbuf_empty                                                                 \
	}
extern char strbuf_empty[];

void strbuf_init(struct strbuf *sb, size_t hint);
void strbuf_release(struct strbuf *sb);
void strbuf_swap(struct strbuf *a, struct strbuf *b);
/* Give up the buffer to the caller (free() it); sb is left empty. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_setlen(struct strbuf *sb, size_t len);
#define strbuf_reset(sb) strbuf_setlen((sb), 0)

void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addbuf(struct strbuf *sb, const struct strbuf *other);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Insert data at pos (0 <= pos <= len). */
void strbuf_insert(struct strbuf *sb, size_t pos, const void *data, size_t len);
/* Replace len bytes at pos with data. */
void strbuf_splice(struct strbuf *sb, size_t pos, size_t len, const void *data, size_t dlen);
void strbuf_trim(struct strbuf *sb);
/* Append s with control characters escaped (\n, \t, \x1b, C1 controls as
 * \u009b, bytes that are not UTF-8 as \xff), for messages and terminals. */
void strbuf_add_escaped(struct strbuf *sb, const char *s, size_t len);

#endif
