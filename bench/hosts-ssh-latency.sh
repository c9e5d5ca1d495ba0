#!/usr/bin/env bash
# Latency of one ssh command to an emulated host, with and without connection multiplexing.
# Needs the hosts up: scripts/test-hosts.sh up (as root). Usage: bench/hosts-ssh-latency.sh [HOST] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-srv}
n=${2:-10}
config=$(realpath "${FACEOFF_HOSTS_STATE:-.faceoff/test-hosts/${FACEOFF_HOSTS_PREFIX:-faceoff}}")/ssh_config
[ -f "$config" ] || { echo "no $config: run scripts/test-hosts.sh up first" >&2; exit 1; }
control=$(mktemp -d /tmp/fo-bench-XXXX)
trap 'ssh -F "$config" -o ControlPath="$control/%C" -O exit "$host" 2>/dev/null || true; rm -rf "$control"' EXIT

measure() {
  local times=() start end
  for _ in $(seq 1 "$n"); do
    start=$(date +%s%N)
    ssh -F "$config" "$@" "$host" true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "median %d ms, min %d ms, max %d ms (n=%d)\n", v[int((NR + 1) / 2)], v[1], v[NR], NR }'
}

echo -n "direct (new connection each time): "; measure -o ControlMaster=no -o ControlPath=none
ssh -F "$config" -o ControlMaster=yes -o ControlPath="$control/%C" -o ControlPersist=60 -f -N "$host" </dev/null >/dev/null 2>&1
echo -n "multiplexed (one master):          "; measure -o ControlMaster=no -o ControlPath="$control/%C"
