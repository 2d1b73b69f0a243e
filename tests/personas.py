"""The people permission tests talk about: "can the PL coordinator edit a CZ cluster?"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser

from clusterhub.accounts.models import CoordinatorRole, ManagerRole, User
from clusterhub.audit.services import Actor
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import upsert_cluster

SETUP = Actor.system("test set-up")
PASSWORD = "A-long-enough-passphrase-42"


@dataclass
class Personas:
    admin: User
    coordinator_cz: User
    coordinator_pl: User
    manager: User  # manages `cz_cluster`
    registered: User
    anonymous: Any
    cz_cluster: Cluster
    cz_other: Cluster
    pl_cluster: Cluster


def _user(username: str, **extra: Any) -> User:
    return User.objects.create_user(username, f"{username}@example.org", PASSWORD, **extra)


def make_personas() -> Personas:
    cz, _ = upsert_cluster(
        {
            "id": "cz-1",
            "name": "Moravskoslezský automobilový klastr",
            "country": "CZ",
            "contact_name": "Jana Nováková",
            "contact_email": "jana@example.cz",
        },
        source="CZ",
        actor=SETUP,
    )
    cz_other, _ = upsert_cluster(
        {"id": "cz-2", "name": "Klastr Zdraví", "country": "CZ"}, source="CZ", actor=SETUP
    )
    pl, _ = upsert_cluster(
        {"id": "pl-1", "name": "Śląski Klaster", "country": "PL"}, source="PL", actor=SETUP
    )
    admin = _user("admin", is_superuser=True, is_staff=True)
    coordinator_cz = _user("koordinator")
    CoordinatorRole.objects.create(user=coordinator_cz, country="CZ")
    coordinator_pl = _user("koordynator")
    CoordinatorRole.objects.create(user=coordinator_pl, country="PL")
    manager = _user("manazer")
    ManagerRole.objects.create(user=manager, cluster=cz)
    return Personas(
        admin=admin,
        coordinator_cz=coordinator_cz,
        coordinator_pl=coordinator_pl,
        manager=manager,
        registered=_user("reader"),
        anonymous=AnonymousUser(),
        cz_cluster=cz,
        cz_other=cz_other,
        pl_cluster=pl,
    )
