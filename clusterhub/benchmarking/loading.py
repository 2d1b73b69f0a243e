"""Reading a questionnaire file (YAML) and checking it whole, with every problem named.

A problem names the file, where in it (a section, a question, a choice, a rule) and why,
e.g. `benchmarking-2026.yaml, question members_foreign: type 'integr' is not one of ...`.
Labels must be given in every language of the portal. Choices may come from a vocabulary
of the data standard (`choices_from: services`); their labels are then the portal's
translations of that vocabulary, copied into the definition so a published version holds
everything it shows.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.utils import translation

from clusterhub.benchmarking.definition import (
    AREAS,
    CHOICE_TYPES,
    NUMERIC_TYPES,
    SCALE,
    TYPES,
    WHOLE_TYPES,
    Choice,
    Definition,
    Labels,
    Question,
    Rule,
    Section,
)
from clusterhub.lib.refusal import Refused, RefusedValue
from clusterhub.standard import vocabularies as vocab

QUESTIONNAIRES = Path(__file__).resolve().parent / "questionnaires"
DEFAULT_FILE = QUESTIONNAIRES / "benchmarking-2026.yaml"

# Vocabularies of the data standard a question may take its choices from.
VOCABULARIES: dict[str, dict[str, str]] = {
    "services": vocab.SERVICES,
    "ecosystems": vocab.ECOSYSTEMS,
}
RULE_KINDS = ("sum",)
RESERVED_IDS = frozenset({"cluster_id"})  # the import's identifying column

_QUESTIONNAIRE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
_ID = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_CHOICE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")

_TOP_KEYS = {"id", "version", "title", "description", "sections", "rules"}
_SECTION_KEYS = {"id", "area", "title", "questions"}
_QUESTION_KEYS = {
    "id",
    "type",
    "label",
    "help",
    "required",
    "choices",
    "choices_from",
    "min",
    "max",
    "area",
}
_RULE_KEYS = {"id", "kind", "questions", "total", "tolerance"}


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's mappings silently keep the last of two equal keys; a questionnaire may not."""


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_file(path: Path) -> Definition:
    """Read and check a questionnaire file; raises `Refused` naming every problem."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Refused(RefusedValue(str(path), reason="no such file")) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = f"cannot be read as UTF-8 text ({exc.__class__.__name__})"
        raise Refused(RefusedValue(name, reason=reason)) from None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise Refused(
            RefusedValue(name, where=where, reason=f"is not valid YAML: {problem}")
        ) from None
    return check_definition(data, name)


def check_definition(data: Any, file: str) -> Definition:
    """Check parsed YAML (or JSON) against the questionnaire format."""
    checker = _Checker(file, languages())
    definition = checker.definition(data)
    if checker.problems or definition is None:
        raise Refused(checker.problems)
    return definition


class _Checker:
    def __init__(self, file: str, langs: list[str]) -> None:
        self.file = file
        self.languages = langs
        self.problems: list[RefusedValue] = []
        self.broken: set[str] = set()  # questions with problems of their own

    def fail(self, where: str, reason: str) -> None:
        self.problems.append(RefusedValue(self.file, where=where, reason=reason))

    def unknown_keys(self, data: dict[str, Any], allowed: set[str], where: str) -> None:
        for key in data:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.fail(where, f"unknown key {key!r} (known keys: {known})")

    def labels(self, value: Any, where: str, what: str, required: bool = True) -> Labels | None:
        if value is None:
            if required:
                self.fail(where, f"{what} is missing (give it in {', '.join(self.languages)})")
            return None
        if isinstance(value, str):
            self.fail(where, f"{what} must be given per language ({', '.join(self.languages)})")
            return None
        if not isinstance(value, dict):
            self.fail(where, f"{what} must be a mapping of language to text")
            return None
        labels: Labels = {}
        for language in self.languages:
            text = value.get(language)
            if not isinstance(text, str) or not text.strip():
                self.fail(where, f"{what} has no {language} text")
            else:
                labels[language] = text.strip()
        for language in value:
            if language not in self.languages:
                self.fail(
                    where,
                    f"{what} has text in {language!r}, not a language of the portal "
                    f"({', '.join(self.languages)})",
                )
        return labels if len(labels) == len(self.languages) else None

    def definition(self, data: Any) -> Definition | None:
        if not isinstance(data, dict):
            self.fail("", "is not a questionnaire (a mapping with id, version, title, sections)")
            return None
        self.unknown_keys(data, _TOP_KEYS, "")
        ident = data.get("id")
        if not isinstance(ident, str) or not _QUESTIONNAIRE_ID.match(ident):
            self.fail("id", f"{ident!r} is not a questionnaire id (lower-case letters, digits, -)")
        version = data.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.fail("version", f"{version!r} is not a version number (a whole number from 1)")
        title = self.labels(data.get("title"), "title", "the title")
        description = self.labels(data.get("description"), "description", "the description", False)
        sections = self.sections(data.get("sections"))
        ids = {q.id: q for s in sections for q in s.questions}
        rules = self.rules(data.get("rules"), ids)
        if self.problems or title is None:
            return None
        return Definition(
            id=str(ident),
            version=int(version),  # type: ignore[arg-type]
            title=title,
            sections=tuple(sections),
            rules=tuple(rules),
            description=description,
        )

    def sections(self, value: Any) -> list[Section]:
        if not isinstance(value, list) or not value:
            self.fail("sections", "give a list of sections with their questions")
            return []
        sections: list[Section] = []
        section_ids: set[str] = set()
        question_ids: set[str] = set()
        for number, data in enumerate(value, start=1):
            where = f"section {number}"
            if not isinstance(data, dict):
                self.fail(where, "is not a mapping with id, area, title, questions")
                continue
            ident = data.get("id")
            if isinstance(ident, str) and _ID.match(ident):
                where = f"section {ident}"
                if ident in section_ids:
                    self.fail(where, "appears twice (section ids are unique)")
                section_ids.add(ident)
            else:
                self.fail(where, f"id {ident!r} is not an id (lower-case letters, digits, _)")
                ident = f"section-{number}"
            self.unknown_keys(data, _SECTION_KEYS, where)
            area = data.get("area")
            if area not in AREAS:
                self.fail(where, f"area {area!r} is not one of: {', '.join(AREAS)}")
            title = self.labels(data.get("title"), where, "the title")
            raw_questions = data.get("questions")
            if not isinstance(raw_questions, list) or not raw_questions:
                self.fail(where, "has no questions")
                raw_questions = []
            questions = []
            for position, raw in enumerate(raw_questions, start=1):
                question = self.question(raw, f"{where}, question {position}", ident, area)
                if question is None:
                    continue
                if question.id in question_ids:
                    self.fail(f"question {question.id}", "appears twice (question ids are unique)")
                question_ids.add(question.id)
                questions.append(question)
            if title is not None:
                sections.append(Section(ident, str(area), title, tuple(questions)))
        return sections

    def question(self, data: Any, where: str, section: str, section_area: Any) -> Question | None:
        if not isinstance(data, dict):
            self.fail(where, "is not a mapping with id, type, label")
            return None
        ident = data.get("id")
        if isinstance(ident, str) and _ID.match(ident) and ident not in RESERVED_IDS:
            where = f"question {ident}"
        else:
            reason = (
                f"id {ident!r} is reserved for the import's cluster column"
                if ident in RESERVED_IDS
                else f"id {ident!r} is not an id (a lower-case letter, then letters, digits, _)"
            )
            self.fail(where, reason)
            return None
        before = len(self.problems)
        self.unknown_keys(data, _QUESTION_KEYS, where)
        kind = data.get("type")
        if kind not in TYPES:
            self.fail(where, f"type {kind!r} is not one of: {', '.join(TYPES)}")
            self.broken.add(ident)
            return None
        area = data.get("area", section_area)
        if area not in AREAS:
            self.fail(where, f"area {area!r} is not one of: {', '.join(AREAS)}")
        label = self.labels(data.get("label"), where, "the label")
        help_text = self.labels(data.get("help"), where, "the help text", required=False)
        required = data.get("required", False)
        if not isinstance(required, bool):
            self.fail(where, f"required must be true or false, not {required!r}")
        choices = self.choices(data, kind, where)
        low, high = self.bounds(data, kind, where, len(choices))
        if len(self.problems) > before or label is None:
            self.broken.add(ident)
            return None
        return Question(
            id=ident,
            type=kind,
            area=str(area),
            section=section,
            label=label,
            required=bool(required),
            help=help_text,
            choices=tuple(choices),
            min=low,
            max=high,
        )

    def choices(self, data: dict[str, Any], kind: str, where: str) -> list[Choice]:
        given, source = data.get("choices"), data.get("choices_from")
        if kind not in CHOICE_TYPES:
            if given is not None or source is not None:
                self.fail(where, f"a {kind} question has no choices (only single and multiple)")
            return []
        if given is not None and source is not None:
            self.fail(where, "give either choices or choices_from, not both")
            return []
        if source is not None:
            if source not in VOCABULARIES:
                known = ", ".join(VOCABULARIES)
                self.fail(where, f"choices_from {source!r} is not a vocabulary ({known})")
                return []
            return vocabulary_choices(VOCABULARIES[source], self.languages)
        if not isinstance(given, list) or len(given) < 2:
            self.fail(where, f"a {kind} question needs a list of at least two choices")
            return []
        choices: list[Choice] = []
        seen: set[str] = set()
        for number, raw in enumerate(given, start=1):
            spot = f"{where}, choice {number}"
            ident = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(ident, bool):
                self.fail(spot, "id must be text (quote yes, no, on and off in YAML)")
                continue
            if not isinstance(ident, str) or not _CHOICE_ID.match(ident):
                self.fail(spot, f"id {ident!r} is not an id (lower-case letters, digits, - and _)")
                continue
            spot = f"{where}, choice {ident}"
            self.unknown_keys(raw, {"id", "label"}, spot)
            if ident in seen:
                self.fail(spot, "appears twice")
            seen.add(ident)
            label = self.labels(raw.get("label"), spot, "the label")
            if label is not None:
                choices.append(Choice(ident, label))
        return choices

    def bounds(
        self, data: dict[str, Any], kind: str, where: str, choices: int
    ) -> tuple[float | None, float | None]:
        low, high = data.get("min"), data.get("max")
        if low is None and high is None:
            return None, None
        if kind in ("single", "yes_no", "scale"):
            self.fail(where, f"a {kind} question takes no min or max")
            return None, None
        result: list[float | None] = []
        for name, value in (("min", low), ("max", high)):
            if value is None:
                result.append(None)
                continue
            whole = kind in WHOLE_TYPES or kind in ("multiple", "text")
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.fail(where, f"{name} {value!r} is not a number")
                result.append(None)
            elif whole and value != int(value):
                self.fail(where, f"{name} {value!r} must be a whole number for a {kind} question")
                result.append(None)
            else:
                result.append(int(value) if whole else float(value))
        lo, hi = result
        if lo is not None and hi is not None and lo > hi:
            self.fail(where, f"min {lo} is larger than max {hi}")
        if kind == "percent" and any(v is not None and not 0 <= v <= 100 for v in result):
            self.fail(where, "min and max of a percent question lie between 0 and 100")
        if kind == "multiple":
            if any(v is not None and v < 0 for v in result):
                self.fail(where, "min and max (how many choices) may not be negative")
            if hi is not None and choices and hi > choices:
                self.fail(where, f"max {hi} is more than the {choices} choices")
        if kind == "text" and any(v is not None and v < 0 for v in result):
            self.fail(where, "min and max (the length of the text) may not be negative")
        return lo, hi

    def rules(self, value: Any, questions: dict[str, Question]) -> list[Rule]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail("rules", "give a list of rules")
            return []
        rules: list[Rule] = []
        seen: set[str] = set()
        for number, data in enumerate(value, start=1):
            where = f"rule {number}"
            if not isinstance(data, dict):
                self.fail(where, "is not a mapping with id, kind, questions")
                continue
            ident = data.get("id")
            if isinstance(ident, str) and _ID.match(ident):
                where = f"rule {ident}"
                if ident in seen:
                    self.fail(where, "appears twice")
                seen.add(ident)
            else:
                self.fail(where, f"id {ident!r} is not an id (lower-case letters, digits, _)")
            before = len(self.problems)
            self.unknown_keys(data, _RULE_KEYS, where)
            kind = data.get("kind")
            if kind not in RULE_KINDS:
                self.fail(where, f"kind {kind!r} is not one of: {', '.join(RULE_KINDS)}")
            names = data.get("questions")
            if not isinstance(names, list) or len(names) < 2:
                self.fail(where, "names at least two questions")
                names = []
            for name in names:
                question = questions.get(name) if isinstance(name, str) else None
                if isinstance(name, str) and name in self.broken:
                    continue  # its own problems are reported
                if question is None:
                    self.fail(where, f"{name!r} is not a question of this questionnaire")
                elif question.type not in NUMERIC_TYPES:
                    self.fail(where, f"question {name} is not a number (it is {question.type})")
            total, tolerance = data.get("total", 100), data.get("tolerance", 0)
            for key, number_value in (("total", total), ("tolerance", tolerance)):
                if isinstance(number_value, bool) or not isinstance(number_value, int | float):
                    self.fail(where, f"{key} {number_value!r} is not a number")
            if isinstance(tolerance, int | float) and tolerance < 0:
                self.fail(where, "tolerance may not be negative")
            if len(self.problems) == before:
                rules.append(Rule(str(ident), str(kind), tuple(names), total, tolerance))
        return rules


def vocabulary_choices(vocabulary: dict[str, str], langs: list[str]) -> list[Choice]:
    """Choices of a vocabulary of the standard, labelled in every language of the portal."""
    choices = []
    for code, english in vocabulary.items():
        labels = {}
        for language in langs:
            with translation.override(language):
                labels[language] = translation.gettext(english)
        choices.append(Choice(code, labels))
    return choices


__all__ = [
    "DEFAULT_FILE",
    "SCALE",
    "check_definition",
    "load_file",
]
