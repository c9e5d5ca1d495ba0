# Helpers for scripts/arlen/build.sh: stage runner, failure report, Debian prerequisites.
# Sourced, not run. Expects ARLEN_LOGS (directory of per-stage logs).

arlen_say() { printf 'arlen: %s\n' "$*"; }

# The Debian packages the toolchain build needs, for the chosen clang major version.
arlen_debs() {
  local v=$1
  printf '%s\n' "clang-$v" "lld-$v" "llvm-$v" "libclang-rt-$v-dev" cmake ninja-build make autoconf \
    libtool pkg-config libffi-dev libgnutls28-dev libxml2-dev libxslt1-dev libicu-dev libssl-dev \
    libcurl4-gnutls-dev zlib1g-dev libbsd-dev tar gzip
}

arlen_install_hint() {
  local v=$1
  echo "apt-get install -y --no-install-recommends $(arlen_debs "$v" | tr '\n' ' ')"
}

# Installs the missing packages when root on Debian; otherwise names the command and fails.
arlen_ensure_debs() {
  local v=$1 missing=() pkg
  command -v dpkg-query >/dev/null 2>&1 || { arlen_say "not Debian: install clang $v, lld, cmake, ninja, autoconf, libtool and the -dev packages of libffi, gnutls, libxml2, libxslt, icu, openssl, curl, zlib, libbsd"; return 0; }
  while read -r pkg; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done < <(arlen_debs "$v")
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ "${FACEOFF_ARLEN_NO_INSTALL:-0}" != 1 ]; then
    arlen_say "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    return 0
  fi
  arlen_say "missing Debian packages: ${missing[*]}" >&2
  arlen_say "install them (as root): apt-get install -y --no-install-recommends ${missing[*]}" >&2
  return 1
}

# Runs one stage with its output in ARLEN_LOGS/<stage>.log; prints its timing, or on failure the
# stage, the log tail and what to install, then exits 1.
arlen_stage() {
  local name=$1; shift
  local log="$ARLEN_LOGS/$name.log" t0 rc=0
  t0=$(date +%s)
  printf 'arlen: [%s] ... ' "$name"
  ( "$@" ) >"$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "FAILED after $(( $(date +%s) - t0 ))s"
    {
      echo "arlen: stage '$name' failed (exit $rc); last 30 lines of $log:"
      tail -n 30 "$log" | sed 's/^/  | /'
      echo "arlen: if a tool or header is missing, install: $(arlen_install_hint "$ARLEN_CLANG_VERSION")"
    } >&2
    exit 1
  fi
  echo "ok ($(( $(date +%s) - t0 ))s)"
}
