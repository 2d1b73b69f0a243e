"""One import run: a file (or a Data Package of several) in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from clusterhub.audit.services import Actor
from clusterhub.ingest.layout import find_layout
from clusterhub.ingest.mapping import Mapping, load_mapping
from clusterhub.ingest.models import ImportRun
from clusterhub.ingest.readers import RawTable, Unreadable, read_table
from clusterhub.ingest.readers.base import Row
from clusterhub.ingest.report import ImportRefused, ImportResult
from clusterhub.ingest.resolve import ClusterIndex
from clusterhub.ingest.steps import STEPS, Context
from clusterhub.standard.fields import TABLES

_MAX_SOURCE = 100  # Cluster.source

# Progress is reported as (file name, fraction done).
Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class Part:
    path: Path
    table: str | None
    raw: RawTable | None = None  # rows made in memory (the demo data) instead of a file


def _package_parts(descriptor: Path, table: str | None) -> list[Part]:
    try:
        package = json.loads(descriptor.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise Unreadable(
            f"{descriptor.name} is not a valid Data Package descriptor ({exc})."
        ) from None
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list) or not resources:
        raise Unreadable(f"{descriptor.name} lists no resources.")
    parts: dict[str, Part] = {}
    for resource in resources:
        name = str(resource.get("name", "")) if isinstance(resource, dict) else ""
        path = resource.get("path") if isinstance(resource, dict) else None
        if name not in TABLES:
            raise Unreadable(
                f"{descriptor.name}: resource {name!r} is not a table of the standard ({', '.join(TABLES)})."
            )
        if not isinstance(path, str) or Path(path).is_absolute() or ".." in Path(path).parts:
            raise Unreadable(
                f"{descriptor.name}: resource {name!r} needs a relative path inside the package."
            )
        parts[name] = Part(_inside(descriptor, name, path), name)
    wanted = [table] if table else list(TABLES)
    if not any(t in parts for t in wanted):
        raise Unreadable(f"{descriptor.name} has no resource named {table!r}.")
    # Clusters first: members and cooperations refer to them.
    return [parts[t] for t in wanted if t in parts]


def _inside(descriptor: Path, name: str, path: str) -> Path:
    """The resource's file, refused when it (or a link on the way) leads out of the package."""
    root = descriptor.parent.resolve()
    target = descriptor.parent / path
    try:
        resolved = target.resolve(strict=False)
    except (OSError, RuntimeError):  # a loop of links
        resolved = Path("/")
    if not resolved.is_relative_to(root):
        raise Unreadable(
            f"{descriptor.name}: resource {name!r} is a link to a file outside the package; "
            "put the file itself in the package folder."
        )
    return target


def plan(path: Path, table: str | None) -> list[Part]:
    if path.is_dir() and (path / "datapackage.json").exists():
        return _package_parts(path / "datapackage.json", table)
    if path.name.endswith("datapackage.json"):
        if not path.exists():
            raise Unreadable(f"{path}: no such file.")
        return _package_parts(path, table)
    return [Part(path, table)]


@dataclass(frozen=True)
class Run:
    """What is the same for every file of one import run."""

    mapping: Mapping
    source: str | None
    actor: Actor
    dry_run: bool
    progress: Progress | None
    is_demo: bool
    user: Any
    max_rows: int | None


def run_import(
    path: Path | list[Part],
    *,
    table: str | None = None,
    mapping_path: Path | None = None,
    source: str | None = None,
    dry_run: bool = False,
    actor: Actor | None = None,
    progress: Progress | None = None,
    is_demo: bool = False,
    user: Any = None,
    max_rows: int | None = None,
) -> list[ImportResult]:
    """Import `path`; raises `Unreadable` or `ImportRefused`, in which case nothing is written.

    `user` is the person importing (from the browser, or `import --user`): every row is
    asked of the permission policy, with the record it would change and its new values.
    None is the system (the operator's command line), which is not limited. `max_rows`
    refuses a file of more rows (the browser's limit; the readers have their own).
    """
    mapping = load_mapping(mapping_path)
    for given in (source, mapping.source):
        if given and len(given) > _MAX_SOURCE:
            raise Unreadable(
                f"the source name {given[:40]!r}... is longer than {_MAX_SOURCE} characters."
            )
    parts = path if isinstance(path, list) else plan(path, table)
    run = Run(
        mapping=mapping,
        source=source,
        actor=actor
        or (
            Actor.person(user, context=f"import {parts[0].path.name}")
            if user is not None
            else Actor.system("import", context=f"import {parts[0].path.name}")
        ),
        dry_run=dry_run,
        progress=progress,
        is_demo=is_demo,
        user=user,
        max_rows=max_rows,
    )
    results: list[ImportResult] = []
    clusters = ClusterIndex()
    with transaction.atomic():
        for part in parts:
            refused_before = any(r.problems for r in results)
            results.append(_import_part(part, run, clusters, refused_before))
        refused = any(r.problems for r in results)
        if refused or dry_run:
            transaction.set_rollback(True)
    if refused:
        raise ImportRefused(results)
    return results


def _at_most(name: str, rows: Iterator[Row], limit: int) -> Iterator[Row]:
    for count, row in enumerate(rows, start=1):
        if count > limit:
            raise Unreadable(
                f"{name} has more than {limit:,} rows, the most an import from the browser "
                "takes; import it with `clusterhub import` on the command line."
            )
        yield row


def _import_part(
    part: Part, run: Run, clusters: ClusterIndex, refused_before: bool
) -> ImportResult:
    started = timezone.now()
    raw = part.raw or read_table(part.path)
    if run.max_rows is not None:
        raw.rows = _at_most(raw.name, raw.rows, run.max_rows)
    layout, rows = find_layout(raw, run.mapping, part.table)
    result = ImportResult(file=raw.name, table=layout.table, dry_run=run.dry_run)
    if layout.unknown:
        result.warn(
            f"{raw.name}: columns not in the standard were left out: {', '.join(layout.unknown)}"
        )
    progress = run.progress
    ctx = Context(
        file=raw.name,
        mapping=run.mapping,
        source=run.source,
        actor=run.actor,
        result=result,
        clusters=clusters,
        progress=(lambda: progress(raw.name, raw.progress())) if progress else (lambda: None),
        is_demo=run.is_demo,
        refused_before=refused_before,
        user=run.user,
    )
    STEPS[layout.table](ctx, layout, rows)
    if progress:
        progress(raw.name, 1.0)
    if not result.problems and not refused_before:
        ImportRun.objects.create(
            started_at=started,
            finished_at=timezone.now(),
            file_name=raw.name[:300],
            table=layout.table,
            source=", ".join(sorted(result.sources))[:100] or (run.source or ""),
            actor_name=run.actor.name,
            **{k: result.counts.get(k, 0) for k in ("created", "updated", "unchanged")},
        )
    return result
