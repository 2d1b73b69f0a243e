"""The demo's texts keep their capitals: an agenda item starts with a capital letter without
lower-casing the rest ("AI adoption by SMEs", not "Ai adoption by smes")."""

from __future__ import annotations

import pytest

from clusterhub.cooperation.models import Meeting
from clusterhub.demo.cooperation import THEMES, load_demo_meta_clusters
from clusterhub.demo.loading import load_registry

pytestmark = pytest.mark.django_db


def test_the_demo_meeting_agendas_keep_the_capitals_of_their_topics() -> None:
    load_registry(2026)
    load_demo_meta_clusters(2026)
    items = {
        line.removeprefix("3. ")
        for agenda in Meeting.objects.values_list("agenda", flat=True)
        for line in agenda.splitlines()
        if line.startswith("3. ")
    }
    assert "AI adoption by SMEs" in items
    assert "Ai adoption by smes" not in items
    topics = {topic[:1].upper() + topic[1:] for theme in THEMES.values() for topic in theme.topics}
    assert items and items <= topics
