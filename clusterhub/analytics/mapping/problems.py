"""What is wrong with a mapping input, said so a person can find it: file, row, column, reason.

The problems are the project's shared `RefusedValue`s and the inputs are refused with its
one `Refused` exception (`clusterhub.lib.refusal`), listing every problem found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clusterhub.lib.refusal import SHOWN, Refused, RefusedValue, describe

__all__ = ["SHOWN", "Findings", "Refused", "RefusedValue", "describe"]


@dataclass
class Findings:
    """Warnings gathered while reading and computing: reported, not fatal."""

    warnings: list[RefusedValue] = field(default_factory=list)

    def warn(self, file: str, row: int | None, column: str | None, reason: str) -> None:
        self.warnings.append(RefusedValue(file, row, column, reason=reason))
