"""Partner suggestions for one organisation or all of them, and dismissing one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from clusterhub.accounts.policy import Action, NotPermitted, Refusal, can
from clusterhub.analytics.partners import DEFAULT_WEIGHTS, Suggestion, weights_with
from clusterhub.analytics.partners.score import PARTS_ARE
from clusterhub.analytics.weights import parse_weight
from clusterhub.audit.services import Actor, Change, record
from clusterhub.cooperation.models import SuggestionDismissal
from clusterhub.cooperation.suggestions.inputs import current_scorer
from clusterhub.cooperation.suggestions.reasons import reason_text
from clusterhub.registry.models import Cluster

DEFAULT_TOP = 10
MAX_TOP = 100
DISMISSAL = "suggestion_dismissal"
# Weights are relative (the defaults lie between 0 and a few): a larger one is a typing
# error, and past about 1e36 the scorer's 32-bit floats overflow and every score is lost.
MAX_WEIGHT = 1000.0


class WeightRefused(ValueError):
    """A weight given as text that cannot be used; `reason` says why."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


def parse_weights(items: Iterable[str], separator: str) -> dict[str, float]:
    """`PART<separator>VALUE` items (the command line's `=`, the API's `:`) as weights. A
    part given twice is refused (which would count?), and so are weights that leave every
    part at 0 (every score would be 0 and the order would say nothing)."""
    weights: dict[str, float] = {}
    for item in items:
        try:
            name, value = parse_weight(item, separator, DEFAULT_WEIGHTS, PARTS_ARE)
        except ValueError as error:
            raise WeightRefused(item, str(error)) from None
        if (reason := _too_heavy(name, value)) is not None:
            raise WeightRefused(item, reason)
        if name in weights:
            raise WeightRefused(name, _("the part is given twice; give it once"))
        weights[name] = value
    if weights and not any(v > 0 for v in {**DEFAULT_WEIGHTS, **weights}.values()):
        # No one item is at fault: `item` is empty.
        raise WeightRefused("", _("every part's weight is 0; give one part a weight above 0"))
    return weights


def _too_heavy(name: str, value: Any) -> str | None:
    if isinstance(value, int | float) and value > MAX_WEIGHT:
        return _("the weight of %(name)r must be at most %(limit)g, not %(value)g") % {
            "name": name,
            "limit": MAX_WEIGHT,
            "value": value,
        }
    return None


def _bounded(weights: Mapping[str, float] | None) -> Mapping[str, float] | None:
    """`weights` as they are, when none exceeds MAX_WEIGHT; else WeightRefused naming the
    first that does."""
    for name, value in (weights or {}).items():
        if (reason := _too_heavy(name, value)) is not None:
            raise WeightRefused(f"{name}:{value:g}", reason)
    return weights


class NotInRegistry(LookupError):
    """The organisation has no row in the tables (created after they were read)."""


@dataclass(frozen=True)
class ExplainedReason:
    code: str
    text: str
    value: float


@dataclass(frozen=True)
class Partner:
    """A suggested partner, its reasons in the active language."""

    id: int
    name: str
    country: str
    score: float
    reasons: list[ExplainedReason]
    source_id: str = ""  # the organisation's id in the file it was imported from

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "name": self.name,
            "country": self.country,
            "score": self.score,
            "reasons": [{"code": r.code, "text": r.text, "value": r.value} for r in self.reasons],
        }


def _explained(suggestion: Suggestion, source_ids: Mapping[int, str]) -> Partner:
    return Partner(
        id=suggestion.id,
        source_id=source_ids.get(suggestion.id, ""),
        name=suggestion.name,
        country=suggestion.country,
        score=suggestion.score,
        reasons=[ExplainedReason(r.code, reason_text(r), r.value) for r in suggestion.reasons],
    )


def dismissed_by_cluster(cluster_ids: Iterable[int] | None = None) -> dict[int, set[int]]:
    rows = SuggestionDismissal.objects.all()
    if cluster_ids is not None:
        rows = rows.filter(cluster_id__in=list(cluster_ids))
    found: dict[int, set[int]] = {}
    for cluster_id, candidate_id in rows.values_list("cluster_id", "candidate_id"):
        found.setdefault(cluster_id, set()).add(candidate_id)
    return found


def suggestions_for(
    cluster: Cluster,
    top: int = DEFAULT_TOP,
    weights: Mapping[str, float] | None = None,
    *,
    include_partners: bool = False,
    include_dismissed: bool = False,
) -> list[Partner]:
    """The `top` best partners for `cluster`, best first. Weights change the defaults
    (UnknownWeight, BadWeight for bad ones); dismissed candidates are left out."""
    chosen = weights_with(_bounded(weights))
    scorer = current_scorer()
    position = scorer.t.position.get(cluster.pk)
    if position is None:
        raise NotInRegistry(cluster.pk)
    exclude = () if include_dismissed else dismissed_by_cluster([cluster.pk]).get(cluster.pk, ())
    found = scorer.top(position, top, chosen, include_partners=include_partners, exclude=exclude)
    source_ids = dict(
        Cluster.objects.filter(pk__in=[s.id for s in found]).values_list("pk", "source_id")
    )
    return [_explained(s, source_ids) for s in found]


CHUNK = 500  # organisations ranked per step of `suggestions_for_all`


def suggestions_for_all(
    top: int = DEFAULT_TOP,
    weights: Mapping[str, float] | None = None,
    *,
    cluster_ids: Iterable[int] | None = None,
    include_partners: bool = False,
    explain: bool = False,
    explained: int | None = None,
) -> Iterator[tuple[int, str, str, list[Suggestion]]]:
    """(id, name, country, suggestions) for every organisation (or the `cluster_ids` that
    are in the tables, when given), in the tables' order, without
    sentences (reasons with their codes and values; their details with `explain`, for the
    `explained` best reasons of each when given): the
    coordinators' table and exports. Ranked `CHUNK` organisations at a time as they are
    asked for, so that an export can be sent while it is computed."""
    chosen = weights_with(_bounded(weights))
    scorer = current_scorer()
    tables = scorer.t
    if cluster_ids is not None:
        rows = sorted({tables.position[c] for c in cluster_ids if c in tables.position})
    else:
        rows = list(range(len(tables)))
    ids = [int(tables.ids[i]) for i in rows]
    dismissed = dismissed_by_cluster(ids if cluster_ids is not None else None)
    for start in range(0, len(rows), CHUNK):
        chunk, chunk_ids = rows[start : start + CHUNK], ids[start : start + CHUNK]
        found = scorer.top_many(
            chunk,
            top,
            chosen,
            include_partners=include_partners,
            exclude={i: dismissed.get(c, ()) for i, c in zip(chunk, chunk_ids, strict=True)},
            explain=explain,
            explained=explained,
        )
        for i, c, suggestions in zip(chunk, chunk_ids, found, strict=True):
            yield c, tables.names[i], str(tables.countries[i]), suggestions


def dismiss(cluster: Cluster, candidate: Cluster, actor: Actor) -> bool:
    """Keep `candidate` out of `cluster`'s suggestions from now on; False when it already
    was. Allowed to whoever may edit `cluster` (its managers, its country's coordinators)."""
    if actor.user is not None and not can(actor.user, Action.DISMISS_SUGGESTION, cluster):
        raise NotPermitted(Refusal.RECORD)
    if candidate.pk == cluster.pk:  # never suggested to itself: nothing to dismiss
        return False
    try:
        with transaction.atomic():
            dismissal = SuggestionDismissal.objects.create(
                cluster=cluster, candidate=candidate, dismissed_by=actor.user
            )
            record(
                actor,
                Change(
                    "create",
                    DISMISSAL,
                    str(dismissal.pk),
                    f"{cluster.name} - {candidate.name}",
                    None,
                    {"cluster": cluster.pk, "candidate": candidate.pk},
                ),
            )
    except IntegrityError:
        return False
    return True


def restore(cluster: Cluster, candidate: Cluster, actor: Actor) -> bool:
    """Let a dismissed candidate be suggested again; False when it was not dismissed."""
    if actor.user is not None and not can(actor.user, Action.DISMISS_SUGGESTION, cluster):
        raise NotPermitted(Refusal.RECORD)
    with transaction.atomic():
        dismissal = SuggestionDismissal.objects.filter(cluster=cluster, candidate=candidate).first()
        if dismissal is None:
            return False
        record(
            actor,
            Change(
                "delete",
                DISMISSAL,
                str(dismissal.pk),
                f"{cluster.name} - {candidate.name}",
                {"cluster": cluster.pk, "candidate": candidate.pk},
                None,
            ),
        )
        dismissal.delete()
    return True
