# The front door: `make serve` builds and serves the calculator; `make test` builds both
# targets and runs every test. Both install what is missing first (scripts/setup.sh).
SHELL := /bin/bash
JOBS ?= $(shell nproc)
# Debian's emcc needs Debian's node modules (acorn) when node is another build.
export NODE_PATH ?= /usr/share/nodejs

NATIVE := build/native
WASM := build/wasm
FUZZ := build/fuzz
# `make fuzz FUZZ_SECONDS=600` fuzzes the request API for that long; `make test` fuzzes briefly.
FUZZ_SECONDS ?= 60
FUZZ_TEST_SECONDS ?= 25
# Flags of every wasm object, GLPK's included: CMakeLists.txt says why, docs/performance.md
# has the measurements. GLPK's own optimisation level comes first in its flags.
WASM_FLAGS ?= -fwasm-exceptions -sSUPPORT_LONGJMP=wasm -msimd128
GLPK_WASM_OPT ?= -O2

.PHONY: all setup native wasm web single fuzz-build fuzz test test-native test-wasm test-js test-browser test-fuzz serve bench screenshot clean

all: native web single

setup:
	@bash scripts/setup.sh

native: setup
	@cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=Release > /dev/null
	@cmake --build $(NATIVE) -j$(JOBS)

wasm: setup
	@glpk=$$(RBCMATCH_GLPK_WASM_CFLAGS="$(GLPK_WASM_OPT) $(WASM_FLAGS)" bash scripts/build-glpk-wasm.sh) && \
	  emcmake cmake -S . -B $(WASM) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CROSSCOMPILING_EMULATOR=$$(command -v node) -DRBCMATCH_BUILD_BENCH=OFF \
	    -DRBCMATCH_GLPK_WASM_DIR=$$glpk -DRBCMATCH_WASM_FLAGS="$(WASM_FLAGS)" > /dev/null
	@cmake --build $(WASM) -j$(JOBS)
	@# Emscripten's output is CommonJS; the repository's package.json says ES modules.
	@echo '{"type": "commonjs"}' > build/package.json

# libFuzzer + ASan + UBSan with clang; -O1 without NDEBUG so Eigen's assertions stay on.
fuzz-build: setup
	@cmake -S . -B $(FUZZ) -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
	  -DRBCMATCH_BUILD_FUZZ=ON -DRBCMATCH_BUILD_TESTS=OFF -DRBCMATCH_BUILD_BENCH=OFF > /dev/null
	@cmake --build $(FUZZ) --target request_fuzzer -j$(JOBS)

fuzz: fuzz-build
	@bash fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ)

web: wasm
	@node scripts/build-web.mjs

single: web
	@node scripts/build-web.mjs --single

test-native: native
	@cd $(NATIVE) && ctest --output-on-failure

test-wasm: wasm
	@cd $(WASM) && ctest --output-on-failure

test-js: native wasm
	@node --test tests/js/

test-browser: web single
	@node --test --test-concurrency=1 tests/browser/

test-fuzz: fuzz-build
	@bash fuzz/run.sh $(FUZZ_TEST_SECONDS) $(FUZZ)

test: test-native test-wasm test-js test-browser test-fuzz

serve: web
	@node scripts/serve.mjs

bench: native web
	@node bench/run.mjs
	@node bench/frequencies.mjs
	@node bench/relatives.mjs
	@node bench/acquisition.mjs
	@node bench/issuing_mdp.mjs
	@node bench/ordering.mjs
	@node bench/ageing.mjs
	@node bench/allocate.mjs
	@node bench/size.mjs
	@node bench/match.mjs
	@node bench/match-per-request.mjs
	@node bench/antigen-order.mjs
	@node bench/issuing.mjs

screenshot: web
	@node scripts/screenshot.mjs --all

clean:
	rm -rf build public/build
