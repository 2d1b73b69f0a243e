"""`clusterhub survey check|publish|import|list`: benchmarking questionnaires and answers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.audit.services import Actor
from clusterhub.benchmarking import services
from clusterhub.benchmarking.importing import AnswersRefused, import_answers
from clusterhub.benchmarking.loading import load_file
from clusterhub.benchmarking.models import Questionnaire, Survey
from clusterhub.benchmarking.rates import response_rates
from clusterhub.ingest.readers import Unreadable
from clusterhub.lib.refusal import Refused, describe


def _load(path: Path) -> Any:
    try:
        return load_file(path)
    except Refused as error:
        listing = describe(error.problems, shown=error.count)  # its author fixes them all
        raise CommandError(
            f"{path.name} is not a valid questionnaire ({error.count} problem(s)):\n{listing}"
        ) from None


def check(command: BaseCommand, options: dict[str, Any]) -> None:
    definition = _load(options["file"])
    questions = definition.questions()
    required = sum(q.required for q in questions)
    command.stdout.write(
        f"{options['file'].name}: {definition.id} version {definition.version} is valid - "
        f"{len(definition.sections)} sections, {len(questions)} questions ({required} required), "
        f"{len(definition.rules)} rules across questions"
    )


def publish(command: BaseCommand, options: dict[str, Any]) -> None:
    path: Path = options["file"]
    definition = _load(path)
    actor = Actor.operator("survey publish", context=f"survey publish {path.name}")
    try:
        questionnaire, outcome = services.publish(definition, actor=actor)
    except services.PublishRefused as refused:
        raise CommandError(f"{path.name} was not published: {refused}") from None
    if outcome == "unchanged":
        command.stdout.write(
            f"{questionnaire} is already published with this content; nothing to do"
        )
    else:
        command.stdout.write(f"published {questionnaire} (id {questionnaire.pk})")


def import_file(command: BaseCommand, options: dict[str, Any]) -> None:
    path: Path = options["file"]
    survey = Survey.objects.select_related("questionnaire").filter(pk=options["survey"]).first()
    if survey is None:
        raise CommandError(f"there is no survey {options['survey']} (see `clusterhub survey list`)")
    actor = Actor.operator("survey import", context=f"survey import {path.name}")
    try:
        result = import_answers(
            path,
            survey=survey,
            actor=actor,
            source=options["source"],
            dry_run=options["dry_run"],
            replace=options["replace"],
        )
    except Unreadable as exc:
        raise CommandError(str(exc)) from None
    except AnswersRefused as refused:
        for warning in refused.result.warnings:
            sys.stderr.write(f"warning: {warning}\n")
        for problem in refused.result.problems:
            sys.stderr.write(f"{problem}\n")
        if refused.result.more_problems:
            sys.stderr.write(f"and {refused.result.more_problems:,} more problems\n")
        raise CommandError(f"{path.name} was refused: {refused}.") from None
    for warning in result.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    command.stdout.write(result.summary())


def list_all(command: BaseCommand, options: dict[str, Any]) -> None:
    questionnaires = Questionnaire.objects.all()
    if not questionnaires:
        command.stdout.write("no questionnaire is published (clusterhub survey publish FILE)")
    for q in questionnaires:
        command.stdout.write(
            f"questionnaire {q} (id {q.pk}): {q.title}, published {q.published_at:%Y-%m-%d}"
        )
    for survey in Survey.objects.select_related("questionnaire"):
        rates = response_rates(survey).total
        command.stdout.write(
            f"survey {survey.pk}: {survey.title} [{survey.questionnaire}] "
            f"{survey.country or 'every country'}, {survey.opens_on} to {survey.closes_on} - "
            f"{rates.invited} invited, {rates.drafts} drafts, {rates.submitted} submitted"
        )


VERBS = {"check": check, "publish": publish, "import": import_file, "list": list_all}


class Command(BaseCommand):
    help = "Benchmarking surveys: check and publish questionnaire files, import answers."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(
            dest="verb", required=True, metavar="check|publish|import|list"
        )
        for name, about in (
            ("check", "Check a questionnaire file (YAML) and report every problem."),
            ("publish", "Publish a questionnaire file as a version in the database."),
        ):
            sub = verbs.add_parser(name, help=about, description=about)
            sub.add_argument("file", type=Path, help="the questionnaire file (YAML)")
        about = "Import answers (CSV, XLSX, ODS or JSON; one row per cluster) into a survey."
        sub = verbs.add_parser("import", help=about, description=about)
        sub.add_argument("file", type=Path, help="columns cluster_id and question ids")
        sub.add_argument("--survey", type=int, required=True, help="the survey round's id")
        sub.add_argument("--source", help="the source of the cluster ids, when several share one")
        sub.add_argument("--replace", action="store_true", help="overwrite submitted answers")
        sub.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
        about = (
            "List the published questionnaires and the survey rounds with their response counts."
        )
        verbs.add_parser("list", help=about, description=about)

    def handle(self, *args: Any, **options: Any) -> None:
        VERBS[options["verb"]](self, options)
