"""Checks against the project's reference data: Eurostat's and GISCO's published files.

They live outside the repository, in `shared/data` beside it (or wherever
`CLUSTERHUB_REFERENCE_DATA` points), so these tests run only when asked for by path
(`pytest tests/reference`; tests/conftest.py leaves them out of the default run), and fail
when the data is not there: a reference check that quietly skips checks nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DEFAULT = Path(__file__).resolve().parents[3] / "shared" / "data"
FILES = (
    "eurostat/sbs_r_nuts06_r2_2015.csv",
    "nuts/nuts_codes_2021_2024.csv",
    "nuts/nuts2021_level0_60M.geojson",
    "nuts/nuts2021_level2_60M.geojson",
    "nuts/nuts2021_level3_60M.geojson",
)


def reference_folder() -> Path:
    configured = os.environ.get("CLUSTERHUB_REFERENCE_DATA", "").strip()
    return Path(configured).expanduser() if configured else DEFAULT


@pytest.fixture(scope="session")
def reference_data() -> Path:
    """The folder of the reference data; the test fails when any file of it is missing."""
    folder = reference_folder()
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        pytest.fail(
            f"reference data not found at {folder} (missing {', '.join(missing)}); "
            "set CLUSTERHUB_REFERENCE_DATA to the folder that holds eurostat/ and nuts/",
            pytrace=False,
        )
    return folder


@pytest.fixture(scope="session")
def sbs_extract(reference_data: Path) -> Path:
    return reference_data / "eurostat" / "sbs_r_nuts06_r2_2015.csv"


@pytest.fixture(scope="session")
def nuts_folder(reference_data: Path) -> Path:
    return reference_data / "nuts"
