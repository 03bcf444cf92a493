# Argumark: the commands a developer types. Everything else lives in meson.

BUILD      ?= build
ASAN_BUILD ?= build-asan
SAMPLE     ?= data/samples/hamas-isis-sinai.txt
FUZZ_SECONDS ?= 60

TEST_ENV = GSETTINGS_BACKEND=memory G_DEBUG=fatal-warnings GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1 \
           LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp:print_suppressions=0 \
           UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
XVFB = xvfb-run -a -s "-screen 0 1280x1024x24"

.PHONY: all deps build run test test-plain test-asan bench fuzz clean

all: build

deps:
	@tools/install-deps.sh

$(BUILD)/build.ninja: | deps
	meson setup $(BUILD) -Dwerror=true

$(ASAN_BUILD)/build.ninja: | deps
	meson setup $(ASAN_BUILD) -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data $(BUILD)/src/app/argumark $(SAMPLE)

# Each half keeps going after a failure so that one run shows every failing
# test; the summary line at the end decides the exit status.
test: deps
	@status=0; \
	$(MAKE) --no-print-directory test-plain || status=1; \
	$(MAKE) --no-print-directory test-asan || status=1; \
	tools/test-summary.py $(BUILD) $(ASAN_BUILD) || status=1; \
	exit $$status

test-plain: build
	rm -f $(BUILD)/meson-logs/testlog-*.json
	@status=0; \
	$(TEST_ENV) meson test -C $(BUILD) --print-errorlogs --no-suite ui --logbase testlog-core || status=1; \
	$(TEST_ENV) $(XVFB) meson test -C $(BUILD) --print-errorlogs --suite ui --logbase testlog-ui || status=1; \
	exit $$status

test-asan: deps $(ASAN_BUILD)/build.ninja
	meson compile -C $(ASAN_BUILD)
	rm -f $(ASAN_BUILD)/meson-logs/testlog-*.json
	@status=0; \
	$(TEST_ENV) $(ASAN_ENV) meson test -C $(ASAN_BUILD) --print-errorlogs --no-suite ui --timeout-multiplier 4 --logbase testlog-core || status=1; \
	$(TEST_ENV) $(ASAN_ENV) $(XVFB) meson test -C $(ASAN_BUILD) --print-errorlogs --suite ui --timeout-multiplier 4 --logbase testlog-ui || status=1; \
	exit $$status

bench: build
	meson compile -C $(BUILD) benchmarks
	bench/run-benchmarks.sh $(BUILD)

fuzz: deps
	tests/fuzz/run-fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
