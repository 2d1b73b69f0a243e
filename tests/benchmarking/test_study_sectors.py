"""The study's chapter on the most promising sectors for cross-regional cooperation: the
ranking as a table with reasons and a chart stacked by criterion, in the page and in print."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.benchmarking.study import Scope, compose, gather, render_html
from clusterhub.benchmarking.study.model import Section
from clusterhub.cooperation.sectors import forget
from tests.cooperation.test_sectors_loader import build_registry


def chapter(scope: Scope | None = None) -> Section:
    study = compose(gather(scope or Scope()))
    return next(s for s in study.sections if s.anchor == "sectors")


@pytest.mark.django_db
def test_the_chapter_ranks_the_cross_border_ecosystem_first_with_its_reasons() -> None:
    build_registry()
    section = chapter()
    assert section.title == "Most promising sectors for cross-regional cooperation"
    table, figure = section.exhibits
    sectors = [row[1] for row in table.rows]
    digital = sectors.index("Digital (industrial ecosystem)")
    assert digital < sectors.index("Tourism (industrial ecosystem)")
    assert "3 clusters in 3 countries" in table.rows[digital][5]
    assert figure.is_figure
    assert figure.spec is not None
    assert figure.spec["encoding"]["color"]["field"] == "criterion"
    assert [row[0] for row in figure.rows][: len(figure.rows)] == figure.spec["encoding"]["y"][
        "sort"
    ]


@pytest.mark.django_db
def test_the_chapter_covers_the_whole_registry_whatever_the_scope() -> None:
    build_registry()
    rows = chapter(Scope(country="CZ")).exhibits[0].rows
    digital = next(row for row in rows if row[1].startswith("Digital"))
    assert digital[3] == "3"  # countries, though the study covers Czechia only


@pytest.mark.django_db
def test_in_print_the_chart_is_drawn_and_the_chapter_listed_in_the_contents() -> None:
    build_registry()
    html = render_html(compose(gather(Scope())))
    start = html.index('<section id="sectors"')
    chapter_html = html[start : html.index("</section>", start)]
    assert "<svg" in chapter_html
    assert '<a href="#sectors">' in html


@pytest.mark.django_db
def test_with_no_sector_of_two_clusters_the_chapter_says_so() -> None:
    forget()
    section = chapter()
    assert section.exhibits == []
    assert "No industrial ecosystem or NACE division has two clusters" in section.paragraphs[0]


@pytest.mark.django_db
def test_the_portal_study_shows_the_chapter_with_its_chart() -> None:
    build_registry()
    html = Client().get(reverse("portal:study")).content.decode()
    start = html.index('<section id="sectors"')
    chapter_html = html[start : html.index("</section>", start)]
    assert "data-spec" in chapter_html
    assert "3 clusters in 3 countries" in chapter_html
