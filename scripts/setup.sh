#!/usr/bin/env bash
# Installs what rbcmatch needs on Debian bookworm; safe to run twice.
#   - Debian packages: compilers (g++, and clang with its libFuzzer / sanitizer runtimes for
#     `make fuzz`), emscripten, Eigen, LEMON, GLPK, Catch2 v2, nlohmann-json, chromium, and
#     GNU parallel (the test that runs replication ranges as separate processes; docs/cluster.md)
#   - GLPK source (apt-get source glpk=<pinned version>) for the wasm build, in the cache
#     outside the tree, checked against scripts/glpk-source.sha256 before it is unpacked
#   - npm dev dependencies (package-lock.json)
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${RBCMATCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rbcmatch}
PKGS=(build-essential cmake pkg-config dpkg-dev patch emscripten libeigen3-dev liblemon-dev libglpk-dev
      catch2 nlohmann-json3-dev chromium fonts-dejavu-core clang libclang-rt-14-dev parallel)

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

# The GLPK source is pinned: scripts/glpk-source.sha256 holds the SHA-256 of every file of the
# Debian source package (the .dsc names the version). apt already checks the downloads
# against the archive's signed Sources index; the pins also make sure the wasm build uses
# exactly this GLPK, and catch a corrupted or replaced cache. dpkg-source then checks the
# other files against the (pinned) .dsc's own checksums — so no --no-check. It cannot verify
# the .dsc's OpenPGP signature without the debian-keyring package (uploader keys, ~30 MB),
# which a fresh machine lacks: it warns and goes on, and the pinned .dsc hash stands in.
GLPK_SUMS=$PWD/scripts/glpk-source.sha256
glpk_dsc=$(awk '/\.dsc$/ {print $2}' "$GLPK_SUMS")
glpk_version=${glpk_dsc#glpk_}; glpk_version=${glpk_version%.dsc}
verify_glpk_source() {  # in the download folder; prints the first mismatch and fails
  local sum file got
  while read -r sum file; do
    if [ ! -f "$file" ]; then
      echo "setup: GLPK source file $file is missing from $PWD (apt-get source fetched another version?)" >&2
      return 1
    fi
    got=$(sha256sum "$file" | cut -d' ' -f1)
    if [ "$got" != "$sum" ]; then
      echo "setup: GLPK source checksum mismatch: $PWD/$file: expected $sum, got $got" >&2
      echo "setup: delete $PWD and run setup again; if it still differs, check the new source and update $GLPK_SUMS" >&2
      return 1
    fi
  done < "$GLPK_SUMS"
}
if [ -z "$glpk_src_dir" ]; then
  echo "setup: fetching GLPK source $glpk_version into $CACHE/glpk-src" >&2
  mkdir -p "$CACHE/glpk-src"
  log=$(mktemp)
  if ! (cd "$CACHE/glpk-src" && { verify_glpk_source 2>/dev/null ||
        apt-get source -qq --download-only "glpk=$glpk_version" >"$log" 2>&1; }); then
    cat "$log" >&2
    echo "setup: apt-get source glpk=$glpk_version failed" >&2
    exit 1
  fi
  rm -f "$log"
fi
(cd "$CACHE/glpk-src" && verify_glpk_source) || exit 1
if [ -z "$glpk_src_dir" ]; then
  log=$(mktemp)
  if ! (cd "$CACHE/glpk-src" && dpkg-source -x "$glpk_dsc" >"$log" 2>&1); then
    cat "$log" >&2
    echo "setup: dpkg-source could not unpack $glpk_dsc" >&2
    exit 1
  fi
  rm -f "$log"
fi

if [ package-lock.json -nt node_modules/.package-lock.json ] || [ ! -d node_modules ]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: ok" >&2
