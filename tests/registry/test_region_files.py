"""`clusterhub regions load` names NUTS regions from Eurostat's and GISCO's published files.

The files are built in the test (tests/builders/nuts.py) in the published formats; the same
checks on the published files themselves are in tests/reference/test_nuts_files.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterhub.registry.models import Region
from tests.builders import nuts

pytestmark = pytest.mark.django_db


def test_it_loads_every_code_of_the_eurostat_code_list_with_its_level_and_parent(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    # A byte order mark, CRLF line ends and empty rows after the last code, as published.
    path = nuts.write_code_list(tmp / "nuts_codes.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfCountry code;NUTS Code;NUTS label")
    outcome = cli("regions", "load", str(path))
    assert outcome.ok, outcome.error
    assert "19 regions read, 19 named or renamed" in outcome.stdout
    region = Region.objects.get(code="CZ064")
    assert region.name == "Jihomoravský kraj"
    assert (region.level, region.parent_id, region.country) == (3, "CZ06", "CZ")
    assert Region.objects.get(code="EL30").country == "GR"
    assert Region.objects.get(code="EL30").name == "Αττική"
    assert set(Region.objects.filter(level=1).values_list("code", flat=True)) == {
        "BE3",
        "CZ0",
        "EL3",
        "SK0",
    }
    assert Region.objects.filter(level__in=(1, 2, 3)).count() == 19


def test_it_loads_names_from_gisco_geojson_and_renames_only_what_changed(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    path = nuts.write_gisco_geojson(tmp, 3)
    first = cli("regions", "load", str(path))
    assert first.ok, first.error
    assert "7 regions read, 7 named" in first.stdout
    again = cli("regions", "load", str(path))
    assert "0 named or renamed" in again.stdout
    assert Region.objects.filter(level=3).count() == 7
    assert Region.objects.get(code="CZ064").name == "Jihomoravský kraj"


def test_a_list_whose_first_column_is_the_code_reads_after_a_byte_order_mark(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    path = tmp / "codes.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "code;label\r\nCZ064;Jihomoravský kraj\r\n".encode())
    outcome = cli("regions", "load", str(path))
    assert outcome.ok, outcome.error
    assert Region.objects.get(code="CZ064").name == "Jihomoravský kraj"


def test_a_file_without_nuts_codes_is_refused_in_one_sentence(cli, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp / "cities.csv"
    path.write_text("city;population\nBrno;380000\n", encoding="utf-8")
    outcome = cli("regions", "load", str(path))
    assert not outcome.ok
    assert "no header with a NUTS code column" in outcome.error
    assert not Region.objects.exists()


def test_a_bad_code_in_the_list_names_its_row(cli, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp / "codes.csv"
    path.write_text("code;label\nCZ064;Jihomoravský kraj\nnot a code;Nowhere\n", encoding="utf-8")
    outcome = cli("regions", "load", str(path))
    assert not outcome.ok
    assert "codes.csv, row 3" in outcome.error
    assert not Region.objects.exists()
