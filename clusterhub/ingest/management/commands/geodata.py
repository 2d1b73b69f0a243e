"""`clusterhub geodata load PATH | --download`: NUTS region shapes for the portal's map."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.audit.services import Actor
from clusterhub.ingest.region_shapes import parse_region_shapes, read_region_shapes
from clusterhub.lib.refusal import Refused
from clusterhub.registry.services import load_region_shapes

GISCO_URL = (
    "https://gisco-services.ec.europa.eu/distribution/v2/nuts/geojson/"
    "NUTS_RG_20M_{year}_4326_LEVL_{level}.geojson"
)
TIMEOUT = 30  # seconds


def gisco_url(level: int, year: int) -> str:
    return GISCO_URL.format(level=level, year=year)


def download(url: str) -> bytes:
    """The file at `url`; a CommandError in one sentence when it cannot be fetched."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 (https constant)
            data: bytes = response.read()
    except urllib.error.HTTPError as exc:
        raise CommandError(
            f"GISCO has no file at {url} (HTTP {exc.code}): check --level and --year."
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise CommandError(
            f"Cannot download {url} ({reason}): download it on a computer with internet "
            "access and run `clusterhub geodata load PATH` with the file."
        ) from None
    return data


class Command(BaseCommand):
    help = "Load NUTS region shapes (GISCO GeoJSON) for the map, naming the regions."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("load", help="load region shapes from a file or from GISCO")
        load.add_argument("path", type=Path, nargs="?", help="a GISCO GeoJSON file")
        load.add_argument("--download", action="store_true", help="fetch the file from GISCO first")
        load.add_argument(
            "--level", type=int, choices=[0, 1, 2, 3], default=3, help="NUTS level to download"
        )
        load.add_argument("--year", type=int, default=2021, help="NUTS version to download")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path | None = options["path"]
        if options["download"] and path is not None:
            raise CommandError("Give either a GeoJSON file PATH or --download, not both.")
        if not options["download"] and path is None:
            raise CommandError("Give a GeoJSON file PATH, or --download to fetch one from GISCO.")
        try:
            if path is not None:
                source = name = path.name
                shapes = read_region_shapes(path)
            else:
                source = gisco_url(options["level"], options["year"])
                name = source.rsplit("/", 1)[-1]
                self.stdout.write(f"Downloading {source}")
                shapes = parse_region_shapes(download(source), name)
        except Refused as exc:  # an unreadable file too
            raise CommandError(str(exc)) from None
        loaded = load_region_shapes(shapes, source=source, actor=Actor.system("geodata load"))
        self.stdout.write(
            f"{loaded.shapes} region shapes loaded from {name}, "
            f"{loaded.named} regions named or renamed."
        )
