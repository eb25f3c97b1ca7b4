# Sourced by the HTTP benchmarks: starts faqbot-server on a free port and
# stops it. Usage: start_server BUILD_DIR INDEX_DIR LOG_FILE [ENV=VALUE ...]
# sets SERVER_PID and URL; stop_server sends SIGTERM and waits.

start_server() {
  local build=$1 index=$2 log=$3
  shift 3
  local out
  out=$(mktemp)
  env HOST=127.0.0.1 PORT=0 FAQBOT_RATE_LIMIT=0 "$@" \
    "$build/server/faqbot-server" --index "$index" >"$out" 2>"$log" &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 1 600); do
    URL=$(grep -o 'serving on http://[0-9.:]*' "$out" | cut -d' ' -f3 || true)
    [ -n "$URL" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.05
  done
  rm -f "$out"
  if [ -z "$URL" ]; then
    echo "the server did not start; its log:" >&2
    cat "$log" >&2
    return 1
  fi
}

stop_server() {
  kill -TERM "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
}

# The RESULT line's field $2 from wrk output $1: field "rps" "$out".
field() {
  echo "$2" | grep -o "$1=[0-9.]*" | head -1 | cut -d= -f2 || true
}
