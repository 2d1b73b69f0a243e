"""The tasks tests run the real queue: tasks go into django-q2's table and a worker takes
them out (in this process, or as `clusterhub worker`)."""

from __future__ import annotations

import pytest
from django_q.conf import Conf

from clusterhub.tasks import queue


@pytest.fixture
def queued(monkeypatch, transactional_db):  # type: ignore[no-untyped-def]
    """Tasks are queued, not run at once; a failed one may be taken again at once (its
    retry time is 0 s), and the queue is looked at without pausing."""
    monkeypatch.setattr(queue, "AT_ONCE", False)
    monkeypatch.setattr(Conf, "RETRY", 0)
    monkeypatch.setattr(Conf, "POLL", 0)
    monkeypatch.setattr(Conf, "MAX_ATTEMPTS", 3)
