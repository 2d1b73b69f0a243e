"""What an import found: counts, warnings and the problems that refuse a file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowProblem:
    file: str
    row: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, row {self.row}"
        if self.column:
            shown = self.value if len(self.value) <= 80 else self.value[:77] + "..."
            return f"{where}, column {self.column}, value {shown!r}: {self.reason}"
        return f"{where}: {self.reason}"


@dataclass
class ImportResult:
    file: str
    table: str
    dry_run: bool = False
    counts: dict[str, int] = field(
        default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0}
    )
    warnings: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    def add(self, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1

    def summary(self) -> str:
        c = self.counts
        verb = "would import" if self.dry_run else "imported"
        return (
            f"{self.file}: {verb} {self.table} - {c['created']} created, "
            f"{c['updated']} updated, {c['unchanged']} unchanged"
        )


class ImportRefused(Exception):
    """A file had invalid rows; nothing was written."""

    def __init__(self, results: list[ImportResult]) -> None:
        self.results = results
        count = sum(len(r.problems) for r in results)
        super().__init__(f"{count} problem(s); nothing was imported")
