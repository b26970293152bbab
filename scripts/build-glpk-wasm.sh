#!/usr/bin/env bash
# Builds GLPK (Debian's source package, fetched by scripts/setup.sh) into a static wasm
# library, cached outside the build tree and keyed by GLPK version, emcc version and flags,
# because compiling its 163 C files takes minutes. Prints the cache folder (holding
# include/glpk.h and lib/libglpk.a) on stdout. Two changes make it compute what Debian's
# glpsol (GCC, glibc) computes: MathProg's operands are evaluated in GCC's order
# (scripts/glpk-mathprog-operand-order.patch says why), and qsort is a stable sort, as glibc's
# (wasm/glpk_stable_qsort.c says why).
set -euo pipefail
CACHE=${RBCMATCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rbcmatch}
FLAGS=${RBCMATCH_GLPK_WASM_CFLAGS:--O2}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

src=$(ls -d "$CACHE"/glpk-src/glpk-*/ 2>/dev/null | head -1)
[ -n "$src" ] || { echo "build-glpk-wasm: no GLPK source in $CACHE/glpk-src; run scripts/setup.sh" >&2; exit 1; }
src=${src%/}
version=${src##*/glpk-}
emcc_version=$(emcc -dumpversion)
here=$(cd "$(dirname "$0")" && pwd)
patch_file="$here/glpk-mathprog-operand-order.patch"
qsort_file="$here/../wasm/glpk_stable_qsort.c"
QSORT=-Dqsort=rbcmatch_glpk_qsort
# What GLPK's configure would find: without them glp_time falls back to time(), whole
# seconds, and its time limits (tm_lim) and the MIP's progress move in steps of a second.
CONFIG="-DHAVE_SYS_TIME_H -DHAVE_GETTIMEOFDAY"
changes=$(cat "$patch_file" "$qsort_file" | sha256sum | cut -c1-12)
key=$(printf '%s|%s|%s|%s|%s|%s' "$version" "$emcc_version" "$FLAGS" "$QSORT" "$CONFIG" "$changes" | sha256sum | cut -c1-12)
out="$CACHE/glpk-wasm-$version-$key"

if [ ! -f "$out/lib/libglpk.a" ]; then
  echo "build-glpk-wasm: compiling GLPK $version for wasm ($FLAGS) into $out" >&2
  tmp=$(mktemp -d "$CACHE/glpk-wasm-tmp.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  cp -r "$src/src" "$tmp/src"
  (cd "$tmp" && patch -s -p1 < "$patch_file")
  src=$tmp
  # The library's own source list; it leaves out proxy/main.c and the stand-alone tests.
  sed -n '/^libglpk_la_SOURCES/,/^$/p' "$src/src/Makefile.am" | grep -o '[A-Za-z0-9_/]*\.c' > "$tmp/sources"
  includes=""
  for d in "" amd api bflib colamd draft env intopt minisat misc mpl npp proxy simplex zlib; do
    includes+=" -I$src/src/$d"
  done
  export src tmp includes FLAGS QSORT CONFIG
  xargs -P "$(nproc)" -I{} sh -c 'o="$tmp/$(echo {} | tr / _).o"; emcc $FLAGS $QSORT $CONFIG $includes -w -c "$src/src/{}" -o "$o"' < "$tmp/sources"
  emcc $FLAGS -c "$qsort_file" -o "$tmp/rbcmatch_glpk_qsort.o"
  mkdir -p "$tmp/out/lib" "$tmp/out/include"
  emar rcs "$tmp/out/lib/libglpk.a" "$tmp"/*.o
  cp "$src/src/glpk.h" "$tmp/out/include/"
  printf 'GLPK %s\nemcc %s\nflags %s %s\nchanges %s %s (%s)\n' "$version" "$emcc_version" "$FLAGS" "$CONFIG" \
    "${patch_file##*/}" "${qsort_file##*/}" "$changes" > "$tmp/out/STAMP"
  rm -rf "$out"; mv "$tmp/out" "$out"
fi
echo "$out"
