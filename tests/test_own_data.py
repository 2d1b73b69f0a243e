"""Tests build their own inputs: none but tests/reference reads the project's reference data.

The reference data (Eurostat's and GISCO's files) lives outside the repository, in the
`shared` folder beside it; a test that reads it passes on a developer's machine and fails,
or quietly skips, everywhere else. tests/reference holds the checks against it and runs only
when asked for (`pytest tests/reference`).
"""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REFERENCE = TESTS / "reference"
# Every way the tests have named the reference data: the path written out or built from
# parts, the folder above the repository, the old constant, and the variable that relocates
# it. The names are put together here from pieces, so that this guard names no data itself
# and scans itself like any other test.
_SHARED, _DATA = "shared", "data"
NAMING_THE_DATA = re.compile(
    "|".join(
        [
            _SHARED + r"""["']?\s*/\s*["']?""" + _DATA,
            "/work/" + _SHARED,
            "_".join([_SHARED.upper(), _DATA.upper()]),
            "_".join(["CLUSTERHUB", "REFERENCE", _DATA.upper()]),
        ]
    )
)
TEXT_FILES = {".py", ".cfg", ".ini", ".toml", ".json", ".csv", ".txt", ".yaml", ".yml"}


def reads_of_the_shared_data(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [
        f"{path.relative_to(TESTS.parent)}:{number}: {line.strip()}"
        for number, line in enumerate(text.splitlines(), start=1)
        if NAMING_THE_DATA.search(line)
    ]


def test_no_test_outside_reference_reads_the_shared_data() -> None:
    sources = [
        path
        for path in sorted(TESTS.rglob("*"))
        if path.suffix in TEXT_FILES
        and path.is_file()
        and REFERENCE not in path.parents
        and "__pycache__" not in path.parts
    ]
    assert len(sources) > 50  # the scan sees the suite
    found = [line for path in sources for line in reads_of_the_shared_data(path)]
    assert not found, (
        "these tests read the reference data outside the repository; build the inputs in the "
        "test (tests/builders/) or move the check to tests/reference/:\n" + "\n".join(found)
    )


def test_the_guard_knows_every_way_of_naming_the_shared_data() -> None:
    folder, relocated = f"/work/{_SHARED}/{_DATA}", "_".join(["CLUSTERHUB", "REFERENCE", "DATA"])
    named = [
        f'EXTRACT = Path("{folder}/eurostat/sbs.csv")',
        f'ROOT / "{_SHARED}/{_DATA}/nuts"',
        f'parents[3] / "{_SHARED}" / "{_DATA}"',
        f"from tests.conftest import {_SHARED.upper()}_{_DATA.upper()}",
        f'os.environ["{relocated}"]',
    ]
    assert all(NAMING_THE_DATA.search(line) for line in named)
    assert not NAMING_THE_DATA.search('tmp_path / "data.csv"  # shared by the tests below')
