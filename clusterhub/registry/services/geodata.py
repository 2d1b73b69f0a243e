"""NUTS region shapes for the map: stored, and their regions named, from one file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor, Change, record
from clusterhub.registry.geo import NUTS_CODE, ShapeRecord
from clusterhub.registry.models import RegionShape
from clusterhub.registry.services.taxonomy import name_regions

MODEL = "regionshape"


@dataclass(frozen=True)
class ShapesLoaded:
    shapes: int  # shapes stored (new or replaced)
    named: int  # regions named or renamed


def load_region_shapes(shapes: Sequence[ShapeRecord], *, source: str, actor: Actor) -> ShapesLoaded:
    """Store the shapes (replacing earlier ones of the same regions) and name the regions.

    Creates the regions that are not in the registry yet; one audit entry records the load.
    All or nothing: a bad record raises `ValueError` before anything is written.
    """
    codes = [shape.code for shape in shapes]
    bad = next((code for code in codes if not NUTS_CODE.match(code)), None)
    if bad is not None:
        raise ValueError(f"{bad!r} is not a NUTS code.")
    if len(set(codes)) != len(codes):
        raise ValueError("Each region may have one shape only.")
    levels = sorted({len(code) - 2 for code in codes})
    with transaction.atomic():
        named = name_regions({shape.code: shape.name for shape in shapes if shape.name})
        now = timezone.now()
        RegionShape.objects.bulk_create(
            [
                RegionShape(
                    region_id=shape.code,
                    geometry=shape.geometry,
                    source=source[:300],
                    loaded_at=now,
                )
                for shape in shapes
            ],
            batch_size=100,
            update_conflicts=True,
            unique_fields=["region"],
            update_fields=["geometry", "source", "loaded_at"],
        )
        record(
            actor,
            Change(
                AuditEntry.Action.UPDATE,
                MODEL,
                ",".join(map(str, levels)),
                f"{len(shapes)} NUTS region shapes from {source}",
                None,
                {"source": source, "shapes": len(shapes), "levels": levels, "named": named},
            ),
        )
    return ShapesLoaded(len(shapes), named)
