"""When a secret key is good enough to serve with: one rule for every way of serving."""

from __future__ import annotations

# Published in the source: fine for development (DEBUG on) and for commands that sign
# nothing (migrate, import, export), never for serving the site.
DEVELOPMENT_KEY = "clusterhub-development-key-change-me-in-production-0123456789"
MIN_LENGTH = 50

_ADVICE = (
    "set SECRET_KEY, or SECRET_KEY_FILE naming a file that holds it, to a random secret of "
    f"at least {MIN_LENGTH} characters (see docs/configuration.md)"
)


def secret_key_problem(key: str) -> str | None:
    """The one sentence that says why `key` may not be used to serve the site, or None."""
    if not key or key == DEVELOPMENT_KEY:
        return f"Clusterhub will not serve without a secret key of its own: {_ADVICE}."
    if len(key) < MIN_LENGTH:
        return f"Clusterhub will not serve with a secret key of {len(key)} characters: {_ADVICE}."
    return None


def serving_problem(key: str, debug: bool) -> str | None:
    """Why the site may not be served with these settings: with DEBUG on (development) the
    development key is allowed; with DEBUG off the key must pass `secret_key_problem`."""
    return None if debug else secret_key_problem(key)
