"""Joins as the pipeline needs them."""

from __future__ import annotations

import ibis.expr.types as ir


def left_join(left: ir.Table, right: ir.Table, keys: list[str]) -> ir.Table:
    """All rows of `left` with the columns of `right` matched on equal keys (kept once)."""
    joined = left.left_join(right, keys)
    return joined.drop(*[f"{key}_right" for key in keys if f"{key}_right" in joined.columns])
