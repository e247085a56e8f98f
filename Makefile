# Makefile for notes. `make` builds build/notes; `make check` builds a
# sanitizer build (ASan + UBSan, -Werror) and runs every test.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DESTDIR ?=
CC ?= cc
BUILD ?= build
SANITIZE ?=
DEVELOPER ?=

PKGS = libcmark libgit2 libpcre2-8 jansson
# Linked statically: a short command then starts in less time than it takes
# the dynamic loader to resolve these libraries. libgit2 stays shared, and
# so does PCRE2, which libgit2 uses too (one copy, one allocator).
STATIC_PKGS = libcmark jansson
WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARNINGS) \
	$(CFLAGS) -Icmd/lib -I$(BUILD) $(DEP_CFLAGS)
ifneq ($(DEVELOPER),)
ALL_CFLAGS += -Werror
endif
ifneq ($(SANITIZE),)
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
ALL_LDFLAGS += -fsanitize=$(SANITIZE)
endif
ALL_LDFLAGS += $(LDFLAGS)

NO_DEPS_GOALS = clean format
ifeq ($(filter-out $(NO_DEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
else
include $(BUILD)/config.mk
endif

LIB_SRC = $(sort $(wildcard cmd/lib/*.c))
CMD_SRC = $(sort $(wildcard cmd/builtin/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/embedded.o
CMD_OBJ = $(CMD_SRC:%.c=$(BUILD)/%.o) $(BUILD)/cmd/notes.o
DATA = $(sort $(wildcard templates/*/*))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

.PHONY: all check demo bench format lint install clean leakcheck fuzz stress deps
.SUFFIXES:

all: $(BUILD)/notes

$(BUILD)/config.mk: tools/deps.sh
	@mkdir -p $(BUILD)
	@sh tools/deps.sh
	@{ echo "DEP_CFLAGS = $$(pkg-config --cflags $(PKGS))"; \
	   echo "DEP_LIBS = -Wl,-Bstatic $$(pkg-config --libs $(STATIC_PKGS)) -Wl,-Bdynamic $$(pkg-config --libs libgit2 libpcre2-8)"; } > $@

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(BUILD)/embedded.c: $(BUILD)/tools/embed $(DATA)
	$(BUILD)/tools/embed templates/ $(DATA) > $@.tmp && mv $@.tmp $@

$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DNOTES_VERSION='"$(VERSION)"' -MMD -MP -c -o $@ $<

$(BUILD)/libnotes.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/notes: $(CMD_OBJ) $(BUILD)/libnotes.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libnotes.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libnotes.a $(DEP_LIBS)

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d)

# The tests run against a sanitizer build in build/check.
check:
	@sh tools/deps.sh git jq python3 procps clang libclang-rt-14-dev neovim strace
	@$(MAKE) --no-print-directory BUILD=build/check SANITIZE=address,undefined \
		DEVELOPER=1 CFLAGS="-O1 -g" build/check/notes units
	@sh tests/run.sh build/check

units: $(UNIT_BIN)

demo: $(BUILD)/notes
	@sh examples/demo.sh $(BUILD)/notes

bench: $(BUILD)/notes
	@sh tools/deps.sh hyperfine git cmark python3
	@sh tests/bench/run.sh $(BUILD)/notes

leakcheck:
	@sh tools/deps.sh valgrind git jq python3
	@$(MAKE) --no-print-directory BUILD=build/leak CFLAGS="-O0 -g -DNOTES_NO_JIT" build/leak/notes
	@NOTES_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
		sh tests/run.sh build/leak --cli-only

fuzz:
	@sh tools/deps.sh clang libclang-rt-14-dev
	@sh tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

stress: $(BUILD)/notes
	@sh tests/stress/run.sh $(BUILD)/notes

format:
	clang-format -i cmd/*.c cmd/lib/*.c cmd/lib/*.h cmd/builtin/*.c cmd/builtin/*.h tests/unit/*.c

lint: $(BUILD)/embedded.c
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--suppress=missingIncludeSystem --inline-suppr -Icmd/lib \
		$(shell pkg-config --cflags-only-I $(PKGS)) cmd/notes.c cmd/lib cmd/builtin
	@! git grep -nE '\<(strcpy|strcat|sprintf|vsprintf|gets|strtok) *\(' -- '*.c' '*.h' \
		|| { echo "lint: banned function (use strbuf or snprintf)"; exit 1; }

install: $(BUILD)/notes
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(BUILD)/notes $(DESTDIR)$(BINDIR)/notes

clean:
	rm -rf build
