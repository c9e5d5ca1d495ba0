#!/usr/bin/env bash
# Faceoff's load engine against wrk, on loopback, same connections and threads, alternating runs
# (wrk, faceoff, wrk, faceoff, ...) so drift in the machine hits both equally.
#
# Targets: nginx-light (return 200 "ok\n", one process) and the ASP.NET reference app (apps/aspnet),
# at 1, 16, 64 and 256 connections. Per case it prints req/s of both and their ratio, p50/p99 of both,
# and CPU-seconds per 100k requests of each load generator (utime+stime of the generator, read from
# /proc/<wrapper pid>/stat cutime+cstime once the generator has exited and been reaped).
# Targets (median of paired ratios): throughput >= 1.0x wrk at 16/64/256 and >= 0.95x at 1;
# CPU per request <= 1.0x wrk.
#
# Then a coordinated-omission demo: faceoff -c 1 --rate 1000 for 6 s while nginx is SIGSTOPped for 2 s;
# the corrected p99 shows the stall (>= 1 s), the uncorrected p99 does not.
#
# Usage: bench/load-vs-wrk.sh [--quick] [--rounds N] [--duration S] [--conns "1 16 64 256"] [--nginx-only]
#   --quick   1 round of 2 s per case (proves the script works; numbers are noisy)
#   FACEOFF_CMD="dotnet /path/faceoff.dll" benchmarks that build instead of ./faceoff.
# Run it on a quiet machine: other CPU load skews both generators and the servers.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=3
duration=5
conns="1 16 64 256"
aspnet=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) rounds=1; duration=2 ;;
    --rounds) rounds="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --conns) conns="$2"; shift ;;
    --nginx-only) aspnet=0 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

py=/usr/bin/python3
need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx; then
  echo "installing wrk / nginx-light (Debian)..." >&2
  apt-get install -y -q wrk nginx-light >/dev/null
fi

work="$(mktemp -d /tmp/faceoff-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() { "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_ready() { # url, seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    if curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "not ready: $1" >&2
  return 1
}

# --- servers ---------------------------------------------------------------------------------------
nginx_port=$(free_port)
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
master_process off;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp; fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  keepalive_requests 100000000;
  server { listen 127.0.0.1:$nginx_port; location / { return 200 "ok\n"; } }
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
pids+=("$nginx_pid")
targets=("nginx http://127.0.0.1:$nginx_port/")
wait_ready "http://127.0.0.1:$nginx_port/" 10

if [ "$aspnet" = 1 ]; then
  echo "building apps/aspnet (Release)..." >&2
  if dotnet build "$root/apps/aspnet" -c Release -o "$work/aspnet" -nologo -v:q >"$work/aspnet-build.log" 2>&1; then
    dll="$(basename "$(ls "$work"/aspnet/*.runtimeconfig.json | head -n 1)" .runtimeconfig.json).dll"
    aspnet_port=$(free_port)
    dotnet "$work/aspnet/$dll" --urls "http://127.0.0.1:$aspnet_port" >"$work/aspnet.log" 2>&1 &
    pids+=("$!")
    if wait_ready "http://127.0.0.1:$aspnet_port/healthz" 30; then
      targets+=("aspnet http://127.0.0.1:$aspnet_port/healthz")
    fi
  else
    echo "apps/aspnet did not build; benchmarking nginx only (see $work/aspnet-build.log)" >&2
  fi
fi

if [ -n "${FACEOFF_CMD:-}" ]; then
  read -r -a faceoff <<<"$FACEOFF_CMD"
else
  faceoff=("$root/faceoff")
  echo "building the faceoff CLI..." >&2
  "${faceoff[@]}" version >/dev/null
fi

# --- measuring -------------------------------------------------------------------------------------
# Runs a command; prints its stdout, then "CPU <seconds>" from the wrapper's /proc stat (children's utime+stime).
measured() {
  bash -c '"$@" || exit $?; read -r -a s < /proc/$$/stat; echo "CPU $(( s[15] + s[16] )) $(getconf CLK_TCK)"' _ "$@"
}

# wrk: prints "rps p50_us p99_us cpu_s requests"
run_wrk() { # url conns threads
  measured wrk -t "$3" -c "$2" -d "${duration}s" --timeout 5s --latency "$1" | "$py" -c '
import re, sys
text = sys.stdin.read()
def us(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 1, "ms": 1e3, "s": 1e6}[unit]
rps = float(re.search(r"Requests/sec:\s*([\d.]+)", text).group(1))
reqs = int(re.search(r"(\d+) requests in", text).group(1))
p50 = us(re.search(r"^\s*50%\s+(\S+)", text, re.M).group(1))
p99 = us(re.search(r"^\s*99%\s+(\S+)", text, re.M).group(1))
ticks, hz = re.search(r"CPU (\d+) (\d+)", text).groups()
print(rps, p50, p99, int(ticks) / int(hz), reqs)'
}

run_faceoff() { # url conns threads
  local json="$work/run.json"
  measured "${faceoff[@]}" load "$1" -c "$2" --threads "$3" -d "${duration}s" --timeout 5s --json "$json" >"$work/faceoff.out"
  "$py" - "$json" "$work/faceoff.out" <<'EOF'
import json, re, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
ticks, hz = re.search(r"CPU (\d+) (\d+)", open(sys.argv[2]).read()).groups()
print(s["requestsPerSecond"], s["latency"]["p50Micros"], s["latency"]["p99Micros"], int(ticks) / int(hz), s["completed"])
EOF
}

results="$work/results.txt"
: >"$results"
echo
echo "rounds=$rounds duration=${duration}s; latency in ms; cpu = CPU-seconds per 100k requests"
printf '%-7s %5s %3s | %10s %10s %6s | %7s %7s | %7s %7s | %7s %7s %6s\n' \
  target conns rnd wrk_rps fo_rps ratio wrk_p50 fo_p50 wrk_p99 fo_p99 wrk_cpu fo_cpu ratio
for entry in "${targets[@]}"; do
  name="${entry%% *}"
  url="${entry#* }"
  for c in $conns; do
    t=$((c < 2 ? 1 : 2))
    for ((r = 1; r <= rounds; r++)); do
      read -r wr wp50 wp99 wcpu wn < <(run_wrk "$url" "$c" "$t")
      read -r fr fp50 fp99 fcpu fn < <(run_faceoff "$url" "$c" "$t")
      "$py" - "$name" "$c" "$r" "$wr" "$fr" "$wp50" "$fp50" "$wp99" "$fp99" "$wcpu" "$wn" "$fcpu" "$fn" <<'EOF' | tee -a "$results"
import sys
name, c, r = sys.argv[1:4]
wr, fr, wp50, fp50, wp99, fp99, wcpu, wn, fcpu, fn = map(float, sys.argv[4:])
wc = wcpu / max(wn, 1) * 1e5
fc = fcpu / max(fn, 1) * 1e5
print(f"{name:<7} {c:>5} {r:>3} | {wr:10.0f} {fr:10.0f} {fr / wr:6.3f} | {wp50 / 1e3:7.3f} {fp50 / 1e3:7.3f} | "
      f"{wp99 / 1e3:7.3f} {fp99 / 1e3:7.3f} | {wc:7.3f} {fc:7.3f} {fc / wc if wc else 0:6.3f}")
EOF
    done
  done
done

echo
echo "Median of paired ratios (faceoff / wrk):"
"$py" - "$results" <<'EOF'
import statistics, sys
cases = {}
for line in open(sys.argv[1]):
    f = line.split()
    cases.setdefault((f[0], int(f[1])), []).append((float(f[6]), float(f[-1])))
ok = True
for (name, c), pairs in cases.items():
    rps = statistics.median(p[0] for p in pairs)
    cpu = statistics.median(p[1] for p in pairs)
    need = 0.95 if c == 1 else 1.0
    verdict = "PASS" if rps >= need and cpu <= 1.0 else "MISS"
    ok &= verdict == "PASS"
    print(f"  {name:<7} c={c:<4} throughput {rps:5.3f}x (target >= {need}x)  cpu/request {cpu:5.3f}x (target <= 1.0x)  {verdict}")
print("  all targets met" if ok else "  some targets missed")
EOF

# --- coordinated omission demo -----------------------------------------------------------------------
echo
echo "Coordinated-omission demo: faceoff -c 1 --rate 1000 -d 6s against nginx, nginx SIGSTOPped for 2 s at t=2 s"
co_json="$work/co.json"
"${faceoff[@]}" load "http://127.0.0.1:$nginx_port/" -c 1 --rate 1000 -d 6s --timeout 5s --json "$co_json" >"$work/co.out" &
load_pid=$!
sleep 2
kill -STOP "$nginx_pid"
sleep 2
kill -CONT "$nginx_pid"
wait "$load_pid"
"$py" - "$co_json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
c, u = s["latency"], s["uncorrectedLatency"]
print(f"  corrected   p50 {c['p50Micros'] / 1e3:9.3f} ms  p99 {c['p99Micros'] / 1e3:9.3f} ms  max {c['maxMicros'] / 1e3:9.3f} ms")
print(f"  uncorrected p50 {u['p50Micros'] / 1e3:9.3f} ms  p99 {u['p99Micros'] / 1e3:9.3f} ms  max {u['maxMicros'] / 1e3:9.3f} ms")
print(f"  late sends {s['lateSends']}, missed {s['missedSends']}, completed {s['completed']}, errors {s['errors']}")
shows = c["p99Micros"] >= 1_000_000 and u["p99Micros"] < 1_000_000
print("  corrected p99 shows the stall, uncorrected does not: " + ("yes" if shows else "NO"))
EOF
