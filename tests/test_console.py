"""The real `clusterhub` console script: exit codes and messages without tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_console, write_csv
from tests.helpers import cluster_row, write_rows


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Runs the console script against a migrated SQLite database of its own."""
    folder = tmp_path_factory.mktemp("console")
    url = f"sqlite:///{folder / 'console.sqlite3'}"

    def call(*args: str):  # type: ignore[no-untyped-def]
        return run_console(*args, database_url=url, cwd=folder)

    migrated = call("migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    call.folder = folder  # type: ignore[attr-defined]
    return call


def test_a_bad_file_exits_non_zero_with_the_report_and_no_traceback(console) -> None:  # type: ignore[no-untyped-def]
    path = write_rows(
        console.folder / "bad.csv", [cluster_row(), cluster_row(id="cz-2", founded="1850")]
    )
    result = console("import", str(path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "bad.csv, row 3, column founded, value '1850': is not a year between 1900" in (
        result.stderr
    )
    assert "bad.csv was refused: 1 problem(s); nothing was imported." in result.stderr
    binary = console.folder / "binary.csv"
    binary.write_bytes(b"\x00\x01\x02garbage")
    broken = console("import", str(binary))
    assert broken.returncode != 0
    assert "Traceback" not in broken.stderr
    assert "binary.csv is not a text table (it contains binary data)." in broken.stderr


def test_a_good_file_exits_zero_and_can_be_exported_again(console) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(console.folder / "good.csv", "id,name,country\ncz-1,Klastr Alfa,CZ\n")
    result = console("import", str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "good.csv: imported clusters - 1 created, 0 updated, 0 unchanged" in result.stdout
    out = console.folder / "export.json"
    exported = console("export", "clusters", "--format", "json", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "Klastr Alfa" in Path(out).read_text(encoding="utf-8")
