#!/usr/bin/env bash
# Builds the wasm module with other flags, for bench/variants.mjs:
#   bash bench/variant.sh NAME "WASM_FLAGS" ["CMAKE_CXX_FLAGS_RELEASE" [more CMake -D options]]
# e.g. bash bench/variant.sh js-eh "-fexceptions" "-O3 -DNDEBUG" -DRBCMATCH_WASM_LTO=OFF
# GLPK is built (or reused from the cache) with -O2 and WASM_FLAGS; the module goes to
# build/variants/NAME/{rbcmatch.js,rbcmatch.wasm}.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
name=$1 flags=$2 release=${3:--O3 -DNDEBUG}
shift $(( $# < 3 ? $# : 3 ))
glpk=$(RBCMATCH_GLPK_WASM_CFLAGS="-O2 $flags" bash scripts/build-glpk-wasm.sh)
emcmake cmake -S . -B "build/variants/$name/tree" -DCMAKE_BUILD_TYPE=Release -DRBCMATCH_BUILD_TESTS=OFF \
  -DRBCMATCH_BUILD_BENCH=OFF -DRBCMATCH_GLPK_WASM_DIR="$glpk" -DRBCMATCH_WASM_FLAGS="$flags" \
  -DCMAKE_CXX_FLAGS_RELEASE="$release" "$@" > /dev/null
cmake --build "build/variants/$name/tree" -j2 --target rbcmatch_wasm > "build/variants/$name/build.log" 2>&1 ||
  { tail -30 "build/variants/$name/build.log"; exit 1; }
cp "build/variants/$name/tree/rbcmatch.js" "build/variants/$name/tree/rbcmatch.wasm" "build/variants/$name/"
echo "build/variants/$name"
