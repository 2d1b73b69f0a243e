"""What is wrong with a mapping input, said so a person can find it: file, row, field, reason."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# How many problems a message lists before it says "and N more".
SHOWN = 20


@dataclass(frozen=True)
class Problem:
    """One finding about one input file.

    Attributes:
        file: the file's name as the user gave it.
        row: the 1-based line in the file (the header is row 1), or None for the whole file.
        field: the column concerned, or None.
        reason: what is wrong, in plain words.
    """

    file: str
    row: int | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", {self.field}"
        return f"{where}: {self.reason}"


class InputError(Exception):
    """The inputs cannot be mapped; every problem found is listed, nothing is written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(describe(self.problems))


@dataclass
class Findings:
    """Warnings gathered while reading and computing: reported, not fatal."""

    warnings: list[Problem] = field(default_factory=list)

    def warn(self, file: str, row: int | None, column: str | None, reason: str) -> None:
        self.warnings.append(Problem(file, row, column, reason))


def describe(problems: list[Problem]) -> str:
    """The problems as lines, the first `SHOWN` of them and a count of the rest."""
    lines = [str(problem) for problem in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"... and {len(problems) - SHOWN} more")
    return "\n".join(lines)
