"""What an import found: counts, warnings and the problems that refuse a file."""

from __future__ import annotations

from dataclasses import dataclass, field

from clusterhub.ingest.limits import MAX_PROBLEMS, MAX_WARNINGS, amount
from clusterhub.lib.refusal import Refused, RefusedValue


@dataclass
class ImportResult:
    file: str
    table: str
    dry_run: bool = False
    counts: dict[str, int] = field(
        default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0}
    )
    warnings: list[str] = field(default_factory=list)
    problems: list[RefusedValue] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    # Problems and warnings past the first MAX_PROBLEMS / MAX_WARNINGS are only counted, so
    # a file of a million bad rows gives a report a person can read, not 100 MB of text.
    more_problems: int = 0
    more_warnings: int = 0

    def add(self, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1

    def problem(self, found: RefusedValue) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(found)
        else:
            self.more_problems += 1

    def warn(self, message: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)
        else:
            self.more_warnings += 1

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.more_problems

    def unlisted(self) -> list[str]:
        """Lines that say how many problems and warnings were counted but not listed."""
        lines = []
        if self.more_problems:
            lines.append(
                f"{self.file}: and {amount(self.more_problems)} more problems (the first "
                f"{amount(MAX_PROBLEMS)} are listed)"
            )
        if self.more_warnings:
            lines.append(
                f"{self.file}: and {amount(self.more_warnings)} more warnings (the first "
                f"{amount(MAX_WARNINGS)} are listed)"
            )
        return lines

    def summary(self) -> str:
        c = self.counts
        verb = "would import" if self.dry_run else "imported"
        return (
            f"{self.file}: {verb} {self.table} - {c['created']} created, "
            f"{c['updated']} updated, {c['unchanged']} unchanged"
        )


class ImportRefused(Refused):
    """A file had invalid rows; nothing was written. `results` are the files' reports."""

    def __init__(self, results: list[ImportResult]) -> None:
        self.results = results
        count = sum(r.problem_count for r in results)
        super().__init__(
            [p for r in results for p in r.problems],
            unlisted=sum(r.more_problems for r in results),
            summary=f"{amount(count)} problem(s); nothing was imported",
        )
