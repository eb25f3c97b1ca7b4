#!/usr/bin/env bash
# Measures requests served through hot reloads: 60 s of /v1/chat at 64
# connections (the dev set's messages, wrk) while the index is rebuilt and
# reloaded twice -- at 20 s faqbot-index builds a new version (the intents
# with a changed lexicon file) and the server gets SIGHUP; at 40 s it rebuilds
# the original and POST /admin/reload swaps it back. Prints the versions
# served, requests/s, p50/p99, and the count of non-2xx responses and socket
# errors (target: 0), then the machine.
#
#   make bench, or: bench/reload_bench.sh BUILD_DIR [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
build=${1:?build directory}
seconds=${2:-60}
admin_key=reload-bench-admin-key-$$
source "$here/server.sh"

work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
"$here/dev_messages.py" "$repo/../shared/eval/dev.jsonl" >"$work/messages.tsv"
cp -r "$repo/intents" "$work/intents-b"
echo "# reload benchmark variant" >>"$work/intents-b/lexicon.yaml"

index() {  # index INTENTS_DIR -> prints the new version
  "$build/index/faqbot-index" --corpus "$repo/corpus" --intents "$1" --out "$work/index" |
    grep -o 'version [0-9a-f]*' | cut -d' ' -f2
}
version() { curl -s "$URL/healthz" | grep -o '"corpus_version":"[0-9a-f]*"' | cut -d'"' -f4; }
wait_for() {  # wait_for VERSION
  for _ in $(seq 1 200); do [ "$(version)" = "$1" ] && return 0; sleep 0.05; done
  echo "the server never served $1" >&2
  return 1
}

a=$(index "$repo/intents")
start_server "$build" "$work/index" "$work/server.log" FAQBOT_ADMIN_KEY="$admin_key"
echo "load and reload, wrk -t2 -c64 for $seconds s on /v1/chat, server $URL, version $a"
wrk -t2 -c64 -d"${seconds}s" --latency -s "$here/wrk/faqbot.lua" "$URL" \
  -- chat "$work/messages.tsv" >"$work/wrk.txt" &
wrk_pid=$!

sleep $((seconds / 3))
b=$(index "$work/intents-b")
kill -HUP "$SERVER_PID"
wait_for "$b"
echo "  at $((seconds / 3)) s: rebuilt as $b, SIGHUP, now serving $(version)"

sleep $((seconds / 3))
a2=$(index "$repo/intents")
curl -s -X POST -H "Authorization: Bearer $admin_key" -d '' "$URL/admin/reload" >"$work/reload.json"
wait_for "$a2"
echo "  at $((2 * seconds / 3)) s: rebuilt as $a2, POST /admin/reload: $(cat "$work/reload.json")"

wait "$wrk_pid"
r=$(grep '^RESULT' "$work/wrk.txt")
echo "  $(field requests "$r") requests, $(field rps "$r") req/s, p50 $(field p50_ms "$r") ms," \
  "p99 $(field p99_ms "$r") ms"
echo "non-2xx responses: $(field non2xx "$r"), socket errors: $(field socket_errors "$r")" \
  "(target: 0 and 0)"
echo "reloads logged: $(grep -c '"event":"reload"' "$work/server.log")" \
  "($(grep -c '"result":"swapped"' "$work/server.log") swapped, the first at start)"
"$here/machine.sh"
