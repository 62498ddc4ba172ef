#!/usr/bin/python3
"""Draws trials with their learning curves from study stores into unlabelled corpus entries (JSON lines).

Usage: collect.py OUT.jsonl DATASET=STORE.db [DATASET=STORE.db ...] [--per-stratum 3] [--seed 1]
A stratum is (trainer, how the trial ended, curve length in 1-3 / 4-9 / 10-29 / 30+ epochs); each gives at most
--per-stratum trials, drawn with the seed. Each entry holds what the report's diagnosis reads about the trial (its
curve, state, planned epochs, training and validation metric, the study's best) and an empty "label" for a person
to write by the textbook definitions of LABELS.md, looking at the curve, never at the rules.
"""
import json
import math
import random
import sqlite3
import statistics
import sys

PLANNED = {"epochs": 10}  # LoopSettings' default epochs for sgd and mlp; boosted trees plan "trees" rounds (default 100)


def planned_epochs(trainer, params, steps):
    if "trees" in params:
        return int(params["trees"])
    if "epochs" in params:
        return int(params["epochs"])
    return 100 if trainer in ("lightgbm", "fasttree", "lightgbm_multi", "fasttree_regression", "lightgbm_regression") else PLANNED["epochs"]


def bucket(n):
    return "1-3" if n <= 3 else "4-9" if n <= 9 else "10-29" if n <= 29 else "30+"


def entries(dataset, path):
    db = sqlite3.connect(path)
    task, metric = db.execute("select task, metric from studies").fetchone()
    higher = metric not in ("rmse", "mae", "logloss", "mse")
    values = [v for (v,) in db.execute("select value from trials where state = 'complete' and value is not null")]
    best = (max if higher else min)(values) if values else None
    trials = []
    for trial_id, number, state, trainer, params, error, value in db.execute(
            "select id, number, state, trainer, params, error, value from trials where state != 'running'"):
        params = json.loads(params)
        steps = db.execute("select step, train_loss, valid_loss, valid_metric, learning_rate from trial_steps where trial_id = ? order by step",
                           (trial_id,)).fetchall()
        metrics = dict(db.execute("select name, value from trial_metrics where trial_id = ?", (trial_id,)).fetchall())
        planned = planned_epochs(trainer, params, steps)
        stop = {"pruned": "pruned", "diverged": "diverged", "failed": "failed"}.get(state) or (
            "none" if not steps else "early_stopping" if len(steps) < planned else "all_epochs")
        trials.append({
            "id": f"{dataset}/{number}", "dataset": dataset, "task": task, "metric": metric, "trainer": trainer,
            "state": state, "stop": stop, "error": error, "params": params, "planned_epochs": planned,
            "curve": [[s, *(None if x is None else float(f"{x:.6g}") for x in rest)] for s, *rest in steps],
            "train_metric": metrics.get("train_" + metric), "valid_metric": value, "study_best": best,
            "reference_loss": None, "label": "", "note": "",
        })
    # The study's reference loss of a trainer and loss function: the median over its complete trials of their lowest validation loss.
    lows = {}
    for t in trials:
        finite = [c[2] for c in t["curve"] if c[2] is not None and math.isfinite(c[2])]
        if t["state"] == "complete" and finite:
            lows.setdefault((t["trainer"], t["params"].get("loss")), []).append(min(finite))
    for t in trials:
        group = lows.get((t["trainer"], t["params"].get("loss")))
        t["reference_loss"] = statistics.median(group) if group else None
        yield t


def main():
    args = sys.argv[1:]
    per = int(args[args.index("--per-stratum") + 1]) if "--per-stratum" in args else 3
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    stores = [a for a in args[1:] if "=" in a]
    rng = random.Random(seed)
    chosen = []
    for spec in stores:
        dataset, path = spec.split("=", 1)
        strata = {}
        for entry in entries(dataset, path):
            key = (entry["trainer"], entry["state"], bucket(len(entry["curve"])) if entry["curve"] else "none")
            strata.setdefault(key, []).append(entry)
        for key in sorted(strata):
            group = strata[key]
            chosen += rng.sample(group, min(per, len(group)))
    with open(args[0], "w") as f:
        for entry in chosen:
            f.write(json.dumps(entry) + "\n")
    print(f"{len(chosen)} entries from {len(stores)} store(s)")


main()
