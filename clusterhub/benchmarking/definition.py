"""Questionnaires as data: the shape of a questionnaire file, read back from the database.

A questionnaire file (YAML, see `loading.py`) is checked whole and turned into a canonical
JSON document; that document is what a published version stores and what the forms, the
answer rules and the importer read, through the small classes here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import orjson

# The six areas of cluster management benchmarking.
AREAS = ("structure", "management", "financing", "services", "interaction", "achievements")
TYPES = (
    "single",
    "multiple",
    "integer",
    "number",
    "percent",
    "money",
    "year",
    "yes_no",
    "scale",
    "text",
)
NUMERIC_TYPES = frozenset({"integer", "number", "percent", "money", "year", "scale"})
WHOLE_TYPES = frozenset({"integer", "year", "scale"})
CHOICE_TYPES = frozenset({"single", "multiple"})
SCALE = (1, 2, 3, 4, 5)
TEXT_LENGTH = 4000  # the longest text answer unless the question sets `max`

Labels = dict[str, str]


def text_in(labels: Labels, language: str) -> str:
    """The label in `language`, else in English (a file always has every language)."""
    return labels.get(language) or labels.get("en", "")


@dataclass(frozen=True)
class Choice:
    id: str
    label: Labels


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    area: str
    section: str
    label: Labels
    required: bool = False
    help: Labels | None = None
    choices: tuple[Choice, ...] = ()
    min: float | None = None
    max: float | None = None

    def choice_ids(self) -> list[str]:
        return [c.id for c in self.choices]

    def choice_label(self, choice_id: str, language: str) -> str:
        for choice in self.choices:
            if choice.id == choice_id:
                return text_in(choice.label, language)
        return choice_id


@dataclass(frozen=True)
class Section:
    id: str
    area: str
    title: Labels
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Rule:
    """A rule across questions. `sum`: when every question is answered, their answers add
    up to `total` give or take `tolerance`."""

    id: str
    kind: str
    questions: tuple[str, ...]
    total: float = 100
    tolerance: float = 0


@dataclass(frozen=True)
class Definition:
    id: str
    version: int
    title: Labels
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...] = ()
    description: Labels | None = None
    _by_id: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for question in self.questions():
            self._by_id[question.id] = question

    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def has(self, question_id: str) -> bool:
        return question_id in self._by_id

    # The canonical JSON document: what is stored, compared and hashed.
    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {"id": self.id, "version": self.version, "title": self.title}
        if self.description:
            document["description"] = self.description
        document["sections"] = [
            {
                "id": s.id,
                "area": s.area,
                "title": s.title,
                "questions": [_question_json(q) for q in s.questions],
            }
            for s in self.sections
        ]
        document["rules"] = [
            {
                "id": r.id,
                "kind": r.kind,
                "questions": list(r.questions),
                "total": r.total,
                "tolerance": r.tolerance,
            }
            for r in self.rules
        ]
        return document

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Definition:
        sections = tuple(
            Section(
                id=s["id"],
                area=s["area"],
                title=s["title"],
                questions=tuple(_question(q, s["id"]) for q in s["questions"]),
            )
            for s in document["sections"]
        )
        rules = tuple(
            Rule(
                id=r["id"],
                kind=r["kind"],
                questions=tuple(r["questions"]),
                total=r["total"],
                tolerance=r["tolerance"],
            )
            for r in document.get("rules", [])
        )
        return cls(
            id=document["id"],
            version=document["version"],
            title=document["title"],
            sections=sections,
            rules=rules,
            description=document.get("description"),
        )

    def digest(self) -> str:
        """A fingerprint of the content: a changed file with the same version is refused."""
        canonical = orjson.dumps(self.to_json(), option=orjson.OPT_SORT_KEYS)
        return hashlib.sha256(canonical).hexdigest()


def _question_json(q: Question) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": q.id,
        "type": q.type,
        "area": q.area,
        "label": q.label,
        "required": q.required,
    }
    if q.help:
        document["help"] = q.help
    if q.choices:
        document["choices"] = [{"id": c.id, "label": c.label} for c in q.choices]
    if q.min is not None:
        document["min"] = q.min
    if q.max is not None:
        document["max"] = q.max
    return document


def _question(document: dict[str, Any], section: str) -> Question:
    return Question(
        id=document["id"],
        type=document["type"],
        area=document["area"],
        section=section,
        label=document["label"],
        required=document.get("required", False),
        help=document.get("help"),
        choices=tuple(Choice(c["id"], c["label"]) for c in document.get("choices", [])),
        min=document.get("min"),
        max=document.get("max"),
    )
