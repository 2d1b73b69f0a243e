"""What a coordinator reading the demo in Czech found wrong on the cooperation pages, each kept
fixed: a meta-cluster's sectors were named in English, its members' regions were bare NUTS
codes, the relatedness panel dated its set "8 Pro. 2026" and drew a "heat map" of one pair
on a scale from 0.27 to 0.27, the reasons of the promising sectors were squeezed into a
narrow column, dates in the action tables broke over two lines, and a candidate could be
turned into a meta-cluster without seeing which clusters it holds."""

from __future__ import annotations

import html as markup
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from clusterhub.audit.services import Actor
from clusterhub.cooperation import candidates
from clusterhub.cooperation.actionplans import services as actionplans
from clusterhub.cooperation.metaclusters import services as metaclusters
from clusterhub.cooperation.relatedness_store import store_relatedness
from clusterhub.cooperation.suggestions import inputs
from clusterhub.mapping.models import MappingResult
from clusterhub.mapping.services import load_result
from clusterhub.registry.models import Region
from tests.analytics.test_communities import planted_rows
from tests.builders.actionplans import build_plans
from tests.cooperation.metaclusters import build, cluster
from tests.mapping.files import write_stars
from tests.personas import Personas

pytestmark = pytest.mark.django_db
SETUP = Actor.system("test set-up")


def page(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200, address
    return response.content.decode()


def static_text(path: str) -> str:
    found = finders.find(path)
    assert isinstance(found, str), path
    return Path(found).read_text(encoding="utf-8")


def test_a_meta_clusters_sectors_are_named_in_the_readers_language(personas: Personas) -> None:
    meta = metaclusters.create_meta_cluster(
        {"name": "Dunajský cestovní ruch", "sectors": ["I55", "N79"]},
        lead=personas.cz_cluster.pk,
        members=[personas.pl_cluster.pk],
        actor=SETUP,
    )
    czech = page(Client(), f"/cs/cooperation/metaclusters/{meta.slug}/")
    assert "Ubytování" in czech and "Accommodation" not in czech
    english = page(Client(), f"/en/cooperation/metaclusters/{meta.slug}/")
    assert "Accommodation" in english


def test_the_members_table_names_each_members_region(personas: Personas) -> None:
    brno = cluster("cz-9", "Brněnský klastr", "CZ", nuts="CZ064")
    Region.objects.filter(code="CZ064").update(name="Jihomoravský kraj")
    meta = metaclusters.create_meta_cluster(
        {"name": "Metaklastr"}, lead=brno.pk, members=[personas.pl_cluster.pk], actor=SETUP
    )
    html = page(Client(), f"/cs/cooperation/metaclusters/{meta.slug}/")
    members = html[html.index('id="members"') : html.index('id="working-group"')]
    assert re.search(r'Jihomoravský kraj <span class="code">CZ064</span>', members)
    # The figures name the regions too, not only their number.
    names = re.search(r'<dd class="region-names">(.*?)</dd>', html, re.S)
    assert names and 'Jihomoravský kraj <span class="code">CZ064</span>' in names.group(1)


@pytest.fixture
def stars(tmp_path: Path) -> MappingResult:
    path = write_stars(tmp_path / "stars.csv", label="Motor vehicles")
    return load_result(path, name="Czechia 2021", actor=SETUP).result


def _related_page(client: Client, stars: MappingResult, related: dict[str, float]) -> str:
    rows = [("C29", code, value) for code, value in related.items()]
    rows += [(code, "C29", value) for code, value in related.items()]
    rows += [(a, b, 0.1) for a in related for b in related if a != b]
    matrix = pd.DataFrame(rows, columns=["category_a", "category_b", "relatedness"])
    store_relatedness(matrix, name="Dovednosti", actor=SETUP)
    html = page(client, f"/cs/mapping/{stars.slug}/categories/C29/")
    return html[html.index('class="related-industries"') :]


def test_the_relatedness_set_is_dated_as_every_other_date_of_the_portal(
    client: Client, stars: MappingResult
) -> None:
    panel = _related_page(client, stars, {"C24": 0.4, "J62": 0.3})
    assert re.search(r"\(nahráno \d{4}-\d\d-\d\d\)", panel), panel[:600]


def test_one_related_industry_is_listed_without_a_heat_map_of_one_pair(
    client: Client, stars: MappingResult
) -> None:
    panel = _related_page(client, stars, {"C24": 0.27})
    assert "C24" in panel and "0,27" in panel
    assert "<svg" not in panel and "relatedness-heatmap" not in panel


def test_two_related_industries_still_get_their_heat_map(
    client: Client, stars: MappingResult
) -> None:
    panel = _related_page(client, stars, {"C24": 0.4, "J62": 0.3})
    assert 'class="relatedness-heatmap"' in panel and panel.count("<rect") == 3 * 2


def test_the_reasons_of_the_promising_sectors_have_most_of_the_width(
    personas: Personas,
) -> None:
    for n, country in enumerate(["CZ", "PL", "SK"]):
        cluster(f"ict-{n}", f"ICT {country}", country, sectors=["J62"], ecosystems=["digital"])
    html = page(Client(), "/cs/cooperation/sectors/")
    assert html.count('<td class="why"><ul class="reasons">') >= 1
    assert re.search(
        r"table\.sectors td\.why \{ width: \d+%; \}", static_text("cooperation/sectors.css")
    )


def test_dates_in_the_action_tables_do_not_break_over_two_lines(
    client: Client, personas: Personas
) -> None:
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    detail = page(client, f"/cs/cooperation/action-plans/{plans.cz_plan.pk}/")
    assert len(re.findall(r'<td class="date">\d{4}-\d\d-\d\d</td>', detail)) >= 2 * 5
    client.force_login(personas.coordinator_cz)
    overdue = page(client, "/cs/cooperation/action-plans/overdue/")
    assert re.search(r'<td class="date">\d{4}-\d\d-\d\d</td>', overdue)
    css = static_text("cooperation/actionplans/actionplans.css")
    assert "table.actions-table td.date { white-space: nowrap; }" in css


def test_each_candidate_shows_its_clusters_before_one_creates_it(
    client: Client, personas: Personas
) -> None:
    candidates.forget()
    inputs.forget()
    for row in planted_rows(noise=20):
        fields: dict[str, Any] = {k: v for k, v in row.items() if k not in ("group", "id")}
        cluster(f"planted-{row['id']}", **fields)
    client.force_login(personas.coordinator_pl)
    html = page(client, "/cs/cooperation/metaclusters/from-candidate/")
    cards = html.split('<article class="card candidate">')[1:]
    assert cards
    for card in cards:
        offered = re.search(r'name="candidate" value="([^"]+)"', card)
        assert offered
        clusters = json.loads(markup.unescape(offered.group(1)))["clusters"]
        shown = card[card.index('<details class="candidate-clusters">') :]
        assert "<summary>Klastry</summary>" in shown
        for member in clusters:
            assert f'href="/cs/clusters/{member["id"]}/"' in shown
            assert markup.escape(member["name"]) in shown


def test_the_forms_of_a_plans_actions_name_the_plan_they_belong_to(
    client: Client, personas: Personas
) -> None:
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    client.force_login(personas.coordinator_cz)
    base = f"/cs/cooperation/action-plans/{plans.cz_plan.pk}/"
    crumb = f'<p class="breadcrumbs"><a href="{base}">Plán spolupráce 2026</a></p>'
    for tail in ("actions/new/", f"actions/{plans.late.pk}/indicators/new/", "edit/"):
        assert crumb in page(client, base + tail), tail
    assert '<p class="breadcrumbs">' not in page(client, "/cs/cooperation/action-plans/new/")


def test_on_a_phone_the_tables_scroll_inside_the_page_and_the_links_wrap() -> None:
    plans_css = static_text("cooperation/actionplans/actionplans.css")
    assert re.search(
        r"@media \(max-width: 48rem\) \{ table\.plans, table\.actions-table "
        r"\{ display: block; overflow-x: auto; \} \}",
        plans_css,
    )
    assert "p.actions { flex-wrap: wrap; }" in plans_css
    sectors_css = static_text("cooperation/sectors.css")
    assert ".sectors-chart .vega-chart, table.sectors { display: block; overflow-x: auto; }" in (
        sectors_css
    )


def test_a_history_names_the_changed_fields_in_the_readers_language(
    client: Client, personas: Personas
) -> None:
    world = build(personas)
    leaving = world.meta.memberships.get(cluster=world.sk_cluster)
    metaclusters.remove_member(world.meta, leaving, left="2024-09-30", actor=SETUP)
    client.force_login(personas.coordinator_cz)
    czech = page(client, f"/cs/cooperation/metaclusters/{world.meta.slug}/history/")
    entry = next(line for line in czech.splitlines() if "aktualizováno" in line)
    assert "Slovenský klaster</q>: členem do</li>" in entry and ": left" not in czech
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    actionplans.save_action(
        plans.cz_plan,
        {"title": "Pozdější mise", "deadline": "2030-01-01"},
        actor=SETUP,
        action=plans.future,
    )
    czech = page(client, f"/cs/cooperation/action-plans/{plans.cz_plan.pk}/history/")
    assert "<q>Pozdější mise</q>: termín, opatření</li>" in czech  # not "deadline, title"


def test_pasted_text_that_is_not_json_is_refused_without_the_parsers_english(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.coordinator_cz)
    url = "/en/cooperation/metaclusters/from-candidate/"
    html = client.post(url, {"candidate": '{"name": "x",\n  nope}'}).content.decode()
    assert "This is not JSON: it stops being JSON at line 2, column 3." in html
    assert "Expecting" not in html and "(char " not in html
    nested = client.post(url, {"candidate": "[" * 60_000 + "]" * 60_000}).content.decode()
    assert "This is not JSON: it is nested too deeply." in nested
