"""Deterministic demo data for the cluster registry (pure Python, no Django).

`generate(seed)` returns clusters, members and cooperation links in the columns of the data
standard, as strings, plus the native names of every NUTS region they use.
"""

from __future__ import annotations

from clusterhub.demo.registry.generate import DemoData, generate

__all__ = ["DemoData", "generate"]
