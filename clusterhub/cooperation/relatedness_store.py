"""Storing relatedness matrices as named result sets: every write of them goes through here.

`store_relatedness` checks a matrix whole (columns, codes, finite values, no pair twice),
then writes the result set and its pairs in one transaction with one audit entry; a refused
matrix, a name taken (without `replace`) or an actor the policy refuses leaves the database
as it was. Like mapping result sets, relatedness sets are shared statistics: only admins and
coordinators may store them (the command line runs as the operator, a system actor).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from clusterhub.accounts.policy import Action, NotPermitted, Refusal, can
from clusterhub.analytics.relatedness.blend import checked_matrix, read_table
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor, Change, record
from clusterhub.cooperation.models import RelatednessPair, RelatednessResult
from clusterhub.db import insert_rows
from clusterhub.lib.refusal import Refused, RefusedValue
from clusterhub.mapping.models import MappingCategory
from clusterhub.registry.models import Term

MODEL = "relatednessresult"
NAME_LENGTH = 200
CODE_LENGTH = 100  # RelatednessPair.category_a / category_b

__all__ = [
    "Refused",
    "Stored",
    "check_storable",
    "load_relatedness",
    "store_relatedness",
    "unmatched_warning",
]


@dataclass(frozen=True)
class Stored:
    """What `store_relatedness` stored."""

    result: RelatednessResult
    replaced: bool

    def summary(self) -> str:
        verb = "replaced" if self.replaced else "stored"
        measure = f" ({self.result.measure})" if self.result.measure else ""
        return (
            f"{self.result.name}{measure} {verb}: {self.result.pairs:,} "
            f"pair{'' if self.result.pairs == 1 else 's'} of {self.result.categories:,} categories"
        )


def load_relatedness(
    path: Path, *, name: str, replace: bool = False, description: str = "", actor: Actor
) -> Stored:
    """Store a relatedness matrix file (CSV or Parquet: `category_a`, `category_b`,
    `relatedness`) as the result set `name`; the file is read and checked whole first.

    Raises:
        Refused: the file has problems (file, row, column, value) or the name is refused.
        NotPermitted: the actor may not store relatedness sets.
    """
    check_storable(name, replace=replace, actor=actor, label=path.name)
    return store_relatedness(
        read_table(path),  # checked there, once
        name=name,
        source=path.name,
        description=description,
        replace=replace,
        actor=actor,
    )


def store_relatedness(
    matrix: pd.DataFrame,
    *,
    name: str,
    measure: str = "",
    source: str = "",
    description: str = "",
    replace: bool = False,
    actor: Actor,
) -> Stored:
    """Store `matrix` (`category_a`, `category_b`, `relatedness`; pairs of a category with
    itself are left out) as the result set `name`.

    Args:
        matrix: as `relatedness()`, `blend()` or `read_matrix()` return it.
        name: the set's name; unique (spaces collapsed).
        measure: how it was computed (the measure, and any blend), shown with the set.
        source: the file it came from, or the inputs of the computation.
        replace: replace the pairs of an existing set of this name (its slug stays);
            without it an existing name is refused.
        actor: who stores, for the permission policy and the history.

    Raises:
        Refused: the name is empty, too long or taken, or the matrix has a bad cell.
        NotPermitted: a person who is neither an admin nor a coordinator.
    """
    label = source or name
    name = " ".join(name.split())
    check_storable(name, replace=replace, actor=actor, label=label)
    pairs = _checked(matrix, label)
    with transaction.atomic():
        existing = RelatednessResult.objects.select_for_update().filter(name=name).first()
        if existing is not None and not replace:
            raise _taken(label, name)  # another store took the name meanwhile
        before = _summary(existing) if existing is not None else None
        result = existing or RelatednessResult(name=name, slug=_free_slug(name))
        result.measure = measure[:100]
        result.description = description
        result.source = source[:300]
        result.categories = len(set(pairs["category_a"]) | set(pairs["category_b"]))
        result.pairs = len(pairs)
        result.loaded_at = timezone.now()
        result.loaded_by = actor.name[:200]
        result.save()
        if existing is not None:
            RelatednessPair.objects.filter(result=result).delete()
        rows = zip(
            repeat(result.pk),
            pairs["category_a"].tolist(),
            pairs["category_b"].tolist(),
            pairs["relatedness"].tolist(),
            strict=False,
        )
        insert_rows(
            RelatednessPair, ("result_id", "category_a", "category_b", "relatedness"), list(rows)
        )
        action = AuditEntry.Action.UPDATE if existing else AuditEntry.Action.CREATE
        record(actor, Change(action, MODEL, str(result.pk), name, before, _summary(result)))
    return Stored(result, existing is not None)


def check_storable(name: str, *, replace: bool, actor: Actor, label: str) -> None:
    """Whether `actor` may store a set named `name` now (checked again when storing); to
    refuse before a long computation.

    A person needs the policy's yes; relatedness sets are shared, so the record as it is and
    as it will be need the same right: to coordinate.

    Raises:
        Refused: the name is empty, too long, or taken (without `replace`), said with `label`.
        NotPermitted: the actor may not store relatedness sets.
    """
    if actor.user is not None and not can(actor.user, Action.COORDINATE):
        raise NotPermitted(Refusal.RECORD)
    name = " ".join(name.split())
    if not name:
        raise Refused(RefusedValue(label, reason="the relatedness set needs a name"))
    if len(name) > NAME_LENGTH:
        reason = f"the name is longer than {NAME_LENGTH} characters"
        raise Refused(RefusedValue(label, value=name, reason=reason))
    if not replace and RelatednessResult.objects.filter(name=name).exists():
        raise _taken(label, name)


def _taken(label: str, name: str) -> Refused:
    reason = (
        f"a relatedness set named {name!r} exists already; replace it explicitly "
        "(--replace) or choose another name"
    )
    return Refused(RefusedValue(label, reason=reason))


def _checked(matrix: pd.DataFrame, label: str) -> pd.DataFrame:
    """The pairs of different categories (`checked_matrix`), with codes the table holds."""
    pairs = checked_matrix(matrix, label)
    problems: list[RefusedValue] = []
    for column in ("category_a", "category_b"):
        codes = matrix[column].astype("string").str.strip().fillna("")
        for position in np.flatnonzero((codes.str.len() > CODE_LENGTH).to_numpy())[:5]:
            reason = f"is longer than {CODE_LENGTH} characters"
            problems.append(
                RefusedValue(label, int(position) + 2, column, codes.iloc[position], reason)
            )
    if problems:
        raise Refused(problems)
    return pairs


def unmatched_warning(result: RelatednessResult) -> str | None:
    """A warning when none of a stored set's categories is a sector code of the registry
    (NACE) or a category of a mapping result, while the registry or the mapping has codes:
    the set's codes are of another system, and neither partner suggestions nor the category
    pages would use it."""
    known = set(Term.objects.filter(vocabulary=Term.Vocabulary.NACE).values_list("code", flat=True))
    known |= set(MappingCategory.objects.values_list("code", flat=True).distinct())
    if not known:
        return None
    pairs = RelatednessPair.objects.filter(result=result)
    codes = set(pairs.values_list("category_a", flat=True).distinct())
    codes |= set(pairs.values_list("category_b", flat=True).distinct())
    if codes & known:
        return None
    shown = ", ".join(sorted(codes)[:3]) + (", ..." if len(codes) > 3 else "")
    return (
        f"warning: none of the {len(codes):,} categories of {result.name} ({shown}) is a "
        "NACE code of the registry or a category of a mapping result; partner suggestions "
        "and the category pages will not find them"
    )


def _free_slug(name: str) -> str:
    base = slugify(name)[:190] or "relatedness"
    slug, n = base, 1
    while RelatednessResult.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _summary(result: RelatednessResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "slug": result.slug,
        "measure": result.measure,
        "description": result.description,
        "source": result.source,
        "categories": result.categories,
        "pairs": result.pairs,
    }
