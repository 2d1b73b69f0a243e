"""Shared fixtures: the CLI as a function, files written in any encoding; tests/reference is
left out of the default run."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

# Hypothesis keeps its caches outside the project, with no example database, and has no
# per-example deadline, which a slow CI database would break.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "clusterhub-hypothesis")
settings.register_profile("clusterhub", database=None, deadline=None)
settings.load_profile("clusterhub")

# tests/reference checks the project's reference data, which lives outside the repository:
# it is collected only when named on the command line (`pytest tests/reference`).
REFERENCE_TESTS = Path(__file__).resolve().parent / "reference"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name != REFERENCE_TESTS.name or collection_path.resolve() != REFERENCE_TESTS:
        return None
    return not _names_the_reference_tests(config)


def _names_the_reference_tests(config: pytest.Config) -> bool:
    """Whether a path given to pytest is tests/reference or lies inside it."""
    for arg in config.args:
        named = (config.invocation_params.dir / arg.split("::", 1)[0]).resolve()
        if named == REFERENCE_TESTS or REFERENCE_TESTS in named.parents:
            return True
    return False


# Tests run as production does, with DEBUG off, so they need a secret key that may serve.
# pytest-django loads the settings before this file, so the key is set on them as well as in
# the environment (which the console scripts run by tests inherit).
os.environ.setdefault("SECRET_KEY", "clusterhub-tests-only-" + "k3y-" * 10)


def _use_the_test_key() -> None:
    from django.conf import settings as django_settings

    django_settings.SECRET_KEY = os.environ["SECRET_KEY"]
    # Passwords hashed in one round: PBKDF2's 1,000,000 iterations cost ~0.5 s per persona.
    django_settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


_use_the_test_key()


def _use_a_process_cache() -> None:
    """In-process tests count API requests in local memory: clearing it needs no database.
    The shared cache (the database's table, Redis) is tested with real servers in
    tests/test_serving.py and tests/api/test_throttles.py."""
    from django.conf import settings as django_settings

    django_settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }


_use_a_process_cache()


@dataclass
class Outcome:
    ok: bool
    stdout: str
    stderr: str
    error: str = ""


def run(*args: str) -> Outcome:
    """Run a `clusterhub` verb in-process; a CommandError becomes ok=False with its message."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stderr
    sys.stderr = err  # the importer writes its row report to the real stderr
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as exc:
        return Outcome(False, out.getvalue(), err.getvalue(), str(exc))
    finally:
        sys.stderr = saved
    return Outcome(True, out.getvalue(), err.getvalue())


@pytest.fixture
def cli(db):  # type: ignore[no-untyped-def]
    return run


def run_console(*args: str, database_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real console script in a subprocess (exit codes, no tracebacks)."""
    env = {**os.environ, "DATABASE_URL": database_url, "CI": "true"}
    exe = Path(sys.executable).with_name("clusterhub")
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
    )


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


CLUSTER_HEADER = "id,name,country,nuts,city,lat,lon,founded,sectors,ecosystems,lifecycle"


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def personas(db):  # type: ignore[no-untyped-def]
    from tests.personas import make_personas

    return make_personas()


@pytest.fixture(autouse=True)
def _default_language():  # type: ignore[no-untyped-def]
    """Each test starts in the default language: a request to a /de/ page leaves German
    active in the thread (LocaleMiddleware does not reset it), which would leak into the
    next test's messages."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _tasks_at_once(monkeypatch):  # type: ignore[no-untyped-def]
    """Background tasks run at once, inside the test, through the task library's own
    synchronous path (tests/tasks run the real queue and worker instead)."""
    from clusterhub.tasks import queue

    monkeypatch.setattr(queue, "AT_ONCE", True)


@pytest.fixture(autouse=True)
def _fresh_cache():  # type: ignore[no-untyped-def]
    """API throttling counts requests in the cache; each test starts with none. The search
    index is rebuilt too, as a test's rolled-back writes may leave the same history behind."""
    from django.core.cache import cache

    from clusterhub.api import answers, throttles
    from clusterhub.registry.search import freshness

    cache.clear()
    throttles.lots.clear()
    freshness.forget()
    answers.forget()
    yield
    from clusterhub.registry.change_feed import feed

    feed.close()  # its connection would keep the test database from being dropped
