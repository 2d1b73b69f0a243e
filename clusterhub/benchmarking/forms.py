"""Forms of the survey pages; the questionnaire's form is built from its definition.

The answer form only collects what was typed or ticked: every rule is checked by
`rules.check_answers` through the services, the same rules an imported file obeys, and
their problems are put next to the questions (`add_problems`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from clusterhub.benchmarking.definition import (
    SCALE,
    Definition,
    Question,
    Section,
    text_in,
)
from clusterhub.benchmarking.models import Questionnaire
from clusterhub.benchmarking.rules import AnswerProblem, Raw
from clusterhub.registry.vocabulary_labels import country_label

PREFIX = "q"
_SELECT_FROM = 8  # a single choice of more options is a drop-down instead of radio buttons


def current_language() -> str:
    return (get_language() or "en").split("-")[0]


class AnswerField(forms.Field):
    """Keeps the answer as given (text, or the list of ticked boxes); the rules check it."""

    def to_python(self, value: Any) -> Raw:
        if value is None:
            return ""
        if isinstance(value, list | tuple):
            return [str(v) for v in value]
        return str(value)


def _widget(question: Question, language: str) -> forms.Widget:
    kind = question.type
    if kind in ("single", "multiple"):
        choices = [(c.id, text_in(c.label, language)) for c in question.choices]
        if kind == "multiple":
            return forms.CheckboxSelectMultiple(choices=choices)
        if len(choices) >= _SELECT_FROM:
            return forms.Select(choices=[("", "—"), *choices])
        return forms.RadioSelect(choices=choices)
    if kind == "yes_no":
        return forms.RadioSelect(choices=[("yes", _("Yes")), ("no", _("No"))])
    if kind == "scale":
        return forms.RadioSelect(choices=[(str(n), str(n)) for n in SCALE])
    if kind == "text":
        return forms.Textarea(attrs={"rows": 3})
    mode = "numeric" if kind in ("integer", "year") else "decimal"
    return forms.TextInput(attrs={"inputmode": mode, "autocomplete": "off", "class": "number"})


_UNITS = {"money": "EUR", "percent": "%"}


def form_text(question: Question, value: Any) -> Raw:
    """A stored typed value as the form shows it."""
    if question.type == "multiple":
        return list(value)
    if question.type == "yes_no":
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


@dataclass
class SectionFields:
    section: Section
    title: str
    fields: list[forms.BoundField]


class AnswerForm(forms.Form):
    """One field per question of `definition`, labelled in the active language."""

    def __init__(
        self,
        definition: Definition,
        *args: Any,
        answers: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", PREFIX)
        kwargs.setdefault("label_suffix", "")
        if answers:
            kwargs["initial"] = {
                q.id: form_text(q, answers[q.id]) for q in definition.questions() if q.id in answers
            }
        super().__init__(*args, **kwargs)
        self.definition = definition
        language = current_language()
        for question in definition.questions():
            self.fields[question.id] = AnswerField(
                label=text_in(question.label, language),
                required=False,
                widget=_widget(question, language),
                help_text=text_in(question.help, language) if question.help else "",
            )
            self.fields[question.id].question = question  # type: ignore[attr-defined]
            self.fields[question.id].unit = _UNITS.get(question.type, "")  # type: ignore[attr-defined]

    def raw(self) -> dict[str, Raw]:
        return {name: self.cleaned_data.get(name, "") for name in self.fields}

    def sections(self) -> Iterator[SectionFields]:
        language = current_language()
        for section in self.definition.sections:
            fields = [self[q.id] for q in section.questions]
            yield SectionFields(section, text_in(section.title, language), fields)

    def add_problems(self, problems: list[AnswerProblem]) -> None:
        """Put each problem next to its question; a rule's problem next to its first."""
        for problem in problems:
            question = problem.question or (problem.questions[0] if problem.questions else "")
            self.add_error(question if question in self.fields else None, problem.message())


def label_of(question: Question) -> str:
    """How a rule's message names a question in the form: its label, quoted."""
    return f"“{text_in(question.label, current_language())}”"


class QuestionnaireChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} (v{obj.version})"


class SurveyForm(forms.Form):
    """A new survey round."""

    questionnaire = QuestionnaireChoice(
        label=gettext_lazy("Questionnaire"), queryset=Questionnaire.objects.none()
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    country = forms.ChoiceField(label=gettext_lazy("Country"))
    opens_on = forms.DateField(
        label=gettext_lazy("Opens on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    closes_on = forms.DateField(
        label=gettext_lazy("Closes on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, countries: list[str], every_country: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["questionnaire"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Questionnaire.objects.order_by("key", "-version")
        choices = [(c, f"{country_label(c) or c} ({c})") for c in countries]
        if every_country:
            choices.insert(0, ("", _("Every country")))
        country = self.fields["country"]
        assert isinstance(country, forms.ChoiceField)
        country.choices = choices
        country.required = not every_country
        if not self.is_bound:
            today = timezone.localdate()
            self.initial.setdefault("opens_on", today)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The survey cannot close before it opens."))
        return data
