#!/usr/bin/env python3
"""faqbot and its nlp.js peer, side by side, on the same labelled sets.

  bench/peer/compare.py [--sets dev|all|FILE...] [--categories] [--json DIR]
  bench/peer/compare.py --tune          # the peer's threshold sweep, on dev.jsonl only

Builds and indexes faqbot (`make index`), installs the peer (`npm ci` in
bench/peer), starts both servers on free ports, scores each with
../shared/eval/run_eval.py --quiet on each set, prints one table (set,
faqbot %, nlp.js %, client p50 latency of each) and stops both servers.

Environment: BUILD (default build) and INDEX (default var/index) as for make;
PEER_NO_BUILD=1 skips `make index` (the binaries and bundle must exist);
PEER_THRESHOLD overrides the peer's tuned threshold.
Exit status: 0 when every set was scored against both, 1 otherwise.
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
EVAL_DIR = os.path.normpath(os.path.join(REPO, "..", "shared", "eval"))
QUALITY_SETS = ["dev.jsonl", "external/medquad_bone.jsonl", "external/clinc150_oos_val.jsonl",
                "external/clinc150_inscope.jsonl"]
TUNE_THRESHOLDS = [0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]


def log(msg):
    print("compare: " + msg, file=sys.stderr, flush=True)


def run(cmd, cwd=REPO, **kw):
    log("$ " + " ".join(cmd))
    res = subprocess.run(cmd, cwd=cwd, **kw)
    if res.returncode != 0:
        sys.exit("compare: %s failed with status %d" % (cmd[0], res.returncode))


def build_faqbot(build, index):
    if os.environ.get("PEER_NO_BUILD") == "1":
        for f in (os.path.join(build, "server", "faqbot-server"),
                  os.path.join(index, "current", "passages.jsonl")):
            if not os.path.exists(os.path.join(REPO, f)):
                sys.exit("compare: PEER_NO_BUILD=1 but %s is missing" % f)
        return
    run(["make", "index", "BUILD=" + build, "INDEX=" + index], stdout=subprocess.DEVNULL)


def install_peer():
    if not os.path.isdir(os.path.join(HERE, "node_modules", "node-nlp")):
        lock = os.path.exists(os.path.join(HERE, "package-lock.json"))
        run(["npm", "ci" if lock else "install", "--no-audit", "--no-fund"], cwd=HERE,
            stdout=subprocess.DEVNULL)


class Server:
    """A child process that prints "serving on http://HOST:PORT" when ready."""

    def __init__(self, name, cmd, env, timeout):
        self.name = name
        self.out = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=self.out, stderr=subprocess.STDOUT,
                                     env=dict(os.environ, HOST="127.0.0.1", PORT="0", **env))
        deadline = time.time() + timeout
        while True:
            self.out.seek(0)
            text = self.out.read()
            m = re.search(r"serving on (http://[\d.]+:\d+)", text)
            if m:
                self.url = m.group(1)
                self.banner = text.strip()
                break
            if self.proc.poll() is not None or time.time() > deadline:
                self.stop()
                sys.exit("compare: %s did not start:\n%s" % (name, text[-2000:]))
            time.sleep(0.1)
        for _ in range(100):
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        sys.exit("compare: %s: /healthz never answered" % name)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def score(url, path, dump):
    res = subprocess.run([sys.executable, os.path.join(EVAL_DIR, "run_eval.py"), "--url", url,
                          "--set", path, "--json", dump, "--quiet"], capture_output=True, text=True)
    if res.returncode != 0:
        log("run_eval.py failed on %s against %s:\n%s" % (path, url, res.stderr))
        return None
    with open(dump, encoding="utf-8") as f:
        return json.load(f)["summary"]


def start_peer(index, env=None, timeout=600):
    e = {"PEER_INDEX": index}
    e.update(env or {})
    return Server("nlp.js peer", ["node", os.path.join(HERE, "server.js")], e, timeout)


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def set_paths(names):
    if names == ["dev"]:
        names = ["dev.jsonl"]
    elif names == ["all"]:
        names = QUALITY_SETS
    return [n if os.path.isabs(n) else os.path.join(EVAL_DIR, n) for n in names]


def tune(index):
    """Sweeps the peer's threshold on dev.jsonl only (it trains afresh each time, as served)."""
    dev = os.path.join(EVAL_DIR, "dev.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        print("%-10s %s" % ("threshold", "dev.jsonl"))
        for t in TUNE_THRESHOLDS:
            peer = start_peer(index, {"PEER_THRESHOLD": str(t)})
            try:
                s = score(peer.url, dev, os.path.join(tmp, "dev.json"))
            finally:
                peer.stop()
            if s is None:
                return 1
            print("%-10s %d/%d (%.1f%%)" % (t, s["passed"], s["total"], 100.0 * s["rate"]),
                  flush=True)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", nargs="+", default=["all"], help="dev, all, or set files")
    ap.add_argument("--categories", action="store_true", help="also print per-category scores")
    ap.add_argument("--json", help="directory for each server's replies per set")
    ap.add_argument("--tune", action="store_true",
                    help="sweep the peer's threshold on dev.jsonl (only) and exit")
    args = ap.parse_args()
    build = os.environ.get("BUILD", "build")
    index = os.environ.get("INDEX", "var/index")

    build_faqbot(build, index)
    install_peer()
    if args.tune:
        return tune(index)

    sets = set_paths(args.sets)
    servers = []
    rows, ok = [], True
    try:
        log("training and starting the nlp.js peer")
        servers.append(start_peer(index))
        log(servers[-1].banner.replace("\n", "; "))
        servers.append(Server("faqbot", [os.path.join(build, "server", "faqbot-server"),
                                         "--index", index], {}, 60))
        faqbot, peer = servers[1], servers[0]
        with tempfile.TemporaryDirectory() as tmp:
            out = args.json or tmp
            os.makedirs(out, exist_ok=True)
            for path in sets:
                name = os.path.basename(path).replace(".jsonl", "")
                log("scoring %s" % name)
                a = score(faqbot.url, path, os.path.join(out, "faqbot-%s.json" % name))
                b = score(peer.url, path, os.path.join(out, "nlpjs-%s.json" % name))
                if a is None or b is None:
                    ok = False
                    continue
                rows.append((name, a, b))
    finally:
        for s in servers:
            s.stop()

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                           capture_output=True, text=True).stdout.strip()
    print("faqbot vs nlp.js  %s  commit %s%s  %s, %d cores, load %.1f" % (
        datetime.date.today().isoformat(), commit, " (+ uncommitted changes)" if dirty else "",
        cpu_model(), os.cpu_count(), os.getloadavg()[0]))
    width = max([22] + [len(n) for n, _, _ in rows] +
                [2 + len(c) for _, a, b in rows if args.categories
                 for c in list(a["per_category"]) + list(b["per_category"])])
    fmt = "%-" + str(width) + "s %-17s %-17s %11s %11s"
    print(fmt % ("set", "faqbot", "nlp.js", "faqbot p50", "nlp.js p50"))

    def pct(s):
        return "%d/%d (%.1f%%)" % (s["passed"], s["total"], 100.0 * s["rate"])

    for name, a, b in rows:
        print(fmt % (name, pct(a), pct(b), "%.1f ms" % a["client_latency_ms"]["p50"],
                     "%.1f ms" % b["client_latency_ms"]["p50"]))
        if args.categories:
            for cat in sorted(set(a["per_category"]) | set(b["per_category"])):
                ca = a["per_category"].get(cat, [0, 0])
                cb = b["per_category"].get(cat, [0, 0])
                print((fmt % ("  " + cat, "%d/%d" % tuple(ca), "%d/%d" % tuple(cb), "", "")).rstrip())
    ahead = sum(1 for _, a, b in rows if a["rate"] > b["rate"])
    print("faqbot is ahead of nlp.js on %d of %d sets" % (ahead, len(rows)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
