"""Typed readers for environment variables that fail loudly on a bad value."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit


class BadSetting(ValueError):
    """Raised when an environment variable holds a value of the wrong kind."""


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise BadSetting(f"{name}={raw!r} is not a boolean (use true or false)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadSetting(f"{name}={raw!r} is not an integer") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_origin(name: str, default: str) -> str:
    """An http(s) address with nothing after the host and port, without a trailing slash:
    the start of the links the site writes into pages and mail."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        url = urlsplit(raw.strip())
        port_ok = url.port is None or url.port > 0
    except ValueError:
        url, port_ok = None, False
    if (
        url is None
        or not port_ok
        or url.scheme.lower() not in {"http", "https"}
        or not url.hostname
        or "@" in url.netloc
        or url.path not in {"", "/"}
        or url.query
        or url.fragment
        or raw.strip().endswith(("?", "#"))
    ):
        raise BadSetting(
            f"{name}={raw!r} is not an http(s) address without a path "
            "(e.g. https://clusters.example.org)"
        )
    return f"{url.scheme.lower()}://{url.netloc.lower()}"


def env_secret(name: str, file_name: str) -> str:
    """A secret from the variable `name`, else from the file that `file_name` names (read and
    stripped); "" when neither is set. A named file that cannot be read or is empty is an
    error: a secret the operator meant to give is never silently replaced."""
    value = os.environ.get(name, "")
    if value:
        return value
    path = os.environ.get(file_name, "")
    if not path:
        return ""
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BadSetting(f"{file_name}={path!r} cannot be read: {reason}") from None
    if not text:
        raise BadSetting(f"{file_name}={path!r} is empty")
    return text
