"""Meta-cluster candidates from the database: the tables partner suggestions read
(`suggestions.inputs`) and the SME members of the registry, searched by
`clusterhub.analytics.partners.communities`, named and explained in the active language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clusterhub.analytics.partners import Reason
from clusterhub.analytics.partners.communities import (
    DEFAULT_MAX_CLUSTERS,
    DEFAULT_MIN_COUNTRIES,
    DEFAULT_NEIGHBOURS,
    DEFAULT_RESOLUTION,
    Candidate,
)
from clusterhub.analytics.partners.communities import find_candidates as search
from clusterhub.cooperation.models import MetaClusterMembership
from clusterhub.cooperation.sectors import sector_name
from clusterhub.cooperation.suggestions import inputs
from clusterhub.lib.latest import Latest
from clusterhub.registry.figures import figure
from clusterhub.registry.models import Cluster
from clusterhub.registry.vocabulary_labels import country_label


def _countries(codes: object) -> str:
    return ", ".join(country_label(str(c)) or str(c) for c in codes)  # type: ignore[attr-defined]


def _theme(d: dict[str, Any], kind: str) -> str:
    values = {
        "sharing": d["sharing"],
        "clusters": d["clusters"],
        "name": sector_name(kind, d["code"]),
    }
    if kind == "ecosystem":
        return _("%(sharing)d of %(clusters)d clusters share the ecosystem %(name)s") % values
    return _("%(sharing)d of %(clusters)d clusters work in %(name)s") % values


def _cooperation(d: dict[str, Any]) -> str:
    links = int(d["links"])
    if not links:
        return _("no cooperation between these clusters is recorded yet")
    return ngettext(
        "%(links)d existing cooperation link between these clusters",
        "%(links)d existing cooperation links between these clusters",
        links,
    ) % {"links": links}


def _left_out(d: dict[str, Any], value: float) -> str:
    if not value:
        return _("the whole community found in the graph shares this industry")
    return _(
        "%(left)d of the %(community)d organisations found together work in other industries"
    ) % {
        "left": int(value),
        "community": d["community"],
    }


_TEXTS: dict[str, Callable[[Reason], str]] = {
    "ecosystem": lambda r: _theme(r.details, "ecosystem"),
    "division": lambda r: _theme(r.details, "division"),
    "section": lambda r: _theme(r.details, "section"),
    "industry": lambda r: (
        _("mean industry relatedness of their sectors %(value)s over %(pairs)s pairs")
        % {
            "value": figure(r.value, 2),
            "pairs": figure(int(str(r.details["pairs"]))),
        }
    ),
    "countries": lambda r: (
        _("spans %(count)d countries: %(countries)s")
        % {"count": int(r.value), "countries": _countries(r.details["countries"])}
    ),
    "cooperation": lambda r: _cooperation(r.details),
    "left_out": lambda r: _left_out(r.details, r.value),
}


def reason_text(reason: Reason) -> str:
    return _TEXTS[reason.code](reason)


def as_dict(candidate: Candidate, source_ids: dict[int, str]) -> dict[str, Any]:
    """A candidate as the command's JSON shows it, in the active language."""
    sector = sector_name(candidate.kind, candidate.sector)
    # Candidates of the same theme are told apart by their main division (or a number).
    theme = f"{sector} ({candidate.qualifier})" if candidate.qualifier else sector
    return {
        "name": _("%(sector)s meta-cluster (%(countries)s)")
        % {"sector": theme, "countries": ", ".join(candidate.countries)},
        "sector": candidate.sector,
        "sector_name": sector,
        "kind": candidate.kind,
        "countries": candidate.countries,
        "clusters": [
            {
                "id": c.id,
                "source_id": source_ids.get(c.id, ""),
                "name": c.name,
                "country": c.country,
            }
            for c in candidate.clusters
        ],
        "members": candidate.members,
        "smes": candidate.smes,
        "reasons": [
            {"code": r.code, "text": reason_text(r), "value": r.value} for r in candidate.reasons
        ],
    }


_found: Latest[list[Candidate]] = Latest()


def candidates(
    min_countries: int = DEFAULT_MIN_COUNTRIES,
    resolution: float = DEFAULT_RESOLUTION,
    k: int = DEFAULT_NEIGHBOURS,
    max_clusters: int | None = DEFAULT_MAX_CLUSTERS,
) -> list[Candidate]:
    """The candidates for the registry as it is now (searched again after any change or for
    other settings); raises `BadSetting` for settings that cannot be used."""
    state = inputs.generation()

    def search_now() -> list[Candidate]:
        return search(
            inputs.current_tables(state),
            min_countries=min_countries,
            resolution=resolution,
            k=k,
            max_clusters=max_clusters,
            smes=dict(Cluster.objects.values_list("id", "members_sme")),
        )

    return _found.get((state, min_countries, resolution, k, max_clusters), search_now)


def find_candidates(
    min_countries: int = DEFAULT_MIN_COUNTRIES,
    resolution: float = DEFAULT_RESOLUTION,
    k: int = DEFAULT_NEIGHBOURS,
    max_clusters: int | None = DEFAULT_MAX_CLUSTERS,
) -> list[dict[str, Any]]:
    """Meta-cluster candidates as plain objects, largest first (see `as_dict`)."""
    found = candidates(min_countries, resolution, k, max_clusters)
    # The ids in the imported files of the candidates' clusters only, not of the registry.
    shown = {c.id for candidate in found for c in candidate.clusters}
    source_ids = dict(Cluster.objects.filter(pk__in=shown).values_list("id", "source_id"))
    plain = [as_dict(candidate, source_ids) for candidate in found]
    _note_existing(plain)
    return plain


def _note_existing(plain: list[dict[str, Any]]) -> None:
    """A reason more for a candidate whose clusters are mostly members of one meta-cluster
    already: a coordinator should see it is formed, not form it twice."""
    current: dict[int, list[str]] = {}
    for cluster_id, name in MetaClusterMembership.objects.filter(left__isnull=True).values_list(
        "cluster_id", "meta_cluster__name"
    ):
        current.setdefault(cluster_id, []).append(name)
    if not current:
        return
    for candidate in plain:
        ids = [c["id"] for c in candidate["clusters"]]
        counts = Counter(name for i in ids for name in current.get(i, []))
        if not counts:
            continue
        name, inside = counts.most_common(1)[0]
        if inside * 2 < len(ids):
            continue
        candidate["reasons"].append(
            {
                "code": "existing_meta_cluster",
                "text": _(
                    "%(inside)d of its %(count)d clusters already belong to the meta-cluster %(name)s"
                )
                % {"inside": inside, "count": len(ids), "name": name},
                "value": round(inside / len(ids), 4),
            }
        )


def forget() -> None:
    """Drop the cached candidates (tests that write around the services call this)."""
    _found.forget()
