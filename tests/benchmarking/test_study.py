"""The benchmarking study: generated from the data, honest about small groups, cited."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from clusterhub.benchmarking.study import Scope, compose, gather, render_html
from clusterhub.benchmarking.study.formatting import MIN_CELL
from clusterhub.policy.services import upsert_initiative
from clusterhub.registry.services import upsert_cluster
from tests.benchmarking.surveys import invite, open_survey, submit
from tests.personas import SETUP, Personas


def add_clusters(count: int, country: str = "CZ") -> list:  # type: ignore[type-arg]
    clusters = []
    for index in range(count):
        cluster, _ = upsert_cluster(
            {
                "id": f"{country.lower()}-x{index}",
                "name": f"Klastr {index}",
                "country": country,
                "members_total": 20 + 10 * index,
                "services": ["networking", "training"],
                "needs": ["access-to-finance", "internationalisation"],
                "ecosystems": ["digital"],
                "staff_fte": 2.0,
                "founded": 2010,
                "label": "none",
            },
            source=country,
            actor=SETUP,
        )
        clusters.append(cluster)
    return clusters


def overall_row(study, title_start: str, indicator: str) -> list[str]:  # type: ignore[no-untyped-def]
    for exhibit in study.exhibits:
        if exhibit.title.startswith(title_start):
            for row in exhibit.rows:
                if row[0] == indicator:
                    return row
    raise AssertionError(f"{indicator} not in {title_start}")


def test_survey_figures_of_fewer_than_three_organisations_are_not_shown(personas: Personas) -> None:
    clusters = add_clusters(4)
    survey = open_survey("CZ")
    invite(survey, *clusters)
    for cluster in clusters[: MIN_CELL - 1]:
        submit(survey, cluster, annual_budget_eur="300000")
    study = compose(gather(Scope(country="CZ")))
    assert overall_row(study, "Financing", "Annual budget")[1:3] == [
        str(MIN_CELL - 1),
        "too few answers",
    ]
    submit(survey, clusters[MIN_CELL - 1], annual_budget_eur="600000")
    study = compose(gather(Scope(country="CZ")))
    row = overall_row(study, "Financing", "Annual budget")
    assert row[1] == str(MIN_CELL)
    assert row[2] == "300,000 EUR"


def test_every_recommendation_rests_on_a_cited_exhibit_with_the_figure(personas: Personas) -> None:
    clusters = add_clusters(5)
    survey = open_survey("CZ")
    invite(survey, *clusters)
    for cluster in clusters[:3]:
        submit(
            survey,
            cluster,
            funding_public_pct="70",
            funding_membership_pct="10",
            funding_services_pct="10",
            funding_projects_pct="5",
            funding_other_pct="5",
        )
    study = compose(gather(Scope(country="CZ")))
    numbered = {id(exhibit) for exhibit in study.exhibits}
    assert study.recommendations
    for recommendation in study.recommendations:
        assert recommendation.cites and all(id(e) in numbered for e in recommendation.cites)
    financing = [r for r in study.recommendations if "public sources" in r.text]
    assert financing and "70.0 %" in financing[0].text
    cited = financing[0].cites[0]
    assert overall_row(study, "Financing", "Share of public funding")[2] == "70.0 %"
    assert cited.title.startswith("Financing")
    html = render_html(study)
    assert f'href="#{cited.anchor}"' in html and f'id="{cited.anchor}"' in html


def test_the_study_never_shows_contact_persons_and_escapes_what_sources_wrote(
    personas: Personas,
) -> None:
    upsert_initiative(
        {
            "code": "cz-hostile",
            "name": "<script>alert(1)</script> Program",
            "level": "national",
            "country": "CZ",
            "instrument": "grant",
        },
        actor=SETUP,
    )
    html = render_html(compose(gather(Scope(country="CZ"))))
    assert "Jana Nováková" not in html and "jana@example.cz" not in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Program" in html


def test_the_report_command_writes_html_and_pdf_and_refuses_a_bad_scope(
    personas: Personas, tmp_path: Path
) -> None:
    add_clusters(3)
    html = tmp_path / "study.html"
    call_command(
        "report",
        "benchmarking",
        "--format",
        "html",
        "--country",
        "cz",
        "--out",
        str(html),
        stdout=io.StringIO(),
    )
    text = html.read_text(encoding="utf-8")
    assert "Figure 1." in text and "Table 1." in text and "<svg" in text
    pdf = tmp_path / "study.pdf"
    call_command(
        "report",
        "benchmarking",
        "--format",
        "pdf",
        "--language",
        "cs",
        "--out",
        str(pdf),
        stdout=io.StringIO(),
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError, match="two-letter"):
        call_command(
            "report",
            "benchmarking",
            "--format",
            "pdf",
            "--country",
            "Czechia",
            "--out",
            str(tmp_path / "x.pdf"),
        )
    with pytest.raises(CommandError, match="not an industrial ecosystem"):
        call_command(
            "report",
            "benchmarking",
            "--format",
            "pdf",
            "--ecosystem",
            "space",
            "--out",
            str(tmp_path / "x.pdf"),
        )
    assert not (tmp_path / "x.pdf").exists()


def test_the_study_is_public_in_the_portal_with_charts_and_a_pdf(personas: Personas) -> None:
    add_clusters(3)
    client = Client()
    page = client.get("/en/study/?country=CZ")
    assert page.status_code == 200
    assert b'class="vega-chart"' in page.content and b"Recommendations" in page.content
    pdf = client.get("/en/study.pdf?country=CZ")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "benchmarking-study-CZ.pdf" in pdf["Content-Disposition"]


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("manager", True),
        ("coordinator_cz", True),
        ("admin", True),
        ("coordinator_pl", False),
        ("registered", False),
        ("anonymous", False),
    ],
)
def test_only_managers_and_the_coordinator_see_the_peer_comparison(
    personas: Personas, who: str, sees: bool
) -> None:
    add_clusters(6)
    client = Client()
    user = getattr(personas, who)
    if who != "anonymous":
        client.force_login(user)
    page = client.get(f"/en/clusters/{personas.cz_cluster.pk}/")
    assert page.status_code == 200
    assert (b"compares with its peers" in page.content) is sees


def test_organisations_in_strong_regions_are_listed_strongest_first_with_stars_in_words(
    personas: Personas, tmp_path: Path
) -> None:
    from clusterhub.audit.services import Actor
    from clusterhub.mapping.services import load_result
    from tests.mapping.files import STARS_ROWS, write_stars

    load_result(
        write_stars(tmp_path / "stars.csv", STARS_ROWS),
        name="Czechia 2021",
        actor=Actor.system("t"),
    )
    for code, nuts, sector in (("a", "CZ064", "C29"), ("b", "CZ080", "C29"), ("c", "CZ064", "J62")):
        upsert_cluster(
            {"id": f"cz-{code}", "name": f"Klastr {code.upper()}", "country": "CZ", "nuts": nuts,
             "sectors": [sector]},
            source="CZ",
            actor=SETUP,
        )  # fmt: skip
    study = compose(gather(Scope(country="CZ")))
    listing = next(e for e in study.exhibits if e.title == "Organisations in strong regions")
    assert [(row[0], row[3]) for row in listing.rows] == [
        ("Klastr B", "3 stars"),
        ("Klastr C", "2 stars"),
        ("Klastr A", "1 star"),
    ]


def test_each_area_names_its_sources_once_and_figures_stay_on_one_line_in_print(
    personas: Personas,
) -> None:
    add_clusters(4)
    study = compose(gather(Scope(country="CZ")))
    structure = next(e for e in study.exhibits if e.title.startswith("Structure of participants"))
    assert structure.note == "Sources: registry and survey."
    assert structure.figure_columns == {1, 2, 3, 4}
    html = render_html(study)
    assert '<td class="figure">' in html
    assert study.recommendations and 'data-page="page"' in html
