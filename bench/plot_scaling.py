"""Plots the scaling study. Needs matplotlib (Debian: python3-matplotlib, for /usr/bin/python3).

  plot_scaling.py docs/scaling.csv docs/scaling.png "machine"
      (from bench/scaling.sh) SKUs/s against chunk size, one line per thread count: the median over
      the rounds as the line, the interquartile range as a shaded band, min to max as error bars.
  plot_scaling.py --jobs docs/jobs-instances-rounds.csv docs/jobs-instances.png "machine"
      (from bench/jobs-instances.sh) a job's time from start to finish on one instance and on two:
      every round as a dot, the median as a bar, the interquartile range as a thick error bar.
"""
import csv
import statistics
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def scaling(source, target, machine):
    series = defaultdict(lambda: defaultdict(list))
    for row in csv.DictReader(open(source)):
        series[row["workload"]][int(row["threads"])].append(
            tuple([int(row["chunk_size"])] + [float(row[k]) / 1e6 for k in (
                "median_skus_per_s", "q1_skus_per_s", "q3_skus_per_s", "min_skus_per_s", "max_skus_per_s")]))
    titles = {
        "rows": "100,000 SKUs x 30 days, every row as CSV (output-bound)",
        "summary": "50,000 SKUs x 3,650 days, summary view (compute-bound)",
    }
    fig, axes = plt.subplots(1, len(series), figsize=(6.5 * len(series), 4.8), squeeze=False)
    for ax, (workload, by_threads) in zip(axes[0], sorted(series.items())):
        for threads, points in sorted(by_threads.items()):
            points.sort()
            x = [p[0] for p in points]
            median, q1, q3, low, high = ([p[i] for p in points] for i in range(1, 6))
            line, = ax.plot(x, median, marker="o", label=f"{threads} thread(s)")
            ax.fill_between(x, q1, q3, color=line.get_color(), alpha=0.18, linewidth=0)
            ax.errorbar(x, median, yerr=[[m - lo for m, lo in zip(median, low)], [hi - m for m, hi in zip(median, high)]],
                        fmt="none", ecolor=line.get_color(), elinewidth=0.8, capsize=3, alpha=0.7)
        ax.set_xscale("log", base=2)
        ax.set_xlabel("chunk size (products per chunk)")
        ax.set_ylabel("million SKUs per second, end to end over HTTP")
        ax.set_title(titles.get(workload, workload), fontsize=10)
        ax.grid(True, which="both", alpha=0.3)
        ax.set_ylim(bottom=0)
        ax.legend(title="median; band: IQR; bars: min-max", fontsize=8, title_fontsize=8)
    fig.suptitle(f"Stockcast scaling: {machine}", fontsize=10)
    fig.tight_layout()
    fig.savefig(target, dpi=110)


def jobs(source, target, machine):
    labels = {
        "one": "one instance\n(pool of 1 per core)",
        "split": "two instances,\nhalf the pool each",
        "full": "two instances,\nfull pool each",
    }
    by = defaultdict(list)
    rows = 0
    for row in csv.DictReader(open(source)):
        by[row["config"]].append(float(row["seconds"]))
        rows = int(row["rows"])
    configs = [c for c in labels if c in by]
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for i, config in enumerate(configs):
        secs = sorted(by[config])
        median = statistics.median(secs)
        q1, _, q3 = statistics.quantiles(secs, n=4, method="inclusive")
        ax.bar(i, median, width=0.55, color="C0", alpha=0.35)
        ax.errorbar(i, median, yerr=[[median - q1], [q3 - median]], fmt="none", ecolor="C0", elinewidth=3, capsize=6)
        ax.scatter([i + (k - (len(secs) - 1) / 2) * 0.05 for k in range(len(secs))], by[config], color="C1", s=14,
                   zorder=3, label="one round" if i == 0 else None)
        ax.annotate(f"{median:.1f} s", (i, median), textcoords="offset points", xytext=(18, 4), fontsize=9)
    ax.set_xticks(range(len(configs)), [labels[c] for c in configs], fontsize=9)
    ax.set_ylabel("job start to finish, seconds")
    ax.set_ylim(bottom=0)
    ax.grid(True, axis="y", alpha=0.3)
    ax.legend(fontsize=8)
    ax.set_title(f"One {rows / 1e6:.2f} M-row job stored in PostgreSQL; bar: median, thick bar: IQR", fontsize=10)
    fig.suptitle(f"Stockcast jobs on one and two instances: {machine}", fontsize=10)
    fig.tight_layout()
    fig.savefig(target, dpi=110)


if __name__ == "__main__":
    if sys.argv[1] == "--jobs":
        jobs(*sys.argv[2:5])
    else:
        scaling(*sys.argv[1:4])
    print(f"wrote {sys.argv[-2]}")
