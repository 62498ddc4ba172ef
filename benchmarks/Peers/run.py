#!/usr/bin/python3
"""Side by side at equal time, one method at a time on the whole machine: Tuner's default search, Tuner restricted
to trainer families, Optuna+XGBoost and Optuna+scikit-learn SGD, on the sample datasets, over several seeds.

Usage: run.py [--seconds 60] [--seeds 5] [--first-seed 1] [--datasets spam,credit_data,...] [--methods tuner,families,xgboost,sgd,tuner:sgd+mlp,...]
"xgboost-mean" is Optuna+XGBoost with missing numbers replaced by the training mean (as Tuner's featurizer does).
"families" stands for Tuner restricted to each trainer family of the dataset's task alone (tuner:lightgbm, tuner:sgd, ...).
Each seed splits each dataset 60/20/20 (the raw CSV lines, seeded) into training, validation and test files. Every
method tunes on the training rows and chooses on the validation rows; its chosen model is then scored on the test
rows, which no method saw (Tuner: `tuner predict` with its model.zip; the peers: the model of their best trial). Prints
each run (validation and test) and then a table of test medians: binary AUC, multiclass accuracy, regression R^2. Needs a Release build of Tuner (benchmarks/Peers/run builds it) and Debian's python3-optuna,
python3-xgboost, python3-sklearn and python3-pandas.
"""
import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATASETS = {  # file: (label, task, ignored columns)
    "spam": ("type", "binary", []),
    "credit_data": ("Status", "binary", []),
    "lending_club": ("Class", "binary", []),
    "breastcancer_wisc_na": ("Class", "binary", ["Id"]),
    "letter": ("lettr", "multiclass", []),
    "shuttle": ("Class", "multiclass", []),
    "diamonds": ("price", "regression", []),
    "ames": ("Sale_Price", "regression", []),
}
METRIC = {"binary": "auc", "multiclass": "accuracy", "regression": "r2"}
FAMILIES = {  # the trainer families of each task's built-in space (src/Engine/Search/Spaces)
    "binary": ["sdca", "lbfgs", "fasttree", "fastforest", "lightgbm", "perceptron", "svm", "sgd", "mlp"],
    "multiclass": ["sdca", "lbfgs", "lightgbm", "fasttree", "sgd", "mlp"],
    "regression": ["sdca", "lbfgs", "ogd", "fasttree", "lightgbm", "sgd", "mlp"],
}

parser = argparse.ArgumentParser()
parser.add_argument("--seconds", type=float, default=60)
parser.add_argument("--seeds", type=int, default=5)
parser.add_argument("--first-seed", type=int, default=1, help="the seeds run are first-seed, first-seed + 1, ...")
parser.add_argument("--datasets", default=",".join(DATASETS))
parser.add_argument("--methods", default="tuner,xgboost,sgd")
args = parser.parse_args()
tuner = os.path.join(ROOT, "src", "Tuner", "bin", "Release", "net10.0", "tuner.dll")
scratch = tempfile.mkdtemp(prefix="tuner-peers-")


def split(name, seed):
    with open(os.path.join(ROOT, "samples", "data", name + ".csv")) as f:
        header, *rows = f.read().splitlines()
    random.Random(seed).shuffle(rows)
    first, second = len(rows) * 3 // 5, len(rows) * 4 // 5
    paths = []
    for part, lines in (("train", rows[:first]), ("valid", rows[first:second]), ("test", rows[second:])):
        path = os.path.join(scratch, f"{name}-{seed}-{part}.csv")
        with open(path, "w") as f:
            f.write("\n".join([header] + lines) + "\n")
        paths.append(path)
    return paths


def run_tuner(method, train, valid, test, label, task, ignore, seed):
    out = os.path.join(scratch, f"{os.path.basename(train)}-{method.replace(':', '-')}")
    command = ["dotnet", tuner, "tune", "--data", train, "--validation-data", valid, "--label", label,
               "--time", str(args.seconds), "--seed", str(seed), "--out", out, "--study", "peers"]
    if ignore:
        command += ["--ignore-cols", ",".join(ignore)]
    if ":" in method:
        command += ["--trainers", method.split(":")[1].replace("+", ",")]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(out, "best.json")) as f:
        best = json.load(f)
    trials = sum(1 for _ in open(os.path.join(out, "leaderboard.csv"))) - 1
    scored = subprocess.run(["dotnet", tuner, "predict", "--model", os.path.join(out, "model.zip"), "--data", test,
                             "--out", os.path.join(out, "test-predictions.csv")], check=True, capture_output=True, text=True,
                            env={**os.environ, "COLUMNS": "1000"}).stdout
    metrics = dict(re.findall(r"(\w+) (-?[\d.]+(?:[eE][-+]?\d+)?)", " ".join(scored.split("labelled rows:")[1].split())))
    return best["metrics"]["valid_" + METRIC[task]], float(metrics[METRIC[task]]), trials, best["trainer"]


def run_peer(method, train, valid, test, label, task, ignore, seed):
    if ignore:  # the peers read every column: give them files without the ignored ones
        import pandas as pd
        for path in (train, valid, test):
            pd.read_csv(path).drop(columns=ignore).to_csv(path + ".peer.csv", index=False)
        train, valid, test = train + ".peer.csv", valid + ".peer.csv", test + ".peer.csv"
    output = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "Peers", "peers.py"), method, train, valid, test,
                             label, task, str(args.seconds), str(seed)], check=True, capture_output=True, text=True).stdout
    valid_value, test_value, trials = output.split()
    return float(valid_value), float(test_value), int(trials), method


def expand(methods, task):
    return [m for method in methods.split(",") for m in (["tuner:" + f for f in FAMILIES[task]] if method == "families" else [method])]


results = {}
print(f"Peers: {args.seconds:.0f} s per run, {args.seeds} seed(s), {os.cpu_count()} cores; metric: binary AUC, multiclass accuracy, regression R^2")
for name in args.datasets.split(","):
    label, task, ignore = DATASETS[name]
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        train, valid, test = split(name, seed)
        for method in expand(args.methods, task):
            runner = run_tuner if method.startswith("tuner") else run_peer
            valid_value, value, trials, winner = runner(method, train, valid, test, label, task, ignore, seed)
            results.setdefault((name, method), []).append(value)
            print(f"{name:22} seed {seed}  {method:18} valid {valid_value:.4f}  test {value:.4f}  {trials:6} trials  {winner}", flush=True)

methods = list(dict.fromkeys(m for name in args.datasets.split(",") for m in expand(args.methods, DATASETS[name][1])))
print("\nTest medians:\n| dataset | metric | " + " | ".join(methods) + " |")
print("|---|---|" + "---|" * len(methods))
for name in args.datasets.split(","):
    medians = [statistics.median(results[(name, m)]) if (name, m) in results else float("nan") for m in methods]
    best = max(v for v in medians if v == v)
    cells = [" " if v != v else f"**{v:.4f}**" if v == best else f"{v:.4f}" for v in medians]
    print(f"| {name} | {METRIC[DATASETS[name][1]]} | " + " | ".join(cells) + " |")
