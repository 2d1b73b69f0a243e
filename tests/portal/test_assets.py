"""Front-end libraries come from npm at set-up and are served locally, never from a CDN."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "asset",
    [
        "vendor/htmx/htmx.min.js",
        "vendor/leaflet/leaflet.js",
        "vendor/leaflet/leaflet.css",
        "vendor/markercluster/leaflet.markercluster.js",
        "vendor/topojson/topojson-client.min.js",
        "vendor/world-atlas/countries-50m.json",
    ],
)
def test_each_library_the_portal_uses_was_installed_at_set_up(asset: str) -> None:
    assert finders.find(asset), f"{asset} is missing: run `make setup` (npm ci)"


def test_no_template_loads_anything_from_another_host() -> None:
    offenders = []
    for template in (ROOT / "clusterhub").rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r'(?:src|href)="(https?:)?//[^"]+"', text):
            offenders.append(f"{template.name}: {match.group(0)}")
    assert not offenders
