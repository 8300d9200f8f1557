"""Plots docs/scaling.csv (from bench/scaling.sh): SKUs/s against chunk size, one line per thread count."""
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

source, target, machine = sys.argv[1], sys.argv[2], sys.argv[3]
series = defaultdict(lambda: defaultdict(list))
for row in csv.DictReader(open(source)):
    series[row["workload"]][int(row["threads"])].append((int(row["chunk_size"]), float(row["skus_per_s"])))
titles = {
    "rows": "200,000 SKUs x 30 days, every row as CSV (output-bound)",
    "summary": "100,000 SKUs x 3,650 days, summary view (compute-bound)",
}
fig, axes = plt.subplots(1, len(series), figsize=(6.5 * len(series), 4.8), squeeze=False)
for ax, (workload, by_threads) in zip(axes[0], series.items()):
    for threads, points in sorted(by_threads.items()):
        points.sort()
        ax.plot([p[0] for p in points], [p[1] / 1e6 for p in points], marker="o", label=f"{threads} thread(s)")
    ax.set_xscale("log", base=2)
    ax.set_xlabel("chunk size (products per chunk)")
    ax.set_ylabel("million SKUs per second, end to end over HTTP")
    ax.set_title(titles.get(workload, workload), fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    ax.set_ylim(bottom=0)
    ax.legend()
fig.suptitle(f"Stockcast scaling: {machine}", fontsize=10)
fig.tight_layout()
fig.savefig(target, dpi=110)
print(f"wrote {target}")
