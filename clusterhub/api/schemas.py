"""API schemas, generated from the data standard so the API and the files agree."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import create_model

from clusterhub.registry.search import MAX_PAGE_SIZE, SORTS
from clusterhub.standard.fields import TABLES
from clusterhub.standard.fields import Field as StandardField

_TYPES: dict[str, Any] = {
    "latitude": float,
    "longitude": float,
    "nonnegative": float,
    "amount": float,
    "count": int,
    "year": int,
}


def _python_type(field: StandardField) -> Any:
    if field.multi:
        return list[str]
    return _TYPES.get(field.kind, str) | None


def _output_fields(table: str) -> dict[str, Any]:
    return {
        f.name: (_python_type(f), Field([] if f.multi else None, description=f.description))
        for f in TABLES[table]
    }


# Records in the standard's field names; `pk` is the registry's own id, used in URLs.
ClusterRecord = create_model(  # type: ignore[call-overload]
    "Cluster",
    __base__=Schema,
    pk=(int, Field(..., description="The registry's id of the organisation (used in URLs).")),
    url=(str, Field(..., description="The organisation's profile page.")),
    **_output_fields("clusters"),
)
MemberRecord = create_model(  # type: ignore[call-overload]
    "Member", __base__=Schema, **_output_fields("members")
)
CooperationRecord = create_model(  # type: ignore[call-overload]
    "Cooperation", __base__=Schema, **_output_fields("cooperations")
)

InitiativeRecord = create_model(  # type: ignore[call-overload]
    "PolicyInitiative",
    __base__=Schema,
    **_output_fields("policy_initiatives"),
    citation=(
        str,
        Field(..., description="Text to cite it by: [code] name, level, place, period. link"),
    ),
    url=(str, Field(..., description="The initiative's page in the portal.")),
)

_INPUT_VALUE = str | int | float | list[str] | None


def _input_fields(table: str, *, partial: bool) -> dict[str, Any]:
    return {
        f.name: (
            _INPUT_VALUE,
            Field(None if partial or not f.required else ..., description=f.description),
        )
        for f in TABLES[table]
    }


ClusterCreate = create_model(  # type: ignore[call-overload]
    "ClusterCreate", __base__=Schema, **_input_fields("clusters", partial=False)
)
ClusterChange = create_model(  # type: ignore[call-overload]
    "ClusterChange", __base__=Schema, **_input_fields("clusters", partial=True)
)
MemberInput = create_model(  # type: ignore[call-overload]
    "MemberInput",
    __base__=Schema,
    **{k: v for k, v in _input_fields("members", partial=False).items() if k != "cluster_id"},
)


class ClusterFilters(Schema):
    """The portal's search parameters; repeated (or comma-separated) values are alternatives."""

    q: str | None = Field(
        None,
        max_length=200,
        description="Words to find in names, descriptions and member names (case and diacritics do not matter).",
    )
    country: list[str] = Field([], description="ISO country codes, e.g. CZ")
    nuts: list[str] = Field([], description="NUTS codes; a code selects the regions below it")
    ecosystem: list[str] = Field([], description="EU industrial ecosystem slugs")
    sector: list[str] = Field([], description="NACE codes or prefixes, e.g. C29")
    lifecycle: list[str] = Field([], description="Lifecycle stages")
    label: list[str] = Field([], description="Cluster management labels")
    service: list[str] = Field([], description="Services offered")
    need: list[str] = Field([], description="Services looked for")
    coop_country: list[str] = Field([], description="Countries of cooperation partners")
    sort: Literal[tuple(SORTS)] = Field("name", description="Order of the results")  # type: ignore[valid-type]


class InitiativeFilters(Schema):
    """The filters of `initiatives_for`; repeated (or comma-separated) values are alternatives."""

    q: str | None = Field(
        None,
        max_length=200,
        description="Words to find in the code, names, managing body and descriptions.",
    )
    level: list[str] = Field([], description="eu, national, regional")
    country: list[str] = Field(
        [], description="ISO country codes; EU-level initiatives apply in every country"
    )
    region: list[str] = Field(
        [], description="NUTS codes; initiatives of the region, a region containing it or within it"
    )
    instrument: list[str] = Field([], description="Instrument slugs, e.g. voucher")
    ecosystem: list[str] = Field(
        [], description="EU industrial ecosystem slugs; initiatives open to all match too"
    )
    sector: list[str] = Field(
        [], description="NACE codes; a code above or below matches, as do initiatives open to all"
    )
    active_on: date | None = Field(None, description="A day the initiative runs on")


class InitiativePage(Schema):
    count: int
    page: int
    pages: int
    results: list[InitiativeRecord]  # type: ignore[valid-type]


class PageParams(Schema):
    page: int = Field(1, ge=1, le=100_000)
    size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


def page_of(
    found: Any, page: PageParams, show: Callable[[Any], Any], *, clamp: bool = True
) -> dict[str, Any]:
    """One page of the query `found` as the API answers lists: `count`, `page`, `pages` and
    the page's `results`, each through `show`. With `clamp`, a page past the last is the last."""
    count = found.count()
    pages = max(1, -(-count // page.size))
    number = min(page.page, pages) if clamp else page.page
    start = (number - 1) * page.size
    return {
        "count": count,
        "page": number,
        "pages": pages,
        "results": [show(item) for item in found[start : start + page.size]],
    }


class FacetValue(Schema):
    code: str
    label: str
    count: int
    selected: bool


class ClusterPage(Schema):
    count: int
    page: int
    pages: int
    results: list[ClusterRecord]  # type: ignore[valid-type]
    facets: dict[str, list[FacetValue]] | None = Field(
        None, description="Facet counts, as from /clusters/facets, when asked for with facets=true"
    )


class MemberPage(Schema):
    count: int
    page: int
    pages: int
    results: list[MemberRecord]  # type: ignore[valid-type]


class ClusterDetail(ClusterRecord):  # type: ignore[misc,valid-type]
    cooperations: list[CooperationRecord]  # type: ignore[valid-type]
    members_listed: int = Field(..., description="Member organisations in the registry")


class RegionOut(Schema):
    code: str
    name: str
    level: int
    parent: str | None
    country: str


class TermOut(Schema):
    code: str
    name: str


class Message(Schema):
    detail: str
