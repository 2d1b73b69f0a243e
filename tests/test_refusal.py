"""One refused row or value, said the same way by every reader, and one exception to refuse."""

from __future__ import annotations

import pytest

from clusterhub.lib.refusal import SHOWN, VALUE_CHARS, Refused, RefusedValue, describe
from clusterhub.lib.text import cut


def test_a_refused_value_names_file_row_column_value_and_reason() -> None:
    refused = RefusedValue("members.csv", 5, "employees", "-1", "must not be negative")

    assert str(refused) == "members.csv, row 5, column employees, value '-1': must not be negative"


def test_an_empty_value_is_shown_as_empty() -> None:
    refused = RefusedValue("clusters.csv", 5, "country", "", "is required")

    assert str(refused) == "clusters.csv, row 5, column country, value '': is required"


def test_a_refused_row_or_file_leaves_out_what_it_does_not_know() -> None:
    assert str(RefusedValue("obs.csv", 3, "employment", reason="is empty")) == (
        "obs.csv, row 3, column employment: is empty"
    )
    assert (
        str(RefusedValue("obs.csv", 4, reason="repeats row 2")) == "obs.csv, row 4: repeats row 2"
    )
    assert str(RefusedValue("obs.csv", reason="the file has no data rows")) == (
        "obs.csv: the file has no data rows"
    )


def test_a_place_in_a_file_without_rows_is_named_after_the_file() -> None:
    refused = RefusedValue("survey.yaml", where="question size", reason="has no label in cs")

    assert str(refused) == "survey.yaml, question size: has no label in cs"


def test_a_long_value_is_cut_to_the_limit_and_ends_in_dots() -> None:
    refused = RefusedValue("a.csv", 2, "email", "x" * 10_000, "is not an e-mail address")

    shown = str(refused)

    assert f"value '{'x' * (VALUE_CHARS - 3)}...': is not an e-mail address" in shown
    assert len(shown) < 200


def test_a_value_is_shown_with_its_control_characters_escaped() -> None:
    refused = RefusedValue("a.json", 1, "name", "a\x00b", "contains a NUL character")

    assert "value 'a\\x00b'" in str(refused)


def test_a_refused_value_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="needs a reason"):
        RefusedValue("a.csv", 2, "name", "x")


def test_cut_keeps_short_text_and_cuts_long_text_to_exactly_the_limit() -> None:
    assert cut("short", 10) == "short"
    assert cut("exactly10!", 10) == "exactly10!"
    assert cut("eleven char", 10) == "eleven ..."
    assert len(cut("y" * 1000, 200)) == 200


def test_the_exception_lists_every_refused_value_one_a_line() -> None:
    refused = Refused(
        [
            RefusedValue("obs.csv", 2, "region", reason="is empty"),
            RefusedValue("obs.csv", 3, "employment", "x", "is not a number"),
        ]
    )

    assert str(refused) == (
        "obs.csv, row 2, column region: is empty\n"
        "obs.csv, row 3, column employment, value 'x': is not a number"
    )
    assert refused.count == 2


def test_the_exception_takes_a_single_refused_value() -> None:
    refused = Refused(RefusedValue("regions.csv", 4, value="ZZ9", reason="is not a NUTS code"))

    assert refused.problems == [RefusedValue("regions.csv", 4, None, "ZZ9", "is not a NUTS code")]
    assert str(refused) == "regions.csv, row 4, value 'ZZ9': is not a NUTS code"


def test_the_exception_lists_the_first_ones_and_counts_the_rest() -> None:
    many = [RefusedValue("big.csv", row, "id", reason="is empty") for row in range(2, 102)]

    refused = Refused(many, unlisted=5_000)

    lines = str(refused).splitlines()
    assert len(lines) == SHOWN + 1
    assert lines[-1] == "... and 5,080 more"
    assert refused.count == 5_100


def test_a_reader_may_say_a_summary_instead_of_the_list() -> None:
    refused = Refused(
        [RefusedValue("a.csv", 2, reason="is wrong")], summary="1 problem(s); nothing was imported"
    )

    assert str(refused) == "1 problem(s); nothing was imported"
    assert describe(refused.problems) == "a.csv, row 2: is wrong"
