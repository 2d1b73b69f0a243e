"""`clusterhub worker`: its help, the --once run, and the real worker going on after a task
raises."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django_q.models import Success

from clusterhub.tasks.queue import enqueue
from tests.conftest import run, run_console
from tests.tasks.jobs import note


def test_the_worker_command_explains_itself(tmp_path: Path) -> None:
    done = run_console("worker", "--help", database_url="sqlite://:memory:", cwd=tmp_path)
    assert done.returncode == 0
    assert "Run the background tasks" in done.stdout and "--once" in done.stdout


def test_the_worker_lists_the_periodic_jobs(db) -> None:  # type: ignore[no-untyped-def]
    listed = run("worker", "--list")
    assert "survey reminders: every 1440 minutes, first at 08:00" in listed.stdout


def test_a_bad_pause_is_one_sentence(db) -> None:  # type: ignore[no-untyped-def]
    refused = run("worker", "--pause", "0")
    assert not refused.ok and refused.error == "--pause must be a positive number of seconds"


def test_once_runs_what_is_queued_and_stops(queued, capsys) -> None:  # type: ignore[no-untyped-def]
    enqueue(note, "once")
    call_command("worker", "--once")
    assert "1 tasks ran." in capsys.readouterr().out
    assert Success.objects.get().result == "once"


@pytest.mark.slow
def test_the_running_worker_goes_on_after_a_task_raises_and_stops_on_sigterm(
    tmp_path: Path,
) -> None:
    """The real `clusterhub worker` in its own process, on its own SQLite file."""
    database = f"sqlite:///{tmp_path / 'worker.sqlite3'}"
    assert run_console("migrate", "--no-input", database_url=database, cwd=tmp_path).returncode == 0
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "TASKS_ATTEMPTS": "1",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    queue_two = (
        "import django; django.setup()\n"
        "from clusterhub.tasks.queue import enqueue\n"
        "from tests.tasks.jobs import explode, note\n"
        "enqueue(explode, 'boom'); enqueue(note, 'after the failure')\n"
    )
    env["DJANGO_SETTINGS_MODULE"] = "clusterhub.settings"
    subprocess.run([sys.executable, "-c", queue_two], env=env, cwd=tmp_path, check=True)
    exe = Path(sys.executable).with_name("clusterhub")
    worker = subprocess.Popen(
        [str(exe), "worker"], env=env, cwd=tmp_path, stderr=subprocess.PIPE, text=True
    )
    try:
        done = _wait_for_results(env, tmp_path, expected=2)
        assert worker.poll() is None, "the worker stopped"
        assert done == {"explode": False, "note": True}
    finally:
        worker.send_signal(signal.SIGTERM)
        _out, err = worker.communicate(timeout=60)
    assert worker.returncode == 0, err
    assert "Failed 'tests.tasks.jobs.explode'" in err  # logged, and the worker went on


def _wait_for_results(env: dict[str, str], cwd: Path, expected: int) -> dict[str, bool]:
    read = (
        "import django, json; django.setup()\n"
        "from django_q.models import Task\n"
        "print(json.dumps({t.func.rsplit('.', 1)[1]: t.success for t in Task.objects.all()}))\n"
    )
    for _ in range(60):
        out = subprocess.run(
            [sys.executable, "-c", read], env=env, cwd=cwd, capture_output=True, text=True
        )
        if out.returncode == 0 and out.stdout.strip():
            results: dict[str, bool] = json.loads(out.stdout)
            if len(results) >= expected:
                return results
        time.sleep(1)
    raise AssertionError("the worker ran nothing within a minute")
