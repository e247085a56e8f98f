/* fuzz_vocab.h - the libFuzzer start-up hook of a target that parses
 * notes: the vocabulary, loaded once, and the notes note_parse keeps are
 * released at exit so that LeakSanitizer's last look finds nothing.
 * Included by one target each. */
#ifndef NOTES_FUZZ_VOCAB_H
#define NOTES_FUZZ_VOCAB_H

#include <stdint.h>
#include <stdlib.h>

#include "note.h"
#include "vocab.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void S_release_all(void)
{
	note_parse_forget();
	vocab_release();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	atexit(S_release_all);
	return 0;
}

#endif
