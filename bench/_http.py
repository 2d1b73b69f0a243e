"""A small closed-loop HTTP/1.1 load generator for the server benchmarks (asyncio, no deps).

Each client sends one request, waits for the whole answer, and sends the next, over a
kept-alive connection (reopened when the server closes it, as gunicorn's sync workers
do). Latency is measured from sending the request (or opening the connection, when one
is needed) to the last byte of the body. Bounded in time; only for local servers.
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)  # label -> seconds
    errors: dict[str, int] = field(default_factory=dict)
    rounds: int = 0  # completed iterations of a client's request sequence
    seconds: float = 0.0

    def record(self, label: str, seconds: float, ok: bool) -> None:
        if ok:
            self.latencies.setdefault(label, []).append(seconds)
        else:
            self.errors[label] = self.errors.get(label, 0) + 1


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=1000, method="inclusive")[int(p * 10) - 1]


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            "Accept: application/json\r\nConnection: keep-alive\r\n\r\n"
        )
        self.writer.write(request.encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunked()
        else:
            body = await self.reader.read()
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def _chunked(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


Plan = Callable[[int], list[tuple[str, str]]]  # iteration number -> [(label, path)]


async def _client(
    host: str, port: int, plan: Plan, offset: int, deadline: float, stats: Stats
) -> None:
    conn = Connection(host, port)
    iteration = offset
    try:
        while time.perf_counter() < deadline:
            steps = plan(iteration)
            total, all_ok = 0.0, True
            for label, path in steps:
                started = time.perf_counter()
                try:
                    status, _ = await conn.get(path)
                    ok = status == 200
                except (ConnectionError, OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    await conn.close()
                elapsed = time.perf_counter() - started
                stats.record(label, elapsed, ok)
                total, all_ok = total + elapsed, all_ok and ok
            if len(steps) > 1:
                stats.record("search (all)", total, all_ok)
            stats.rounds += 1
            iteration += 1
    finally:
        await conn.close()


async def _run(host: str, port: int, plan: Plan, clients: int, seconds: float) -> Stats:
    stats = Stats()
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(_client(host, port, plan, i * 7, deadline, stats) for i in range(clients))
    )
    stats.seconds = time.perf_counter() - started
    return stats


def drive(host: str, port: int, plan: Plan, clients: int, seconds: float) -> Stats:
    """Run `clients` closed-loop clients for `seconds`; the last requests may end after."""
    return asyncio.run(_run(host, port, plan, clients, seconds))


def wait_until_up(host: str, port: int, path: str, timeout: float = 60.0) -> None:
    async def probe() -> bool:
        conn = Connection(host, port)
        try:
            status, _ = await conn.get(path)
            return status == 200
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            return False
        finally:
            await conn.close()

    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if asyncio.run(probe()):
            return
        time.sleep(0.25)
    raise RuntimeError(f"no answer from http://{host}:{port}{path} within {timeout:.0f} s")
