"""The most promising sectors for cross-regional meta-clusters, from the database: the tables
partner suggestions read (`suggestions.inputs`, with the SME members added) ranked by
`clusterhub.analytics.sectors`, named and explained in the active language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clusterhub.analytics.sectors import DIVISION, Reason, SectorRank, rank_sectors
from clusterhub.cooperation.suggestions import inputs
from clusterhub.lib.latest import Latest
from clusterhub.registry.figures import figure
from clusterhub.registry.models import Cluster
from clusterhub.registry.nace_labels import nace_title
from clusterhub.registry.vocabulary_labels import country_label, label
from clusterhub.standard import vocabularies as vocab


def load_tables(state: tuple[Any, ...] | None = None) -> dict[str, pd.DataFrame | None]:
    """The ranking's input tables, as `rank_sectors` takes them (keyword by keyword): the
    suggestions' tables of the registry (`state`: a `generation()` just asked) with the
    SMEs of each organisation."""
    tables = dict(inputs.current_frames(state))
    clusters = tables["clusters"]
    assert clusters is not None
    smes = dict(Cluster.objects.values_list("id", "members_sme"))
    # A new frame: the shared ones are not changed.
    tables["clusters"] = clusters.assign(
        smes=pd.to_numeric(clusters["id"].map(smes), errors="coerce")
    )
    return tables


_ranking: Latest[list[SectorRank]] = Latest()


def ranked_sectors(top: int | None = None) -> list[SectorRank]:
    """The ranking for the registry as it is now (computed again after any change)."""
    state = inputs.generation()
    ranks = _ranking.get(state, lambda: rank_sectors(**load_tables(state)))  # type: ignore[arg-type]
    return ranks if top is None else ranks[:top]


def forget() -> None:
    """Drop the cached ranking (tests that write around the services call this)."""
    _ranking.forget()


# A meta-cluster candidate of partners whose industries are related within one NACE section.
SECTION = "section"


def sector_name(kind: str, code: str) -> str:
    """`Digital`, or `C29 Manufacture of motor vehicles…` for a NACE division (`J
    Information and communication` for a section)."""
    if kind in (DIVISION, SECTION):
        return f"{code} {nace_title(code)}".strip()
    return label(vocab.ECOSYSTEMS, code) if code in vocab.ECOSYSTEMS else code


def kind_name(kind: str) -> str:
    if kind == SECTION:
        return _("NACE section")
    return _("NACE division") if kind == DIVISION else _("industrial ecosystem")


def _countries(codes: object) -> str:
    return ", ".join(country_label(str(c)) or str(c) for c in codes)  # type: ignore[attr-defined]


def _relatedness(d: dict[str, Any], f: dict[str, Any]) -> str:
    if d.get("basis") == "matrix":
        return (
            _(
                "their industries are related: %(mean)s on average over %(pairs)s pairs "
                "(0 to 1 by the stored relatedness; 1 is the same industry)"
            )
            % f
        )
    return (
        _(
            "their industries are related: %(mean)s on average over %(pairs)s pairs "
            "(0 to 1 by the NACE hierarchy; 1 is the same industry)"
        )
        % f
    )


# Each takes the reason's details as they are (`d`, for plurals) and formatted for the
# active language (`f`: grouped whole numbers, two decimals).
_TEXTS: dict[str, Callable[[dict[str, Any], dict[str, Any]], str]] = {
    "clusters": lambda d, f: (
        _("%(clusters)s in %(countries)s")
        % {
            "clusters": ngettext("%(n)s cluster", "%(n)s clusters", d["clusters"])
            % {"n": f["clusters"]},
            "countries": ngettext("%(n)s country", "%(n)s countries", d["countries"])
            % {"n": f["countries"]},
        }
    ),
    "countries": lambda d, f: (
        ngettext("%(n)s country: %(list)s", "%(n)s countries: %(list)s", d["countries"])
        % {"n": f["countries"], "list": _countries(d["list"])}
    ),
    "members": lambda d, f: (
        _("%(members)s members (%(reported)s of %(clusters)s clusters report them)") % f
    ),
    "smes": lambda d, f: (
        _("%(smes)s SME members (%(reported)s of %(clusters)s clusters report them)") % f
    ),
    "strength": lambda d, f: (
        _(
            "%(strong)s of %(clusters)s clusters in regions strong in the sector (mean strength "
            "%(mean)s)"
        )
        % f
    ),
    "relatedness": _relatedness,
    "cooperation": lambda d, f: (
        _(
            "%(cooperating)s of %(clusters)s clusters already cooperate across a border within "
            "the sector"
        )
        % f
    ),
    "needs": lambda d, f: (
        _(
            "%(offered)s of %(needs)s needs of its clusters are offered by a cluster of the "
            "sector in another country"
        )
        % f
    ),
}


def _formatted(details: dict[str, Any]) -> dict[str, Any]:
    found = dict(details)
    for key, value in details.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        digits = 0 if isinstance(value, int) else 2
        found[key] = figure(value, digits)
    return found


def reason_text(reason: Reason) -> str:
    return _TEXTS[reason.code](reason.details, _formatted(reason.details))


def criterion_names() -> dict[str, str]:
    """The criteria's short names, translated (chart legends, table headings)."""
    return {
        "clusters": _("Clusters"),
        "countries": _("Countries"),
        "members": _("Members"),
        # The model's field label is lower case in some languages ("členové (MSP)").
        "smes": capfirst(_("SME members")),
        "strength": _("Regional strength"),
        "relatedness": _("Related industries"),
        "cooperation": _("Cross-border cooperation"),
        "needs": _("Needs offered abroad"),
    }


@dataclass(frozen=True)
class ExplainedReason:
    code: str
    text: str
    value: float


def explained(rank: SectorRank) -> list[ExplainedReason]:
    return [ExplainedReason(r.code, reason_text(r), r.value) for r in rank.reasons]


def as_json(ranks: list[SectorRank]) -> list[dict[str, Any]]:
    """The ranking as plain objects (the command's JSON)."""
    return [
        {
            "rank": r.rank,
            "kind": r.kind,
            "code": r.code,
            "name": sector_name(r.kind, r.code),
            "score": r.score,
            "clusters": len(r.cluster_ids),
            "countries": r.countries,
            "criteria": r.contributions,
            "reasons": [{"code": e.code, "text": e.text, "value": e.value} for e in explained(r)],
        }
        for r in ranks
    ]


def chart_spec(ranks: list[SectorRank], *, width: int = 440) -> dict[str, Any]:
    """A Vega-Lite chart (Altair) of the sectors' scores, one bar each, best on top, stacked
    by criterion (each part is the criterion's weighted contribution)."""
    import altair as alt

    names = criterion_names()
    order = list(names)
    sectors = [sector_name(r.kind, r.code) for r in ranks]
    values = [
        {
            "sector": sector,
            "criterion": names[criterion],
            "order": order.index(criterion),
            "value": rank.contributions[criterion],
        }
        for sector, rank in zip(sectors, ranks, strict=True)
        for criterion in order
        if rank.contributions[criterion] > 0
    ]
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            y=alt.Y("sector:N", sort=sectors, title=_("Sector")),
            x=alt.X("sum(value):Q", title=_("Score")),
            color=alt.Color(
                "criterion:N",
                sort=[names[c] for c in order],
                title=None,
                legend=alt.Legend(orient="bottom", columns=4),
            ),
            order=alt.Order("order:Q"),
        )
        .properties(width=width, height=max(60, 22 * len(ranks)))
    )
    spec: dict[str, Any] = chart.to_dict()
    spec.pop("$schema", None)
    return spec
