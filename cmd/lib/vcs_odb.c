/* vcs_odb.c - the repository's object database, with loose objects read
 * only once their zlib stream is known to be whole.
 *
 * libgit2 1.5's git_zstream_get_output loops for ever when a loose
 * object's stream ends early: inflate says Z_BUF_ERROR (no progress), which
 * it takes for "retry", with output room left and no more input. So a
 * truncated file in .git/objects hung every command that read it at 100%
 * CPU, where git says "is corrupt". The loose backend is wrapped: before
 * libgit2 inflates an object, its file is inflated here to its end (the
 * output thrown away), and a stream that stops short is an error. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

#include "strbuf.h"
#include "vcs_internal.h"
#include "xalloc.h"

struct guard {
	git_odb_backend parent;
	git_odb_backend *loose;
	char *dir; /* .git/objects/ */
};

/* 0 when the file's zlib stream is whole (or the file is absent: the loose
 * backend says so), -1 with libgit2's error set when it is not. */
static int S_check(struct guard *g, const git_oid *id)
{
	char hex[GIT_OID_HEXSZ + 1];
	unsigned char in[16384], out[65536];
	struct strbuf path = STRBUF_INIT;
	z_stream z;
	int fd, zrc = Z_OK, rc = 0;
	ssize_t got = 1;

	git_oid_tostr(hex, sizeof(hex), id);
	strbuf_addf(&path, "%s%.2s/%s", g->dir, hex, hex + 2);
	fd = open(path.buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		strbuf_release(&path);
		return 0;
	}
	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK) {
		close(fd);
		strbuf_release(&path);
		git_error_set_str(GIT_ERROR_ZLIB, "cannot start zlib");
		return -1;
	}
	while (zrc != Z_STREAM_END) {
		if (z.avail_in == 0) {
			got = read(fd, in, sizeof(in));
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0)
				break;
			z.next_in = in;
			z.avail_in = (uInt)got;
		}
		z.next_out = out;
		z.avail_out = sizeof(out);
		zrc = inflate(&z, Z_NO_FLUSH);
		if (zrc != Z_OK && zrc != Z_STREAM_END && zrc != Z_BUF_ERROR)
			break;
	}
	if (zrc != Z_STREAM_END) {
		strbuf_reset(&path);
		strbuf_addf(&path,
			    "object %s is corrupt (.git/objects/%.2s/%s: %s): restore it from "
			    "another clone, or see git fsck",
			    hex, hex, hex + 2,
			    got < 0    ? strerror(errno)
			    : got == 0 ? "the file ends too early"
				       : "not a zlib stream");
		git_error_set_str(GIT_ERROR_ODB, path.buf);
		rc = -1;
	}
	inflateEnd(&z);
	close(fd);
	strbuf_release(&path);
	return rc;
}

static int S_read(void **data, size_t *len, git_object_t *type, git_odb_backend *b,
		  const git_oid *id)
{
	struct guard *g = (struct guard *)b;

	if (S_check(g, id) < 0)
		return -1;
	return g->loose->read(data, len, type, g->loose, id);
}

static int S_read_prefix(git_oid *full, void **data, size_t *len, git_object_t *type,
			 git_odb_backend *b, const git_oid *id, size_t n)
{
	struct guard *g = (struct guard *)b;
	git_oid found;
	int rc = g->loose->exists_prefix(&found, g->loose, id, n);

	if (rc < 0)
		return rc;
	if (S_check(g, &found) < 0)
		return -1;
	return g->loose->read_prefix(full, data, len, type, g->loose, id, n);
}

static int S_read_header(size_t *len, git_object_t *type, git_odb_backend *b, const git_oid *id)
{
	struct guard *g = (struct guard *)b;

	if (S_check(g, id) < 0)
		return -1;
	return g->loose->read_header(len, type, g->loose, id);
}

static int S_readstream(git_odb_stream **out, size_t *len, git_object_t *type, git_odb_backend *b,
			const git_oid *id)
{
	struct guard *g = (struct guard *)b;

	if (S_check(g, id) < 0)
		return -1;
	return g->loose->readstream(out, len, type, g->loose, id);
}

static int S_write(git_odb_backend *b, const git_oid *id, const void *data, size_t len,
		   git_object_t type)
{
	struct guard *g = (struct guard *)b;
	return g->loose->write(g->loose, id, data, len, type);
}

static int S_writestream(git_odb_stream **out, git_odb_backend *b, git_object_size_t len,
			 git_object_t type)
{
	struct guard *g = (struct guard *)b;
	return g->loose->writestream(out, g->loose, len, type);
}

static int S_exists(git_odb_backend *b, const git_oid *id)
{
	struct guard *g = (struct guard *)b;
	return g->loose->exists(g->loose, id);
}

static int S_exists_prefix(git_oid *out, git_odb_backend *b, const git_oid *id, size_t n)
{
	struct guard *g = (struct guard *)b;
	return g->loose->exists_prefix(out, g->loose, id, n);
}

static int S_foreach(git_odb_backend *b, git_odb_foreach_cb cb, void *payload)
{
	struct guard *g = (struct guard *)b;
	return g->loose->foreach (g->loose, cb, payload);
}

static int S_freshen(git_odb_backend *b, const git_oid *id)
{
	struct guard *g = (struct guard *)b;
	return g->loose->freshen(g->loose, id);
}

static void S_free(git_odb_backend *b)
{
	struct guard *g = (struct guard *)b;

	g->loose->free(g->loose);
	free(g->dir);
	free(g);
}

int vcs_guard_odb(git_repository *repo)
{
	struct strbuf dir = STRBUF_INIT;
	git_odb_backend *loose = NULL, *pack = NULL;
	git_odb *odb = NULL;
	struct guard *g;
	struct stat st;

	strbuf_addf(&dir, "%sobjects/", git_repository_commondir(repo));
	strbuf_addstr(&dir, "info/alternates");
	if (stat(dir.buf, &st) == 0) {
		/* objects borrowed from another repository: libgit2's own */
		strbuf_release(&dir);
		return 0;
	}
	strbuf_setlen(&dir, dir.len - strlen("/info/alternates"));
	if (git_odb_new(&odb) < 0 || git_odb_backend_loose(&loose, dir.buf, -1, 0, 0, 0) < 0 ||
	    git_odb_backend_pack(&pack, dir.buf) < 0) {
		if (loose)
			loose->free(loose);
		git_odb_free(odb);
		strbuf_release(&dir);
		return -1;
	}
	g = xcalloc(1, sizeof(*g));
	g->parent.version = GIT_ODB_BACKEND_VERSION;
	g->parent.read = S_read;
	g->parent.read_prefix = S_read_prefix;
	g->parent.read_header = S_read_header;
	g->parent.readstream = S_readstream;
	g->parent.write = S_write;
	g->parent.writestream = S_writestream;
	g->parent.exists = S_exists;
	g->parent.exists_prefix = S_exists_prefix;
	g->parent.foreach = S_foreach;
	g->parent.freshen = S_freshen;
	g->parent.free = S_free;
	g->loose = loose;
	strbuf_addch(&dir, '/');
	g->dir = strbuf_detach(&dir, NULL);
	if (git_odb_add_backend(odb, &g->parent, 1) < 0) {
		S_free(&g->parent);
		pack->free(pack);
		git_odb_free(odb);
		return -1;
	}
	/* the loose backend's streams reach the database through it */
	loose->odb = odb;
	if (git_odb_add_backend(odb, pack, 2) < 0) {
		pack->free(pack);
		git_odb_free(odb);
		return -1;
	}
	git_repository_set_odb(repo, odb);
	git_odb_free(odb);
	return 0;
}
