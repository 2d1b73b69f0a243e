"""A cluster named in a form's text: its registry id, "Name (CC)" as the cluster picker fills
it, its id at the source, or its name alone. One reading for every cooperation service, so a
picker's text, a typed id and the command line's numbers all name the same cluster."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from clusterhub.lib.text import cut
from clusterhub.registry.models import Cluster

# Past 18 digits no id fits the database's integers (the query itself would fail).
_MAX_DIGITS = 18
# "Name (CC)": the last parenthesis of two letters is the country; the name may hold others.
_NAME_COUNTRY = re.compile(r"^(?P<name>.*\S)\s*\((?P<country>[A-Za-z]{2})\)$", re.DOTALL)
# A value is quoted back shortened: a pasted page is not echoed whole.
_SHOWN = 120


def registry_number(value: Any) -> int | None:
    """`value` as a registry id, or None when it cannot be one."""
    text = "" if value is None else str(value).strip()
    # isdecimal, not isdigit: int() refuses "²".
    return int(text) if text.isdecimal() and len(text) <= _MAX_DIGITS else None


def label(cluster: Cluster) -> str:
    """The text the picker fills for `cluster`."""
    return f"{cluster.name} ({cluster.country})"


def shown(value: Any) -> str:
    return cut(" ".join(str(value).split()), _SHOWN)


def _one(found: list[Cluster], value: str) -> tuple[Cluster | None, str | None]:
    if len(found) == 1:
        return found[0], None
    return None, _(
        "%(value)s names more than one cluster; choose one from the suggestions or give its "
        "registry id."
    ) % {"value": shown(value)}


def find_cluster(value: Any) -> tuple[Cluster | None, str | None]:
    """The cluster `value` names and None, or None and the reason (an empty value: both None).

    Tried in turn: a Cluster, a registry id, "Name (CC)", an id at the source, a name.
    A text naming several clusters is refused, never guessed."""
    if isinstance(value, Cluster):
        return value, None
    text = "" if value is None else str(value).strip()
    if not text:
        return None, None
    number = registry_number(text)
    if number is not None:
        found = Cluster.objects.filter(pk=number).first()
        if found is not None:
            return found, None
    if len(text) > 1000:  # no name is this long; no query for it
        return None, _unknown(text)
    match = _NAME_COUNTRY.match(text)
    if match:
        named = _named_in(match["name"], match["country"].upper())
        if named:
            return _one(named, text)
    for lookup in ({"source_id": text}, {"name__iexact": text}):
        named = list(Cluster.objects.filter(**lookup)[:2])
        if named:
            return _one(named, text)
    return None, _unknown(text)


def _named_in(name: str, country: str) -> list[Cluster]:
    """The (at most two) clusters of `country` called `name`, case aside; SQLite's iexact
    ignores the case of ASCII letters only ("Österreich" is not "österreich" there)."""
    in_country = Cluster.objects.filter(country=country)
    named = list(in_country.filter(name__iexact=name)[:2])
    if named:
        return named
    wanted = name.casefold()
    pks = [pk for pk, text in in_country.values_list("pk", "name") if text.casefold() == wanted]
    return list(Cluster.objects.filter(pk__in=pks[:2]))


def _unknown(text: str) -> str:
    if text.isdecimal():
        return _("No cluster has the registry id %(value)s.") % {"value": shown(text)}
    return _("No cluster is called %(value)s.") % {"value": shown(text)}


def split_lines(text: Any) -> list[str]:
    """The clusters of a box with one per line; a line of numbers only (the old way: ids
    separated by spaces or commas) gives each number."""
    values: list[str] = []
    for line in str(text or "").splitlines():
        parts = line.replace(",", " ").replace(";", " ").split()
        if parts and all(part.isdecimal() for part in parts):
            values.extend(parts)
        elif line.strip():
            values.append(line.strip())
    return values


def labels(clusters: list[Cluster]) -> list[str]:
    """What a form shows for `clusters`: "Name (CC)", or the registry id where another
    cluster has the same name and country (that text would be refused as ambiguous)."""
    if not clusters:
        return []
    names = {c.name for c in clusters}
    seen: dict[tuple[str, str], int] = {}
    for name, country in Cluster.objects.filter(name__in=names).values_list("name", "country"):
        seen[(name.lower(), country)] = seen.get((name.lower(), country), 0) + 1
    return [
        label(c) if seen.get((c.name.lower(), c.country), 0) <= 1 else str(c.pk) for c in clusters
    ]
