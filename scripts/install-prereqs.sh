#!/usr/bin/env bash
# Installs what Faceoff's reference campaign and tests need, when it is missing.
# Debian: apt-get (as root). Elsewhere: names exactly what to install, and fails.
set -euo pipefail
python=${FACEOFF_FASTAPI_PYTHON:-/usr/bin/python3}
debs=()

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-prereqs: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi
if ! "$python" -c 'import fastapi, uvicorn, uvloop, httptools' >/dev/null 2>&1; then
  debs+=(python3-fastapi python3-uvicorn python3-uvloop python3-httptools)
fi
# The database track: asyncpg for the FastAPI app, PostgreSQL's server binaries for the managed cluster.
if ! "$python" -c 'import asyncpg' >/dev/null 2>&1; then
  debs+=(python3-asyncpg)
fi
if [ "${FACEOFF_NEED_POSTGRESQL:-1}" = 1 ] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  debs+=(postgresql)
fi
if [ "${FACEOFF_NEED_CHROMIUM:-1}" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  debs+=(chromium)
fi
# Node runs the example contestant (apps/node), which the end-to-end tests put through a campaign.
if [ "${FACEOFF_NEED_NODE:-1}" = 1 ] && ! command -v node >/dev/null 2>&1; then
  debs+=(nodejs)
fi
# Emulated hosts (scripts/test-hosts.sh and the Faceoff.Hosts tests): network namespaces and an sshd in each.
if [ "${FACEOFF_NEED_SSHD:-1}" = 1 ]; then
  command -v ip >/dev/null 2>&1 || debs+=(iproute2)
  [ -x /usr/sbin/sshd ] || debs+=(openssh-server)
  command -v ssh >/dev/null 2>&1 || debs+=(openssh-client)
fi
[ ${#debs[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "install-prereqs: installing ${debs[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${debs[@]}" >/dev/null
  exit 0
fi
cat >&2 <<MSG
install-prereqs: missing: ${debs[*]}
  On Debian/Ubuntu (as root):  apt-get install ${debs[*]}
  Elsewhere: a Python with the packages in apps/fastapi/requirements.txt
  (pip install -r apps/fastapi/requirements.txt), then set FACEOFF_FASTAPI_PYTHON to it;
  a Chromium on PATH for the HTML report test; Node.js (node on PATH) for the example contestant;
  and PostgreSQL's server binaries (Debian layout /usr/lib/postgresql/<version>/bin) for the database track,
  and iproute2 + OpenSSH (client and server) for the emulated-host tests.
MSG
exit 1
