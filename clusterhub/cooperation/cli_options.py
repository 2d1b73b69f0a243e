"""Options the cooperation verbs share, checked the same way."""

from __future__ import annotations

from django.core.management.base import CommandError


def parse_top(given: str, maximum: int) -> int:
    """`--top`: a whole number from 1 to `maximum`, else one sentence naming it."""
    try:
        top = int(given)
    except ValueError:
        top = 0
    if not 1 <= top <= maximum:
        raise CommandError(f"--top {given}: give a whole number from 1 to {maximum}")
    return top
