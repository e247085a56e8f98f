# Makefile for notes. `make` builds build/notes; `make check` builds a
# sanitizer build (ASan + UBSan, -Werror) and runs every test.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR ?=
CC ?= cc
BUILD ?= build
SANITIZE ?=
DEVELOPER ?=

PKGS = libcmark libgit2 libpcre2-8 jansson libical libutf8proc zlib
# Linked statically: a short command then starts in less time than it takes
# the dynamic loader to resolve these libraries. libgit2 stays shared, and
# so does PCRE2, which libgit2 uses too (one copy, one allocator). libical
# is static but needs ICU, which stays shared (its data alone is 30 MB).
STATIC_PKGS = libcmark jansson libical libutf8proc
SHARED_PKGS = libgit2 libpcre2-8 icu-i18n zlib
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

NO_DEPS_GOALS = clean format pot
ifeq ($(filter-out $(NO_DEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
else
include $(BUILD)/config.mk
endif

LIB_SRC = $(sort $(wildcard cmd/lib/*.c))
CMD_SRC = $(sort $(wildcard cmd/builtin/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/embedded.o
CMD_OBJ = $(CMD_SRC:%.c=$(BUILD)/%.o) $(BUILD)/cmd/notes.o
DATA = $(sort $(wildcard templates/*/*))
MAN_SRC = $(sort $(wildcard docs/*.1.md))
MAN_PAGES = $(MAN_SRC:docs/%.md=$(BUILD)/man/man1/%)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# The translations: po/LANG.po -> $(BUILD)/locale/LANG/LC_MESSAGES/notes.mo
PO_SRC = $(sort $(wildcard po/*.po))
MO_FILES = $(PO_SRC:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/notes.mo)
POT ?= po/notes.pot
# What xgettext reads as messages: _(), N_(), Q_() (ngettext), and the
# formats of the check messages (diag_add and the helpers over it). File
# names only, no line numbers: po/notes.pot changes when a message does.
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=Q_:1,2 \
	--keyword=diag_add:6 --keyword=S_problem:5 --keyword=WARN:4 \
	--add-comments=TRANSLATORS: --add-location=file --sort-by-file \
	--package-name=notes --package-version=$(VERSION)

# Every C file of the repository, for make format and make lint.
FORMAT_SRC = $(sort $(wildcard cmd/*.c cmd/*/*.c cmd/*/*.h tests/*/*.c tests/*/*.h tools/*.c))
# clang-tidy sees the code as the compiler does, without the warning flags.
TIDY_FLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Icmd/lib -I$(BUILD) $(DEP_CFLAGS)

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

.PHONY: all man locale pot check units demo bench format lint install uninstall clean leakcheck \
	fuzz stress screenshot FORCE
.SUFFIXES:

all: $(BUILD)/notes man locale

man: $(MAN_PAGES)

locale: $(MO_FILES)

$(BUILD)/config.mk: tools/deps.sh Makefile
	@mkdir -p $(BUILD)
	@sh tools/deps.sh
	@{ echo "DEP_CFLAGS = $$(pkg-config --cflags $(PKGS))"; \
	   echo "DEP_LIBS = -Wl,-Bstatic $$(pkg-config --libs $(STATIC_PKGS)) -Wl,-Bdynamic $$(pkg-config --libs $(SHARED_PKGS))"; } > $@

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(BUILD)/embedded.c: $(BUILD)/tools/embed $(DATA)
	$(BUILD)/tools/embed templates/ $(DATA) > $@.tmp && mv $@.tmp $@

$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(VERSION_CFLAGS) $(LOCALE_CFLAGS) -MMD -MP -c -o $@ $<

# Only gettext.c knows where the catalogues are installed; it is rebuilt
# when that place changes (the file holds the last one built).
$(BUILD)/LOCALEDIR: FORCE
	@mkdir -p $(BUILD)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@
$(BUILD)/cmd/lib/gettext.o: $(BUILD)/LOCALEDIR
$(BUILD)/cmd/lib/gettext.o: LOCALE_CFLAGS = -DLOCALEDIR='"$(LOCALEDIR)"'

# Only main prints the version: it alone is rebuilt when VERSION changes.
$(BUILD)/cmd/notes.o: VERSION
$(BUILD)/cmd/notes.o: VERSION_CFLAGS = -DNOTES_VERSION='"$(VERSION)"'

$(BUILD)/libnotes.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/notes: $(CMD_OBJ) $(BUILD)/libnotes.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libnotes.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libnotes.a $(DEP_LIBS)

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d)

# The manual pages: docs/*.1.md through cmark's man renderer, after a
# title line; no hyphenation and a ragged right edge, so that an option
# is never split across two lines.
$(BUILD)/man/man1/%.1: docs/%.1.md VERSION $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	{ printf '.TH "%s" "1" "" "notes %s" "notes manual"\n.nh\n.ad l\n' \
		"$$(echo '$*' | tr a-z A-Z)" "$(VERSION)" && cmark -t man $<; } >$@.tmp && mv $@.tmp $@

# msgfmt -c: a translation's format takes the original's arguments.
$(BUILD)/locale/%/LC_MESSAGES/notes.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt -c --statistics -o $@.tmp $< && mv $@.tmp $@

# po/notes.pot, the messages of the code (POT=FILE writes it elsewhere:
# the completeness test compares a fresh one with po/ko.po).
pot:
	@xgettext $(XGETTEXT_FLAGS) -o $(POT) $(sort $(wildcard cmd/*.c cmd/*/*.c cmd/*/*.h))

# The tests run against a sanitizer build in build/check.
check:
	@sh tools/deps.sh git jq python3 procps clang libclang-rt-14-dev zsh man-db python3-icalendar \
		neovim strace chromium fonts-noto-cjk ko_KR.UTF-8
	@$(MAKE) --no-print-directory BUILD=build/check SANITIZE=address,undefined \
		DEVELOPER=1 CFLAGS="-O1 -g" build/check/notes man locale units
	@sh tests/run.sh build/check

units: $(UNIT_BIN)

demo: $(BUILD)/notes
	@sh examples/demo.sh $(BUILD)/notes

# The picture of notes report in the README: the example team's report in
# headless Chromium.
screenshot: $(BUILD)/notes
	@sh tools/deps.sh git chromium fonts-noto-cjk
	@sh tools/report-screenshot.sh $(BUILD)/notes docs/report.png

bench: $(BUILD)/notes
	@sh tools/deps.sh hyperfine git cmark python3
	@sh tests/bench/run.sh $(BUILD)/notes

leakcheck:
	@sh tools/deps.sh valgrind git jq python3 zsh man-db python3-icalendar
	@$(MAKE) --no-print-directory BUILD=build/leak CFLAGS="-O0 -g -DNOTES_NO_JIT" build/leak/notes man
	@NOTES_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
		sh tests/run.sh build/leak --cli-only

fuzz:
	@sh tools/deps.sh clang libclang-rt-14-dev
	@sh tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

stress: $(BUILD)/notes
	@sh tests/stress/run.sh $(BUILD)/notes

format:
	clang-format -i $(FORMAT_SRC)

# cppcheck and clang-tidy (.clang-tidy: the analyser and bug-prone
# patterns, warnings are errors), the format, and the banned functions.
lint: $(BUILD)/embedded.c
	@sh tools/deps.sh cppcheck clang-tidy clang-format
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--suppress=missingIncludeSystem --inline-suppr -Icmd/lib \
		$(shell pkg-config --cflags-only-I $(PKGS)) cmd/notes.c cmd/lib cmd/builtin
	clang-tidy --quiet $(LIB_SRC) $(CMD_SRC) cmd/notes.c -- $(TIDY_FLAGS)
	clang-format --dry-run -Werror $(FORMAT_SRC)
	@! git grep -nE '\<(strcpy|strcat|sprintf|vsprintf|gets|strtok) *\(' -- '*.c' '*.h' \
		|| { echo "lint: banned function (use strbuf or snprintf)"; exit 1; }

# PREFIX for where it runs from, DESTDIR for a staging directory (a package).
install: $(BUILD)/notes $(MAN_PAGES) $(MO_FILES)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	for mo in $(MO_FILES:$(BUILD)/locale/%=%); do \
		install -d $(DESTDIR)$(LOCALEDIR)/$${mo%/*} && \
		install -m 644 $(BUILD)/locale/$$mo $(DESTDIR)$(LOCALEDIR)/$$mo || exit 1; \
	done
	install -m 755 $(BUILD)/notes $(DESTDIR)$(BINDIR)/notes
	install -m 644 $(MAN_PAGES) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 contrib/completion/notes.bash $(DESTDIR)$(BASHCOMPDIR)/notes
	install -m 644 contrib/completion/_notes $(DESTDIR)$(ZSHCOMPDIR)/_notes

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/notes $(DESTDIR)$(BASHCOMPDIR)/notes \
		$(DESTDIR)$(ZSHCOMPDIR)/_notes \
		$(MAN_SRC:docs/%.md=$(DESTDIR)$(MANDIR)/man1/%) \
		$(MO_FILES:$(BUILD)/locale/%=$(DESTDIR)$(LOCALEDIR)/%)

clean:
	rm -rf $(BUILD)
