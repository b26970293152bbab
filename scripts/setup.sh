#!/usr/bin/env bash
# Installs what rbcmatch needs on Debian bookworm; safe to run twice.
#   - Debian packages: compilers (g++, and clang with its libFuzzer / sanitizer runtimes for
#     `make fuzz`), emscripten, Eigen, GLPK, Catch2 v2, nlohmann-json, chromium
#   - GLPK source (apt-get source glpk) for the wasm build, in the cache outside the tree
#   - npm dev dependencies (package-lock.json)
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${RBCMATCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rbcmatch}
PKGS=(build-essential cmake pkg-config dpkg-dev emscripten libeigen3-dev libglpk-dev
      catch2 nlohmann-json3-dev chromium fonts-dejavu-core clang libclang-rt-14-dev)

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# apt-get source needs a deb-src entry; derive one from the machine's own deb sources.
has_src() { grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; }
added_src=0
if ! has_src; then
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed -E 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | sudo_if_needed tee /etc/apt/sources.list.d/rbcmatch-deb-src.sources >/dev/null
  elif [ -f /etc/apt/sources.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
      | sudo_if_needed tee /etc/apt/sources.list.d/rbcmatch-deb-src.list >/dev/null
  fi
  added_src=1
fi

glpk_src_dir=$(ls -d "$CACHE"/glpk-src/glpk-*/ 2>/dev/null | head -1 || true)
if [ ${#missing[@]} -gt 0 ] || [ $added_src -eq 1 ] || [ -z "$glpk_src_dir" ]; then
  echo "setup: apt-get update" >&2
  sudo_if_needed apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  log=$(mktemp)
  if ! sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "setup: apt-get install failed (full log: $log)" >&2
    exit 1
  fi
  rm -f "$log"
fi

if [ -z "$glpk_src_dir" ]; then
  echo "setup: fetching GLPK source into $CACHE/glpk-src" >&2
  mkdir -p "$CACHE/glpk-src"
  (cd "$CACHE/glpk-src" && apt-get source -qq --download-only glpk >/dev/null 2>&1 || apt-get source -qq glpk >/dev/null)
  (cd "$CACHE/glpk-src" && { ls -d glpk-*/ >/dev/null 2>&1 || dpkg-source -x --no-check ./*.dsc >/dev/null; })
fi

if [ package-lock.json -nt node_modules/.package-lock.json ] || [ ! -d node_modules ]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: ok" >&2
