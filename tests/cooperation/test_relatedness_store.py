"""Stored relatedness sets: `clusterhub cooperation load-relatedness`, `relatedness-sets` and
`relatedness --store`; all or nothing, a name taken only when replaced explicitly, every
store in the history, and only admins and coordinators may store."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from clusterhub.accounts.policy import NotPermitted
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.cooperation.models import RelatednessPair, RelatednessResult
from clusterhub.cooperation.relatedness_store import store_relatedness
from tests.analytics.mapping_files import write_categories, write_csv
from tests.conftest import run

MATRIX = ["category_a", "category_b", "relatedness"]
OBSERVATIONS = ["region", "category", "employment"]
CELLS = [
    ("R1", "A", 10), ("R1", "B", 20), ("R1", "C", 70),
    ("R2", "A", 40), ("R2", "B", 80), ("R2", "C", 10),
    ("R3", "A", 25), ("R3", "B", 50), ("R3", "C", 40),
]  # fmt: skip


def _matrix(path: Path, rows: list[tuple[str, str, object]]) -> Path:
    return write_csv(path, [dict(zip(MATRIX, row, strict=True)) for row in rows], MATRIX)


def _stored() -> dict[str, int]:
    return {
        "sets": RelatednessResult.objects.count(),
        "pairs": RelatednessPair.objects.count(),
        "history": AuditEntry.objects.filter(model="relatednessresult").count(),
    }


def _pairs(name: str) -> dict[tuple[str, str], float]:
    return {
        (p.category_a, p.category_b): p.relatedness
        for p in RelatednessPair.objects.filter(result__name=name)
    }


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    return _matrix(
        tmp_path / "skills.csv",
        [("C29", "C22", 0.71), ("C22", "C29", 0.71), ("C29", "C27", 0.4), ("C29", "C29", 1.0)],
    )


def test_a_matrix_file_is_stored_as_a_named_set_with_its_history(cli, matrix) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("cooperation", "load-relatedness", str(matrix), "--name", "Skill relatedness")
    assert outcome.ok, outcome.error
    assert "Skill relatedness stored: 3 pairs of 3 categories" in outcome.stdout
    result = RelatednessResult.objects.get()
    assert (result.name, result.slug, result.source) == (
        "Skill relatedness",
        "skill-relatedness",
        "skills.csv",
    )
    assert (result.categories, result.pairs) == (3, 3)
    # A category's pair with itself is left out.
    assert _pairs("Skill relatedness") == {
        ("C29", "C22"): pytest.approx(0.71),
        ("C22", "C29"): pytest.approx(0.71),
        ("C29", "C27"): pytest.approx(0.4),
    }
    entry = AuditEntry.objects.get(model="relatednessresult")
    assert (entry.action, entry.object_id, entry.before) == ("create", str(result.pk), None)
    assert entry.after["pairs"] == 3
    assert entry.actor_name.startswith("cooperation load-relatedness by ")


def test_a_taken_name_is_refused_unless_replaced_explicitly(cli, matrix, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("cooperation", "load-relatedness", str(matrix), "--name", "Skills").ok
    other = _matrix(tmp_path / "io.csv", [("C10", "C11", 0.9), ("C11", "C10", 0.9)])
    before = _stored()
    outcome = cli("cooperation", "load-relatedness", str(other), "--name", "Skills")
    assert not outcome.ok
    assert "a relatedness set named 'Skills' exists already" in outcome.error
    assert "--replace" in outcome.error
    assert _stored() == before

    outcome = cli("cooperation", "load-relatedness", str(other), "--name", "Skills", "--replace")
    assert outcome.ok, outcome.error
    assert "Skills replaced: 2 pairs of 2 categories" in outcome.stdout
    result = RelatednessResult.objects.get()
    assert result.slug == "skills" and result.source == "io.csv"
    assert _pairs("Skills") == {("C10", "C11"): 0.9, ("C11", "C10"): 0.9}
    entry = AuditEntry.objects.filter(model="relatednessresult").order_by("id").last()
    assert entry is not None and entry.action == "update"
    assert (entry.before["source"], entry.after["source"]) == ("skills.csv", "io.csv")


@pytest.mark.parametrize(
    ("rows", "named"),
    [
        ([("C29", "C22", "0.5"), ("C29", "C27", "n/a")], "row 3, column relatedness, value 'n/a'"),
        ([("C29", "C22", "0.5"), ("C29", "C27", "")], "row 3, column relatedness"),
        ([("C29", "", "0.5")], "row 2, column category_b"),
    ],
)
def test_a_file_with_a_bad_cell_is_refused_and_nothing_is_stored(
    cli, tmp_path, rows, named
) -> None:  # type: ignore[no-untyped-def]
    bad = _matrix(tmp_path / "skills.csv", rows)
    outcome = cli("cooperation", "load-relatedness", str(bad), "--name", "Skills")
    assert not outcome.ok
    assert f"skills.csv, {named}" in outcome.error
    assert _stored() == {"sets": 0, "pairs": 0, "history": 0}


def test_a_bad_file_does_not_touch_the_set_it_would_replace(cli, matrix, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("cooperation", "load-relatedness", str(matrix), "--name", "Skills").ok
    before, pairs = _stored(), _pairs("Skills")
    bad = write_csv(tmp_path / "bad.csv", [{"category_a": "C10", "category_b": "C11"}],
                    ["category_a", "category_b"])  # fmt: skip
    outcome = cli("cooperation", "load-relatedness", str(bad), "--name", "Skills", "--replace")
    assert not outcome.ok
    assert "bad.csv, row 1, column relatedness: the column is missing" in outcome.error
    assert _stored() == before and _pairs("Skills") == pairs


def test_the_stored_sets_are_listed_newest_first(cli, matrix, tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = cli("cooperation", "relatedness-sets")
    assert empty.ok and "No relatedness set is stored" in empty.stdout
    assert cli("cooperation", "load-relatedness", str(matrix), "--name", "Skills").ok
    io = _matrix(tmp_path / "io.csv", [("C10", "C11", 0.9)])
    assert cli("cooperation", "load-relatedness", str(io), "--name", "Input-output").ok
    outcome = cli("cooperation", "relatedness-sets")
    assert outcome.ok
    header, first, second = outcome.stdout.splitlines()
    assert header.split() == ["name", "measure", "or", "source", "categories", "pairs", "loaded"]
    assert first.startswith("Input-output") and "io.csv" in first
    assert second.startswith("Skills") and "skills.csv" in second
    assert second.split()[2:4] == ["3", "3"]


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    rows = [dict(zip(OBSERVATIONS, cell, strict=True)) for cell in CELLS]
    observations = write_csv(tmp_path / "obs.csv", rows, OBSERVATIONS)
    categories = write_categories(tmp_path / "cats.csv", {"A": "t", "B": "t", "C": "t"})
    return observations, categories


def test_relatedness_store_computes_and_stores_in_one_go(cli, inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    observations, categories = inputs
    out = tmp_path / "related.csv"
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories), "--out", str(out), "--store", "Regional 2015",
    )  # fmt: skip
    assert outcome.ok, outcome.error
    assert "Regional 2015 (log_lq_correlation) stored: 6 pairs of 3 categories" in outcome.stdout
    result = RelatednessResult.objects.get()
    assert (result.measure, result.source, result.pairs) == ("log_lq_correlation", "obs.csv", 6)
    written = pd.read_csv(out)
    stored = _pairs("Regional 2015")
    for a, b, value in written.itertuples(index=False):
        assert stored[a, b] == pytest.approx(value, abs=1e-6)


def test_relatedness_store_without_out_writes_no_file(cli, inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    observations, categories = inputs
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories), "--measure", "proximity", "--store", "Regional",
    )  # fmt: skip
    assert outcome.ok, outcome.error
    assert RelatednessResult.objects.get().measure == "proximity"


def test_relatedness_store_with_a_taken_name_writes_neither_file_nor_set(
    cli, inputs, matrix, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    assert cli("cooperation", "load-relatedness", str(matrix), "--name", "Regional").ok
    before = _stored()
    observations, categories = inputs
    out = tmp_path / "related.csv"
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories), "--out", str(out), "--store", "Regional",
    )  # fmt: skip
    assert not outcome.ok
    assert "a relatedness set named 'Regional' exists already" in outcome.error
    assert not out.exists()
    assert _stored() == before


def test_relatedness_needs_out_or_store(cli, inputs) -> None:  # type: ignore[no-untyped-def]
    observations, categories = inputs
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories),
    )  # fmt: skip
    assert not outcome.ok
    assert "--out" in outcome.error and "--store" in outcome.error


FRAME = pd.DataFrame(
    {"category_a": ["A", "B"], "category_b": ["B", "A"], "relatedness": [0.5, 0.5]}
)


@pytest.mark.parametrize("who", ["admin", "coordinator_cz", "coordinator_pl"])
def test_admins_and_coordinators_may_store_a_set(personas, who) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, who)
    stored = store_relatedness(FRAME, name="Set", actor=Actor.person(user, "test"))
    assert stored.result.pairs == 2
    entry = AuditEntry.objects.get(model="relatednessresult")
    assert entry.actor_id == user.pk


@pytest.mark.parametrize("who", ["manager", "registered", "anonymous"])
def test_managers_and_others_may_not_store_a_set(personas, who) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, who)
    actor = Actor(name="someone", user=user) if who == "anonymous" else Actor.person(user, "test")
    with pytest.raises(NotPermitted):
        store_relatedness(FRAME, name="Set", actor=actor)
    assert _stored() == {"sets": 0, "pairs": 0, "history": 0}


def test_a_manager_may_not_replace_a_set_a_coordinator_stored(personas) -> None:  # type: ignore[no-untyped-def]
    store_relatedness(FRAME, name="Set", actor=Actor.person(personas.coordinator_cz, "test"))
    before = _stored()
    with pytest.raises(NotPermitted):
        store_relatedness(
            FRAME.assign(relatedness=0.9),
            name="Set",
            replace=True,
            actor=Actor.person(personas.manager, "test"),
        )
    assert _stored() == before and _pairs("Set") == {("A", "B"): 0.5, ("B", "A"): 0.5}


def test_relatedness_without_store_needs_no_database(inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # No `db` fixture: pytest-django refuses any query, so this fails if the command opens one.
    observations, categories = inputs
    out = tmp_path / "related.csv"
    outcome = run(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories), "--out", str(out),
    )  # fmt: skip
    assert outcome.ok, outcome.error
    assert len(pd.read_csv(out)) == 6


@pytest.mark.django_db
def test_a_computed_matrix_with_a_bad_cell_is_refused_naming_it_and_nothing_is_stored() -> None:
    from clusterhub.lib.refusal import Refused

    bad = pd.DataFrame(
        {
            "category_a": ["C29", "C" * 101, "C22"],
            "category_b": ["C22", "C29", "C29"],
            "relatedness": [0.5, 0.2, float("nan")],
        }
    )
    with pytest.raises(Refused) as refused:
        store_relatedness(bad, name="Bad", actor=Actor.system("test"))
    assert "row 4" in str(refused.value) and "relatedness" in str(refused.value)
    assert not RelatednessResult.objects.exists()
    long_only = bad.iloc[:2]
    with pytest.raises(Refused, match="longer than 100 characters"):
        store_relatedness(long_only, name="Long", actor=Actor.system("test"))
    assert not RelatednessResult.objects.exists()
