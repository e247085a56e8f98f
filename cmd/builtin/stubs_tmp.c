#include "builtin.h"
static int S_stub(int argc, char **argv, struct cmd_context *ctx) { (void)argc; (void)argv; (void)ctx; return cmd_error("not yet"); }
const struct cmd_entry cmd_init_entry = { "init", S_stub, 0, "", "" };
const struct cmd_entry cmd_person_entry = { "person", S_stub, 0, "", "" };
const struct cmd_entry cmd_new_entry = { "new", S_stub, 0, "", "" };
const struct cmd_entry cmd_commit_entry = { "commit", S_stub, 0, "", "" };
const struct cmd_entry cmd_done_entry = { "done", S_stub, 0, "", "" };
const struct cmd_entry cmd_status_entry = { "status", S_stub, 0, "", "" };
const struct cmd_entry cmd_review_entry = { "review", S_stub, 0, "", "" };
