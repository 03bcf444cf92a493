# Argumark: the commands a developer types. Everything else lives in meson.

BUILD      ?= build
ASAN_BUILD ?= build-asan
SAMPLE     ?= data/samples/hamas-isis-sinai.txt
FUZZ_SECONDS ?= 60

TEST_ENV = GSETTINGS_BACKEND=memory G_DEBUG=fatal-warnings GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1 \
           LSAN_OPTIONS=suppressions=$(CURDIR)/build-aux/lsan.supp:print_suppressions=0 \
           UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1

.PHONY: all deps build run test test-plain test-asan bench fuzz clean

all: build

deps:
	@build-aux/install-deps.sh

$(BUILD)/build.ninja: | deps
	meson setup $(BUILD) -Dwerror=true

$(ASAN_BUILD)/build.ninja: | deps
	meson setup $(ASAN_BUILD) -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	$(BUILD)/src/app/argumark-dev $(SAMPLE)

test: test-plain test-asan

test-plain: build
	$(TEST_ENV) meson test -C $(BUILD) --print-errorlogs --no-suite ui
	$(TEST_ENV) xvfb-run -a -s "-screen 0 1280x1024x24" meson test -C $(BUILD) --print-errorlogs --suite ui

test-asan: deps $(ASAN_BUILD)/build.ninja
	meson compile -C $(ASAN_BUILD)
	$(TEST_ENV) $(ASAN_ENV) meson test -C $(ASAN_BUILD) --print-errorlogs --no-suite ui --timeout-multiplier 4
	$(TEST_ENV) $(ASAN_ENV) xvfb-run -a -s "-screen 0 1280x1024x24" meson test -C $(ASAN_BUILD) --print-errorlogs --suite ui --timeout-multiplier 4

bench: build
	meson compile -C $(BUILD) benchmarks
	bench/run-benchmarks.sh $(BUILD)

fuzz: deps
	tests/fuzz/run-fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
