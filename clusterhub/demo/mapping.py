"""A demo regional mapping: generated employment statistics for the demo registry's NUTS 2
regions, computed with the real pipeline (analytics/mapping on DuckDB) and loaded as two
result sets (stars and cmp), so that dashboards, badges and the study show something.

The statistics are made up (seeded): regions get more employment in the sectors of their
demo clusters, so the stars fall where the clusters are, as they would in real data.
"""

from __future__ import annotations

import csv
import random
import tempfile
from collections import Counter
from pathlib import Path

from clusterhub.analytics.mapping import compute, read_inputs, write_result
from clusterhub.audit.services import Actor
from clusterhub.mapping.services import load_result
from clusterhub.registry.models import Cluster, ClusterTag, Region
from clusterhub.standard.nace import DIVISIONS

YEARS = (2019, 2020, 2021, 2022, 2023)
# Categories: NACE divisions, traded (manufacturing, ICT, R&D) and local (trade, food service).
TRADED = ("C10", "C20", "C21", "C22", "C25", "C26", "C27", "C28", "C29", "C30", "J62", "M72")
LOCAL = ("F43", "G47", "I56", "Q86")
LABELS = {code: DIVISIONS[code[1:]] for code in TRADED + LOCAL}
DEMO_NAMES = {"stars": "Demo mapping: stars", "cmp": "Demo mapping: US CMP flags"}


def load_demo_mapping(seed: int = 2026) -> list[str]:
    """Generate, compute and load the demo result sets; returns their names."""
    regions = sorted(
        Region.objects.filter(level=2, country__in=Cluster.objects.values("country")).values_list(
            "code", flat=True
        )
    )
    if not regions:
        return []
    focus = _cluster_sectors()
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="clusterhub-demo-mapping-") as folder:
        directory = Path(folder)
        observations = directory / "observations.csv"
        categories = directory / "categories.csv"
        with observations.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["region", "category", "year", "employment", "establishments"])
            for region in regions:
                size = rng.lognormvariate(11.0, 0.5)
                for category in TRADED + LOCAL:
                    weight = rng.lognormvariate(0, 0.6) * (1 + 1.5 * focus[(region, category)])
                    trend = rng.uniform(-0.03, 0.05)
                    for index, year in enumerate(YEARS):
                        employment = round(size * weight / 40 * (1 + trend) ** index)
                        writer.writerow(
                            [region, category, year, employment, max(1, employment // 25)]
                        )
        with categories.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["category", "group", "label"])
            for group, codes in (("traded", TRADED), ("local", LOCAL)):
                writer.writerows((code, group, LABELS[code]) for code in codes)
        inputs = read_inputs(observations, categories)
        loaded = []
        for method, name in DEMO_NAMES.items():
            out = directory / f"{method}.parquet"
            write_result(compute(inputs, method, year=YEARS[-1]), out)
            load_result(
                out,
                name=name,
                method=method,
                replace=True,
                description="Generated demo statistics, not real employment figures.",
                labels=LABELS,
                actor=Actor.system("demo data", context="clusterhub demo"),
            )
            loaded.append(name)
    return loaded


def _cluster_sectors() -> Counter[tuple[str, str]]:
    """How many demo clusters of each NUTS 2 region work in each NACE division."""
    found: Counter[tuple[str, str]] = Counter()
    rows = ClusterTag.objects.filter(field="sectors").values_list("cluster__nuts_id", "term__code")
    for nuts, sector in rows:
        if nuts and len(nuts) >= 4 and len(sector) >= 3:
            found[(nuts[:4], sector[:3])] += 1
    return found
