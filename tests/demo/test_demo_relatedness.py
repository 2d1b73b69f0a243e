"""The demo stores a relatedness set computed from its mapping's employment, once."""

from __future__ import annotations

import pytest
from django.utils import timezone

from clusterhub.cooperation.models import RelatednessPair, RelatednessResult
from clusterhub.demo.mapping import DEMO_NAMES
from clusterhub.demo.relatedness import DEMO_NAME, load_demo_relatedness
from clusterhub.mapping.models import MappingCell, MappingResult

EMPLOYMENT = {
    ("R1", "C29"): 900, ("R1", "C22"): 500, ("R1", "J62"): 50,
    ("R2", "C29"): 100, ("R2", "C22"): 80, ("R2", "J62"): 700,
    ("R3", "C29"): 600, ("R3", "C22"): 400, ("R3", "J62"): 90,
}  # fmt: skip


@pytest.mark.django_db
def test_the_demo_relatedness_comes_from_the_demo_mapping_and_is_stored_once() -> None:
    assert load_demo_relatedness() is None  # no demo mapping yet
    result = MappingResult.objects.create(
        name=DEMO_NAMES["stars"], slug="demo-stars", method=MappingResult.Method.STARS,
        loaded_at=timezone.now(), loaded_by="test",
    )  # fmt: skip
    MappingCell.objects.bulk_create(
        MappingCell(result=result, region=r, category=c, year=2023, employment=e)
        for (r, c), e in EMPLOYMENT.items()
    )
    assert load_demo_relatedness() == DEMO_NAME
    assert load_demo_relatedness() is None
    stored = RelatednessResult.objects.get(name=DEMO_NAME)
    pairs = {
        (a, b): r
        for a, b, r in RelatednessPair.objects.filter(result=stored).values_list(
            "category_a", "category_b", "relatedness"
        )
    }
    assert len(pairs) == 6
    assert pairs[("C29", "C22")] > pairs[("C29", "J62")]
