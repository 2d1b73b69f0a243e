"""Read-side questions about stored mapping results, for the dashboards and the profile badge."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from clusterhub.mapping.models import MappingCategory, MappingCell, MappingResult, shown_label
from clusterhub.registry.models import Cluster, ClusterTag, Region

# The order in which result sets are asked for a profile's badge: star ratings first.
BADGE_METHODS = (MappingResult.Method.STARS, MappingResult.Method.CMP)
CMP_FLAGS = ("qualifying", "significant", "strong", "strong10")


@dataclass(frozen=True)
class Row:
    """One cell as a dashboard shows it, with the names of its region and category."""

    cell: MappingCell
    region_name: str
    label: str

    @property
    def cagr_percent(self) -> float | None:
        return None if self.cell.cagr is None else 100 * self.cell.cagr

    @property
    def flags(self) -> list[str]:
        """The `cmp` flags that hold, from the weakest to the strongest."""
        return [flag for flag in CMP_FLAGS if getattr(self.cell, flag)]


@dataclass(frozen=True)
class Badge:
    """A cluster's region is strong, or has stars, in a category of a result set."""

    result: MappingResult
    region: str
    region_name: str
    category: str
    label: str
    stars: int | None  # None for `cmp` (the region is "strong")
    year: int | None


def results() -> QuerySet[MappingResult]:
    return MappingResult.objects.order_by("-loaded_at", "name")


def years(cells: QuerySet[MappingCell]) -> list[int]:
    """The years of `cells`, oldest first (empty for results without years)."""
    found = cells.order_by().values_list("year", flat=True).distinct()
    return sorted(y for y in found if y is not None)


def pick_year(available: Sequence[int], asked: str | None) -> int | None:
    """The year asked for when the result has it, else the latest; None without years."""
    if not available:
        return None
    try:
        year = int(asked or "")
    except ValueError:
        return available[-1]
    return year if year in available else available[-1]


def region_names(codes: Iterable[str] | None = None) -> dict[str, str]:
    """Names of the registry's NUTS regions (all of them when `codes` is None)."""
    regions = Region.objects.exclude(name="")
    if codes is not None:
        regions = regions.filter(code__in=list(codes))
    return dict(regions.values_list("code", "name"))


def category_labels(result: MappingResult) -> dict[str, str]:
    """The labels of the result's categories as pages show them (`shown_label`)."""
    pairs = result.categories.values_list("code", "label")
    return {code: shown for code, label in pairs if (shown := shown_label(code, label))}


def find_region(result: MappingResult, code: str) -> str | None:
    """The region code as stored in `result` (exactly, else in capitals), or None."""
    for candidate in dict.fromkeys((code, code.upper())):
        if MappingCell.objects.filter(result=result, region=candidate).exists():
            return candidate
    return None


def find_category(result: MappingResult, code: str) -> MappingCategory | None:
    categories = result.categories.all()
    return categories.filter(code=code).first() or categories.filter(code=code.upper()).first()


def region_rows(result: MappingResult, region: str, year: int | None) -> list[Row]:
    """The region's categories, strongest (highest LQ) first; cells without LQ last."""
    cells = MappingCell.objects.filter(result=result, region=region, year=year)
    labels = category_labels(result)
    name = region_names([region]).get(region, "")
    rows = [Row(cell, name, labels.get(cell.category, "")) for cell in cells]
    rows.sort(key=lambda r: (r.cell.lq is None, -(r.cell.lq or 0), r.cell.category))
    return rows


SORTS: dict[str, Callable[[Row], Any]] = {
    "lq": lambda r: (r.cell.lq is None, -(r.cell.lq or 0), r.cell.region),
    "employment": lambda r: (r.cell.employment is None, -(r.cell.employment or 0), r.cell.region),
    "stars": lambda r: (-(r.cell.stars or 0), r.cell.lq is None, -(r.cell.lq or 0), r.cell.region),
    "region": lambda r: r.cell.region,
}


def category_rows(
    result: MappingResult, category: MappingCategory, year: int | None, sort: str = "lq"
) -> list[Row]:
    """The regions of a category, ranked by `sort` (a key of SORTS; LQ by default)."""
    cells = MappingCell.objects.filter(result=result, category=category.code, year=year)
    names = region_names()
    rows = [Row(cell, names.get(cell.region, ""), category.label_shown) for cell in cells]
    rows.sort(key=SORTS.get(sort, SORTS["lq"]))
    return rows


def clusters_in_region(code: str) -> QuerySet[Cluster]:
    """The registry's organisations whose NUTS code lies in the region `code`."""
    return Cluster.objects.filter(nuts__code__startswith=code.upper()).order_by("name")


def result_regions(result: MappingResult) -> list[tuple[str, str]]:
    """The result's regions with their names, in code order."""
    codes = MappingCell.objects.filter(result=result).order_by("region")
    found = codes.values_list("region", flat=True).distinct()
    names = region_names()
    return [(code, names.get(code, "")) for code in found]


# The profile badge ---------------------------------------------------------------------


def region_candidates(nuts: str) -> list[str]:
    """The region and its parents, most detailed first: CZ080, CZ08, CZ0, CZ."""
    return [nuts[:n] for n in range(len(nuts), 1, -1)]


def category_candidates(sector: str) -> list[str]:
    """Category codes a NACE sector belongs to, most detailed first.

    `C29.10` -> C29.10, C29.1 (group), C29 (division), C (section), then the same without
    the section letter (29.10, 29.1, 29), as statistics often give divisions without it.
    """
    found = [sector[:n] for n in (len(sector), 5, 3, 1) if n <= len(sector)]
    if len(sector) > 2 and sector[0].isalpha() and sector[1].isdigit():
        digits = sector[1:]
        found += [digits[:n] for n in (len(digits), 4, 2) if n <= len(digits)]
    return list(dict.fromkeys(found))


def region_badges(cluster: Cluster) -> list[Badge]:
    """What the mapping results say about the cluster's region in the cluster's sectors.

    The result sets are asked in turn (star ratings first, the latest loaded first); the
    first with a strong or starred cell gives the badges. In a result set, each sector's
    category is looked up in the most detailed region that has it (the cluster's NUTS code,
    then its parents) at the result's latest year; a badge is shown when that cell has at
    least one star (`stars`) or is strong (`cmp`).
    """
    return region_badges_of([cluster])[cluster.pk]


@dataclass(frozen=True)
class _Wanted:
    regions: list[str]  # most detailed first
    sectors: dict[str, list[str]]  # each sector's candidate categories, most detailed first


def region_badges_of(clusters: Iterable[Cluster]) -> dict[int, list[Badge]]:
    """`region_badges` of many clusters (a study's hundreds) in a few queries per result set,
    not a few per cluster."""
    chosen = list(clusters)
    found: dict[int, list[Badge]] = {c.pk: [] for c in chosen}
    placed = [c for c in chosen if c.nuts_id]
    sectors: dict[int, list[str]] = {}
    tags = ClusterTag.objects.filter(cluster__in=placed, field=ClusterTag.Field.SECTORS)
    for cluster_id, code in tags.order_by("cluster_id", "position").values_list(
        "cluster_id", "term__code"
    ):
        sectors.setdefault(cluster_id, []).append(code)
    pending = {
        c.pk: _Wanted(
            region_candidates(str(c.nuts_id)),
            {s: category_candidates(s) for s in sectors[c.pk]},
        )
        for c in placed
        if sectors.get(c.pk)
    }
    for method in BADGE_METHODS:
        for result in results().filter(method=method):
            if not pending:
                return found
            for cluster_id, badges in _badges(result, pending).items():
                found[cluster_id] = badges
                del pending[cluster_id]
    return found


def _badges(result: MappingResult, pending: dict[int, _Wanted]) -> dict[int, list[Badge]]:
    """The badges `result` gives each pending cluster that has any."""
    regions = {r for w in pending.values() for r in w.regions}
    codes = {c for w in pending.values() for cs in w.sectors.values() for c in cs}
    cells: dict[tuple[str, str], MappingCell] = {}
    found = MappingCell.objects.filter(result=result, region__in=regions, category__in=codes)
    for found_cell in found.order_by("year"):
        cells[(found_cell.region, found_cell.category)] = found_cell  # the latest year wins
    if not cells:
        return {}
    labels = category_labels(result)
    names = region_names(regions)
    given: dict[int, list[Badge]] = {}
    for cluster_id, wanted in pending.items():
        badges: dict[str, Badge] = {}
        for candidates in wanted.sectors.values():
            cell = _most_detailed(cells, wanted.regions, candidates)
            if cell is None or cell.category in badges or not notable(result, cell):
                continue
            badges[cell.category] = Badge(
                result=result,
                region=cell.region,
                region_name=names.get(cell.region, ""),
                category=cell.category,
                label=labels.get(cell.category, ""),
                stars=cell.stars if result.method == MappingResult.Method.STARS else None,
                year=cell.year,
            )
        if badges:
            given[cluster_id] = list(badges.values())
    return given


def _most_detailed(
    cells: dict[tuple[str, str], MappingCell], regions: list[str], categories: list[str]
) -> MappingCell | None:
    for category in categories:
        for region in regions:
            if (region, category) in cells:
                return cells[(region, category)]
    return None


def notable(result: MappingResult, cell: MappingCell) -> bool:
    """Whether the cell is worth a badge: at least one star (`stars`), or strong (`cmp`)."""
    if result.method == MappingResult.Method.STARS:
        return bool(cell.stars)
    return bool(cell.strong)


def overview(result: MappingResult) -> dict[str, Any]:
    """The categories and regions of a result set, for its overview page."""
    categories = list(result.categories.order_by("group", "code"))
    regions = result_regions(result)
    countries: dict[str, list[tuple[str, str]]] = {}
    for code, name in regions:
        countries.setdefault(code[:2], []).append((code, name))
    return {"categories": categories, "regions": regions, "countries": sorted(countries.items())}
