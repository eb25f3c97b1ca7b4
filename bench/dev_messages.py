#!/usr/bin/env python3
"""Writes the dev set's messages for bench/wrk/faqbot.lua: one line per turn,
"<conversation id>\t<message as a JSON string>", conversations in order.

  bench/dev_messages.py ../shared/eval/dev.jsonl > messages.tsv
"""
import json
import sys

for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        conversation = json.loads(line)
        for turn in conversation["turns"]:
            print("%s\t%s" % (conversation["id"], json.dumps(turn["message"])))
