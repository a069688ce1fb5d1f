#!/usr/bin/env python3
"""Check facts gold files against their texts: shape, kinds, and that every sentence_start /
quote_start is verbatim in the text.  python3 tests/eval/facts/check_gold.py [NAME ...]"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = {
    "change": {"what", "from", "to", "by", "qualifier", "sentence_start"},
    "quantity": {"value", "qualifier", "about", "sentence_start"},
    "quote": {"speaker", "quote_start", "direct"},
    "event": {"who", "action", "when", "where", "sentence_start"},
}


def check(name):
    problems = []
    gold = json.load(open(os.path.join(HERE, "gold", name + ".facts.json"), encoding="utf-8"))
    text = open(os.path.join(HERE, "texts", gold["file"]), encoding="utf-8").read()
    for group in ("facts", "ignore"):
        for item in gold.get(group, []):
            kind = item.get("kind")
            if kind not in FIELDS:
                problems.append(f"{group}: unknown kind {kind!r}")
                continue
            extra = set(item) - FIELDS[kind] - {"kind", "note"}
            if extra:
                problems.append(f"{group}: {kind} has unknown fields {sorted(extra)}")
            key = "quote_start" if kind == "quote" else "sentence_start"
            start = item.get(key) or ""
            if not start or start not in text:
                problems.append(f"{group}: {kind} {key} not in text: {start!r}")
            if group == "facts":
                if kind == "change" and not (item.get("to") or item.get("by") or item.get("from")):
                    problems.append(f"change without from/to/by: {start!r}")
                if kind == "quantity" and not item.get("value"):
                    problems.append(f"quantity without value: {start!r}")
                if kind == "quote" and not item.get("speaker"):
                    problems.append(f"quote without speaker: {start!r}")
                if kind == "event" and not item.get("who"):
                    problems.append(f"event without who: {start!r}")
    return len(gold.get("facts", [])), problems


def main():
    names = sys.argv[1:] or sorted(f[:-len(".facts.json")] for f in os.listdir(os.path.join(HERE, "gold")))
    bad = 0
    for name in names:
        count, problems = check(name)
        print(f"{name}: {count} facts" + ("" if not problems else f", {len(problems)} problems"))
        for p in problems:
            print("   ", p)
        bad += len(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
