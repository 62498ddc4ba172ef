#!/usr/bin/python3
"""Is a time budget a budget? Runs `tuner tune --time T` on sample datasets, one at a time, and measures from outside
when the study line appears (the data is loaded and checked: everything before counts as loading) and when the
process exits with every output written. Prints, per run, the loading time, the time from the study line to the
exit, and how far past T that is (the goal: at most 5 s).

Usage: run.py [--seconds 30] [--datasets spam,ames,diamonds] (needs a Release build: benchmarks/Budget/run builds it)
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABELS = {"spam": "type", "credit_data": "Status", "lending_club": "Class", "letter": "lettr", "shuttle": "Class",
          "diamonds": "price", "ames": "Sale_Price", "breastcancer_wisc_na": "Class"}

parser = argparse.ArgumentParser()
parser.add_argument("--seconds", type=float, default=30)
parser.add_argument("--datasets", default="spam,ames,diamonds")
args = parser.parse_args()
tuner = os.path.join(ROOT, "src", "Tuner", "bin", "Release", "net10.0", "tuner.dll")
scratch = tempfile.mkdtemp(prefix="tuner-budget-")

print(f"Budget: --time {args.seconds:.0f}, {os.cpu_count()} cores")
print(f"{'dataset':14} {'loading':>8} {'study line to exit':>19} {'past the budget':>16}  outputs")
for name in args.datasets.split(","):
    out = os.path.join(scratch, name)
    command = ["dotnet", tuner, "tune", "--data", os.path.join(ROOT, "samples", "data", name + ".csv"), "--label", LABELS[name],
               "--time", str(args.seconds), "--out", out]
    if name == "breastcancer_wisc_na":
        command += ["--ignore-cols", "Id"]
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env={**os.environ, "COLUMNS": "200"})
    study_line = None
    for line in process.stdout:
        if study_line is None and line.startswith("Study '"):
            study_line = time.monotonic()
    process.wait()
    end = time.monotonic()
    if process.returncode != 0 or study_line is None:
        sys.exit(f"{name}: tune exited with {process.returncode}")
    written = sorted(f for f in os.listdir(out) if f != "study.db")
    print(f"{name:14} {study_line - start:7.1f}s {end - study_line:18.1f}s {end - study_line - args.seconds:+15.1f}s  {', '.join(written)}",
          flush=True)
