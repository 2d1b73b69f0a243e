"""Running the queue: django-q2's cluster, kept alive through database outages.

`serve()` is what `clusterhub worker` runs: it writes the periodic jobs into the schedule,
then starts django-q2's cluster (a guard process that restarts its workers, a process that
pulls tasks from the queue table and one that stores their results) and waits. The cluster
survives a task that raises (the error is stored, the task retried) and its own processes
dying (the guard starts new ones). What it does not survive, a failure of the guard
itself or of the start-up while the database is unreachable, is caught here: one line is
logged and the cluster is started again after a pause.

`run_queued()` runs what is queued now, in this process, through the same worker and
result code (`clusterhub worker --once`, and the tests).
"""

from __future__ import annotations

import logging
import time
from multiprocessing import Value

from django.db import DatabaseError, close_old_connections, connections
from django_q.brokers import get_broker
from django_q.cluster import Cluster
from django_q.conf import Conf
from django_q.monitor import monitor
from django_q.queues import Queue
from django_q.scheduler import scheduler
from django_q.signing import BadSignature, SignedPackage
from django_q.worker import worker

from clusterhub.tasks.periodic import sync_schedule

log = logging.getLogger(__name__)

# Seconds to wait before starting again after the database was unreachable or the cluster
# stopped by itself.
PAUSE = 10


def _sync_until_reachable(pause: float) -> list[str]:
    while True:
        try:
            return sync_schedule()
        except DatabaseError as exc:
            log.error("the database is unreachable (%s); trying again in %s s", exc, pause)
            close_old_connections()
            time.sleep(pause)


def _fresh_connections() -> None:
    """Each step of the worker opens its own database connection (CONN_MAX_AGE 0 here,
    whatever the site uses): a kept connection that the database dropped while the worker
    waited (a restart, an idle timeout) would fail the next task, or lose a finished task's
    result. The worker's queries are few, so the cost is a connection a second or so."""
    for alias in connections:
        connections[alias].settings_dict["CONN_MAX_AGE"] = 0


def serve(*, pause: float = PAUSE) -> None:
    """Run the cluster until it is stopped by SIGTERM or SIGINT."""
    _fresh_connections()
    while True:
        jobs = _sync_until_reachable(pause)
        log.warning("worker starting: %d workers; periodic jobs: %s", Conf.WORKERS, jobs)
        cluster = Cluster()
        try:
            cluster.start()
        except RuntimeError as exc:  # the guard process died while starting
            log.error("the worker could not start (%s); trying again in %s s", exc, pause)
            time.sleep(pause)
            continue
        while cluster.sentinel is not None and cluster.sentinel.is_alive():
            cluster.sentinel.join(1)
        if cluster.stop_event is None:  # stopped by a signal: Cluster.stop() clears it
            return
        log.error(
            "the worker's guard stopped (exit code %s); starting again in %s s",
            cluster.sentinel.exitcode if cluster.sentinel else None,
            pause,
        )
        time.sleep(pause)


def run_queued(*, limit: int | None = None) -> int:
    """Run the periodic jobs that are due and the tasks queued now, one by one in this
    process; returns how many tasks ran. A task that raises is recorded as failed and stays
    queued for its next attempt, as under `serve`."""
    broker = get_broker()
    scheduler(broker=broker)
    ran = 0
    while limit is None or ran < limit:
        batch = broker.queue_size() and broker.dequeue()
        if not batch:
            break
        for ack_id, payload in batch:
            try:
                task = SignedPackage.loads(payload)
            except (TypeError, BadSignature):
                log.exception("a queued task could not be read; it is dropped")
                broker.fail(ack_id)
                continue
            task["ack_id"] = ack_id
            task["cluster"] = Conf.CLUSTER_NAME
            tasks, results = Queue(), Queue()
            tasks.put(task)
            tasks.put("STOP")
            worker(tasks, results, Value("f", -1))
            results.put("STOP")
            monitor(results, broker)
            ran += 1
    return ran
