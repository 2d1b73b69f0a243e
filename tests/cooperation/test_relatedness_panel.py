"""The "Related industries" panel on the mapping's category pages: the newest stored
relatedness set's ten most related categories with their values and a heat map; no panel
without a stored set for the category. The mapping knows nothing of cooperation: the panel
comes through mapping/panels.py."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from django.utils import timezone

from clusterhub.audit.services import Actor
from clusterhub.cooperation.models import RelatednessResult
from clusterhub.cooperation.panels import related_industries
from clusterhub.cooperation.relatedness_store import store_relatedness
from clusterhub.mapping import panels
from clusterhub.mapping.models import MappingResult
from clusterhub.mapping.services import load_result
from tests.mapping.files import write_stars

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
HOSTILE = "<script>alert(\"x\")</script> & 'quotes'"
# C29 related to twelve categories, C24 (on the mapping's pages) the most.
RELATED = {f"X{i:02d}": round(0.9 - i * 0.05, 2) for i in range(1, 12)} | {"C24": 0.95}


@pytest.fixture
def stars(tmp_path: Path) -> MappingResult:
    path = write_stars(tmp_path / "stars.csv", label="Motor vehicles")
    return load_result(path, name="Czechia 2021", actor=ACTOR).result


def _matrix(related: dict[str, float], among: float = 0.1) -> pd.DataFrame:
    """C29's relatedness to `related` (both ways), and `among` between the others."""
    codes = ["C29", *related]
    rows = [
        (a, b, related.get(b) if a == "C29" else related.get(a) if b == "C29" else among)
        for a in codes
        for b in codes
        if a != b
    ]
    return pd.DataFrame(rows, columns=["category_a", "category_b", "relatedness"])


def _page(client, stars: MappingResult, code: str = "C29") -> str:  # type: ignore[no-untyped-def]
    response = client.get(f"/en/mapping/{stars.slug}/categories/{code}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_category_page_lists_the_ten_most_related_industries_with_their_values(
    client, stars
) -> None:  # type: ignore[no-untyped-def]
    store_relatedness(
        _matrix(RELATED), name="Skills 2024", measure="log_lq_correlation", actor=ACTOR
    )
    html = _page(client, stars)
    assert "Related industries" in html
    assert "Skills 2024" in html and "correlation of log location quotients" in html
    listed = re.findall(
        r"<li>(?:<a [^>]*>)?([A-Z]\d\d)(?:</a>)?.*?: <span class=\"num\">([\d.]+)</span>", html
    )
    assert listed[:3] == [("C24", "0.95"), ("X01", "0.85"), ("X02", "0.80")]
    assert len(listed) == 10 and listed[-1] == ("X09", "0.45")  # X10 and X11 are not shown
    # C24 has a page in this result set: linked; X01 has none: plain text.
    assert f'<a href="/en/mapping/{stars.slug}/categories/C24/">C24</a>' in html
    assert "/categories/X01/" not in html


def test_the_heat_map_shows_the_category_and_its_related_ones_pair_by_pair(client, stars) -> None:  # type: ignore[no-untyped-def]
    store_relatedness(_matrix(RELATED), name="Skills", actor=ACTOR)
    html = _page(client, stars)
    svg = html[html.index("<svg", html.index("Related industries")) :]
    svg = svg[: svg.index("</svg>")]
    # 11 categories: every ordered pair of different ones is a cell.
    assert svg.count("<rect") == 11 * 10
    assert "<title>C29 ~ C24: 0.95</title>" in svg and "<title>X01 ~ X02: 0.10</title>" in svg
    assert "X11" not in svg
    darkest = re.search(r'fill="([^"]+)"[^>]*><title>C29 ~ C24: 0.95', svg)
    lightest = re.search(r'fill="([^"]+)"[^>]*><title>X01 ~ X02: 0.10', svg)
    assert darkest and darkest.group(1) == "hsl(212, 60%, 32.0%)"
    assert lightest and lightest.group(1) == "hsl(212, 60%, 96.0%)"


def test_there_is_no_panel_without_a_stored_set(client, stars) -> None:  # type: ignore[no-untyped-def]
    assert "Related industries" not in _page(client, stars)


def test_there_is_no_panel_when_the_stored_sets_lack_the_category(client, stars) -> None:  # type: ignore[no-untyped-def]
    other = pd.DataFrame(
        {"category_a": ["A", "B"], "category_b": ["B", "A"], "relatedness": [0.5, 0.5]}
    )
    store_relatedness(other, name="Other codes", actor=ACTOR)
    assert "Related industries" not in _page(client, stars)
    assert "Related industries" not in _page(client, stars, "C24")


def test_the_newest_set_that_has_the_category_is_shown(client, stars) -> None:  # type: ignore[no-untyped-def]
    store_relatedness(_matrix({"C24": 0.2, "J62": 0.8}), name="Older", actor=ACTOR)
    store_relatedness(_matrix({"C24": 0.9, "J62": 0.1}), name="Newer", actor=ACTOR)
    RelatednessResult.objects.filter(name="Older").update(
        loaded_at=timezone.now() - timedelta(days=1)
    )
    html = _page(client, stars)
    assert "Newer" in html and "Older" not in html
    assert html.index(">C24</a>", html.index("Related industries")) < html.index(
        ">J62</a>", html.index("Related industries")
    )


def test_names_and_labels_in_the_panel_are_escaped(client, stars) -> None:  # type: ignore[no-untyped-def]
    store_relatedness(_matrix({"C24": 0.9}), name=HOSTILE, measure=HOSTILE, actor=ACTOR)
    html = _page(client, stars)
    assert "Related industries" in html
    assert HOSTILE not in html
    assert "&lt;script&gt;" in html


def test_a_panel_is_registered_once_however_often_it_is_registered() -> None:
    before = list(panels._category_panels)
    assert related_industries in before  # cooperation's AppConfig.ready registered it
    panels.register_category_panel(related_industries)
    assert panels._category_panels == before


def test_industries_related_negatively_are_not_listed_as_related(client, stars) -> None:  # type: ignore[no-untyped-def]
    mixed = {"C24": 0.4, "X01": 0.02, "X02": -0.03, "X03": -0.19}
    store_relatedness(_matrix(mixed, among=-0.5), name="Mixed", actor=ACTOR)
    html = _page(client, stars)
    listed = re.findall(r"<li>(?:<a [^>]*>)?([A-Z]\d\d)(?:</a>)?.*?: <span class=\"num\">", html)
    assert listed == ["C24", "X01"]
