"""The value parsers of the standard: raw text in, a clean value or a reason out."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from clusterhub.standard import values
from clusterhub.standard.fields import TABLES
from clusterhub.standard.nace import DIVISIONS, SECTIONS
from clusterhub.standard.values import Invalid

THIS_YEAR = dt.date.today().year


def test_every_field_kind_of_the_standard_has_a_parser() -> None:
    kinds = {field.kind for fields in TABLES.values() for field in fields}
    assert kinds <= set(values.PARSERS)


# --- countries ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("CZ", "CZ"), ("cz", "CZ"), (" sk ", "SK"), ("EL", "GR"), ("el", "GR"), ("UK", "GB")],
)
def test_it_accepts_country_codes_and_the_nuts_spellings_of_greece_and_britain(
    raw: str, expected: str
) -> None:
    assert values.country(raw) == expected


@pytest.mark.parametrize("raw", ["XX", "CZE", "Czechia", "C", "12", "ČR"])
def test_it_refuses_what_is_not_an_alpha_2_country_code(raw: str) -> None:
    with pytest.raises(Invalid, match="ISO 3166-1 alpha-2"):
        values.country(raw)


# --- NUTS ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("CZ0", "CZ0"), ("cz06", "CZ06"), ("CZ064", "CZ064"), (" CZ 064 ", "CZ064"), ("EL30", "EL30")],
)
def test_it_accepts_nuts_codes_of_level_1_to_3_in_upper_case(raw: str, expected: str) -> None:
    assert values.nuts(raw) == expected


@pytest.mark.parametrize("raw", ["CZ", "CZ0641", "C0", "0CZ64", "CZ-064", "CZ06_4"])
def test_it_refuses_nuts_codes_that_are_not_of_level_1_to_3(raw: str) -> None:
    with pytest.raises(Invalid, match="NUTS code of level 1-3"):
        values.nuts(raw)


@pytest.mark.parametrize(
    ("code", "country"), [("CZ064", "CZ"), ("EL30", "GR"), ("UKI3", "GB"), ("SK0", "SK")]
)
def test_it_accepts_nuts_codes_with_their_countrys_prefix(code: str, country: str) -> None:
    values.check_nuts_country(code, country)


@pytest.mark.parametrize(
    ("code", "country", "prefix"),
    [("SK010", "CZ", "CZ"), ("GR30", "GR", "EL"), ("GB1", "GB", "UK")],
)
def test_it_refuses_nuts_codes_of_another_country(code: str, country: str, prefix: str) -> None:
    with pytest.raises(Invalid, match=f"does not lie in country {country}.*start {prefix}"):
        values.check_nuts_country(code, country)


# --- NACE ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("C", "C"),
        ("c29", "C29"),
        ("29", "C29"),
        ("29.1", "C29.1"),
        ("29.10", "C29.10"),
        ("C 29.10", "C29.10"),
        ("62.01", "J62.01"),
        ("01.1", "A01.1"),
        ("99", "U99"),
    ],
)
def test_it_normalises_nace_codes_with_their_section_letter(raw: str, expected: str) -> None:
    assert values.nace(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("A29", "division 29 belongs to section C, not A"),
        ("J29.1", "division 29 belongs to section C, not J"),
        ("04", "has no NACE Rev. 2 division 04"),
        ("34", "has no NACE Rev. 2 division 34"),
        ("V", "is not a NACE Rev. 2 code"),
        ("29.", "is not a NACE Rev. 2 code"),
        ("29.123", "is not a NACE Rev. 2 code"),
        ("C29.1.2", "is not a NACE Rev. 2 code"),
        ("2", "is not a NACE Rev. 2 code"),
        ("manufacturing", "is not a NACE Rev. 2 code"),
    ],
)
def test_it_refuses_nace_codes_that_do_not_exist_or_name_the_wrong_section(
    raw: str, reason: str
) -> None:
    with pytest.raises(Invalid, match=reason):
        values.nace(raw)


def _section_of(division: str) -> str:
    number = int(division)
    return next(letter for letter, (_, lo, hi) in SECTIONS.items() if lo <= number <= hi)


@given(
    division=st.sampled_from(sorted(DIVISIONS)),
    group=st.sampled_from(["", ".1", ".9", ".12"]),
    lower=st.booleans(),
)
def test_any_nace_division_is_given_its_own_section_letter(
    division: str, group: str, lower: bool
) -> None:
    section = _section_of(division)
    given_section = section.lower() if lower else section
    assert values.nace(division + group) == section + division + group
    assert values.nace(given_section + division + group) == section + division + group


@given(division=st.sampled_from(sorted(DIVISIONS)), section=st.sampled_from(sorted(SECTIONS)))
def test_a_nace_division_under_any_other_section_is_refused(division: str, section: str) -> None:
    assume(section != _section_of(division))
    with pytest.raises(Invalid, match="belongs to section"):
        values.nace(section + division)


def test_the_nace_list_has_the_88_divisions_of_rev_2_each_in_a_section() -> None:
    assert len(DIVISIONS) == 88
    for division in DIVISIONS:
        assert _section_of(division) in SECTIONS


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("49.19", 49.19), ("49,19", 49.19), (" -33.5 ", -33.5), ("90", 90.0), ("-90", -90.0)],
)
def test_it_reads_latitudes_with_a_decimal_point_or_comma(raw: str, expected: float) -> None:
    assert values.latitude(raw) == expected


@pytest.mark.parametrize(
    ("parser", "raw", "reason"),
    [
        (values.latitude, "90.0001", "out of range for a latitude"),
        (values.latitude, "-91", "out of range for a latitude"),
        (values.longitude, "180.5", "out of range for a longitude"),
        (values.longitude, "-181", "out of range for a longitude"),
        (values.latitude, "north", "is not a number"),
        (values.latitude, "49.1.2", "is not a number"),
        (values.latitude, "nan", "not a finite number"),
        (values.longitude, "inf", "not a finite number"),
        (values.nonnegative, "-0.5", "must not be negative"),
        (values.nonnegative, "1e999", "not a finite number"),
    ],
)
def test_it_refuses_numbers_out_of_range_or_not_numbers(parser, raw: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Invalid, match=reason):
        parser(raw)


@given(st.floats(min_value=-90, max_value=90))
def test_any_latitude_in_range_reads_back_exactly_with_point_or_comma(value: float) -> None:
    assert values.latitude(repr(value)) == value
    assert values.latitude(repr(value).replace(".", ",")) == value


@given(st.floats(min_value=-180, max_value=180))
def test_any_longitude_in_range_reads_back_exactly(value: float) -> None:
    assert values.longitude(repr(value)) == value


@given(st.floats(allow_nan=False, allow_infinity=False).filter(lambda v: abs(v) > 90))
def test_any_latitude_beyond_the_poles_is_refused(value: float) -> None:
    with pytest.raises(Invalid):
        values.latitude(repr(value))


@pytest.mark.parametrize(
    ("raw", "expected"), [("12", 12), ("0", 0), ("1 000", 1000), ("1\u00a0000", 1000), ("12,0", 12)]
)
def test_it_reads_counts_with_thousands_spaces(raw: str, expected: int) -> None:
    assert values.count(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("2.5", "is not a whole number"),
        ("-1", "must not be negative"),
        ("many", "is not a number"),
        ("1e20", "is too large"),
        ("2147483648", "is too large"),
    ],
)
def test_it_refuses_counts_that_are_not_whole_nonnegative_storable_numbers(
    raw: str, reason: str
) -> None:
    with pytest.raises(Invalid, match=reason):
        values.count(raw)


@given(st.integers(min_value=0, max_value=values.MAX_COUNT))
def test_any_storable_count_reads_back(value: int) -> None:
    assert values.count(str(value)) == value


@given(st.one_of(st.integers(max_value=-1), st.integers(min_value=values.MAX_COUNT + 1)))
def test_any_count_below_zero_or_above_the_column_limit_is_refused(value: int) -> None:
    with pytest.raises(Invalid):
        values.count(str(value))


@given(st.integers(min_value=1900, max_value=THIS_YEAR))
def test_any_year_from_1900_to_this_year_is_a_founding_year(value: int) -> None:
    assert values.year(str(value)) == value


@given(st.one_of(st.integers(max_value=1899), st.integers(min_value=THIS_YEAR + 1)))
def test_any_year_before_1900_or_in_the_future_is_refused(value: int) -> None:
    with pytest.raises(Invalid, match=f"is not a year between 1900 and {THIS_YEAR}"):
        values.year(str(value))


@pytest.mark.parametrize("raw", ["2005.5", "MMV", "'05"])
def test_it_refuses_founding_years_that_are_not_whole_years(raw: str) -> None:
    with pytest.raises(Invalid):
        values.year(raw)


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "2024-02-29",
        " 2024-02-29 ",
        "29.2.2024",
        "29.02.2024",
        "2024.02.29",
        "2024.02.29.",
        "29. 2. 2024",
        "2024-02-29 00:00:00",
        "2024-02-29T00:00",
    ],
)
def test_it_reads_the_date_forms_of_the_region(raw: str) -> None:
    assert values.date(raw) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "raw", ["2023-02-29", "2024-13-01", "31.4.2024", "2024/02/29", "tomorrow", "2024-02-29T10:30"]
)
def test_it_refuses_what_is_not_a_date(raw: str) -> None:
    with pytest.raises(Invalid, match=r"is not a date \(use YYYY-MM-DD\)"):
        values.date(raw)


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_any_date_reads_back_from_iso_czech_and_hungarian_notation(day: dt.date) -> None:
    assert values.date(day.isoformat()) == day
    assert values.date(f"{day.day}.{day.month}.{day.year}") == day
    assert values.date(f"{day.year}.{day.month:02d}.{day.day:02d}.") == day


# --- web site and e-mail -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "https://example.org",
        "http://klastr.cz/o-nas?id=1#x",
        " https://a.b ",
        "HTTPS://EXAMPLE.ORG",
    ],
)
def test_it_accepts_http_and_https_addresses(raw: str) -> None:
    assert values.url(raw) == raw.strip()


@pytest.mark.parametrize(
    "raw",
    [
        "ftp://example.org",
        "www.example.org",
        "example.org",
        "javascript:alert(1)",
        "mailto:info@example.org",
        "https://",
        "https://exa mple.org",
        "file:///etc/passwd",
    ],
)
def test_it_refuses_web_sites_that_are_not_http_or_https(raw: str) -> None:
    with pytest.raises(Invalid, match=r"is not an http\(s\) URL"):
        values.url(raw)


@given(st.text().filter(lambda t: not t.strip().lower().startswith(("http://", "https://"))))
def test_any_text_without_an_http_scheme_is_refused_as_a_web_site(raw: str) -> None:
    with pytest.raises(Invalid):
        values.url(raw)


@pytest.mark.parametrize("raw", ["info@klastr.cz", " a.b+c@x-y.eu ", "jana.novakova@uni.edu.pl"])
def test_it_accepts_e_mail_addresses(raw: str) -> None:
    assert values.email(raw) == raw.strip()


@pytest.mark.parametrize(
    "raw", ["info", "info@", "@klastr.cz", "a@b", "a@b.c", "a b@c.cz", "<a@b.cz>", "a@@b.cz"]
)
def test_it_refuses_what_is_not_an_e_mail_address(raw: str) -> None:
    with pytest.raises(Invalid, match="is not an e-mail address"):
        values.email(raw)


# --- text, strings and vocabulary words ----------------------------------------------------


@given(st.text())
def test_free_text_is_kept_exactly_as_given(raw: str) -> None:
    assert values.text(raw) == raw


@given(st.text())
def test_identifiers_and_codes_lose_only_surrounding_whitespace(raw: str) -> None:
    assert values.string(raw) == raw.strip()
    assert values.enum(raw) == raw.strip().lower()
