"""`clusterhub serve`: what it refuses, /healthz, static files, and limits that hold across
server processes (real granian servers on a shared SQLite file)."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings

from clusterhub.lib.secret_key import DEVELOPMENT_KEY
from clusterhub.portal import health, serving

GOOD_KEY = "a-random-secret-for-these-tests-only-9d4e1f7a2c6b8e3f0a5d9c2b7e4f1a6c"
CLUSTERHUB = Path(sys.executable).with_name("clusterhub")
ANON_RATE = 6
FAILURE_LIMIT = 3


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- refusals ---------------------------------------------------------------------------


@pytest.fixture
def not_serving(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """`serve` recording the server it would become instead of becoming it."""
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(serving, "serve", lambda *args, **kwargs: calls.append((*args, kwargs)))
    return calls


@pytest.fixture
def collected(tmp_path: Path) -> Path:
    """A manifest naming every static file, as collectstatic writes it (without copying the
    files: these tests only read the manifest)."""
    paths = {path: path for path in serving.static_paths()}
    manifest = tmp_path / "staticfiles.json"
    manifest.write_text(json.dumps({"paths": paths, "version": "1.1"}))
    return tmp_path


def test_serve_refuses_empty_allowed_hosts(cli, not_serving, collected) -> None:  # type: ignore[no-untyped-def]
    with override_settings(ALLOWED_HOSTS=[], SECRET_KEY=GOOD_KEY, STATIC_ROOT=collected):
        outcome = cli("serve")
    assert not outcome.ok
    assert outcome.error.startswith("ALLOWED_HOSTS is empty")
    assert not_serving == []


def test_serve_refuses_the_public_or_a_short_secret_key(cli, not_serving, collected) -> None:  # type: ignore[no-untyped-def]
    for key in (DEVELOPMENT_KEY, "short"):
        with override_settings(SECRET_KEY=key, STATIC_ROOT=collected):
            outcome = cli("serve")
        assert not outcome.ok
        assert "SECRET_KEY" in outcome.error
    assert not_serving == []


def test_serve_refuses_debug_and_points_to_runserver(cli, not_serving, collected) -> None:  # type: ignore[no-untyped-def]
    with override_settings(DEBUG=True, SECRET_KEY=GOOD_KEY, STATIC_ROOT=collected):
        outcome = cli("serve")
    assert not outcome.ok
    assert "DEBUG is on" in outcome.error
    assert "clusterhub runserver" in outcome.error


def test_serve_refuses_static_files_not_collected(cli, not_serving, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with override_settings(SECRET_KEY=GOOD_KEY, STATIC_ROOT=tmp_path):
        outcome = cli("serve")
    assert not outcome.ok
    assert "run `clusterhub collectstatic`" in outcome.error
    # A file added since the files were collected.
    (tmp_path / "staticfiles.json").write_text('{"paths": {"portal/site.css": "x"}}')
    with override_settings(SECRET_KEY=GOOD_KEY, STATIC_ROOT=tmp_path):
        outcome = cli("serve")
    assert "static files are not collected" in outcome.error
    assert not_serving == []


def test_serve_starts_granian_when_everything_holds(cli, not_serving, collected) -> None:  # type: ignore[no-untyped-def]
    with override_settings(SECRET_KEY=GOOD_KEY, STATIC_ROOT=collected):
        outcome = cli("serve", "--port", "8123", "--workers", "2")
    assert outcome.ok, outcome.error
    assert not_serving == [("127.0.0.1", 8123, 2, 1, {"access_log": True})]
    command = serving.granian_command("127.0.0.1", 8123, 2, 1)
    assert command[1:3] == ["-m", "granian"]
    assert "--interface=wsgi" in command
    assert command[-1] == "clusterhub.wsgi:application"
    assert serving.granian_environment()["STATIC_MANIFEST"] == "true"
    # The access log is the application's (one line from the worker thread), not granian's.
    assert "--access-log" not in command
    assert serving.granian_environment()["ACCESS_LOG"] == "true"
    assert serving.granian_environment(access_log=False)["ACCESS_LOG"] == "false"


def test_with_the_access_log_on_each_request_is_one_line_without_its_query(db) -> None:  # type: ignore[no-untyped-def]
    import io
    import logging

    from django.test import Client

    written = io.StringIO()
    handler = logging.StreamHandler(written)
    access = logging.getLogger("clusterhub.access")
    access.addHandler(handler)
    level = access.level
    access.setLevel(logging.INFO)
    try:
        with override_settings(ACCESS_LOG=True):
            Client().get("/healthz?token=secret-in-the-query")
            Client().get("/en/no-such-page/")
        with override_settings(ACCESS_LOG=False):
            Client().get("/healthz")
    finally:
        access.removeHandler(handler)
        access.setLevel(level)
    lines = written.getvalue().splitlines()
    assert len(lines) == 2, lines
    assert '"GET /healthz HTTP/1.1" 200' in lines[0]
    assert "secret-in-the-query" not in written.getvalue()
    assert '"GET /en/no-such-page/ HTTP/1.1" 404' in lines[1]


def test_serve_refuses_unapplied_migrations_in_one_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "SECRET_KEY": GOOD_KEY,
        "STATIC_ROOT": str(tmp_path),
    }
    done = subprocess.run(
        [str(CLUSTERHUB), "serve"], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "migrations are not applied" in done.stderr
    assert "run `clusterhub migrate`" in done.stderr


# --- /healthz in-process -----------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_answers_ok_without_a_session_or_a_language(client) -> None:  # type: ignore[no-untyped-def]
    health.forget()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok"}
    assert "sessionid" not in response.cookies
    assert "no-store" in response["Cache-Control"]
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_while_a_migration_is_unapplied(client) -> None:  # type: ignore[no-untyped-def]
    health.forget()
    call_command("migrate", "sessions", "zero", verbosity=0)
    try:
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json() == {
            "status": "unavailable",
            "database": "ok",
            "migrations": "unapplied",
        }
    finally:
        call_command("migrate", "sessions", verbosity=0)
        health.forget()
    assert client.get("/healthz").status_code == 200


# --- real servers -------------------------------------------------------------------------


@dataclass
class Site:
    folder: Path
    env: dict[str, str]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """An SQLite file migrated, the static files collected (hashed, not compressed: quicker),
    a user, and low limits: ANON_RATE API requests a day, FAILURE_LIMIT failed sign-ins."""
    folder = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "SECRET_KEY": GOOD_KEY,
        "STATIC_ROOT": str(folder / "static"),
        "STATIC_COMPRESS": "false",
        "API_ANON_RATE": f"{ANON_RATE}/day",
        "AXES_FAILURE_LIMIT": str(FAILURE_LIMIT),
        "DJANGO_SUPERUSER_USERNAME": "operator",
        "DJANGO_SUPERUSER_PASSWORD": "A-long-enough-pass-42",
        "DJANGO_SUPERUSER_EMAIL": "operator@example.org",
    }
    for args in (
        ["migrate", "--no-input"],
        ["collectstatic", "--no-input"],
        ["createsuperuser", "--no-input"],
    ):
        subprocess.run(
            [str(CLUSTERHUB), *args], env=env, cwd=folder, check=True, capture_output=True
        )
    return Site(folder, env)


@pytest.fixture(scope="module")
def servers(site: Site) -> Iterator[list[str]]:
    """Two `clusterhub serve` processes of one worker each on the same database."""
    processes, urls = [], []
    for index in range(2):
        port = free_port()
        log = (site.folder / f"server-{index}.log").open("wb")
        processes.append(
            subprocess.Popen(
                [str(CLUSTERHUB), "serve", f"--port={port}", "--workers=1"],
                env=site.env,
                cwd=site.folder,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            wait_until_healthy(url)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)


def wait_until_healthy(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while get(f"{url}/healthz")[0] != 200:
        assert time.monotonic() < deadline, f"{url} did not become healthy"
        time.sleep(0.3)


def get(
    url: str | urllib.request.Request, opener: urllib.request.OpenerDirector | None = None
) -> tuple[int, Any, bytes]:
    try:
        with (opener or urllib.request.build_opener()).open(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
    except OSError:  # not listening yet
        return 0, {}, b""


@pytest.mark.slow
def test_api_requests_split_across_two_servers_are_throttled_at_the_total_rate(servers) -> None:  # type: ignore[no-untyped-def]
    statuses = [get(f"{servers[i % 2]}/api/v1/taxonomies")[0] for i in range(ANON_RATE + 4)]
    # Counted apart, each server would have let ANON_RATE through: all ten.
    assert statuses == [200] * ANON_RATE + [429] * 4


@pytest.mark.slow
def test_a_sign_in_locked_out_on_one_server_is_locked_out_on_the_other(servers) -> None:  # type: ignore[no-untyped-def]
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )

    def sign_in(url: str, password: str) -> int:
        page = get(f"{url}/en/accounts/login/", opener)[2].decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token[1], "username": "operator", "password": password}
        ).encode()
        request = urllib.request.Request(f"{url}/en/accounts/login/", data=form)  # noqa: S310
        return get(request, opener)[0]

    failures = [sign_in(servers[i % 2], "wrong-password") for i in range(FAILURE_LIMIT)]
    assert 429 not in failures[:-1]
    # Each server saw fewer failures than the limit; together they reached it.
    assert sign_in(servers[0], "A-long-enough-pass-42") == 429
    assert sign_in(servers[1], "A-long-enough-pass-42") == 429


@pytest.mark.slow
def test_pages_name_hashed_static_files_that_answer_with_a_year_of_caching(servers) -> None:  # type: ignore[no-untyped-def]
    names = set()
    for page in ("/en/", "/en/clusters/", "/de/clusters/", "/api/v1/docs"):
        status, _, body = get(f"{servers[0]}{page}")
        assert status == 200, page
        names |= set(re.findall(r'="(/static/[^"]+)"', body.decode()))
    assert len(names) > 5, names
    for name in sorted(names):
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", name), f"{name} is not a hashed name"
        status, headers, _ = get(f"{servers[1]}{name}")
        assert status == 200, name
        assert "immutable" in headers["Cache-Control"], name


@pytest.mark.slow
def test_each_request_gets_one_access_log_line(site, servers) -> None:  # type: ignore[no-untyped-def]
    marker = f"/static/portal/no-such-file-{time.monotonic_ns()}.css"
    get(f"{servers[0]}{marker}")
    get(f"{servers[0]}/healthz?from=test")
    log = site.folder / "server-0.log"
    deadline = time.monotonic() + 10
    while marker not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    lines = log.read_text().splitlines()
    assert len([line for line in lines if f'"GET {marker} HTTP/1.1" 404' in line]) == 1
    assert any('"GET /healthz HTTP/1.1" 200' in line for line in lines)


@pytest.mark.slow
def test_healthz_answers_503_when_the_database_cannot_be_opened(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A real failure: the database "file" is a folder, which SQLite cannot open."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}", "SECRET_KEY": GOOD_KEY}
    server = [sys.executable, "-m", "granian", "--interface=wsgi", f"--port={port}"]
    process = subprocess.Popen(
        [*server, "clusterhub.wsgi:application"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while (answer := get(f"http://127.0.0.1:{port}/healthz"))[0] == 0:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(timeout=60)
    assert answer[0] == 503
    assert json.loads(answer[2]) == {"status": "unavailable", "database": "unreachable"}


@pytest.mark.slow
def test_a_server_stops_cleanly_on_sigterm(site) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    process = subprocess.Popen(
        [str(CLUSTERHUB), "serve", f"--port={port}", "--workers=1"],
        env=site.env,
        cwd=site.folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}")
        process.terminate()
        output = process.communicate(timeout=60)[0].decode()
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert "Traceback" not in output
    assert "shutdown completed" in output
