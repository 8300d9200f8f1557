"""Writes a daily sales history for POST /sales-statistics: SKUS products x DAYS days from 2023-01-01.

usage: gen_history.py SKUS DAYS sku|date OUT.csv
  sku:  rows grouped by product (each product's days in a run)
  date: rows sorted by date, products interleaved (as a daily export sends them)
Units are whole numbers from a fixed formula, so the file is the same on every run.
"""
import sys, random, datetime
skus, days, order, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
random.seed(42)
base = datetime.date(2023, 1, 1)
dates = [(base + datetime.timedelta(d)).isoformat() for d in range(days)]
ids = ["SKU-%06d" % s for s in range(skus)]
rates = [random.randint(0, 40) for _ in range(skus)]
with open(out, "w", buffering=1 << 20) as f:
    f.write("product_id,date,units\n")
    if order == "sku":
        for s in range(skus):
            r = rates[s]
            lines = [f"{ids[s]},{dates[d]},{(r * 7 + d * 13) % (r + 5)}\n" for d in range(days)]
            f.write("".join(lines))
    else:
        for d in range(days):
            dt = dates[d]
            lines = [f"{ids[s]},{dt},{(rates[s] * 7 + d * 13) % (rates[s] + 5)}\n" for s in range(skus)]
            f.write("".join(lines))
