# The front door: `make serve` builds and serves the calculator; `make test` builds both
# targets and runs every test. Both install what is missing first (scripts/setup.sh).
SHELL := /bin/bash
JOBS ?= $(shell nproc)
# Debian's emcc needs Debian's node modules (acorn) when node is another build.
export NODE_PATH ?= /usr/share/nodejs

NATIVE := build/native
WASM := build/wasm
# Flags of every wasm object, GLPK's included: CMakeLists.txt says why, docs/performance.md
# has the measurements. GLPK's own optimisation level comes first in its flags.
WASM_FLAGS ?= -fwasm-exceptions -sSUPPORT_LONGJMP=wasm -msimd128
GLPK_WASM_OPT ?= -O2

.PHONY: all setup native wasm web single test test-native test-wasm test-js test-browser serve bench screenshot clean

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

test: test-native test-wasm test-js test-browser

serve: web
	@node scripts/serve.mjs

bench: native web
	@node bench/run.mjs

screenshot: web
	@node scripts/screenshot.mjs docs/img/genotypes.png

clean:
	rm -rf build public/build
