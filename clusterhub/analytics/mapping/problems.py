"""What is wrong with a mapping input, said so a person can find it: file, row, column, reason.

The problems are the project's shared `RefusedValue`s and the inputs are refused with its
one `Refused` exception (`clusterhub.lib.refusal`), listing every problem found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from clusterhub.analytics.mapping import limits
from clusterhub.lib.refusal import SHOWN, Refused, RefusedValue, describe

__all__ = ["SHOWN", "Findings", "Problems", "Refused", "RefusedValue", "describe"]


@dataclass
class Findings:
    """Warnings gathered while reading and computing: reported, not fatal. The first
    `limits.LISTED` given through `warn` are kept, the others counted in `unlisted`."""

    warnings: list[RefusedValue] = field(default_factory=list)
    unlisted: int = 0

    def warn(self, file: str, row: int | None, column: str | None, reason: str) -> None:
        if len(self.warnings) >= limits.LISTED:
            self.unlisted += 1
            return
        self.warnings.append(RefusedValue(file, row, column, reason=reason))


class Problems(list[RefusedValue]):
    """The problems found in the inputs: the first `limits.LISTED` kept, the rest counted
    (a file of a million bad rows must not become a million messages held)."""

    unlisted = 0

    def append(self, problem: RefusedValue) -> None:
        if len(self) < limits.LISTED:
            super().append(problem)
        else:
            self.unlisted += 1

    def extend(self, problems: Iterable[RefusedValue]) -> None:
        for problem in problems:
            self.append(problem)

    def refused(self) -> Refused:
        """The inputs refused with the problems kept and the count of the others."""
        return Refused(self, unlisted=self.unlisted)
