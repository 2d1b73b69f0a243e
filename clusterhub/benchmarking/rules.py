"""The rules answers obey, the same for the online form and for imported files.

`check_answers` takes answers as typed (text, or a list of choices from a form's check
boxes) and returns typed values and problems. Saving a draft checks each answer given;
submitting (and importing) also needs every required question answered and every rule
across questions kept.

Typed values: integer, year and scale are `int`; number, percent and money are `float`
(money in EUR, rounded to cents); yes_no is `bool`; single is the choice id; multiple is a
list of choice ids in the order given; text is `str`. An unanswered question is absent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from clusterhub.benchmarking.definition import SCALE, TEXT_LENGTH, Definition, Question, Rule
from clusterhub.standard.rows import split_multi

Raw = str | list[str]
# Anything larger is a typing slip, whatever the question.
LARGEST = 1e12

# "Yes" and "no" as people write them in the portal's languages.
YES = frozenset({"yes", "y", "true", "1", "ano", "áno", "tak", "igen", "ja"})
NO = frozenset({"no", "n", "false", "0", "ne", "nie", "nem", "nein"})


class Invalid(ValueError):
    """An answer breaks a rule; the message is the reason (it follows the value)."""


@dataclass(frozen=True)
class AnswerProblem:
    """A broken rule: of one question's answer, or of a rule across `questions`."""

    question: str  # "" for a rule across questions
    value: str
    reason: str
    questions: tuple[str, ...] = ()

    def message(self) -> str:
        """The problem as a sentence, for a form."""
        if self.value:
            return _("“%(value)s” %(reason)s.") % {"value": self.value, "reason": self.reason}
        return self.reason[:1].upper() + self.reason[1:] + "."


def _number(raw: str, question: Question) -> float:
    cleaned = raw.strip()
    for noise in ("\u00a0", "\u202f", " ", "'"):
        cleaned = cleaned.replace(noise, "")
    if question.type == "money":
        lowered = cleaned.lower()
        for currency in ("eur", "€"):
            lowered = lowered.removesuffix(currency).removeprefix(currency)
        cleaned = lowered
    elif question.type == "percent":
        cleaned = cleaned.removesuffix("%")
    # A decimal comma is normal in this region.
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise Invalid(_("is not a number")) from None
    if value != value or abs(value) > LARGEST:
        raise Invalid(_("is not a number of a sensible size"))
    return value


def _bounded(value: float, low: float | None, high: float | None) -> None:
    if low is not None and value < low:
        raise Invalid(_("is less than %(min)s") % {"min": _shown(low)})
    if high is not None and value > high:
        raise Invalid(_("is more than %(max)s") % {"max": _shown(high)})


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _whole(raw: str, question: Question) -> int:
    value = _number(raw, question)
    if not value.is_integer():
        raise Invalid(_("is not a whole number"))
    return int(value)


def parse_integer(question: Question, raw: str) -> int:
    value = _whole(raw, question)
    _bounded(value, question.min, question.max)
    return value


def parse_number(question: Question, raw: str) -> float:
    value = _number(raw, question)
    _bounded(value, question.min, question.max)
    return value


def parse_money(question: Question, raw: str) -> float:
    value = round(_number(raw, question), 2)
    _bounded(value, question.min, question.max)
    return value


def parse_percent(question: Question, raw: str) -> float:
    value = _number(raw, question)
    low = 0 if question.min is None else question.min
    high = 100 if question.max is None else question.max
    _bounded(value, low, high)
    return value


def parse_year(question: Question, raw: str) -> int:
    value = _whole(raw, question)
    low = 1900 if question.min is None else question.min
    high = dt.date.today().year if question.max is None else question.max
    if not low <= value <= high:
        raise Invalid(
            _("is not a year from %(min)s to %(max)s") % {"min": _shown(low), "max": _shown(high)}
        )
    return value


def parse_scale(question: Question, raw: str) -> int:
    value = _number(raw, question)
    if value not in SCALE:
        raise Invalid(_("is not a whole number from 1 to 5"))
    return int(value)


def parse_yes_no(question: Question, raw: str) -> bool:
    word = raw.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise Invalid(_("is neither yes nor no"))


def parse_single(question: Question, raw: str) -> str:
    choice = raw.strip().lower()
    if choice not in question.choice_ids():
        raise Invalid(
            _("is not one of: %(choices)s") % {"choices": ", ".join(question.choice_ids())}
        )
    return choice


def parse_text(question: Question, raw: str) -> str:
    value = raw.strip()
    longest = TEXT_LENGTH if question.max is None else int(question.max)
    if len(value) > longest:
        raise Invalid(_("is longer than %(max)s characters") % {"max": longest})
    if question.min is not None and len(value) < question.min:
        raise Invalid(_("is shorter than %(min)s characters") % {"min": int(question.min)})
    return value


def parse_multiple(question: Question, raw: Raw) -> list[str]:
    items = split_multi(raw) if isinstance(raw, str) else raw
    chosen = list(dict.fromkeys(item.strip().lower() for item in items if item.strip()))
    allowed = question.choice_ids()
    wrong = [item for item in chosen if item not in allowed]
    if wrong:
        raise Invalid(
            _("has %(wrong)s, not among the choices: %(choices)s")
            % {"wrong": ", ".join(wrong), "choices": ", ".join(allowed)}
        )
    if question.min is not None and len(chosen) < question.min:
        raise Invalid(_("has fewer than %(min)s choices") % {"min": int(question.min)})
    if question.max is not None and len(chosen) > question.max:
        raise Invalid(_("has more than %(max)s choices") % {"max": int(question.max)})
    return chosen


PARSERS: dict[str, Callable[[Question, Any], Any]] = {
    "single": parse_single,
    "multiple": parse_multiple,
    "integer": parse_integer,
    "number": parse_number,
    "percent": parse_percent,
    "money": parse_money,
    "year": parse_year,
    "yes_no": parse_yes_no,
    "scale": parse_scale,
    "text": parse_text,
}


def _blank(raw: Raw | None) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    return not any(item.strip() for item in raw)


def _as_text(raw: Raw) -> str:
    return raw if isinstance(raw, str) else ";".join(raw)


def check_answers(
    definition: Definition,
    raw: Mapping[str, Raw | None],
    *,
    complete: bool,
    name: Callable[[Question], str] | None = None,
) -> tuple[dict[str, Any], list[AnswerProblem]]:
    """Typed answers and the problems found; keys of `raw` that are no question are ignored.

    `complete`: also check required questions and the rules across questions (submitting,
    importing). `name` says how a rule's message names a question (default: its id).
    """
    clean: dict[str, Any] = {}
    problems: list[AnswerProblem] = []
    for question in definition.questions():
        given = raw.get(question.id)
        if given is not None and "\x00" in _as_text(given):
            problems.append(AnswerProblem(question.id, "", _("contains a NUL character")))
            continue
        if _blank(given):
            if complete and question.required:
                problems.append(AnswerProblem(question.id, "", _("an answer is required")))
            continue
        assert given is not None
        try:
            clean[question.id] = PARSERS[question.type](question, given)
        except Invalid as exc:
            problems.append(AnswerProblem(question.id, _as_text(given).strip(), str(exc)))
    if complete:
        failed = {p.question for p in problems}
        for rule in definition.rules:
            if failed.isdisjoint(rule.questions):
                problem = RULE_CHECKS[rule.kind](definition, rule, clean, name or _by_id)
                if problem is not None:
                    problems.append(problem)
    return clean, problems


def _by_id(question: Question) -> str:
    return question.id


def check_sum(
    definition: Definition, rule: Rule, clean: dict[str, Any], name: Callable[[Question], str]
) -> AnswerProblem | None:
    """The answers add up to the rule's total (± its tolerance), once all are given."""
    if not all(q in clean for q in rule.questions):
        return None
    total = round(sum(clean[q] for q in rule.questions), 6)
    if abs(total - rule.total) <= rule.tolerance:
        return None
    names = ", ".join(name(definition.question(q)) for q in rule.questions)
    reason = _(
        "the answers to %(questions)s add up to %(total)s; they must add up to %(expected)s "
        "(± %(tolerance)s)"
    ) % {
        "questions": names,
        "total": _shown(total),
        "expected": _shown(rule.total),
        "tolerance": _shown(rule.tolerance),
    }
    return AnswerProblem("", "", reason, rule.questions)


RULE_CHECKS: dict[
    str,
    Callable[[Definition, Rule, dict[str, Any], Callable[[Question], str]], AnswerProblem | None],
] = {"sum": check_sum}


def typed(question: Question, value: Any) -> Any:
    """A stored value in the type of its question (JSON keeps 35.0 and 35 apart unevenly)."""
    kind = question.type
    if kind in ("integer", "year", "scale"):
        return int(value)
    if kind in ("number", "percent", "money"):
        return float(value)
    if kind == "yes_no":
        return bool(value)
    if kind == "multiple":
        return [str(v) for v in value]
    return str(value)
