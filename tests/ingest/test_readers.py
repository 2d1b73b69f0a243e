"""Readers: files in the region's encodings, delimiters and formats become numbered text rows."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from clusterhub.ingest.layout import find_layout
from clusterhub.ingest.mapping import Mapping
from clusterhub.ingest.readers import RawTable, Unreadable, read_table
from clusterhub.ingest.readers.base import cell_text
from clusterhub.ingest.readers.delimited import detect_delimiter, detect_encoding
from tests.conftest import write_csv, write_json
from tests.helpers import write_xlsx

CZECH = "Žluťoučký kůň úpěl ďábelské ódy"
SLOVAK = "Košice Žilina Ľubľana Banská Štiavnica Ťahanovce"
POLISH = "Zażółć gęślą jaźń Łódź Kraków"
PLAIN_CZECH = "Plzeň Čeněk Třinec Ústí nad Labem"  # only letters both legacy encodings share


def rows(raw: RawTable) -> list[tuple[int, list[str]]]:
    return list(raw.rows)


def table_text(name: str) -> str:
    return f"id,name,country\ncz-1,{name},CZ\ncz-2,Druhý řádek,CZ\n"


# --- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp1250", "cp1250"),
        ("iso8859_2", "iso8859_2"),
    ],
)
@pytest.mark.parametrize("name", [CZECH, SLOVAK, POLISH], ids=["czech", "slovak", "polish"])
def test_it_reads_central_european_text_in_each_encoding_of_the_region(
    tmp_path: Path, encoding: str, detected: str, name: str
) -> None:
    path = write_csv(tmp_path / "clusters.csv", table_text(name), encoding)
    assert detect_encoding(path) == detected
    raw = read_table(path)
    assert rows(raw) == [
        (1, ["id", "name", "country"]),
        (2, ["cz-1", name, "CZ"]),
        (3, ["cz-2", "Druhý řádek", "CZ"]),
    ]


@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2"])
def test_text_with_only_letters_both_legacy_encodings_share_reads_the_same(
    tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "clusters.csv", table_text(PLAIN_CZECH), encoding)
    assert rows(read_table(path))[1] == (2, ["cz-1", PLAIN_CZECH, "CZ"])


def test_the_bom_of_a_utf8_file_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "clusters.csv", table_text("Klastr"), "utf-8-sig")
    assert next(read_table(path).rows) == (1, ["id", "name", "country"])


def test_it_reads_utf16_files_with_a_bom(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "clusters.csv", table_text(CZECH), "utf-16")
    assert rows(read_table(path))[1] == (2, ["cz-1", CZECH, "CZ"])


def test_a_utf8_file_with_a_broken_character_far_down_is_read_as_a_legacy_encoding(
    tmp_path: Path,
) -> None:
    text = "id,name,country\n" + "".join(f"cz-{i},Klastr {i},CZ\n" for i in range(2000))
    path = tmp_path / "clusters.csv"
    path.write_bytes(text.encode() + "cz-x,Šumava,CZ\n".encode("cp1250"))
    assert detect_encoding(path) == "cp1250"
    assert rows(read_table(path))[-1] == (2002, ["cz-x", "Šumava", "CZ"])


# --- delimiters and quoting ----------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_it_detects_each_delimiter(tmp_path: Path, delimiter: str) -> None:
    text = "".join(
        delimiter.join(cells) + "\n"
        for cells in (["id", "name", "country", "lat"], ["cz-1", "Klastr, z.s.", "CZ", "49,5"])
    )
    if delimiter == ",":
        text = text.replace("Klastr, z.s.", '"Klastr, z.s."').replace("49,5", '"49,5"')
    raw = read_table(write_csv(tmp_path / "clusters.csv", text))
    assert raw.delimiter == delimiter
    assert rows(raw)[1] == (2, ["cz-1", "Klastr, z.s.", "CZ", "49,5"])


def test_a_semicolon_file_with_decimal_commas_is_split_at_the_semicolons() -> None:
    sample = "id;name;lat;lon\ncz-1;Klastr;49,19;16,60\ncz-2;Jiný;50,08;14,42\n"
    assert detect_delimiter(sample) == ";"


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\x0c", "\x1e"])
def test_characters_python_counts_as_line_breaks_do_not_confuse_the_delimiter(
    tmp_path: Path, separator: str
) -> None:
    name = f"\t0{separator}\tx"
    text = f"id,name,country,city\ncz-1,{name},CZ,Brno\n"
    raw = read_table(write_csv(tmp_path / "clusters.csv", text))
    assert raw.delimiter == ","
    assert rows(raw)[1] == (2, ["cz-1", name, "CZ", "Brno"])


def test_semicolons_inside_quoted_multi_line_fields_do_not_confuse_the_delimiter() -> None:
    sample = 'id,name,services\ncz-1,"A; B;\nC; D; E",networking;training\ncz-2,B,events\n'
    assert detect_delimiter(sample) == ","


def test_a_file_of_one_column_is_read_as_comma_separated() -> None:
    assert detect_delimiter("name\nKlastr\n") == ","


def test_quoted_fields_keep_commas_quotes_and_line_breaks(tmp_path: Path) -> None:
    text = (
        "id,name,description,country\r\n"
        'cz-1,"Klastr ""Morava"", z.s.","first line\r\nsecond, line\nthird",CZ\r\n'
        "cz-2,Second,plain,CZ\r\n"
    )
    raw = read_table(write_csv(tmp_path / "clusters.csv", text))
    assert rows(raw) == [
        (1, ["id", "name", "description", "country"]),
        (2, ["cz-1", 'Klastr "Morava", z.s.', "first line\r\nsecond, line\nthird", "CZ"]),
        (3, ["cz-2", "Second", "plain", "CZ"]),
    ]


def test_rows_are_numbered_as_a_spreadsheet_shows_them_with_the_header_as_row_1(
    tmp_path: Path,
) -> None:
    text = 'id,name,country\ncz-1,"two\nlines",CZ\n\ncz-3,After a blank row,CZ\n'
    numbers = [number for number, _ in read_table(write_csv(tmp_path / "c.csv", text)).rows]
    assert numbers == [1, 2, 3, 4]


def test_csv_cells_lose_the_apostrophe_an_export_put_before_a_formula(tmp_path: Path) -> None:
    text = "id,name,description,country\ncz-1,'=HYPERLINK(\"x\"),'; DROP TABLE x; --,CZ\n"
    raw = read_table(write_csv(tmp_path / "clusters.csv", text))
    assert rows(raw)[1] == (2, ["cz-1", '=HYPERLINK("x")', "'; DROP TABLE x; --", "CZ"])


# --- workbooks -----------------------------------------------------------------------------


def test_it_reads_the_first_sheet_of_a_workbook_with_typed_cells_as_text(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "clusters.xlsx",
        [
            ["id", "name", "country", "founded", "lat", "label_valid_until", "members_total"],
            ["cz-1", CZECH, "CZ", 2005, 49.19522, dt.date(2027, 6, 30), 12.0],
            [1, "'=1+1", "CZ", None, -0.5, dt.datetime(2027, 6, 30, 0, 0), True],
        ],
        extra_sheet=True,
    )
    assert rows(read_table(path)) == [
        (1, ["id", "name", "country", "founded", "lat", "label_valid_until", "members_total"]),
        (2, ["cz-1", CZECH, "CZ", "2005", "49.19522", "2027-06-30", "12"]),
        (3, ["1", "=1+1", "CZ", "", "-0.5", "2027-06-30", "true"]),
    ]


def test_title_rows_above_the_header_are_skipped_but_still_counted(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "clusters.xlsx",
        [
            ["Registr klastrových organizací 2025"],
            [],
            ["Stav k 1. 1. 2025", None, "Name"],
            ["id", "name", "country"],
            ["cz-1", "Klastr", "CZ"],
        ],
    )
    layout, remaining = find_layout(read_table(path), Mapping(), None)
    assert (layout.table, layout.header_row) == ("clusters", 4)
    assert list(remaining) == [(5, ["cz-1", "Klastr", "CZ"])]


def test_a_truncated_workbook_is_unreadable_with_one_sentence(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", [["id", "name", "country"], ["1", "A", "CZ"]])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(Unreadable, match=r"^cut\.xlsx is not a readable workbook \(.*\)\.$"):
        read_table(cut)


def test_a_text_file_named_xlsx_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(Unreadable, match="is not a readable workbook"):
        read_table(write_csv(tmp_path / "clusters.xlsx", table_text("Klastr")))


# --- JSON ----------------------------------------------------------------------------------


def test_it_reads_a_json_list_of_objects_numbering_rows_by_position(tmp_path: Path) -> None:
    path = write_json(
        tmp_path / "clusters.json",
        [
            {"id": "cz-1", "name": CZECH, "country": "CZ", "founded": 2005},
            {"id": "cz-2", "name": "'=1+1", "country": "CZ", "lat": 49.5, "lon": None},
        ],
    )
    raw = read_table(path)
    assert not raw.has_header_row
    assert rows(raw) == [
        (0, ["id", "name", "country", "founded", "lat", "lon"]),
        (1, ["cz-1", CZECH, "CZ", "2005", "", ""]),
        (2, ["cz-2", "'=1+1", "CZ", "", "49.5", ""]),
    ]


def test_it_reads_json_whose_rows_are_under_data(tmp_path: Path) -> None:
    path = write_json(tmp_path / "c.json", {"data": [{"id": "1", "name": "A", "country": "CZ"}]})
    assert rows(read_table(path))[1] == (1, ["1", "A", "CZ"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'[{"id": "1",', r"^c\.json is not valid JSON \(parse error: premature EOF\)\.$"),
        (b'{"id": "1"}', r"^c\.json must contain a list of objects, one per row\.$"),
        (b'[{"id": "1"}, 2]', r"^c\.json: item 2 is not an object"),
        ('[{"name": "Šumava"}]'.encode("cp1250"), r"^c\.json is not UTF-8 text"),
    ],
)
def test_broken_json_is_unreadable_with_one_sentence(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(content)
    with pytest.raises(Unreadable, match=message):
        read_table(path)


# --- what is not a table -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("c.csv", b"", r"^c\.csv is empty\.$"),
        ("c.csv", b" \r\n\n\t\n", r"^c\.csv is empty\.$"),
        ("c.json", b"", r"^c\.json is empty\.$"),
        ("c.xlsx", b"", r"^c\.xlsx is empty\.$"),
        ("c.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"^c\.csv is not a text table"),
        ("c.pdf", b"%PDF-1.4", r"^c\.pdf: unknown file type \.pdf; use one of "),
        ("c", b"id,name", r"^c: unknown file type \(none\)"),
    ],
)
def test_what_is_not_a_table_is_unreadable_with_one_sentence(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(Unreadable, match=message):
        read_table(path)


def test_a_missing_file_or_a_folder_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(Unreadable, match="no such file"):
        read_table(tmp_path / "missing.csv")
    with pytest.raises(Unreadable, match="is a folder, not a file"):
        read_table(tmp_path)


def test_a_utf8_bom_alone_marks_the_encoding_before_anything_is_read(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"id,name,country\n")
    assert detect_encoding(path) == "utf-8-sig"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "true"),
        (2005.0, "2005"),
        (49.19522, "49.19522"),
        (dt.datetime(2024, 5, 1, 0, 0), "2024-05-01"),
        (dt.datetime(2024, 5, 1, 8, 30), "2024-05-01 08:30:00"),
        (dt.date(2024, 5, 1), "2024-05-01"),
        (["digital", "health"], "digital;health"),
        (12, "12"),
    ],
)
def test_typed_cells_become_the_text_a_person_would_type(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_json_nested_too_deeply_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"meta": ' + "[" * 100_000, encoding="utf-8")
    with pytest.raises(Unreadable, match="nests its JSON more than 4 levels deep"):
        read_table(path)
