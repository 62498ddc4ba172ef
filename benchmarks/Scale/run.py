#!/usr/bin/python3
"""Scale: tunes generated data of a million rows or more and measures, from outside, what a user would see: the
loading time (until the study line), the peak resident memory against the dense feature matrix (rows × features ×
4 bytes, features as the study line gives them), the trials run and how far past --time the outputs are written
(from the study line to the exit). The data (generate.py, fixed seed) is written once per size under --scratch.

Usage: run.py [--rows 1000000,10000000] [--numeric 20] [--seconds 150] [--timeline] (needs a Release build: ./run builds it)
"""
import argparse
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))

parser = argparse.ArgumentParser()
parser.add_argument("--rows", default="1000000")
parser.add_argument("--numeric", type=int, default=20)
parser.add_argument("--seconds", type=float, default=150)
parser.add_argument("--scratch", default="/tmp/tuner-scale")
parser.add_argument("--timeline", action="store_true", help="print the resident memory beside each line the tuner prints")
parser.add_argument("tune_args", nargs="*", help="more options for tune, after --")
args = parser.parse_args()
tuner = os.path.join(ROOT, "src", "Tuner", "bin", "Release", "net10.0", "tuner.dll")
os.makedirs(args.scratch, exist_ok=True)


def resident_bytes(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except FileNotFoundError:
        pass
    return 0


def gib(n):
    return f"{n / 2**30:.2f} GiB"


print(f"Scale: --time {args.seconds:.0f}, {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB")
for rows in [int(r) for r in args.rows.split(",")]:
    data = os.path.join(args.scratch, f"scale-{rows}-{args.numeric}.csv")
    if not os.path.exists(data):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--rows", str(rows), "--numeric", str(args.numeric),
                        "--out", data], check=True)
    out = os.path.join(args.scratch, f"out-{rows}")
    subprocess.run(["rm", "-rf", out], check=True)
    command = ["dotnet", tuner, "tune", "--data", data, "--label", "y", "--time", str(args.seconds), "--out", out, *args.tune_args]
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "COLUMNS": "200"})
    peak = [0]

    def poll():
        while process.poll() is None:
            peak[0] = max(peak[0], resident_bytes(process.pid))
            time.sleep(0.05)

    threading.Thread(target=poll, daemon=True).start()
    study_line, features, at_study_line = None, None, 0
    for line in process.stdout:
        if study_line is None and line.startswith("Study '"):
            study_line = time.monotonic()
            at_study_line = peak[0]
        if features is None and (match := re.search(r"-> (\d+) features", line)):
            features = int(match.group(1))
        if args.timeline:
            print(f"  {time.monotonic() - start:7.1f}s {gib(resident_bytes(process.pid)):>10}  {line.rstrip()[:150]}", flush=True)
    process.wait()
    end = time.monotonic()
    if process.returncode != 0 or study_line is None or features is None:
        sys.exit(f"{rows} rows: tune exited with {process.returncode}")
    with sqlite3.connect(os.path.join(out, "study.db")) as db:
        states = dict(db.execute("select state, count(*) from trials group by state").fetchall())
    matrix = rows * features * 4
    print(f"{rows:>10} rows, {os.path.getsize(data) / 1e6:.0f} MB CSV, {features} features: loading {study_line - start:.1f} s; "
          f"peak {gib(peak[0])} ({gib(at_study_line)} by the study line) for a {gib(matrix)} matrix ({peak[0] / matrix:.2f}x); "
          f"trials {states}; outputs {end - study_line - args.seconds:+.1f} s past the budget", flush=True)
