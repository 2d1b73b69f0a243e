"""The portal is translated in full into every language it offers, and the catalogues work."""

from __future__ import annotations

import ast
import re
from collections import Counter
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from clusterhub.registry import nace_labels, vocabulary_labels
from clusterhub.standard import nace
from clusterhub.standard import vocabularies as vocab

LOCALE = Path(settings.LOCALE_PATHS[0])
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
VOCABULARIES = {
    "ECOSYSTEMS": vocab.ECOSYSTEMS,
    "SERVICES": vocab.SERVICES,
    "LIFECYCLE": vocab.LIFECYCLE,
    "LABELS": vocab.LABELS,
    "MEMBER_TYPES": vocab.MEMBER_TYPES,
    "COOPERATION_KINDS": vocab.COOPERATION_KINDS,
}
# printf-style placeholders (%(name)s, %s, %d...) and str.format fields ({name}).
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]|\{[^{}\s]*\}")


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


@cache
def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(po_path(language)))


def entries(language: str) -> list[polib.POEntry]:
    return [e for e in catalogue(language) if not e.obsolete]


def translation_of(language: str, msgid: str) -> str:
    entry = catalogue(language).find(msgid)
    assert entry is not None, f"{msgid!r} is not in the {language} catalogue"
    return str(entry.msgstr)


def placeholders(text: str) -> list[str]:
    return sorted(p for p in PLACEHOLDER.findall(text) if p != "%%")


def test_every_language_of_the_portal_has_a_catalogue() -> None:
    assert LANGUAGES == ["cs", "sk", "pl", "hu", "de"]
    for language in LANGUAGES:
        assert po_path(language).is_file(), f"no catalogue for {language}"
        assert entries(language), f"the {language} catalogue is empty"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_is_left_untranslated(language: str) -> None:
    untranslated = [e.msgid for e in catalogue(language).untranslated_entries()]
    assert untranslated == [], f"{language}: {len(untranslated)} untranslated"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_fuzzy(language: str) -> None:
    assert not catalogue(language).metadata_is_fuzzy
    fuzzy = [e.msgid for e in catalogue(language).fuzzy_entries()]
    assert fuzzy == [], f"{language}: {len(fuzzy)} fuzzy"


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_translations_have_as_many_forms_as_the_language_has(language: str) -> None:
    plural_forms = catalogue(language).metadata["Plural-Forms"]
    match = re.search(r"nplurals\s*=\s*(\d+)", plural_forms)
    assert match, f"{language}: no nplurals in {plural_forms!r}"
    expected = {"cs": 3, "sk": 3, "pl": 3, "hu": 2, "de": 2}[language]
    assert int(match.group(1)) == expected
    for entry in entries(language):
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(expected)), entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_are_the_same_in_the_english_and_the_translation(language: str) -> None:
    for entry in entries(language):
        if entry.msgid_plural:
            allowed = {
                tuple(placeholders(entry.msgid)),
                tuple(placeholders(entry.msgid_plural)),
            }
            for form, text in entry.msgstr_plural.items():
                assert tuple(placeholders(text)) in allowed, (entry.msgid, form, text)
        else:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), (
                entry.msgid,
                entry.msgstr,
            )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_is_compiled_from_its_current_source(language: str) -> None:
    mo = po_path(language).with_suffix(".mo")
    assert mo.is_file(), f"{mo} is missing: run `make setup` (compilemessages)"
    assert mo.stat().st_mtime >= po_path(language).stat().st_mtime, (
        f"{mo} is older than its .po: run `make setup` (compilemessages)"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_is_rendered_in_each_language(client, language: str) -> None:  # type: ignore[no-untyped-def]
    heading = translation_of(language, "Cluster organisations in Central Europe")
    assert heading != "Cluster organisations in Central Europe"
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert heading in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_page_is_rendered_in_each_language(client, language: str) -> None:  # type: ignore[no-untyped-def]
    search = translation_of(language, "Search")
    assert search != "Search"
    response = client.get(f"/{language}/clusters/")
    assert response.status_code == 200
    assert f">{search}</button>" in response.content.decode()


@pytest.mark.django_db
def test_czech_and_german_pages_read_as_czech_and_german(client) -> None:  # type: ignore[no-untyped-def]
    assert "Klastrové organizace ve střední Evropě" in client.get("/cs/").content.decode()
    assert ">Suchen</button>" in client.get("/de/clusters/").content.decode()
    assert "Cluster organisations in Central Europe" in client.get("/en/").content.decode()


def marked_labels() -> list[str]:
    """The string literals of the gettext_noop(...) calls in vocabulary_labels.py."""
    tree = ast.parse(Path(vocabulary_labels.__file__).read_text(encoding="utf-8"))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "gettext_noop"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]


def test_every_vocabulary_label_is_marked_for_translation() -> None:
    marked = set(marked_labels())
    missing = {
        f"{name}[{code!r}]": label
        for name, vocabulary in VOCABULARIES.items()
        for code, label in vocabulary.items()
        if label not in marked
    }
    assert missing == {}, "add gettext_noop(...) to clusterhub/registry/vocabulary_labels.py"
    assert set(vocabulary_labels.VOCABULARY_LABELS) == marked


def test_the_vocabulary_labels_module_marks_each_label_once_and_nothing_else() -> None:
    marked = Counter(marked_labels())
    assert [label for label, n in marked.items() if n > 1] == []
    labels = {label for vocabulary in VOCABULARIES.values() for label in vocabulary.values()}
    assert set(marked) - labels == set()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_vocabulary_label_is_translated(language: str) -> None:
    for vocabulary in VOCABULARIES.values():
        for label in vocabulary.values():
            assert translation_of(language, label), f"{language}: {label!r}"


def test_the_label_helper_translates_a_vocabulary_code() -> None:
    with translation.override("de"):
        assert vocabulary_labels.label(vocab.LIFECYCLE, "growing") == "Wachstum"
        assert vocabulary_labels.label(vocab.ECOSYSTEMS, "tourism") == "Tourismus"
    with translation.override("cs"):
        assert vocabulary_labels.label(vocab.MEMBER_TYPES, "university") == "Vysoká škola"
    with translation.override("en"):
        assert vocabulary_labels.label(vocab.SERVICES, "events") == "Events and trade fairs"
    with pytest.raises(KeyError):
        vocabulary_labels.label(vocab.LIFECYCLE, "unknown")


def nace_titles() -> set[str]:
    return {title for title, *_range in nace.SECTIONS.values()} | set(nace.DIVISIONS.values())


def test_every_nace_title_is_marked_for_translation_once() -> None:
    marked = Counter(nace_labels.NACE_TITLES)
    assert [title for title, n in marked.items() if n > 1] == []
    assert set(marked) == nace_titles(), "list the title in clusterhub/registry/nace_labels.py"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_nace_title_is_translated(language: str) -> None:
    for title in nace_titles():
        translated = translation_of(language, title)
        assert translated and translated != title, f"{language}: {title!r}"


def test_a_nace_code_is_named_in_the_active_language() -> None:
    with translation.override("en"):
        assert nace_labels.nace_title("C29.1") == nace.DIVISIONS["29"]
        assert nace_labels.nace_title("c") == "Manufacturing"
        assert nace_labels.nace_title("Z99") == "" == nace_labels.nace_title("A29")
    with translation.override("de"):
        assert nace_labels.nace_title("C") not in ("", "Manufacturing")
