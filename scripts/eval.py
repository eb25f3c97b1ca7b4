#!/usr/bin/env python3
"""Starts faqbot-server on a free port and scores it with ../shared/eval/run_eval.py.

  scripts/eval.py --server build/server/faqbot-server --index var/index --sets dev|all|FILE...

Prints each set's score line, then a table of every set and category. With
--json DIR, writes each set's replies to DIR/<set>.json for inspection.
Exit status: 0 when every set was scored, 1 otherwise.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "eval"))
QUALITY_SETS = ["dev.jsonl", "external/medquad_bone.jsonl", "external/clinc150_oos_val.jsonl",
                "external/clinc150_inscope.jsonl"]


def start_server(binary, index):
    env = dict(os.environ, PORT="0", HOST="127.0.0.1")
    out = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen([binary, "--index", index], stdout=out, stderr=subprocess.DEVNULL,
                            env=env)
    deadline = time.time() + 30
    while time.time() < deadline:
        out.seek(0)
        m = re.search(r"serving on (http://[\d.]+:\d+)", out.read())
        if m:
            return proc, m.group(1)
        if proc.poll() is not None:
            sys.exit("eval: the server exited with status %d" % proc.returncode)
        time.sleep(0.05)
    proc.kill()
    sys.exit("eval: the server did not start within 30 s")


def wait_healthy(url):
    for _ in range(100):
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    sys.exit("eval: /healthz never answered")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--sets", nargs="+", default=["dev"])
    ap.add_argument("--json", help="directory for per-set reply dumps")
    args = ap.parse_args()

    if args.sets == ["dev"]:
        sets = ["dev.jsonl"]
    elif args.sets == ["all"]:
        sets = QUALITY_SETS
    else:
        sets = args.sets
    proc, url = start_server(args.server, args.index)
    rows, ok = [], True
    try:
        wait_healthy(url)
        for s in sets:
            path = s if os.path.isabs(s) else os.path.join(EVAL_DIR, s)
            name = os.path.basename(path).replace(".jsonl", "")
            dump = os.path.join(args.json, name + ".json") if args.json else tempfile.mktemp()
            if args.json:
                os.makedirs(args.json, exist_ok=True)
            cmd = [sys.executable, os.path.join(EVAL_DIR, "run_eval.py"), "--url", url,
                   "--set", path, "--json", dump]
            if len(sets) > 1:
                cmd.append("--quiet")
            res = subprocess.run(cmd, capture_output=True, text=True)
            sys.stdout.write(res.stdout)
            if res.returncode != 0:
                ok = False
                sys.stderr.write(res.stderr)
                continue
            summary = json.load(open(dump, encoding="utf-8"))["summary"]
            rows.append((name, summary))
            if not args.json:
                os.unlink(dump)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    print("\n%-24s %-18s %s" % ("set", "category", "passed"))
    for name, summary in rows:
        print("%-24s %-18s %d/%d (%.1f%%)" % (name, "ALL", summary["passed"], summary["total"],
                                             100.0 * summary["rate"]))
        for cat, (passed, total) in sorted(summary["per_category"].items()):
            print("%-24s %-18s %d/%d" % ("", cat, passed, total))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
