"""`clusterhub import PATH`: bring a national file (CSV, XLSX, JSON, Data Package) into the registry."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from clusterhub.audit.services import Actor
from clusterhub.ingest.pipeline import run_import
from clusterhub.ingest.readers import Unreadable
from clusterhub.ingest.report import ImportRefused, ImportResult
from clusterhub.standard.fields import TABLES


class Command(BaseCommand):
    help = "Import cluster organisations, members or cooperations from a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="CSV, XLSX, JSON file or Data Package")
        parser.add_argument(
            "--table", choices=list(TABLES), help="the standard table the file holds"
        )
        parser.add_argument(
            "--mapping", type=Path, help="YAML file mapping national headers and words"
        )
        parser.add_argument("--source", help="provenance name for rows without a source column")
        parser.add_argument(
            "--dry-run", action="store_true", help="check everything, write nothing"
        )
        parser.add_argument(
            "--user",
            help="import as this user: every row is checked against the user's role, as in "
            "the browser (without it the operator's command line is not limited)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        err = Console(stderr=True, highlight=False, soft_wrap=True)
        show_progress = err.is_terminal and not os.environ.get("CI")
        path: Path = options["path"]
        user = _person(options["user"])
        actor = (
            Actor.person(user, context=f"import {path.name}")
            if user is not None
            else Actor.operator("import", context=f"import {path.name}")
        )
        try:
            with _progress(err, show_progress) as report:
                results = run_import(
                    path,
                    table=options["table"],
                    mapping_path=options["mapping"],
                    source=options["source"],
                    dry_run=options["dry_run"],
                    actor=actor,
                    progress=report,
                    user=user,
                )
        except Unreadable as exc:
            raise CommandError(str(exc)) from None
        except ImportRefused as refused:
            _print_refusal(refused.results)
            raise CommandError(f"{path.name} was refused: {refused}.") from None
        for result in results:
            _print_warnings(result)
            self.stdout.write(result.summary())


def _person(username: str | None) -> Any:
    if username is None:
        return None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"--user {username}: no active user of that name.")
    return user


class _progress:
    """A rich progress bar on a terminal; a no-op in CI and in pipes."""

    def __init__(self, console: Console, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> Any:
        if not self.enabled:
            return None
        self.bar.start()
        return self.update

    def update(self, name: str, fraction: float) -> None:
        if name not in self.tasks:
            self.tasks[name] = self.bar.add_task(name, total=1.0)
        self.bar.update(self.tasks[name], completed=fraction)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()


def _print_warnings(result: ImportResult) -> None:
    for warning in result.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    if result.more_warnings:
        sys.stderr.write(f"warning: {result.unlisted()[-1]}\n")


def _print_refusal(results: list[ImportResult]) -> None:
    for result in results:
        _print_warnings(result)
        for problem in result.problems:
            sys.stderr.write(f"{problem}\n")
        if result.more_problems:
            sys.stderr.write(f"{result.unlisted()[0]}\n")
