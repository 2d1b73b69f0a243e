"""The peer comparison on a profile reads a table built once per state of the registry and
its survey answers: it follows every change, and it ranks as the whole-registry peer
groups do."""

from __future__ import annotations

import pytest

from clusterhub.analytics.benchmark import peer_groups, peer_index, peers_in
from clusterhub.benchmarking.peers import DIMENSIONS, peer_comparison, peer_table
from clusterhub.registry.services import upsert_cluster
from tests.benchmarking.surveys import invite, open_survey, submit
from tests.benchmarking.test_study import add_clusters
from tests.personas import SETUP, Personas

pytestmark = pytest.mark.django_db


def same_country(personas: Personas) -> int:
    groups = dict(peer_comparison(personas.cz_cluster).groups)
    return groups["Same country"]


def test_a_new_organisation_joins_the_peers_of_the_next_comparison(personas: Personas) -> None:
    add_clusters(6)
    before = same_country(personas)
    upsert_cluster(
        {"id": "cz-new", "name": "Nový klastr", "country": "CZ"}, source="CZ", actor=SETUP
    )
    assert same_country(personas) == before + 1


def test_a_submitted_answer_shows_in_the_next_comparison(personas: Personas) -> None:
    clusters = add_clusters(6)
    survey = open_survey("CZ")
    invite(survey, personas.cz_cluster, *clusters)
    assert peer_comparison(personas.cz_cluster).answered is False
    submit(survey, personas.cz_cluster)
    assert peer_comparison(personas.cz_cluster).answered is True


def shared(a: object, b: object) -> bool:
    """Whether two attribute values (text, a list or None) have a value in common."""

    def as_set(v: object) -> set[str]:
        if v in (None, ""):
            return set()
        return {v} if isinstance(v, str) else {str(x) for x in v}  # type: ignore[attr-defined]

    return bool(as_set(a) & as_set(b))


def test_one_organisations_peers_are_those_sharing_the_attribute(personas: Personas) -> None:
    add_clusters(4)
    add_clusters(3, country="SK")
    attributes = peer_table().attributes
    for dimension in DIMENSIONS:
        index = peer_index(attributes, (dimension,))
        groups = peer_groups(attributes, (dimension,))
        for org, values in attributes.items():
            expected = {
                other
                for other, theirs in attributes.items()
                if shared(values.get(dimension), theirs.get(dimension))
            }
            assert peers_in(index, values, (dimension,), attributes) == expected == groups[org]
