"""Can the CZ coordinator take over a Polish cluster? Not through any write path.

Every path is judged on the record as it is *and* on the new values: a row or a request that
names a Polish cluster but says `country: CZ` must not rename it or move it to Czechia.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clusterhub.accounts.policy import (
    Action,
    NotPermitted,
    Refusal,
    cluster_write_refusal,
)
from clusterhub.accounts.services import create_api_token
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.ingest.pipeline import run_import
from clusterhub.ingest.report import ImportRefused
from clusterhub.registry import services
from clusterhub.registry.models import Cluster, Cooperation, Member
from tests.personas import SETUP

pytestmark = pytest.mark.django_db

TAKEOVER = "source,id,name,country\nPL,pl-1,Przejęty klaster,CZ\n"

A = Action
R = Refusal
# (persona, existing cluster or None, new country, action, refusal)
WRITE_MATRIX = [
    ("coordinator_cz", "pl", "CZ", A.IMPORT, R.RECORD),
    ("coordinator_cz", "pl", "PL", A.EDIT, R.RECORD),
    ("coordinator_cz", "cz", "PL", A.EDIT, R.COUNTRY),
    ("coordinator_cz", "cz", "CZ", A.IMPORT, None),
    ("coordinator_cz", None, "CZ", A.IMPORT, None),
    ("coordinator_cz", None, "PL", A.IMPORT, R.COUNTRY),
    ("manager", "cz", "CZ", A.RESTORE, None),
    ("manager", "cz", "SK", A.RESTORE, R.COUNTRY),
    ("manager", "cz", "CZ", A.IMPORT, R.RECORD),
    ("manager", "cz_other", "CZ", A.EDIT, R.RECORD),
    ("manager", None, "CZ", A.IMPORT, R.COUNTRY),
    ("coordinator_pl", "cz", "PL", A.EDIT, R.RECORD),
    ("registered", "cz", "CZ", A.EDIT, R.RECORD),
    ("admin", "pl", "CZ", A.IMPORT, None),
]


@pytest.mark.parametrize(("persona", "existing", "country", "action", "refusal"), WRITE_MATRIX)
def test_a_write_is_judged_on_the_record_as_it_is_and_on_its_new_values(
    personas, persona, existing, country, action, refusal
) -> None:  # type: ignore[no-untyped-def]
    clusters = {"cz": personas.cz_cluster, "cz_other": personas.cz_other, "pl": personas.pl_cluster}
    user = getattr(personas, persona)
    assert cluster_write_refusal(user, clusters.get(existing), country, action) == refusal


def assert_polish_cluster_untouched(personas: Any) -> None:
    cluster = Cluster.objects.get(pk=personas.pl_cluster.pk)
    assert (cluster.name, cluster.country) == ("Śląski Klaster", "PL")
    assert not AuditEntry.objects.filter(actor_id=personas.coordinator_cz.pk).exists()


def upload(client: Any, text: str, name: str = "takeover.csv") -> Any:
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post("/en/import/", {"file": file, "table": "", "source": ""}, follow=True)


def test_the_browser_import_refuses_a_row_that_names_another_countrys_cluster(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    review = upload(client, TAKEOVER)
    page = review.content.decode()
    assert "is the id of an organisation of PL, whose registry you may not change" in page
    assert "Import now" not in page
    client.post(review.redirect_chain[-1][0], follow=True)  # confirming anyway
    assert_polish_cluster_untouched(personas)


def test_the_browser_import_refuses_members_and_cooperations_of_another_countrys_cluster(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    for text in (
        "cluster_id,name,type\npl-1,Firma,sme\n",
        "cluster_id,partner_id,kind\npl-1,cz-1,project\n",
    ):
        review = upload(client, text)
        assert "whose registry you may not change" in review.content.decode()
        client.post(review.redirect_chain[-1][0], follow=True)
    assert not Member.objects.filter(cluster=personas.pl_cluster).exists()
    assert not Cooperation.objects.exists()


def test_the_command_line_import_as_a_coordinator_is_limited_like_the_browser(
    cli, personas, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "takeover.csv"
    path.write_text(TAKEOVER, encoding="utf-8")
    outcome = cli("import", str(path), "--user", personas.coordinator_cz.username)
    assert not outcome.ok
    assert "takeover.csv, row 2, column id, value 'pl-1': is the id of an organisation of PL" in (
        outcome.stderr
    )
    assert_polish_cluster_untouched(personas)
    assert not cli("import", str(path), "--user", "nobody").ok


def test_the_importer_run_as_a_coordinator_refuses_a_takeover_even_among_good_rows(
    personas, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mixed.csv"
    path.write_text(TAKEOVER + "CZ,cz-9,Nový,CZ\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        run_import(path, user=personas.coordinator_cz)
    assert [(p.row, p.column) for p in refused.value.results[0].problems] == [(2, "id")]
    assert not Cluster.objects.filter(source_id="cz-9").exists()
    assert_polish_cluster_untouched(personas)


def api(client: Any, method: str, url: str, user: Any, body: Any) -> Any:
    token = create_api_token(user, "test")
    return getattr(client, method)(
        url,
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_the_api_refuses_to_change_or_move_across_countries(client, personas) -> None:  # type: ignore[no-untyped-def]
    user = personas.coordinator_cz
    pl, cz = personas.pl_cluster, personas.cz_cluster
    body = {"name": "Przejęty", "country": "CZ"}
    assert api(client, "patch", f"/api/v1/clusters/{pl.pk}", user, body).status_code == 403
    moved = api(client, "patch", f"/api/v1/clusters/{cz.pk}", user, {"country": "PL"})
    assert moved.status_code == 403
    assert Cluster.objects.get(pk=cz.pk).country == "CZ"
    assert_polish_cluster_untouched(personas)


def test_the_forms_refuse_to_change_or_move_across_countries(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    pl, cz = personas.pl_cluster, personas.cz_cluster
    assert client.post(f"/en/clusters/{pl.pk}/edit/", {"name": "X"}).status_code == 403
    form = {"name": cz.name, "country": "PL"}
    page = client.post(f"/en/clusters/{cz.pk}/edit/", form)
    assert "You may not move the organisation to this country." in page.content.decode()
    assert Cluster.objects.get(pk=cz.pk).country == "CZ"
    assert_polish_cluster_untouched(personas)


def test_a_manager_cannot_move_the_organisation_by_restoring_an_earlier_version(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    cz = personas.cz_cluster
    # The organisation once sat in Slovakia (an administrator's correction since undone).
    services.upsert_cluster({"id": "cz-1", "country": "SK"}, source="CZ", actor=SETUP)
    services.upsert_cluster(
        {"id": "cz-1", "country": "CZ", "name": "Přejmenovaný klastr"}, source="CZ", actor=SETUP
    )
    slovak = AuditEntry.objects.filter(model="cluster", object_id=str(cz.pk)).order_by("id")[1]
    assert slovak.after["country"] == "SK"
    client.force_login(personas.manager)
    page = client.post(f"/en/clusters/{cz.pk}/history/{slovak.pk}/restore/", follow=True)
    assert "so it was not restored" in page.content.decode()
    assert Cluster.objects.get(pk=cz.pk).country == "CZ"
    # A version in the same country is restored as before.
    first = AuditEntry.objects.filter(model="cluster", object_id=str(cz.pk)).order_by("id")[0]
    client.post(f"/en/clusters/{cz.pk}/history/{first.pk}/restore/")
    assert Cluster.objects.get(pk=cz.pk).name == "Moravskoslezský automobilový klastr"
    assert AuditEntry.objects.filter(actor_id=personas.manager.pk, action="update").exists()


def test_a_staff_coordinator_in_the_admin_is_held_to_the_policy(client, personas) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import Permission

    user = personas.coordinator_cz
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.all())  # every model permission there is
    client.force_login(user)
    pl, cz = personas.pl_cluster, personas.cz_cluster
    posted = client.post(
        f"/en/admin/registry/cluster/{pl.pk}/change/", {"name": "Przejęty", "country": "CZ"}
    )
    assert posted.status_code == 403
    assert_polish_cluster_untouched(personas)
    inline = {f"members-{k}": "0" for k in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")}
    moved = client.post(
        f"/en/admin/registry/cluster/{cz.pk}/change/",
        {"name": cz.name, "country": "PL", **inline, "members-MAX_NUM_FORMS": "0"},
    )
    assert moved.status_code == 403, moved.context["adminform"].form.errors
    assert Cluster.objects.get(pk=cz.pk).country == "CZ"
    # Nor may they give themself another country through the accounts.
    assert client.get("/en/admin/accounts/user/").status_code == 403
    role = {"coordinator_roles-TOTAL_FORMS": "1", "coordinator_roles-0-country": "PL"}
    assert client.post(f"/en/admin/accounts/user/{user.pk}/change/", role).status_code == 403
    assert list(user.coordinator_roles.values_list("country", flat=True)) == ["CZ"]


@pytest.mark.parametrize(
    "write",
    [
        lambda p, a: services.upsert_cluster(
            {"id": "pl-1", "name": "Przejęty", "country": "CZ"}, source="PL", actor=a
        ),
        lambda p, a: services.upsert_cluster({"id": "cz-1", "country": "PL"}, source="CZ", actor=a),
        lambda p, a: services.restore_cluster(
            p.pl_cluster, {"name": "X", "country": "CZ"}, actor=a
        ),
        lambda p, a: services.delete_cluster(p.pl_cluster, actor=a),
        lambda p, a: services.save_member(p.pl_cluster, {"name": "Firma"}, actor=a),
        lambda p, a: services.upsert_cooperation(
            {"kind": "project"}, cluster=p.pl_cluster, partner=p.cz_cluster, actor=a
        ),
    ],
)
def test_the_services_refuse_a_persons_write_that_no_caller_checked(personas, write) -> None:  # type: ignore[no-untyped-def]
    actor = Actor.person(personas.coordinator_cz, context="test")
    with pytest.raises(NotPermitted):
        write(personas, actor)
    assert_polish_cluster_untouched(personas)
    assert Cluster.objects.get(pk=personas.cz_cluster.pk).country == "CZ"


def test_a_member_writer_refuses_members_of_another_countrys_cluster(personas) -> None:  # type: ignore[no-untyped-def]
    writer = services.MemberWriter(actor=Actor.person(personas.coordinator_cz, context="test"))
    with pytest.raises(NotPermitted):
        writer.add(personas.pl_cluster.pk, "pl-1", {"name": "Firma"})
    assert not Member.objects.exists()


def test_deleting_an_organisation_keeps_other_countries_links_to_it_by_name(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    pl, cz = personas.pl_cluster, personas.cz_other
    link, _ = services.upsert_cooperation({"kind": "project"}, cluster=pl, partner=cz, actor=SETUP)
    token = create_api_token(personas.coordinator_cz, "test")
    deleted = client.delete(f"/api/v1/clusters/{cz.pk}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert deleted.status_code == 204
    kept = Cooperation.objects.get(pk=link.pk)
    assert (kept.cluster_id, kept.partner_id) == (pl.pk, None)
    assert (kept.partner_name, kept.partner_country) == ("Klastr Zdraví", "CZ")
    entry = AuditEntry.objects.get(model="cooperation", object_id=str(link.pk), action="update")
    assert entry.actor_id == personas.coordinator_cz.pk


def test_a_staff_coordinator_cannot_change_regions_or_vocabularies_in_the_admin(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import Permission

    from clusterhub.registry.models import Region
    from clusterhub.registry.services import ensure_regions

    ensure_regions(["PL41"])
    user = personas.coordinator_cz
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.all())
    client.force_login(user)
    changed = client.post(
        "/en/admin/registry/region/PL41/change/", {"name": "Hacked", "level": 2, "country": "CZ"}
    )
    assert changed.status_code == 403
    assert Region.objects.get(code="PL41").country == "PL"
