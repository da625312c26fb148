#!/usr/bin/env python3
"""Converts the National Bureau of Statistics division codes (as published in CSV by
github.com/modood/Administrative-divisions-of-China, dist/provinces.csv, cities.csv, areas.csv)
into gbt2260.tsv: one division a line, its six-digit GB/T 2260 code and its name, sorted by code.

Usage: convert-divisions.py DIST_DIR > gbt2260.tsv
"""
import csv
import sys
from pathlib import Path


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def main():
    dist = Path(sys.argv[1])
    divisions = {}
    for row in rows(dist / "provinces.csv"):
        divisions[row["code"] + "0000"] = row["name"]
    for row in rows(dist / "cities.csv"):
        divisions[row["code"] + "00"] = row["name"]
    for row in rows(dist / "areas.csv"):
        # A prefecture-level city without counties (东莞市, 中山市, 儋州市, 嘉峪关市) is listed
        # again as its own only "area" ending in 00; it has no districts to choose from.
        if row["code"].endswith("00"):
            continue
        divisions[row["code"]] = row["name"]
    out = sys.stdout
    out.write("# GB/T 2260 administrative divisions: code<TAB>name (see README.md)\n")
    for code in sorted(divisions):
        out.write(f"{code}\t{divisions[code]}\n")


if __name__ == "__main__":
    main()
