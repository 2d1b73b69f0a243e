"""Knowing that the registry has not changed, without asking the database each time.

On PostgreSQL a trigger sends `NOTIFY clusterhub_registry` with every committed change
(migration registry 0004); each server process listens on a connection of its own and
reads what arrived without waiting. Changes made by this process are noted when they
commit (the history's signal), as their notification may arrive a moment later. When in
doubt (SQLite, inside a transaction, no listening connection, something arrived) the
caller asks the database as before.
"""

from __future__ import annotations

import select
import threading
import time
from typing import Any

import psycopg
from django.db import connection

CHANNEL = "clusterhub_registry"
RETRY_AFTER = 30.0  # seconds between attempts to listen, when one failed


class ChangeFeed:
    def __init__(self) -> None:
        self._listener: psycopg.Connection[Any] | None = None
        self._changed_here = True
        self._lock = threading.Lock()
        self._failed_at = -RETRY_AFTER

    def note_change(self, **kwargs: Any) -> None:
        self._changed_here = True

    def quiet(self) -> bool:
        """True when nothing has changed since the last call returned False or True."""
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            return False
        with self._lock:
            if self._listener is None:
                if time.monotonic() - self._failed_at >= RETRY_AFTER:
                    self._listener = self._listen()
                    # Changes before listening began are the caller's to check, now.
                    self._changed_here = False
                return False
            arrived = self._drain()
            changed_here, self._changed_here = self._changed_here, False
            return not (arrived or changed_here)

    def _listen(self) -> psycopg.Connection[Any] | None:
        try:
            listener = psycopg.connect(**connection.get_connection_params(), autocommit=True)
            listener.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error:
            self._failed_at = time.monotonic()
            return None
        return listener

    def _drain(self) -> bool:
        """Whether any notification arrived (or the listening connection broke)."""
        listener = self._listener
        if listener is None:
            return True
        try:
            readable, _, _ = select.select([listener.fileno()], [], [], 0)
            if not readable:
                return False
            listener.pgconn.consume_input()
            arrived = False
            while listener.pgconn.notifies() is not None:
                arrived = True
            return arrived
        except (psycopg.Error, OSError):
            self.close()
            return True

    def close(self) -> None:
        if self._listener is not None:
            try:
                self._listener.close()
            finally:
                self._listener = None
                self._changed_here = True


feed = ChangeFeed()
