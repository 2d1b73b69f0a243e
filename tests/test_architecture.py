"""The layers of docs/DESIGN.md hold: import-linter's contracts (pyproject.toml) are kept, and
breaking one makes `lint-imports` fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the project's contracts on the `clusterhub` in `package_parent`."""
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=package_parent,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_code_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "code", "broken"),
    [
        # The registry sits below the portal (which imports it): a circle between apps.
        (
            "registry/shortcut.py",
            "from clusterhub.portal import views\n",
            "Apps import only the layers below them",
        ),
        # Two modules of one app importing each other.
        (
            "lib/circle.py",
            "from clusterhub.lib import text\n",
            "No two modules or packages import each other, directly or round a circle",
        ),
        (
            "analytics/web.py",
            "import django.db\n",
            "The analytics core, the standard and lib import no Django",
        ),
    ],
)
def test_a_deliberate_break_makes_lint_imports_fail(
    tmp_path: Path, module: str, code: str, broken: str
) -> None:
    shutil.copytree(
        ROOT / "clusterhub",
        tmp_path / "clusterhub",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates"),
    )
    (tmp_path / "clusterhub" / module).write_text(code, encoding="utf-8")
    if module == "lib/circle.py":
        text = tmp_path / "clusterhub" / "lib" / "text.py"
        text.write_text(text.read_text(encoding="utf-8") + "\nfrom clusterhub.lib import circle\n")

    result = lint_imports(tmp_path)

    assert result.returncode != 0
    assert f"{broken} BROKEN" in result.stdout
