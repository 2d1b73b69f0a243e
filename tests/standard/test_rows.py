"""Row validation: the rules within a cell and across the columns of a row."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterhub.standard.fields import TABLES
from clusterhub.standard.rows import (
    FORMULA_TRIGGERS,
    Problem,
    escape_formula,
    split_multi,
    unescape_formula,
    validate_row,
)
from tests.helpers import GOOD_CLUSTER, MINIMAL_CLUSTER

# Text the database can hold and the importer does not treat as an empty cell.
stored_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
).filter(lambda t: not t.isspace())


def columns(problems: list[Problem]) -> list[str]:
    return [p.column for p in problems]


def test_the_good_row_of_the_tests_is_valid() -> None:
    clean, problems = validate_row("clusters", GOOD_CLUSTER)
    assert problems == []
    assert clean["staff_fte"] == 3.5
    assert clean["sectors"] == ["C29", "C28.1"]
    assert clean["source"] is None


def test_it_returns_only_the_columns_a_row_has_so_updates_leave_the_others_alone() -> None:
    clean, problems = validate_row("clusters", MINIMAL_CLUSTER)
    assert problems == []
    assert clean == {"id": "cz-1", "name": "Klastr", "country": "CZ"}


@pytest.mark.parametrize("table", list(TABLES))
def test_it_names_every_required_column_a_row_lacks(table: str) -> None:
    _, problems = validate_row(table, {})
    required = [f.name for f in TABLES[table] if f.required]
    assert [(p.column, p.value, p.reason) for p in problems if p.reason == "is required"] == [
        (name, "", "is required") for name in required
    ]


@pytest.mark.parametrize("blank", ["", " ", "\t", " \n "])
def test_a_blank_required_cell_is_missing(blank: str) -> None:
    _, problems = validate_row("clusters", {**MINIMAL_CLUSTER, "name": blank})
    assert problems == [Problem("name", blank, "is required")]


def test_a_blank_optional_cell_is_empty() -> None:
    clean, problems = validate_row(
        "clusters", {**MINIMAL_CLUSTER, "founded": " ", "sectors": "", "lat": "", "lon": ""}
    )
    assert problems == []
    assert clean["founded"] is None
    assert clean["sectors"] == []


def test_multi_valued_cells_drop_blanks_and_repeats_and_keep_order() -> None:
    clean, problems = validate_row(
        "clusters", {**MINIMAL_CLUSTER, "ecosystems": " Digital; agri-food;;digital ;HEALTH"}
    )
    assert problems == []
    assert clean["ecosystems"] == ["digital", "agri-food", "health"]
    assert split_multi("a; b;;a;") == ["a", "b"]


def test_a_bad_item_of_a_list_is_named_in_the_reason() -> None:
    _, problems = validate_row("clusters", {**MINIMAL_CLUSTER, "sectors": "C29;ZZ;A29"})
    assert columns(problems) == ["sectors", "sectors"]
    assert "item 'ZZ'" in problems[0].reason
    assert "item 'A29' division 29 belongs to section C, not A" in problems[1].reason
    assert problems[0].value == "C29;ZZ;A29"


@pytest.mark.parametrize(
    ("column", "raw", "expected"),
    [
        ("lifecycle", " Growing ", "growing"),
        ("label", "GOLD", "gold"),
        ("country", "el", "GR"),
        ("nuts", "cz080", "CZ080"),
    ],
)
def test_codes_are_normalised(column: str, raw: str, expected: str) -> None:
    row = {**MINIMAL_CLUSTER, column: raw}
    if column == "country":
        row["nuts"] = "EL30"
    clean, problems = validate_row("clusters", row)
    assert problems == []
    assert clean[column] == expected


@pytest.mark.parametrize(
    ("column", "raw"),
    [("lifecycle", "booming"), ("label", "platinum"), ("ecosystems", "space"), ("needs", "coffee")],
)
def test_words_outside_a_vocabulary_are_refused_with_the_allowed_words(
    column: str, raw: str
) -> None:
    _, problems = validate_row("clusters", {**MINIMAL_CLUSTER, column: raw})
    assert columns(problems) == [column]
    assert "is not one of:" in problems[0].reason


def test_a_nuts_code_must_lie_in_the_rows_country() -> None:
    _, problems = validate_row("clusters", {**MINIMAL_CLUSTER, "nuts": "SK010"})
    assert problems == [
        Problem("nuts", "SK010", "does not lie in country CZ (NUTS codes there start CZ)")
    ]


def test_greek_rows_use_el_in_nuts_codes_whichever_country_spelling_they_use() -> None:
    for country in ("GR", "EL"):
        assert (
            validate_row("clusters", {**MINIMAL_CLUSTER, "country": country, "nuts": "EL30"})[1]
            == []
        )
        _, problems = validate_row(
            "clusters", {**MINIMAL_CLUSTER, "country": country, "nuts": "GR30"}
        )
        assert columns(problems) == ["nuts"]


@pytest.mark.parametrize(("given", "missing"), [("lat", "lon"), ("lon", "lat")])
def test_a_coordinate_needs_the_other_one(given: str, missing: str) -> None:
    _, problems = validate_row("clusters", {**MINIMAL_CLUSTER, given: "49.5"})
    assert problems == [Problem(missing, "", "is required when the other coordinate is given")]


def test_member_counts_by_type_may_not_exceed_the_total() -> None:
    row = {**MINIMAL_CLUSTER, "members_total": "10", "members_sme": "8", "members_large": "3"}
    _, problems = validate_row("clusters", row)
    assert problems == [
        Problem("members_total", "10", "is less than the sum of the member counts by type (11)")
    ]
    assert validate_row("clusters", {**row, "members_large": "2"})[1] == []
    del row["members_total"]
    assert validate_row("clusters", row)[1] == []


@pytest.mark.parametrize(
    ("column", "length", "limit"),
    [("id", 101, 100), ("postcode", 41, 40), ("source", 101, 100)],
)
def test_identifiers_longer_than_the_registry_can_store_are_refused(
    column: str, length: int, limit: int
) -> None:
    row = {**MINIMAL_CLUSTER, column: "9" * length}
    _, problems = validate_row("clusters", row)
    assert columns(problems) == [column]
    assert problems[0].reason == f"is longer than {limit} characters"
    assert validate_row("clusters", {**row, column: "9" * limit})[1] == []


def test_text_with_a_nul_character_is_refused_because_no_database_can_store_it() -> None:
    _, problems = validate_row("clusters", {**MINIMAL_CLUSTER, "description": "a\x00b"})
    assert columns(problems) == ["description"]
    assert "NUL" in problems[0].reason


def test_member_rows_check_the_nuts_code_against_their_country() -> None:
    row = {"cluster_id": "cz-1", "name": "Firma", "country": "CZ", "nuts": "SK010"}
    _, problems = validate_row("members", row)
    assert columns(problems) == ["nuts"]
    assert validate_row("members", {**row, "country": ""})[1] == []


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ({}, "partner_id", "is required unless partner_name and partner_country are given"),
        ({"partner_name": "  "}, "partner_id", "is required unless partner_name"),
        ({"partner_name": "Foreign"}, "partner_country", "is required with partner_name"),
        ({"partner_id": "cz-1"}, "partner_id", "is the cluster itself"),
        (
            {"partner_id": "sk-1", "since": "2024-01-01", "until": "2023-12-31"},
            "until",
            "is before since",
        ),
    ],
)
def test_cooperation_rows_name_their_partner_and_a_period_in_order(
    row: dict[str, str], column: str, reason: str
) -> None:
    _, problems = validate_row("cooperations", {"cluster_id": "cz-1", **row})
    assert columns(problems) == [column]
    assert reason in problems[0].reason


@pytest.mark.parametrize(
    "row",
    [
        {"partner_id": "sk-1"},
        {"partner_name": "Bayern Innovativ", "partner_country": "DE"},
        {"partner_id": "sk-1", "since": "2024-01-01", "until": "2024-01-01"},
    ],
)
def test_cooperation_rows_with_a_partner_are_valid(row: dict[str, str]) -> None:
    assert validate_row("cooperations", {"cluster_id": "cz-1", **row})[1] == []


@given(name=stored_text, description=stored_text)
def test_any_free_text_is_validated_as_given_without_trimming_or_unescaping(
    name: str, description: str
) -> None:
    clean, problems = validate_row(
        "clusters", {**MINIMAL_CLUSTER, "name": name, "description": description}
    )
    assert problems == []
    assert clean["name"] == name
    assert clean["description"] == description


# --- formula neutralisation ----------------------------------------------------------------


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_text_starting_like_a_formula_gets_an_apostrophe(trigger: str) -> None:
    assert escape_formula(trigger + "SUM(A1)") == "'" + trigger + "SUM(A1)"
    assert unescape_formula("'" + trigger + "SUM(A1)") == trigger + "SUM(A1)"


@pytest.mark.parametrize(
    "text", ["", "Klastr", "'; DROP TABLE x; --", "'quoted'", "'", "a=b", " =x"]
)
def test_text_that_cannot_run_as_a_formula_is_left_alone(text: str) -> None:
    assert escape_formula(text) == text
    assert unescape_formula(text) == text


def test_text_that_already_starts_with_an_apostrophe_before_a_formula_keeps_it() -> None:
    assert escape_formula("'=1+1") == "''=1+1"
    assert unescape_formula("''=1+1") == "'=1+1"


@given(st.text())
def test_unescaping_undoes_escaping_for_any_text(text: str) -> None:
    assert unescape_formula(escape_formula(text)) == text


@given(st.text())
def test_escaped_text_never_starts_like_a_formula(text: str) -> None:
    assert not escape_formula(text).startswith(FORMULA_TRIGGERS)
