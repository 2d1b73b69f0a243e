"""Loading generated demo tables through the importer, so they obey every rule."""

from __future__ import annotations

from pathlib import Path

from clusterhub.audit.services import Actor
from clusterhub.demo.registry import generate
from clusterhub.ingest.pipeline import Part, run_import
from clusterhub.ingest.readers.memory import rows_table
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import name_regions

DEMO_SOURCE = "demo"
DEMO_ACTOR = Actor.system("demo data", context="clusterhub demo")


def demo_loaded() -> bool:
    return Cluster.objects.filter(is_demo=True).exists()


def import_rows(tables: list[tuple[str, list[dict[str, str]]]]) -> list[str]:
    """Import generated rows of the standard's tables as demo records; returns the import
    summaries. Raises `ImportRefused` when a row breaks a rule (a generator bug)."""
    parts = [
        Part(Path(f"demo-{table}"), table, rows_table(f"demo {table}", table, rows))
        for table, rows in tables
    ]
    results = run_import(parts, source=DEMO_SOURCE, actor=DEMO_ACTOR, is_demo=True)
    return [result.summary() for result in results]


def load_registry(seed: int) -> list[str]:
    """The registry's step: generated clusters, members and cooperation links, and the
    native names of their regions."""
    data = generate(seed)
    summaries = import_rows(
        [
            ("clusters", data.clusters),
            ("members", data.members),
            ("cooperations", data.cooperations),
        ]
    )
    name_regions(dict(data.regions))
    return summaries
