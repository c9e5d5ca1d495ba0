#!/usr/bin/env bash
# Builds Arlen's `boomhauer` and the clang/GNUstep toolchain it needs (robin-map, libobjc2,
# gnustep-make, libdispatch, libs-base) into one private prefix, cached by the sources' hashes and
# the compiler version: a second run with the same inputs only prints "cached".
#
# Sources: FACEOFF_SOURCES=<dir of the archives named in sources.lock> (verified by sha256), else
# git clones of the pinned commits (needs network access to github.com).
# Environment:
#   FACEOFF_ARLEN_CACHE       cache root (default: <repo>/.faceoff/arlen); <root>/current and
#                             <repo>/.faceoff/arlen/current link the last build
#   FACEOFF_ARLEN_CLANG       clang major version (default: the newest of 16, 15, 14 installed, else 16)
#   FACEOFF_ARLEN_JOBS        parallel jobs (default: nproc)
#   FACEOFF_ARLEN_NO_INSTALL  1: never apt-get, only name what is missing
# Prints the Arlen tree (with build/boomhauer and the FastAPI reference app) on its last line.
set -euo pipefail
# `make arlen` runs this from a make: the flags it exports make every nested make print "Entering directory"
# lines, which Arlen's makefile captures with $(shell ...) into compiler arguments. Each stage is a top-level make.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
# shellcheck source=stages.sh
. "$here/stages.sh"

# Bump when a stage's recipe changes so earlier cached builds are not reused.
RECIPE=1
lock="$here/sources.lock"
cache_root=${FACEOFF_ARLEN_CACHE:-$repo/.faceoff/arlen}
JOBS=${FACEOFF_ARLEN_JOBS:-$(nproc 2>/dev/null || echo 2)}
t_start=$(date +%s)

pick_clang() {
  local v
  for v in 16 15 14; do command -v "clang-$v" >/dev/null 2>&1 && { echo "$v"; return; }; done
  echo 16
}
ARLEN_CLANG_VERSION=${FACEOFF_ARLEN_CLANG:-$(pick_clang)}
export ARLEN_CLANG_VERSION

printf 'arlen: [prerequisites] ... '
if ! prereq_out=$(arlen_ensure_debs "$ARLEN_CLANG_VERSION" 2>&1); then
  echo "FAILED"
  echo "$prereq_out" >&2
  exit 1
fi
[ -n "$prereq_out" ] && printf '\n%s\n' "$prereq_out"
llvm_bin=/usr/lib/llvm-$ARLEN_CLANG_VERSION/bin
if [ ! -x "$llvm_bin/clang" ]; then
  echo "FAILED"
  echo "arlen: no clang $ARLEN_CLANG_VERSION at $llvm_bin; install: $(arlen_install_hint "$ARLEN_CLANG_VERSION")" >&2
  exit 1
fi
echo "ok (clang $ARLEN_CLANG_VERSION)"
# Arlen's makefile and gnustep-make call `clang` by name: the chosen version's directory goes first.
export PATH="$llvm_bin:$PATH"

compiler=$("$llvm_bin/clang" --version | head -n 1)
key=$( { grep -v '^#' "$lock"; echo "compiler=$compiler"; echo "recipe=$RECIPE"; } | sha256sum | cut -c1-16)
home="$cache_root/$key"
PREFIX="$home/prefix"
SRC="$home/src"
ARLEN_LOGS="$home/logs"
export PREFIX SRC JOBS ARLEN_LOGS

# Protocols find the build through <repo>/.faceoff/arlen/current ({arlen_home}), wherever the cache lives.
link_current() {
  ln -sfn "$key" "$cache_root/current"
  if [ "$cache_root" != "$repo/.faceoff/arlen" ]; then
    mkdir -p "$repo/.faceoff/arlen"
    ln -sfn "$home" "$repo/.faceoff/arlen/current"
  fi
}

if [ -f "$home/.complete" ] && [ -x "$SRC/arlen/build/boomhauer" ]; then
  link_current
  arlen_say "cached (key $key, $compiler) in $(( $(date +%s) - t_start ))s"
  echo "$cache_root/current/src/arlen"
  exit 0
fi

arlen_say "building into $home (key $key, $compiler, $JOBS jobs)"
rm -rf "$home"
mkdir -p "$PREFIX" "$SRC" "$ARLEN_LOGS"

stage_sources() {
  local name archive sum url commit
  while read -r name archive sum url commit; do
    if [ -n "${FACEOFF_SOURCES:-}" ]; then
      local file="$FACEOFF_SOURCES/$archive"
      [ -f "$file" ] || { echo "missing $file (FACEOFF_SOURCES=$FACEOFF_SOURCES)"; return 1; }
      echo "$sum  $file" | sha256sum -c --quiet - || { echo "sha256 mismatch: $file (expected $sum, sources.lock)"; return 1; }
      tar -xzf "$file" -C "$SRC"
    else
      git init -q "$SRC/$name"
      git -C "$SRC/$name" fetch -q --depth 1 "$url" "$commit"
      git -C "$SRC/$name" checkout -q FETCH_HEAD
    fi
    [ -d "$SRC/$name" ] || { echo "$archive did not unpack into $name/"; return 1; }
    echo "$name: $commit"
  done < <(grep -v '^#' "$lock")
}

arlen_stage sources stage_sources
arlen_stage robin-map stage_robin_map
arlen_stage libobjc2 stage_libobjc2
arlen_stage gnustep-make stage_gnustep_make
arlen_stage libdispatch stage_libdispatch
arlen_stage libs-base stage_libs_base
arlen_stage boomhauer stage_boomhauer

touch "$home/.complete"
link_current
arlen_say "built in $(( $(date +%s) - t_start ))s; prefix $(du -sh "$PREFIX" | cut -f1), logs in $ARLEN_LOGS"
echo "$cache_root/current/src/arlen"
