"""Which relatedness measure agrees best with a published reference of related industries?

    .venv/bin/python bench/relatedness_reference.py [../shared/data/eurostat/sbs_r_nuts06_r2_2015.csv]

Reads Eurostat's SBS extract (persons employed by NACE Rev. 2 and NUTS region, 2015) with
the project's Eurostat reader (the one `clusterhub cooperation relatedness` and `clusterhub
mapping compute` use), keeps the NACE divisions (a letter and two digits), computes every
measure of `clusterhub.analytics.relatedness` over the NUTS-2 regions and, for robustness,
over the NUTS-1 regions, and scores each against the related-industries groups of
bench/related_industries_reference.py (European Cluster Observatory categories, Ketels and
Protsiv 2016, read at division level): ROC AUC of "the pair shares a group" against the
other pairs, and the mean precision@5 of each division's five most related divisions.
Only the divisions both in the data and in the reference are compared.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import related_industries_reference as reference
from clusterhub.analytics.mapping.eurostat import read_eurostat
from clusterhub.analytics.mapping.problems import Findings
from clusterhub.analytics.relatedness import MEASURES, relatedness
from clusterhub.analytics.relatedness.evaluation import Agreement, agreement

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/eurostat/sbs_r_nuts06_r2_2015.csv"
DIVISION = re.compile(r"^[A-U]\d\d$")


def division_observations(path: Path, level: int) -> pd.DataFrame:
    """The extract's employment by region and NACE division (blank cells left out)."""
    table = read_eurostat(path, Findings(), level=level).to_pandas()
    table = table.loc[table["category"].str.match(DIVISION) & table["employment"].notna()]
    return table[["region", "category", "year", "employment"]]


def score(observations: pd.DataFrame) -> dict[str, Agreement]:
    """Every measure's agreement with the reference, over the divisions both have."""
    compared = reference.divisions(set(observations["category"]))
    related = reference.related_pairs(set(compared))
    return {
        measure: agreement(relatedness(observations, measure), related, compared)
        for measure in MEASURES
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extract", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args()
    best: dict[int, str] = {}
    for level in (2, 1):
        observations = division_observations(args.extract, level)
        results = score(observations)
        any_result = next(iter(results.values()))
        print(
            f"NUTS {level}: {observations['region'].nunique()} regions, "
            f"{len(reference.divisions(set(observations['category'])))} divisions compared, "
            f"{any_result.related_pairs} related and {any_result.other_pairs} other pairs"
        )
        print(f"  {'measure':20} {'AUC':>6} {'P@5':>6} {'mean related':>13} {'mean other':>11}")
        for measure, result in sorted(results.items(), key=lambda item: -item[1].auc):
            print(
                f"  {measure:20} {result.auc:6.3f} {result.precision_at_k:6.3f} "
                f"{result.related_mean:13.3f} {result.other_mean:11.3f}"
            )
        best[level] = max(results, key=lambda m: results[m].auc)
    print(f"best by AUC: NUTS 2 {best[2]}, NUTS 1 {best[1]}")


if __name__ == "__main__":
    main()
