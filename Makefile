# SPDX-License-Identifier: GPL-3.0-or-later
# crossfoot — GNU make build.
#   make            build build/crossfoot (optimised)
#   make test       build everything under AddressSanitizer + UBSan and run every test
#   make run        build and open the workbench on a bundled sample report
#   make po         after adding a message: refresh po/crossfoot.pot and po/zh_CN.po (then translate)
#   make install    install under PREFIX (/usr/local) into DESTDIR; make uninstall removes it
#   make clean

# The toolchain and the flags of the installed binary come from the environment or the
# command line, as a distribution's or a cross build sets them (CC=aarch64-linux-gnu-gcc
# PKG_CONFIG=aarch64-linux-gnu-pkg-config). CPPFLAGS, CFLAGS and LDFLAGS go into
# build/crossfoot; the test builds keep their own (sanitizers) and add -Werror.
CC         ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS     ?= -O2 -g
BUILD      := build

# Libraries found through pkg-config; a missing one stops the build with the package to install.
LIB_PKGS  := ncursesw yaml-0.1 libcjson xlsxwriter libxml-2.0 libzip poppler-glib
TEST_PKGS := criterion
DEB_ncursesw  := libncurses-dev
DEB_yaml-0.1  := libyaml-dev
DEB_libcjson  := libcjson-dev
DEB_xlsxwriter := libxlsxwriter-dev
# xlsxwriter.pc links -lz, but libxlsxwriter-dev does not depend on zlib's headers package.
DEB_LINK_ONLY := zlib1g-dev
DEB_libxml-2.0 := libxml2-dev
DEB_libzip := libzip-dev
DEB_poppler-glib := libpoppler-glib-dev
DEB_criterion := libcriterion-dev

define require_pkg
$(if $(shell $(PKG_CONFIG) --exists $(1) 2>/dev/null && echo yes),,$(error pkg-config cannot find '$(1)': install the Debian package $(DEB_$(1)) (apt-get install $(DEB_$(1)))))
endef

# Debian packages for building, testing (tmux drives the workbench tests; pdftotext checks where
# a PDF's numbers are), exporting,
# and building the .deb (debhelper).
DEB_PACKAGES := build-essential pkg-config libncurses-dev libyaml-dev libcjson-dev libcriterion-dev \
                libxlsxwriter-dev libxml2-dev libzip-dev libpoppler-glib-dev $(DEB_LINK_ONLY) tmux python3 unzip poppler-utils locales clang libclang-rt-14-dev valgrind time less \
                gettext debhelper
# The cross build for arm64 (make cross-arm64): the cross compiler, qemu to run the result,
# and the arm64 build of every library the binary links.
DEB_ARM64_PACKAGES := crossbuild-essential-arm64 qemu-user pkgconf:arm64 \
                      $(foreach p,$(LIB_PKGS),$(DEB_$(p)):arm64) $(DEB_LINK_ONLY:%=%:arm64)

# Goals that build nothing need no libraries.
NO_BUILD_GOALS := clean deps deps-arm64 uninstall lint
ifneq ($(if $(MAKECMDGOALS),$(filter-out $(NO_BUILD_GOALS),$(MAKECMDGOALS)),all),)
$(foreach p,$(LIB_PKGS),$(call require_pkg,$(p)))
endif

# Where `make install` puts things: PREFIX defaults to /usr/local, DESTDIR is the staging
# root a package build uses, and each folder can be set on its own. The message catalogs
# go under LOCALEDIR, which is compiled in: a binary finds them in ./locale beside itself
# first (the build tree), then there. Themes go where Debian keeps a program's data, for
# reading and copying into ~/.config/crossfoot/themes/ — the binary has them built in.
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share
MANDIR    ?= $(DATADIR)/man
LOCALEDIR ?= $(DATADIR)/locale
THEMEDIR  ?= $(DATADIR)/crossfoot/themes
INSTALL   ?= install

# Warnings are errors in the developer and test builds only: a new compiler's new warning
# must not break a user's or a distribution's build of a release.
WARN      := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
BASEFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED -Icore -Iui -Iapp $(WARN) \
             -DCF_LOCALEDIR='"$(LOCALEDIR)"'
DEVFLAGS  := $(BASEFLAGS) -Werror
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(LIB_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(LIB_PKGS) 2>/dev/null) -pthread -lm

REL_CFLAGS := $(BASEFLAGS) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS)
# float-cast-overflow: gcc leaves it out of "undefined" (clang's UBSan has it): a double too large
# for the integer it is cast to is caught, not silently wrapped.
SAN_FLAGS  := -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_CFLAGS := $(DEVFLAGS) -O1 -g $(SAN_FLAGS) $(PKG_CFLAGS)

CORE_SRC := $(wildcard core/*.c)
UI_SRC   := $(wildcard ui/*.c)
APP_SRC  := $(wildcard app/*.c)
TEMPLATES := $(wildcard core/templates/*.yaml)
UNIT_SRC := $(wildcard tests/unit/*.c)
SUPPORT_SRC := $(wildcard tests/support/*.c)

GEN_EMBED := $(BUILD)/gen/builtin_templates.S

.PHONY: all deps test unit drills drill-model drills-long cli e2e i18n pot po man run clean fuzz fuzz-regress valgrind valgrind-ci bench score lint test-release concurrency screens screens-update
all: $(BUILD)/crossfoot man

THEMES := $(wildcard themes/*.yaml)

# Every template and theme file is embedded so the binary runs from any folder; adding a
# file needs no code. Each set becomes a table of {name, first byte, end} named SYMBOL.
# Only directives every ELF assembler accepts: .dc.a is one pointer (or size_t) wide on
# 32- and 64-bit targets alike, and %progbits works where @ starts a comment (ARM).
# $(1) = symbol, $(2) = files
define embed_table
	printf '\t.section .rodata\n'; i=0; \
	for f in $(2); do \
	  printf '$(1)_name_%d:\n\t.asciz "%s"\n$(1)_data_%d:\n\t.incbin "%s"\n$(1)_end_%d:\n\t.byte 0\n' \
	    $$i "$$(basename $$f .yaml)" $$i "$$f" $$i; i=$$((i+1)); done; \
	printf '\t.section .data.rel.ro\n\t.balign 8\n\t.globl $(1)\n$(1):\n'; \
	i=0; for f in $(2); do \
	  printf '\t.dc.a $(1)_name_%d, $(1)_data_%d, $(1)_end_%d\n' $$i $$i $$i; i=$$((i+1)); done; \
	printf '\t.dc.a 0, 0, 0\n\t.globl $(1)_count\n\t.balign 8\n$(1)_count:\n\t.dc.a %d\n' $$i;
endef

$(GEN_EMBED): $(TEMPLATES) $(THEMES) Makefile
	@mkdir -p $(dir $@)
	@{ $(call embed_table,cf_builtin_templates,$(TEMPLATES)) \
	   $(call embed_table,cf_builtin_themes,$(THEMES)) \
	   printf '\t.section .note.GNU-stack,"",%%progbits\n'; } > $@

# $(1) = variant (rel|san), $(2) = CFLAGS
define variant
$(BUILD)/$(1)/%.o: %.c
	@mkdir -p $$(dir $$@)
	$$(CC) $(2) -MMD -MP -c $$< -o $$@
$(BUILD)/$(1)/builtin_templates.o: $(GEN_EMBED) $(TEMPLATES) $(THEMES)
	@mkdir -p $$(dir $$@)
	$$(CC) -c $$< -o $$@
$(1)_CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/$(1)/%.o) $(BUILD)/$(1)/builtin_templates.o
$(1)_UI_OBJ   := $(UI_SRC:%.c=$(BUILD)/$(1)/%.o)
$(1)_APP_OBJ  := $(APP_SRC:%.c=$(BUILD)/$(1)/%.o)
-include $(CORE_SRC:%.c=$(BUILD)/$(1)/%.d) $(UI_SRC:%.c=$(BUILD)/$(1)/%.d) $(APP_SRC:%.c=$(BUILD)/$(1)/%.d)
endef
$(eval $(call variant,rel,$(REL_CFLAGS)))
$(eval $(call variant,san,$(SAN_CFLAGS)))
PLAIN_CFLAGS := $(DEVFLAGS) -O1 -g $(PKG_CFLAGS)
$(eval $(call variant,plain,$(PLAIN_CFLAGS)))

$(BUILD)/crossfoot: $(rel_CORE_OBJ) $(rel_UI_OBJ) $(rel_APP_OBJ) | $(BUILD)/locale
	$(CC) $(REL_CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) $(PKG_LIBS)

# build/rel is rebuilt whenever the flags of the installed binary change (CFLAGS, CPPFLAGS,
# LDFLAGS, or LOCALEDIR through PREFIX): `make` then `make install PREFIX=/usr` must not
# install a binary that looks for its catalogs under /usr/local.
REL_FLAGS_STAMP := $(BUILD)/rel/flags
ifneq ($(file <$(REL_FLAGS_STAMP)),$(strip $(REL_CFLAGS) $(LDFLAGS)))
$(shell mkdir -p $(BUILD)/rel)
$(file >$(REL_FLAGS_STAMP),$(strip $(REL_CFLAGS) $(LDFLAGS)))
endif
$(rel_CORE_OBJ) $(rel_UI_OBJ) $(rel_APP_OBJ) $(BUILD)/crossfoot: $(REL_FLAGS_STAMP)

$(BUILD)/san/crossfoot: $(san_CORE_OBJ) $(san_UI_OBJ) $(san_APP_OBJ) | $(BUILD)/san/locale
	$(CC) $(SAN_CFLAGS) -o $@ $(filter %.o,$^) $(PKG_LIBS)

# Messages (GNU gettext). Every message a person reads is written in English as _("…"),
# N_("…") or P_("one", "many", n); po/crossfoot.pot holds them all (sorted, no source lines,
# no date, so two branches adding messages rarely conflict), po/LANG.po their translations.
# `make po` refreshes both after a change; `make i18n` fails on an unwrapped message and on a
# catalog that is out of date, untranslated or fuzzy.
MSG_SRC   = $(sort $(CORE_SRC) $(UI_SRC) $(APP_SRC))
PO_FILES  := $(wildcard po/*.po)
XGETTEXT_FLAGS := --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 \
                  --no-location --sort-output --package-name=crossfoot
# $(1) = output .pot
define make_pot
	xgettext $(XGETTEXT_FLAGS) -o $(1) $(MSG_SRC)
	sed -i '/^"POT-Creation-Date: /d; s/charset=CHARSET/charset=UTF-8/; s/^# SOME DESCRIPTIVE TITLE./# The messages of crossfoot./' $(1)
endef

pot:
	$(call make_pot,po/crossfoot.pot)

po: pot
	@for po in $(PO_FILES); do \
	  msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-location --sort-output $$po po/crossfoot.pot && \
	  msgattrib --no-obsolete --sort-output -o $$po $$po; \
	  echo "$$po: $$(msgfmt --statistics -o /dev/null $$po 2>&1) — translate each empty msgstr"; \
	done

# build/locale/LANG/LC_MESSAGES/crossfoot.mo, and the same beside the sanitised binary
define catalogs
$(1): $(PO_FILES)
	@for po in $(PO_FILES); do l=$$$$(basename $$$$po .po); mkdir -p $(1)/$$$$l/LC_MESSAGES; \
	  msgfmt --check -o $(1)/$$$$l/LC_MESSAGES/crossfoot.mo $$$$po || exit 1; done; touch $(1)
endef
$(eval $(call catalogs,$(BUILD)/locale))
$(eval $(call catalogs,$(BUILD)/san/locale))
$(eval $(call catalogs,$(BUILD)/plain/locale))

# The man pages, made from the command table in each language: build/man/crossfoot.1 and
# build/man/crossfoot.zh_CN.1 (installed as man1/crossfoot.1 and zh_CN/man1/crossfoot.1).
# RUN_BUILT runs the binary just built: empty here, an emulator (qemu-aarch64) in a cross build.
MAN_PAGES := $(BUILD)/man/crossfoot.1 $(BUILD)/man/crossfoot.zh_CN.1
man: $(MAN_PAGES)
$(BUILD)/man/crossfoot.1: $(BUILD)/crossfoot
	@mkdir -p $(dir $@)
	$(RUN_BUILT) $(BUILD)/crossfoot --lang en help --man > $@
$(BUILD)/man/crossfoot.zh_CN.1: $(BUILD)/crossfoot $(BUILD)/locale
	@mkdir -p $(dir $@)
	$(RUN_BUILT) $(BUILD)/crossfoot --lang zh help --man > $@

i18n:
	@mkdir -p $(BUILD)/i18n
	@$(call make_pot,$(BUILD)/i18n/crossfoot.pot)
	python3 tests/i18n/check.py $(BUILD)/i18n/crossfoot.pot $(MSG_SRC)

TEST_CFLAGS = $(SAN_CFLAGS) $(shell $(PKG_CONFIG) --cflags criterion) -Itests/support -Itests/drills -DCF_FIXTURES='"tests/fixtures"'
$(BUILD)/san/tests/%.o: tests/%.c
	$(call require_pkg,criterion)
	@mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -MMD -MP -c $< -o $@
-include $(UNIT_SRC:%.c=$(BUILD)/san/%.d) $(SUPPORT_SRC:%.c=$(BUILD)/san/%.d)

$(BUILD)/san/unit_tests: $(UNIT_SRC:%.c=$(BUILD)/san/%.o) $(SUPPORT_SRC:%.c=$(BUILD)/san/%.o) $(san_CORE_OBJ)
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS) $(shell $(PKG_CONFIG) --libs criterion)

# The unit tests without sanitizers, under valgrind: no leaks, no invalid accesses.
$(BUILD)/plain/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(PLAIN_CFLAGS) $(shell $(PKG_CONFIG) --cflags criterion) -Itests/support -DCF_FIXTURES='"tests/fixtures"' -MMD -MP -c $< -o $@
$(BUILD)/plain/unit_tests: $(UNIT_SRC:%.c=$(BUILD)/plain/%.o) $(SUPPORT_SRC:%.c=$(BUILD)/plain/%.o) $(plain_CORE_OBJ)
	$(CC) $(PLAIN_CFLAGS) -o $@ $^ $(PKG_LIBS) $(shell $(PKG_CONFIG) --libs criterion)

valgrind: $(BUILD)/plain/unit_tests
	valgrind --quiet --trace-children=yes --leak-check=full --errors-for-leak-kinds=definite \
	  --error-exitcode=1 $(BUILD)/plain/unit_tests --jobs 1

# CI's valgrind subset (seconds): the unsanitised binary on the command line's main paths —
# check, extract, apply and save, the headless workbench, every export (tests/tools/valgrind_cli.sh).
$(BUILD)/plain/crossfoot: $(plain_CORE_OBJ) $(plain_UI_OBJ) $(plain_APP_OBJ) | $(BUILD)/plain/locale
	$(CC) $(PLAIN_CFLAGS) -o $@ $(filter %.o,$^) $(PKG_LIBS)
valgrind-ci: $(BUILD)/plain/crossfoot
	tests/tools/valgrind_cli.sh $(BUILD)/plain/crossfoot

# Drills link the failing allocator instead of core/alloc.o.
DRILL_SRC := $(filter-out tests/drills/fault_env.c,$(wildcard tests/drills/*.c))
$(BUILD)/san/drill_tests: $(DRILL_SRC:%.c=$(BUILD)/san/%.o) $(filter-out $(BUILD)/san/core/alloc.o,$(san_CORE_OBJ))
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS) $(shell $(PKG_CONFIG) --libs criterion)
-include $(DRILL_SRC:%.c=$(BUILD)/san/%.d)

# The whole program with the failing allocator, armed from the environment (CF_FAIL_ALLOC=N:
# tests/drills/fault_env.c), so that every command can be drilled as a user runs it.
FAULTY_OBJ := $(filter-out $(BUILD)/san/core/alloc.o,$(san_CORE_OBJ)) $(san_UI_OBJ) $(san_APP_OBJ) \
              $(BUILD)/san/tests/drills/fault_alloc.o $(BUILD)/san/tests/drills/fault_env.o
$(BUILD)/san/crossfoot-faulty: $(FAULTY_OBJ) | $(BUILD)/san/locale
	$(CC) $(SAN_CFLAGS) -o $@ $(FAULTY_OBJ) $(PKG_LIBS)
-include $(BUILD)/san/tests/drills/fault_env.d

# Every command that reads or changes a review, failed at its allocations in turn
# (tests/drills/alloc_commands.py): open (load and journal replay), apply, extract, every export,
# the workbench's edit path. make test fails ALLOC_SAMPLES of the about 4,000 allocations of each
# (spread at random: a new sample every run); drills-long fails every one (hours of CPU).
ALLOC_SAMPLES ?= 12
drills: $(BUILD)/san/drill_tests $(BUILD)/san/crossfoot-faulty $(BUILD)/crossfoot
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(BUILD)/san/drill_tests --jobs 2
	python3 tests/drills/alloc_commands.py $(BUILD)/san/crossfoot-faulty $(BUILD)/crossfoot $(ALLOC_SAMPLES)

# The model-based drill: random sequences of edit/undo/redo/save/quit/SIGKILL through `apply`,
# checked against an in-memory model after every reopen (tests/drills/model_drill.py). The
# optimised binary: a sequence starts a dozen processes, and the sanitizers' start-up would
# make 200 sequences take minutes. `make drills-long` runs thousands.
MODEL_SEQUENCES ?= 200
drill-model: $(BUILD)/crossfoot
	python3 tests/drills/model_drill.py $(BUILD)/crossfoot $(MODEL_SEQUENCES)

drills-long: $(BUILD)/crossfoot $(BUILD)/san/crossfoot $(BUILD)/san/crossfoot-faulty
	python3 tests/drills/alloc_commands.py $(BUILD)/san/crossfoot-faulty $(BUILD)/crossfoot all
	python3 tests/drills/model_drill.py $(BUILD)/crossfoot 3000
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  python3 tests/drills/concurrent_writers.py $(BUILD)/san/crossfoot 3000

# Fuzzing with libFuzzer (clang): `make fuzz FUZZ_SECONDS=60` runs every target for that
# long from a corpus seeded with the fixtures; crashes land in build/fuzz/ and belong,
# once fixed, in tests/fuzz/regressions/TARGET/, which `make fuzz-regress` replays. The web page
# and Word file targets take inputs up to 256 kB: the fixtures they start from are that large.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
# Larger than every seed (a review file of a seed is about 80 kB): a seed cut to the limit would
# fuzz truncated YAML only.
FUZZ_MAX_LEN ?= 131072
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS  := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Icore -g -O1 \
                -fsanitize=address,undefined -fno-sanitize-recover=undefined $(PKG_CFLAGS)
# core/ is compiled once for every target (instrumented for coverage, no main), then linked
# into each: seven targets each compiling core/ again cost CI minutes of CPU.
FUZZ_CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/fuzz/obj/%.o) $(BUILD)/fuzz/obj/builtin_templates.o
$(BUILD)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@
$(BUILD)/fuzz/obj/builtin_templates.o: $(GEN_EMBED) $(TEMPLATES) $(THEMES)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -c $< -o $@
-include $(CORE_SRC:%.c=$(BUILD)/fuzz/obj/%.d)
.SECONDARY: $(FUZZ_CORE_OBJ)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(FUZZ_CORE_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_CORE_OBJ) $(PKG_LIBS)

$(BUILD)/fuzz/corpus/%: $(BUILD)/crossfoot
	@mkdir -p $@
	@case $* in \
	  fuzz_extract) cp tests/fixtures/seeds/*.txt $@/; cp tests/fixtures/layouts/*.txt $@/ 2>/dev/null || true; \
	      cp tests/fixtures/converters/pandoc-plain-132/syn2021_blanks.txt $@/pandoc-ruled.txt ;; \
	  fuzz_template) cp core/templates/*.yaml $@/ ;; \
	  fuzz_html) cp tests/fixtures/documents/html/*.html tests/fixtures/documents/mhtml/*.mht $@/; \
	      cp tests/fixtures/converters/pandoc-markdown/syn2021_blanks.txt $@/pandoc-markdown.md ;; \
	  fuzz_docx) cp tests/fixtures/documents/docx/*.docx $@/; for f in tests/fixtures/documents/docx/*.docx; do \
	      unzip -p $$f word/document.xml > $@/$$(basename $$f .docx).xml; done ;; \
	  fuzz_review) for f in tests/fixtures/seeds/*.txt; do \
	      $(BUILD)/crossfoot extract --reviewer fuzz $$f -o $@/$$(basename $$f .txt).yaml 2>/dev/null; done ;; \
	  fuzz_journal) cp tests/fixtures/compat/v3/report.txt.review.yaml.journal $@/seed ;; \
	esac

fuzz: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/%) $(FUZZ_TARGETS:%=$(BUILD)/fuzz/corpus/%)
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  mkdir -p tests/fuzz/regressions/$$t; \
	  case $$t in fuzz_html|fuzz_docx) len=262144 ;; *) len=$(FUZZ_MAX_LEN) ;; esac; \
	  $(BUILD)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$len -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=$(BUILD)/fuzz/$$t- -print_final_stats=0 $(BUILD)/fuzz/corpus/$$t \
	    tests/fuzz/regressions/$$t 2>&1 | grep -E "^Done [0-9]+ runs|ERROR|SUMMARY|crash-" || true; \
	  if ls $(BUILD)/fuzz/$$t-crash-* $(BUILD)/fuzz/$$t-leak-* $(BUILD)/fuzz/$$t-timeout-* >/dev/null 2>&1; then \
	    echo "FAIL: $$t found a crash: $$(ls $(BUILD)/fuzz/$$t-*)"; exit 1; fi; \
	done

fuzz-regress: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/%)
	@for t in $(FUZZ_TARGETS); do \
	  files=$$(ls tests/fuzz/regressions/$$t/* 2>/dev/null); \
	  [ -z "$$files" ] || $(BUILD)/fuzz/$$t $$files >/dev/null 2>&1 || { echo "FAIL: $$t regression"; exit 1; }; \
	done; echo "fuzz regressions replayed"

# Benchmarks: corpora of 1k, 10k and 100k reports and one of 50 MB, built under build/bench.
# BENCH_BEFORE=OLD_BINARY measures an older crossfoot in the same run, beside this one.
BENCH_SIZES ?= 1000,10000,100000
BENCH_BEFORE ?=
$(BUILD)/bench_suggest: tests/bench/bench_suggest.c tests/support/balanced.c $(rel_CORE_OBJ)
	$(CC) $(REL_CFLAGS) -Itests/support -o $@ $^ $(PKG_LIBS)

bench: $(BUILD)/crossfoot $(BUILD)/bench_suggest
	python3 tests/bench/bench.py $(BUILD)/crossfoot --sizes $(BENCH_SIZES) $(if $(BENCH_BEFORE),--before $(BENCH_BEFORE))
	@echo; echo "error localisation, 2021 format, 200 reports each:"; $(BUILD)/bench_suggest 200

# How well check reads every converter's output and every document fixture (tests/fixtures/
# converters, tests/fixtures/documents): converter x layout class -> cells right / silent wrong
# numbers. A report, not a gate. SCORE_TOOLS holds the project's score.py and trust.py.
SCORE_TOOLS ?= ../shared/tools
score: $(BUILD)/crossfoot
	python3 tests/fixtures/generate/score_table.py $(BUILD)/crossfoot $(SCORE_TOOLS)

# The workbench driven in tmux as a person uses it (tests/e2e).
e2e: $(BUILD)/san/crossfoot
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  CROSSFOOT=$(BUILD)/san/crossfoot bash tests/e2e/run.sh

# Whole-screen golden tests of every workbench view through the headless --script/--screen
# runner (tests/screens); screens-update rewrites the goldens after a change meant to show.
screens: $(BUILD)/san/crossfoot $(BUILD)/san/locale
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  CROSSFOOT=$(BUILD)/san/crossfoot bash tests/screens/run.sh
screens-update: $(BUILD)/san/crossfoot $(BUILD)/san/locale
	UPDATE=1 CROSSFOOT=$(BUILD)/san/crossfoot bash tests/screens/run.sh

# The one test command: unit tests, drills, the command line and the workbench, all sanitised.
test: lint unit drills drill-model cli concurrency screens e2e i18n

# Two to four writers (apply and the headless workbench) on one review, with random delays:
# every acknowledged edit must be in the file (tests/drills/concurrent_writers.py). The optimised
# binary, like drill-model: a round starts four or five processes, and the 200 rounds the issue
# asks of CI take about 80 s of CPU even so; `make drills-long` runs 3,000 under the sanitizers.
CONCURRENT_ROUNDS ?= 200
concurrency: $(BUILD)/crossfoot
	python3 tests/drills/concurrent_writers.py $(BUILD)/crossfoot $(CONCURRENT_ROUNDS)

unit: $(BUILD)/san/unit_tests $(BUILD)/san/locale
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(BUILD)/san/unit_tests --jobs 2

# The command line as a user runs it, against the binary $(1) (and the optimised one for the sweeps
# that would take minutes under the sanitizers: tests/cli/agree.py --displays).
define run_cli
	CROSSFOOT=$(1) CROSSFOOT_RELEASE=$(BUILD)/crossfoot bash tests/cli/run.sh
	python3 tests/cli/kill_edits.py $(1) 20
endef

cli: export ASAN_OPTIONS := detect_leaks=1
cli: export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
cli: $(BUILD)/san/crossfoot $(BUILD)/crossfoot
	$(call run_cli,$(BUILD)/san/crossfoot)

# The same against the optimised binary that `make install` installs, built with the
# caller's flags: what the package build tests.
test-release: $(BUILD)/crossfoot
	$(call run_cli,$(BUILD)/crossfoot)

# Every source file names its licence; the check must also fail on a file without it.
lint:
	@tests/tools/check_spdx.sh
	@d=$$(mktemp -d) && printf 'int x;\n' > $$d/bare.c && \
	  if tests/tools/check_spdx.sh $$d 2>/dev/null; then rm -rf $$d; echo "check_spdx passed a file without a licence line"; exit 1; fi; \
	  rm -rf $$d

# The workbench on a copy of a bundled sample (seed 002: four broken rules, five blank cells),
# so its review file lands under build/ and the fixture stays as it is.
run: $(BUILD)/crossfoot
	@mkdir -p $(BUILD)/sample
	@[ -f $(BUILD)/sample/report.txt ] || cp tests/fixtures/seeds/002_b895455aa8998ba0.txt $(BUILD)/sample/report.txt
	$(BUILD)/crossfoot $(BUILD)/sample/report.txt

# Installing: `make install PREFIX=/usr DESTDIR=/tmp/stage` (the folders are set above).
# Another part adds itself with `install: install-PART` and `uninstall: uninstall-PART`.
# build/man/crossfoot.1 goes to man1/; a translation crossfoot.LANG.1 to LANG/man1/crossfoot.1.
man_dest   = $(MANDIR)/$(if $(filter crossfoot.1,$(notdir $(1))),,$(patsubst crossfoot.%.1,%,$(notdir $(1)))/)man1/crossfoot.1
# po/LANG.po, compiled into build/locale, goes to LOCALEDIR/LANG/LC_MESSAGES/crossfoot.mo.
CATALOGS  := $(PO_FILES:po/%.po=%/LC_MESSAGES/crossfoot.mo)

.PHONY: install uninstall install-bin install-themes install-man install-catalogs \
        uninstall-bin uninstall-themes uninstall-man uninstall-catalogs install-check
install: install-bin install-themes install-man install-catalogs
uninstall: uninstall-bin uninstall-themes uninstall-man uninstall-catalogs

install-bin: $(BUILD)/crossfoot
	$(INSTALL) -d $(DESTDIR)$(BINDIR)
	$(INSTALL) -m 0755 $(BUILD)/crossfoot $(DESTDIR)$(BINDIR)/crossfoot
install-themes:
	$(INSTALL) -d $(DESTDIR)$(THEMEDIR)
	$(INSTALL) -m 0644 $(THEMES) $(DESTDIR)$(THEMEDIR)/
install-man: man
	$(foreach m,$(MAN_PAGES),$(INSTALL) -D -m 0644 $(m) $(DESTDIR)$(call man_dest,$(m))$(newline))
install-catalogs: $(BUILD)/locale
	$(foreach c,$(CATALOGS),$(INSTALL) -D -m 0644 $(BUILD)/locale/$(c) $(DESTDIR)$(LOCALEDIR)/$(c)$(newline))

uninstall-bin:
	rm -f $(DESTDIR)$(BINDIR)/crossfoot
uninstall-themes:
	rm -f $(addprefix $(DESTDIR)$(THEMEDIR)/,$(notdir $(THEMES)))
	rmdir $(DESTDIR)$(THEMEDIR) $(DESTDIR)$(DATADIR)/crossfoot 2>/dev/null || true
uninstall-man:
	rm -f $(foreach m,$(MAN_PAGES),$(DESTDIR)$(call man_dest,$(m)))
uninstall-catalogs:
	rm -f $(addprefix $(DESTDIR)$(LOCALEDIR)/,$(CATALOGS))

# make install into a temporary root (under this PREFIX, so the binary is not rebuilt): the
# tree it leaves, the installed binary run from there on the seeds; then make uninstall must
# leave no file behind. The .deb checks the same under /usr.
install-check: $(BUILD)/crossfoot
	@stage=$$(mktemp -d) && trap 'rm -rf "$$stage"' EXIT && \
	  $(MAKE) --no-print-directory -s install DESTDIR=$$stage && \
	  tests/tools/check_install.sh $$stage $(PREFIX) && \
	  $(MAKE) --no-print-directory -s uninstall DESTDIR=$$stage && \
	  left=$$(find $$stage -type f) && \
	  if [ -n "$$left" ]; then echo "make uninstall left: $$left"; exit 1; fi; \
	  echo "make uninstall removed every file"

define newline


endef

# Install the Debian packages (as root, or through sudo).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# apt waits up to APT_LOCK_WAIT seconds for another package manager (unattended-upgrades, a
# second terminal) to let go of its lock, instead of failing at once.
APT_LOCK_WAIT ?= 600
APT_GET = apt-get -o DPkg::Lock::Timeout=$(APT_LOCK_WAIT)
deps:
	$(SUDO) env DEBIAN_FRONTEND=noninteractive $(APT_GET) update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive \
	  $(APT_GET) install -y -qq --no-install-recommends $(DEB_PACKAGES)
	@# the Chinese locale, for users who set LANG=zh_CN.UTF-8 (crossfoot speaks Chinese without it too)
	$(SUDO) sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
	$(SUDO) locale-gen

deps-arm64: deps
	$(SUDO) dpkg --add-architecture arm64
	$(SUDO) env DEBIAN_FRONTEND=noninteractive $(APT_GET) update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive \
	  $(APT_GET) install -y -qq --no-install-recommends $(DEB_ARM64_PACKAGES)

# Debian packages, built from a copy of the tree under build/ so that the checkout's build/
# and its parent folder stay as they are. `make deb`: build/deb/crossfoot_VERSION_ARCH.deb,
# tested as debian/rules says, then its files and hardening checked. `make cross-arm64`: the
# arm64 package (no tests can run), then its binary under qemu-aarch64 on every seed, whose
# check --json must equal this machine's.
# $(1) = folder, $(2) = dpkg-buildpackage options
comma := ,
define build_deb
	rm -rf $(1) && mkdir -p $(1)/crossfoot
	tar --exclude=./build --exclude=./.git -cf - . | tar -C $(1)/crossfoot -xf -
	cd $(1)/crossfoot && dpkg-buildpackage -us -uc -b $(2)
endef

.PHONY: deps-arm64 deb cross-arm64
deb:
	$(call build_deb,$(BUILD)/deb,)
	@root=$$(mktemp -d) && trap 'rm -rf "$$root"' EXIT && \
	  dpkg-deb -x $(BUILD)/deb/crossfoot_*.deb $$root && tests/tools/check_install.sh $$root /usr --package

cross-arm64: export DEB_BUILD_OPTIONS := nocheck
cross-arm64: $(BUILD)/crossfoot
	$(call build_deb,$(BUILD)/cross-arm64,-aarm64 -Pcross$(comma)nocheck)
	tests/tools/cross_check.sh $(BUILD)/crossfoot $(BUILD)/cross-arm64/crossfoot_*_arm64.deb qemu-aarch64

clean:
	rm -rf $(BUILD)
