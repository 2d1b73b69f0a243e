"""`make setup`'s system packages (.ci/system-packages.sh): named with the one command to run
when make is not root, nothing to do when all are there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "system-packages.sh"
# What the script uses itself, found on this machine's PATH.
TOOLS = ["bash", "sed", "head", "grep", "apt-cache", "cat"]


def machine_without(tmp_path: Path, missing: set[str], uid: int) -> dict[str, str]:
    """A PATH holding the script's tools and the checked commands except `missing`, with an
    `id` that answers `uid`."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in [*TOOLS, "chromium", "java", "fc-list", "msgfmt"]:
        found = shutil.which(name)
        if name in missing or found is None:
            continue
        (folder / name).symlink_to(found)
    fake_id = folder / "id"
    fake_id.write_text(f"#!/bin/sh\necho {uid}\n")
    fake_id.chmod(0o755)
    return {"PATH": str(folder), "HOME": str(tmp_path), "PYTHON": sys.executable}


def run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash") or "/bin/bash"
    return subprocess.run(
        [bash, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ["chromium", "java", "fc-list", "msgfmt"]),
    reason="this machine lacks a system package itself (make setup installs them as root)",
)
def test_with_every_package_present_it_does_nothing(tmp_path: Path) -> None:
    done = run(machine_without(tmp_path, set(), uid=1000))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_not_root_it_stops_naming_the_missing_packages_and_the_command_to_run(
    tmp_path: Path,
) -> None:
    done = run(machine_without(tmp_path, {"chromium", "msgfmt"}, uid=1000))
    assert done.returncode != 0
    assert "missing system packages: chromium gettext" in done.stderr
    assert (
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium gettext"
        in done.stderr
    )
    assert "Traceback" not in done.stderr


def test_a_missing_java_is_asked_for_as_the_java_17_runtime(tmp_path: Path) -> None:
    done = run(machine_without(tmp_path, {"java"}, uid=os.getuid() + 1000))
    assert done.returncode != 0
    assert "openjdk-17-jre-headless" in done.stderr
