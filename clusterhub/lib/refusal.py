"""One type for a refused row or value, and one exception for a refused file.

Every reader and checker (the importer, survey answers and questionnaires, the mapping's
inputs and results, region names and shapes) says what is wrong the same way:

    members.csv, row 5, column employees, value '-1': must not be negative
    obs.csv, row 3, column employment: is empty
    benchmarking-2026.yaml, question members_foreign: type 'integr' is not one of ...

and refuses a file by raising `Refused` with every `RefusedValue` it found (the first ones
and a count of the rest, when there are very many). Plain Python: `analytics` uses it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from clusterhub.lib.text import cut

# The longest value a message shows; longer ones are cut and end in "...".
VALUE_CHARS = 80
# How many refused values the exception's message lists before it says "and N more".
SHOWN = 20


@dataclass(frozen=True)
class RefusedValue:
    """One refused row or value, said so a person can find it in their file.

    Attributes:
        file: the file's name as the user gave it ("" when `reason` names the file).
        row: the row as the user sees it in the file (a CSV header is row 1), or None.
        column: the column (or field, or question id) concerned, or None.
        value: the text refused, or None when no value is shown (a whole row or column).
        reason: what is wrong, in plain words ("is not a number").
        where: a place in a file that has no rows and columns ("question members_foreign",
            "feature 3", "line 12"), or "".
    """

    file: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    reason: str = ""
    where: str = ""

    def __post_init__(self) -> None:
        if not self.reason:
            raise ValueError("a refused value needs a reason")

    def __str__(self) -> str:
        place = [self.file] if self.file else []
        if self.where:
            place.append(self.where)
        if self.row is not None:
            place.append(f"row {self.row}")
        if self.column:
            place.append(f"column {self.column}")
        if self.value is not None:
            place.append(f"value {cut(self.value, VALUE_CHARS)!r}")
        return f"{', '.join(place)}: {self.reason}" if place else self.reason


class Refused(Exception):
    """A file (or a set of values) was refused; nothing was written.

    `problems` lists the refused values found (at most as many as the reader keeps) and
    `unlisted` counts the others, found but not kept. The message is `summary` if given,
    else the first `SHOWN` refused values, one a line, and how many more there are.
    """

    def __init__(
        self,
        problems: RefusedValue | Iterable[RefusedValue],
        unlisted: int = 0,
        summary: str | None = None,
    ) -> None:
        self.problems = [problems] if isinstance(problems, RefusedValue) else list(problems)
        self.unlisted = unlisted
        super().__init__(describe(self.problems, unlisted) if summary is None else summary)

    @property
    def count(self) -> int:
        """How many refused values were found, listed or not."""
        return len(self.problems) + self.unlisted


def describe(problems: Sequence[RefusedValue], unlisted: int = 0, shown: int = SHOWN) -> str:
    """The refused values as lines: the first `shown` and how many more there are."""
    lines = [str(problem) for problem in problems[:shown]]
    more = len(problems) + unlisted - len(lines)
    if more:
        lines.append(f"... and {more:,} more")
    return "\n".join(lines)
