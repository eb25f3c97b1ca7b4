#!/usr/bin/env bash
# Runs every benchmark (make bench): in-process latency, HTTP chat vs
# healthz, the index at 100,000 passages, and load through two reloads.
# Prints the date, the commit and the machine first.
#
#   bench/run_all.sh BUILD_DIR INDEX_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?build directory (a Release build)}
index=${2:?index directory}
commit=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$here" status --porcelain 2>/dev/null | grep -qv '^??' && echo " (with local changes)" || true)
echo "faqbot benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), commit $commit$dirty"
"$here/machine.sh"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo; echo "== in-process: message -> reply on the bundled corpus"
"$build/bench/chat_latency_bench" --index "$index" --benchmark_format=console 2>&1 |
  grep -v '^\*\*\*WARNING'
echo; echo "== in-process, with the caches cold as in a server (16 MiB written between messages)"
"$build/bench/chat_latency_bench" --index "$index" --evict-kib 16384 --benchmark_format=console 2>&1 |
  grep -v '^\*\*\*WARNING'
echo; echo "== in-process, each message on the next of 8 threads, as the server's 8 workers take turns"
"$build/bench/chat_latency_bench" --index "$index" --threads 8 --benchmark_format=console 2>&1 |
  grep -v '^\*\*\*WARNING'
echo; echo "== HTTP: /v1/chat vs /healthz"
"$here/http_bench.sh" "$build" "$index"
echo; echo "== scale: about 100,000 passages"
"$build/bench/scale_bench" --index "$index"
echo; echo "== load through two reloads"
"$here/reload_bench.sh" "$build"
