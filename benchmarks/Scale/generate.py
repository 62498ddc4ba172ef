#!/usr/bin/env python3
"""Writes a generated binary-classification CSV for the scale benchmark, the same for the same seed.

Columns: x1..xN numeric (2% of cells missing), two categoricals of 12 and 300 values, a yes/no column, and the
label y, a noisy logistic function of a few numbers, both categoricals and the yes/no column.
"""
import argparse

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, required=True)
parser.add_argument("--numeric", type=int, default=20)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--out", required=True)
args = parser.parse_args()

CHUNK = 200_000
rng = np.random.default_rng(args.seed)
weights = rng.normal(0, 1, args.numeric) * (rng.random(args.numeric) < 0.5)
small_effect = rng.normal(0, 0.7, 12)
large_effect = rng.normal(0, 0.4, 300)

with open(args.out, "w") as out:
    out.write(",".join([f"x{i + 1}" for i in range(args.numeric)] + ["small", "large", "member", "y"]) + "\n")
    for start in range(0, args.rows, CHUNK):
        n = min(CHUNK, args.rows - start)
        x = rng.normal(0, 1, (n, args.numeric)).astype(np.float32)
        small = rng.integers(0, 12, n)
        large = rng.integers(0, 300, n)
        member = rng.random(n) < 0.3
        logit = x @ weights + np.sin(2 * x[:, 0]) + small_effect[small] + large_effect[large] + 0.8 * member
        y = rng.random(n) < 1 / (1 + np.exp(-logit))
        cells = np.char.mod("%.4f", x).astype(object)
        cells[rng.random(cells.shape) < 0.02] = ""
        lines = [",".join(row) for row in cells]
        out.write("\n".join(f"{line},s{s},l{l},{'yes' if m else 'no'},{int(t)}" for line, s, l, m, t in zip(lines, small, large, member, y)))
        out.write("\n")
