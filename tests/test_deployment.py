"""Serving securely: the secret key, HSTS and HTTPS, the site's own address, from settings."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings

from clusterhub.lib.env import BadSetting
from clusterhub.lib.secret_key import DEVELOPMENT_KEY, MIN_LENGTH

SETTINGS_FILE = Path(__file__).resolve().parents[1] / "clusterhub" / "settings.py"
GOOD_KEY = "a-random-secret-for-these-tests-only-4f9c2e7a1b6d3f8e0c5a9b2d7e4f1a6c"
ENVIRONMENT = [
    "DEBUG",
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "SITE_URL",
    "ALLOWED_HOSTS",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "API_MAX_BODY_BYTES",
]


def settings_with(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, Any]:
    """The settings module as it reads the given environment (and nothing else of ours)."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def without_a_key(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "SECRET_KEY_FILE")
    }
    return {**env, **extra}


def python(code: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


# --- HSTS and HTTPS --------------------------------------------------------------------


def test_it_leaves_hsts_and_https_redirects_off_unless_the_environment_asks(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    default = settings_with(monkeypatch)
    assert default["SECURE_HSTS_SECONDS"] == 0
    assert default["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert default["SECURE_HSTS_PRELOAD"] is False
    assert default["SECURE_SSL_REDIRECT"] is False
    assert default["SECURE_PROXY_SSL_HEADER"] is None
    configured = settings_with(
        monkeypatch,
        SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        SECURE_HSTS_PRELOAD="1",
        SECURE_SSL_REDIRECT="yes",
        SECURE_PROXY_SSL_HEADER="1",
    )
    assert configured["SECURE_HSTS_SECONDS"] == 31_536_000
    assert configured["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert configured["SECURE_HSTS_PRELOAD"] is True
    assert configured["SECURE_SSL_REDIRECT"] is True
    assert configured["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    with pytest.raises(BadSetting, match="SECURE_HSTS_SECONDS"):
        settings_with(monkeypatch, SECURE_HSTS_SECONDS="a year")


def test_it_sends_hsts_over_https_only_when_configured(client, db) -> None:  # type: ignore[no-untyped-def]
    assert "Strict-Transport-Security" not in client.get("/en/", secure=True)
    with override_settings(
        SECURE_HSTS_SECONDS=31_536_000,
        SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
        SECURE_HSTS_PRELOAD=True,
    ):
        response = Client().get("/en/", secure=True)
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )


def test_behind_a_proxy_the_forwarded_protocol_counts_only_when_switched_on(db) -> None:  # type: ignore[no-untyped-def]
    with override_settings(SECURE_HSTS_SECONDS=3600):
        forwarded = Client().get("/en/", HTTP_X_FORWARDED_PROTO="https")
        assert "Strict-Transport-Security" not in forwarded
    with override_settings(
        SECURE_HSTS_SECONDS=3600, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
    ):
        forwarded = Client().get("/en/", HTTP_X_FORWARDED_PROTO="https")
        assert forwarded["Strict-Transport-Security"] == "max-age=3600"


def test_it_redirects_plain_http_to_https_when_asked(db) -> None:  # type: ignore[no-untyped-def]
    with override_settings(SECURE_SSL_REDIRECT=True):
        response = Client().get("/en/clusters/")
        assert response.status_code == 301
        assert response["Location"] == "https://testserver/en/clusters/"


# --- the site's own address ---------------------------------------------------------------


def test_it_reads_the_site_address_and_refuses_one_with_more_than_an_origin(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert settings_with(monkeypatch)["SITE_URL"] == "http://localhost:8000"
    configured = settings_with(monkeypatch, SITE_URL="https://Clusters.example.org/")
    assert configured["SITE_URL"] == "https://clusters.example.org"
    assert settings_with(monkeypatch, SITE_URL="http://10.0.0.5:8080")["SITE_URL"] == (
        "http://10.0.0.5:8080"
    )
    for bad in [
        "clusters.example.org",
        "ftp://clusters.example.org",
        "javascript:alert(1)",
        "https://clusters.example.org/portal",
        "https://clusters.example.org/?next=x",
        "https://clusters.example.org/#top",
        "https://user:secret@clusters.example.org",
        "https://",
    ]:
        with pytest.raises(BadSetting, match="SITE_URL"):
            settings_with(monkeypatch, SITE_URL=bad)


def test_testserver_is_not_an_allowed_host_outside_tests(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert "testserver" not in settings_with(monkeypatch)["ALLOWED_HOSTS"]
    assert "testserver" in settings.ALLOWED_HOSTS  # added by the test environment


# --- the secret key -------------------------------------------------------------------------


def test_it_reads_the_secret_key_from_the_environment_or_the_file_it_names(
    monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    assert settings_with(monkeypatch)["SECRET_KEY"] == DEVELOPMENT_KEY
    secret = tmp_path / "secret"
    secret.write_text(f"  {GOOD_KEY}\n", encoding="utf-8")
    assert settings_with(monkeypatch, SECRET_KEY_FILE=str(secret))["SECRET_KEY"] == GOOD_KEY
    both = settings_with(
        monkeypatch, SECRET_KEY="from-the-environment", SECRET_KEY_FILE=str(secret)
    )
    assert both["SECRET_KEY"] == "from-the-environment"


def test_an_unreadable_or_empty_secret_key_file_is_a_clear_error(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nowhere"
    with pytest.raises(BadSetting, match=r"SECRET_KEY_FILE=.*nowhere.* cannot be read"):
        settings_with(monkeypatch, SECRET_KEY_FILE=str(missing))
    empty = tmp_path / "empty"
    empty.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(BadSetting, match=r"SECRET_KEY_FILE=.*empty.* is empty"):
        settings_with(monkeypatch, SECRET_KEY_FILE=str(empty))


def test_tests_run_with_debug_off_and_a_usable_key() -> None:
    assert settings.DEBUG is False
    assert settings.SECRET_KEY != DEVELOPMENT_KEY and len(settings.SECRET_KEY) >= MIN_LENGTH
    assert os.environ["SECRET_KEY"] == settings.SECRET_KEY  # for the console in subprocesses


@pytest.mark.parametrize("key", [DEVELOPMENT_KEY, "too-short-a-secret"])
def test_check_deploy_reports_the_public_or_a_short_key_as_an_error(cli, key) -> None:  # type: ignore[no-untyped-def]
    with override_settings(SECRET_KEY=key):
        outcome = cli("check", "--deploy")
    assert not outcome.ok
    assert "clusterhub.E001" in outcome.error
    assert "SECRET_KEY" in outcome.error


def test_check_deploy_accepts_a_long_random_key(cli) -> None:  # type: ignore[no-untyped-def]
    with override_settings(SECRET_KEY=GOOD_KEY):
        outcome = cli("check", "--deploy")
    assert "clusterhub.E001" not in outcome.error + outcome.stdout + outcome.stderr


def test_the_wsgi_application_refuses_to_start_without_a_usable_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for env in (without_a_key(), without_a_key(SECRET_KEY="short")):
        result = python("import clusterhub.wsgi", env, tmp_path)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("django.core.exceptions.ImproperlyConfigured: ")
        assert "SECRET_KEY" in lines[0] and lines[0].count(". ") == 0


def test_the_wsgi_application_starts_with_a_key_from_secret_key_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret"
    secret.write_text(GOOD_KEY + "\n", encoding="utf-8")
    code = (
        "import clusterhub.wsgi\n"
        "from django.conf import settings\n"
        "print(settings.SECRET_KEY == open(settings.SECRET_KEY_FILE).read().strip())"
    )
    result = python(code, without_a_key(SECRET_KEY_FILE=str(secret)), tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
    # With DEBUG on, the development key stays usable.
    debug = python("import clusterhub.wsgi", without_a_key(DEBUG="1"), tmp_path)
    assert debug.returncode == 0, debug.stderr


# --- serving from the command line ----------------------------------------------------------


@pytest.fixture
def served(monkeypatch) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Django's development server, recording instead of serving."""
    from django.core.management.commands import runserver

    calls: list[dict[str, Any]] = []

    def record(self: Any, **options: Any) -> None:
        calls.append({"options": options, "site_url": settings.SITE_URL})

    monkeypatch.setattr(runserver.Command, "run", record)
    return calls


def test_runserver_refuses_with_debug_off_and_no_usable_key(cli, served) -> None:  # type: ignore[no-untyped-def]
    with override_settings(DEBUG=False, SECRET_KEY=DEVELOPMENT_KEY):
        outcome = cli("runserver", "--noreload")
    assert not outcome.ok
    assert "SECRET_KEY" in outcome.error
    assert served == []
    with override_settings(DEBUG=True, SECRET_KEY=DEVELOPMENT_KEY):
        assert cli("runserver", "--noreload").ok
    with override_settings(DEBUG=False, SECRET_KEY=GOOD_KEY):
        assert cli("runserver", "--noreload").ok
    assert len(served) == 2


@pytest.fixture
def served_in_production(monkeypatch) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """`clusterhub serve` with its checks passed, recording what granian would be given."""
    from clusterhub.portal import serving

    calls: list[dict[str, Any]] = []

    def record(host: str, port: int, workers: int, threads: int, access_log: bool = True) -> None:
        calls.append(
            {"host": host, "port": port, "site_url": serving.granian_environment()["SITE_URL"]}
        )

    monkeypatch.setattr(serving, "serving_refusal", lambda: None)
    monkeypatch.setattr(serving, "serve", record)
    return calls


def test_demo_refuses_to_serve_without_a_usable_key(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.portal import serving

    served: list[object] = []
    monkeypatch.setattr(serving, "serve", lambda *args, **kwargs: served.append(args))
    monkeypatch.delenv("SITE_URL", raising=False)  # the demo sets it for the server
    monkeypatch.setattr("clusterhub.demo.management.commands.demo.demo_loaded", lambda: True)
    with override_settings(DEBUG=False, SECRET_KEY=DEVELOPMENT_KEY):
        outcome = cli("demo", "--port", "8765")
    assert not outcome.ok
    assert "SECRET_KEY" in outcome.error
    assert served == []


def test_demo_serves_with_the_production_server_linking_to_its_address_unless_site_url_is_set(
    cli, served_in_production, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("clusterhub.demo.management.commands.demo.demo_loaded", lambda: True)
    monkeypatch.delenv("SITE_URL", raising=False)
    with override_settings(SECRET_KEY=GOOD_KEY):
        assert cli("demo", "--port", "8765").ok
        monkeypatch.setenv("SITE_URL", "https://clusters.example.org")
        assert cli("demo", "--port", "8765").ok
    assert served_in_production == [
        {"host": "127.0.0.1", "port": 8765, "site_url": "http://127.0.0.1:8765"},
        {"host": "127.0.0.1", "port": 8765, "site_url": "https://clusters.example.org"},
    ]


def test_demo_does_not_serve_when_the_static_files_are_not_collected(
    cli, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("clusterhub.demo.management.commands.demo.demo_loaded", lambda: True)
    with override_settings(SECRET_KEY=GOOD_KEY, STATIC_ROOT=str(tmp_path / "nothing")):
        outcome = cli("demo", "--port", "8765")
    assert not outcome.ok
    assert "clusterhub collectstatic" in outcome.error


# --- Wrong environment values ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("DEBUG", "maybe", "DEBUG='maybe' is not a boolean"),
        ("CONN_MAX_AGE", "soon", "CONN_MAX_AGE='soon' is not an integer"),
        ("DATABASE_URL", "mongodb://db/clusters", "DATABASE_URL='mongodb://db/clusters' is not"),
        ("SITE_URL", "clusters.example.org", "SITE_URL"),
        ("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none", "DATABASE_URL cannot be used"),
    ],
)
def test_a_wrong_environment_value_stops_a_command_with_one_sentence_naming_it(
    tmp_path: Path, name: str, value: str, said: str
) -> None:
    env = {**os.environ, name: value}
    code = "from clusterhub.cli import main; main(['migrate', '--check'])"
    done = python(code, env, tmp_path)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert said in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
