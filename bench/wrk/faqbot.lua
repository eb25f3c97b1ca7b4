-- wrk script for the faqbot HTTP benchmarks (bench/http_bench.sh, bench/reload_bench.sh).
--   wrk -c64 -d20s -s bench/wrk/faqbot.lua URL -- healthz
--   wrk -c64 -d20s -s bench/wrk/faqbot.lua URL -- chat MESSAGES_FILE
-- MESSAGES_FILE holds one "<conversation id>\t<message as a JSON string>" per line
-- (bench/dev_messages.py writes it from ../shared/eval/dev.jsonl). Each wrk thread
-- cycles through them in order, one session per conversation and round, so
-- follow-up turns follow their first turn. done() prints one RESULT line.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  mode = args[1] or "healthz"
  messages = {}
  counter = 0
  if mode == "chat" then
    for line in io.lines(args[2]) do
      local conversation, message = line:match("^([^\t]+)\t(.*)$")
      table.insert(messages, { conversation, message })
    end
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  if mode ~= "chat" then
    return wrk.format("GET", "/healthz")
  end
  counter = counter + 1
  local m = messages[(counter - 1) % #messages + 1]
  local round = math.floor((counter - 1) / #messages)
  local body = string.format('{"session_id":"%s-%d-%d","message":%s}', m[1], id, round, m[2])
  return wrk.format("POST", "/v1/chat", nil, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
