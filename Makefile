# gongkai - build, run and test. GNU make; libraries found with pkg-config.
#
#   make          build ./gongkai
#   make deps     install the missing Debian packages (apt-get; no-op if
#                 everything is present)
#   make run      deps, build, create gongkai.db with demo data if absent,
#                 serve on http://127.0.0.1:8080/
#   make check    deps, build with ASan/UBSan, run every test; the last
#                 line is "N passed, N failed"
#   make valgrind unit tests under valgrind (no sanitizers)
#   make bench    build build/rel/bench-search and run the search benchmark
#                 for N=10000 and N=100000 (make bench N=1000000 for one N;
#                 results: docs/performance.md)
#   make fuzz     fuzz the search query parser with libFuzzer (clang) for
#                 FUZZ_SECONDS (60) seconds

CC ?= cc
PKGS = libmicrohttpd sqlite3 libsodium jansson libzip libcurl xlsxwriter \
       pangocairo cairo libutf8proc expat
# Recursive (=) so pkg-config runs only when a recipe needs it, after
# `make deps` has installed the libraries.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS)) -lpthread -lm
WARN = -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wno-format-nonliteral
BASE_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) -Isrc -Ibuild $(PKG_CFLAGS)
OPT = -O2 -g
SAN = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
      -fno-sanitize-recover=undefined

SRC := $(shell find src -name '*.c' | sort)
LIB_SRC := $(filter-out src/main.c,$(SRC))
HDR := $(shell find src -name '*.h')
RES := $(shell find templates static data -type f 2>/dev/null | sort)
UNIT_SRC := $(shell find tests/unit -name '*.c' | sort)
# Test-only programs (tests/tools/NAME.c -> build/FLAVOUR/NAME) that drive
# library code for the e2e tests, e.g. docx_sample writes .docx files.
TOOL_SRC := $(shell find tests/tools -name '*.c' | sort)
TOOLS := $(patsubst tests/tools/%.c,%,$(TOOL_SRC))

DB ?= gongkai.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps deps-test run check valgrind clean fmtcheck bench fuzz

all: gongkai

deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

build/embed: tools/embed.c
	@mkdir -p build
	$(CC) -std=c17 -O2 -o $@ $<

build/embedded.c: build/embed $(RES)
	build/embed $@ $(RES)

# One object tree per flavour: rel (./gongkai), san (make check),
# vg (make valgrind).
build/rel/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	@echo "CC $<"; $(CC) $(BASE_CFLAGS) $(OPT) -c $< -o $@
build/san/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	@echo "CC $<"; $(CC) $(BASE_CFLAGS) $(SAN) -c $< -o $@
build/vg/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	@echo "CC $<"; $(CC) $(BASE_CFLAGS) -O0 -g -c $< -o $@

define flavour
build/$(1)/gongkai: $(patsubst %.c,build/$(1)/%.o,$(SRC) build/embedded.c)
	$$(CC) $(2) -o $$@ $$^ $$(PKG_LIBS)
build/$(1)/unit: $(patsubst %.c,build/$(1)/%.o,$(LIB_SRC) $(UNIT_SRC) build/embedded.c)
	$$(CC) $(2) -o $$@ $$^ $$(PKG_LIBS)
$(patsubst %,build/$(1)/%,$(TOOLS)): build/$(1)/%: build/$(1)/tests/tools/%.o $(patsubst %.c,build/$(1)/%.o,$(LIB_SRC) build/embedded.c)
	$$(CC) $(2) -o $$@ $$^ $$(PKG_LIBS)
endef
$(eval $(call flavour,rel,$(OPT)))
$(eval $(call flavour,san,$(SAN)))
$(eval $(call flavour,vg,-O0 -g))

gongkai: build/rel/gongkai
	cp $< $@

# The search benchmark (bench/search.c), linked like the test tools.
BENCH_N ?= 10000 100000
build/rel/bench-search: build/rel/bench/search.o $(patsubst %.c,build/rel/%.o,$(LIB_SRC) build/embedded.c)
	$(CC) $(OPT) -o $@ $^ $(PKG_LIBS)

bench: deps
	@$(MAKE) --no-print-directory build/rel/bench-search
	@for n in $(if $(N),$(N),$(BENCH_N)); do build/rel/bench-search $$n || exit 1; done

# Coverage-guided fuzzing of the search query parser and the statements it
# feeds (tests/fuzz/query.c) with clang's libFuzzer, for FUZZ_SECONDS;
# new inputs go to build/fuzz/corpus, the seeds are tests/fuzz/corpus/query.
FUZZ_SECONDS ?= 60
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined
build/fuzz/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	@echo "CC $<"; clang $(BASE_CFLAGS) -O1 -g -fno-omit-frame-pointer \
	  -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c $< -o $@
build/fuzz/query: build/fuzz/tests/fuzz/query.o $(patsubst %.c,build/fuzz/%.o,$(LIB_SRC) build/embedded.c)
	clang -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $^ $(PKG_LIBS)

fuzz: deps
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory build/fuzz/query
	@mkdir -p build/fuzz/corpus
	build/fuzz/query -max_total_time=$(FUZZ_SECONDS) -max_len=512 \
	  -timeout=10 build/fuzz/corpus tests/fuzz/corpus/query

build/fmtcheck: tools/fmtcheck.c
	@mkdir -p build
	$(CC) -std=c17 -D_GNU_SOURCE -O2 $(WARN) -o $@ $<

fmtcheck: build/fmtcheck
	build/fmtcheck $(SRC)

run: deps
	@$(MAKE) --no-print-directory gongkai
	@if [ ! -f "$(DB)" ]; then ./gongkai init --db "$(DB)" --demo; fi
	@echo "gongkai: open http://$(LISTEN)/ ; staff sign in at http://$(LISTEN)/login"
	@echo "gongkai: demo accounts: admin (or yjj-clerk, zf-clerk, ...) with password gongkai2026"
	./gongkai serve --db "$(DB)" --listen "$(LISTEN)"

check: deps deps-test
	@$(MAKE) --no-print-directory build/san/gongkai build/san/unit build/fmtcheck \
	  $(patsubst %,build/san/%,$(TOOLS))
	@sh tests/run-all.sh build/san/gongkai build/san/unit

valgrind: deps
	@$(MAKE) --no-print-directory build/vg/unit
	valgrind -q --error-exitcode=1 --leak-check=full \
	  --errors-for-leak-kinds=definite,indirect \
	  --suppressions=tests/valgrind.supp build/vg/unit

clean:
	rm -rf build gongkai
