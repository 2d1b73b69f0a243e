"""Tests build their own inputs: none but tests/reference reads the project's reference data.

The reference data (Eurostat's and GISCO's files) lives outside the repository, in
`shared/data` beside it; a test that reads it passes on a developer's machine and fails, or
quietly skips, everywhere else. tests/reference holds the checks against it and runs only
when asked for (`pytest tests/reference`).
"""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REFERENCE = TESTS / "reference"
# Every way the tests have named the reference data: the path written out or built from
# parts (`"shared" / "data"`), the folder above the repository, the old constant, and the
# variable that relocates it.
NAMING_THE_DATA = re.compile(
    r"""shared["']?\s*/\s*["']?data|/work/shared|SHARED_DATA|CLUSTERHUB_REFERENCE_DATA"""
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
        and path != Path(__file__).resolve()
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
    named = [
        'EXTRACT = Path("/work/shared/data/eurostat/sbs.csv")',
        'ROOT / "shared/data/nuts"',
        'parents[3] / "shared" / "data"',
        "from tests.conftest import SHARED_DATA",
        'os.environ["CLUSTERHUB_REFERENCE_DATA"]',
    ]
    assert all(NAMING_THE_DATA.search(line) for line in named)
    assert not NAMING_THE_DATA.search('tmp_path / "data.csv"  # shared by the tests below')
