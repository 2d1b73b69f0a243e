"""Figures as the active language writes them (0,71 in Czech; 6.128 in German), rounded.

Django's `number_format` cuts a float's digits off (9.8063 with two decimals shows 9.80, 66.67 %
with none shows 66 %); every page, chart and report formats its numbers here so that the same
figure reads the same everywhere.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format

from clusterhub.lib.numbers import half_up


def figure(value: float | int | Decimal, digits: int = 0, *, grouping: bool = True) -> str:
    """`value` rounded half up to `digits` decimals, in the active language's format, with
    its thousands grouped unless `grouping` is off."""
    return number_format(half_up(value, digits), digits, force_grouping=grouping)
