#!/usr/bin/python3
"""Prints corpus entries as a labeller reads them: the trial's context, then its curve as a table.

Usage: show.py CORPUS.jsonl [FIRST [COUNT]]   (entries FIRST .. FIRST+COUNT-1, 0-based; all by default)
Curves longer than 60 points show 60 of them, always including the first, the last and the lowest validation loss.
"""
import json
import sys


def rows(curve, limit=60):
    if len(curve) <= limit:
        return list(range(len(curve)))
    finite = [i for i, c in enumerate(curve) if c[2] is not None]
    low = min(finite, key=lambda i: curve[i][2]) if finite else 0
    picked = {round(i * (len(curve) - 1) / (limit - 2)) for i in range(limit - 1)} | {low}
    return sorted(picked)


def show(n, e):
    print(f"=== entry {n}: {e['id']}  {e['task']}, trainer {e['trainer']}, loss {e['params'].get('loss', '(default)')}")
    knobs = {k: e["params"][k] for k in ("learning_rate", "schedule", "optimizer", "batch_size", "epochs", "early_stopping_patience",
                                         "cosine_restart_epochs", "warmup_epochs", "trees", "leaves") if k in e["params"]}
    print(f"  stop {e['stop']}, {len(e['curve'])} of {e['planned_epochs']} planned epochs; knobs {knobs}")
    if e.get("error"):
        print(f"  error: {e['error']}")
    print(f"  {e['metric']}: train {e['train_metric']}, valid {e['valid_metric']}, study best {e['study_best']}; reference loss {e['reference_loss']}")
    if e["curve"]:
        print("  epoch   train_loss   valid_loss   valid_metric   learning_rate")
        for i in rows(e["curve"]):
            print("  " + "  ".join(f"{'' if x is None else x:>11}" if j else f"{x:>5}" for j, x in enumerate(e["curve"][i])))


entries = [json.loads(line) for line in open(sys.argv[1])]
first = int(sys.argv[2]) if len(sys.argv) > 2 else 0
count = int(sys.argv[3]) if len(sys.argv) > 3 else len(entries)
for n in range(first, min(first + count, len(entries))):
    show(n, entries[n])
