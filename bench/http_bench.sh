#!/usr/bin/env bash
# Measures HTTP throughput and latency: /v1/chat with the dev set's real
# questions (varied, follow-ups in order) against /healthz on the same server
# in the same run, with wrk at 64 keep-alive connections. Rounds alternate
# healthz and chat; prints each round's requests/s and p50/p99, the medians,
# and the ratio chat/healthz (target: at least 0.5), then the machine. The
# server runs with its defaults (access log on, to a file) and no rate limit.
# wrk and the server share the machine's cores.
#
#   make bench, or: bench/http_bench.sh BUILD_DIR INDEX_DIR [SECONDS_PER_RUN] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?build directory}
index=${2:?index directory}
seconds=${3:-10}
rounds=${4:-3}
connections=64
source "$here/server.sh"

work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
"$here/dev_messages.py" "$here/../../shared/eval/dev.jsonl" >"$work/messages.tsv"
start_server "$build" "$index" "$work/server.log"

run() {  # run MODE -> RESULT line
  wrk -t2 -c$connections -d"${seconds}s" --latency -s "$here/wrk/faqbot.lua" "$URL" \
    -- "$1" "$work/messages.tsv" | grep '^RESULT'
}
run chat >/dev/null  # warm-up: page in the index, fill the session store

echo "HTTP, wrk -t2 -c$connections, ${seconds} s per run, $rounds rounds, server $URL"
health_rps=() chat_rps=() ratios=()
for r in $(seq 1 "$rounds"); do
  h=$(run healthz)
  c=$(run chat)
  echo "  round $r healthz: $(field rps "$h") req/s, p50 $(field p50_ms "$h") ms, p99 $(field p99_ms "$h") ms, non-2xx $(field non2xx "$h")"
  echo "  round $r chat:    $(field rps "$c") req/s, p50 $(field p50_ms "$c") ms, p99 $(field p99_ms "$c") ms, non-2xx $(field non2xx "$c")"
  health_rps+=("$(field rps "$h")")
  chat_rps+=("$(field rps "$c")")
  ratios+=("$(awk -v c="$(field rps "$c")" -v h="$(field rps "$h")" 'BEGIN {printf "%.3f", c / h}')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "median healthz $(median "${health_rps[@]}") req/s, chat $(median "${chat_rps[@]}") req/s," \
  "ratio chat/healthz $(median "${ratios[@]}") (per round: ${ratios[*]})"
"$here/machine.sh"
