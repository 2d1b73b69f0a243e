"""Loading the generated demo data set through the importer, so it obeys every rule."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from clusterhub.audit.services import Actor
from clusterhub.ingest.pipeline import Part, run_import
from clusterhub.ingest.readers import RawTable
from clusterhub.ingest.readers.base import Row
from clusterhub.ingest.report import ImportResult
from clusterhub.policy.demo import demo_initiatives
from clusterhub.registry.demo import generate
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import name_regions
from clusterhub.standard.fields import field_names

DEMO_SOURCE = "demo"


def demo_loaded() -> bool:
    return Cluster.objects.filter(is_demo=True).exists()


def rows_table(name: str, table: str, rows: list[dict[str, str]]) -> RawTable:
    """Rows made in memory (dicts by field name) as the importer's RawTable."""
    columns = field_names(table)

    def numbered() -> Iterator[Row]:
        yield 1, columns
        for number, row in enumerate(rows, start=2):
            yield number, [row.get(c, "") for c in columns]

    return RawTable(name=name, rows=numbered(), encoding="utf-8")


def load_demo(seed: int = 2026) -> list[ImportResult]:
    """Generate the demo registry (with demo policy initiatives) and import it; returns the
    import results."""
    data = generate(seed)
    parts = [
        Part(Path(f"demo-{table}"), table, rows_table(f"demo {table}", table, rows))
        for table, rows in (
            ("clusters", data.clusters),
            ("members", data.members),
            ("cooperations", data.cooperations),
            ("policy_initiatives", demo_initiatives()),
        )
    ]
    results = run_import(
        parts,
        source=DEMO_SOURCE,
        actor=Actor.system("demo data", context="clusterhub demo"),
        is_demo=True,
    )
    name_regions(dict(data.regions))
    return results
