"""Helpers shared by the test modules: files in the standard's shape and registry snapshots."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook

from clusterhub.audit.models import AuditEntry
from clusterhub.ingest.models import ImportRun
from clusterhub.policy.models import Initiative
from clusterhub.registry.models import Cluster, ClusterTag, Cooperation, Member, Region, Term

# A complete, valid cluster row; tests override single cells to break one rule at a time.
GOOD_CLUSTER: dict[str, str] = {
    "id": "cz-1",
    "name": "Moravskoslezský automobilový klastr",
    "name_en": "Moravian-Silesian Automotive Cluster",
    "acronym": "MSAK",
    "country": "CZ",
    "nuts": "CZ080",
    "address": "Na Rovince 873",
    "postcode": "720 00",
    "city": "Ostrava",
    "lat": "49.8209",
    "lon": "18.2625",
    "website": "https://www.autoklastr.cz",
    "email": "info@autoklastr.cz",
    "phone": "+420 596 123 456",
    "founded": "2006",
    "description": "Sdružuje dodavatele automobilového průmyslu.",
    "description_en": "Brings together automotive suppliers.",
    "sectors": "C29;C28.1",
    "ecosystems": "mobility-transport-automotive;digital",
    "lifecycle": "mature",
    "members_total": "60",
    "members_sme": "40",
    "members_large": "10",
    "members_research": "5",
    "members_public": "3",
    "members_other": "2",
    "staff_fte": "3,5",
    "services": "networking;training",
    "needs": "access-to-finance",
    "cooperation_countries": "SK;PL",
    "cooperation": "Joint projects with Slovak clusters.",
    "label": "silver",
    "label_valid_until": "2027-06-30",
    "programme": "OP TAK Spolupráce",
    "contact_name": "Jana Nováková",
    "contact_email": "jana.novakova@autoklastr.cz",
    "contact_phone": "+420 777 000 111",
    "source": "",
    "updated": "2025-01-15",
}

MINIMAL_CLUSTER: dict[str, str] = {"id": "cz-1", "name": "Klastr", "country": "CZ"}


def csv_text(
    rows: Sequence[Mapping[str, str]],
    header: Sequence[str] | None = None,
    delimiter: str = ",",
) -> str:
    """CSV text with a header row; the header is the union of the rows' keys unless given."""
    if header is None:
        header = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return buffer.getvalue()


def write_rows(
    path: Path,
    rows: Sequence[Mapping[str, str]],
    header: Sequence[str] | None = None,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    path.write_bytes(csv_text(rows, header, delimiter).encode(encoding))
    return path


def cluster_row(**changes: str) -> dict[str, str]:
    """The good cluster row with some cells changed (keys are column names)."""
    return {**GOOD_CLUSTER, **changes}


def write_xlsx(path: Path, rows: Iterable[Sequence[object]], extra_sheet: bool = False) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text as typed, not a formula
    if extra_sheet:
        other = workbook.create_sheet("other")
        other.append(["id", "name", "country"])
        other.append(["other-1", "Not imported", "SK"])
    workbook.save(path)
    return path


MODELS = {
    "clusters": Cluster,
    "members": Member,
    "cooperations": Cooperation,
    "tags": ClusterTag,
    "terms": Term,
    "regions": Region,
    "audit": AuditEntry,
    "runs": ImportRun,
}


def snapshot() -> dict[str, int]:
    """How many rows every table the importer writes to holds."""
    return {name: model.objects.count() for name, model in MODELS.items()}


def empty_registry() -> None:
    """Delete everything an import writes, as in a freshly migrated database."""
    Initiative.objects.all().delete()
    Cooperation.objects.all().delete()
    Member.objects.all().delete()
    ClusterTag.objects.all().delete()
    Cluster.objects.all().delete()
    Term.objects.all().delete()
    # Regions refer to their parents; delete the most detailed first.
    for level in range(3, -1, -1):
        Region.objects.filter(level=level).delete()
    AuditEntry.objects.all().delete()
    ImportRun.objects.all().delete()


def problem_lines(stderr: str) -> list[str]:
    """The report lines of a refused import (warnings left out)."""
    return [line for line in stderr.splitlines() if line and not line.startswith("warning:")]
