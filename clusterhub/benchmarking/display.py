"""Answers as a reader sees them: choice labels and numbers in the active language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from clusterhub.benchmarking.definition import Definition, Question, text_in


def shown(question: Question, value: Any, language: str) -> str:
    kind = question.type
    if kind == "single":
        return question.choice_label(value, language)
    if kind == "multiple":
        return "; ".join(question.choice_label(v, language) for v in value)
    if kind == "yes_no":
        return _("Yes") if value else _("No")
    if kind == "year":
        return str(value)
    if kind in ("integer", "scale", "number", "percent", "money"):
        places = 0 if float(value).is_integer() else (2 if kind == "money" else None)
        text = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
        if kind == "money":
            return f"{text} EUR"
        if kind == "percent":
            return f"{text} %"
        if kind == "scale":
            return f"{text} / 5"
        return text
    return str(value)


@dataclass
class ShownAnswer:
    question: Question
    label: str
    value: str  # "" when not answered


@dataclass
class ShownSection:
    title: str
    answers: list[ShownAnswer]


def shown_answers(
    definition: Definition, answers: dict[str, Any], language: str
) -> list[ShownSection]:
    return [
        ShownSection(
            text_in(section.title, language),
            [
                ShownAnswer(
                    q,
                    text_in(q.label, language),
                    shown(q, answers[q.id], language) if q.id in answers else "",
                )
                for q in section.questions
            ],
        )
        for section in definition.sections
    ]
