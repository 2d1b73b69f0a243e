"""Importing answers collected outside the portal: one row per cluster, one column per question.

The file is read by the importer's readers (CSV in any encoding and delimiter, XLSX, ODS,
JSON). Every row is checked by the rules of the online form, as a submission; a file with
any problem is refused whole and every problem is reported as file, row, column (the
question id) and reason. Otherwise each row becomes the cluster's submitted response, in
one transaction; a dry run checks everything and writes nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from clusterhub.audit.services import Actor
from clusterhub.benchmarking import services
from clusterhub.benchmarking.models import Response, Survey
from clusterhub.benchmarking.rules import check_answers
from clusterhub.ingest.limits import MAX_PROBLEMS
from clusterhub.ingest.readers import Unreadable, read_table
from clusterhub.ingest.readers.base import Row
from clusterhub.ingest.resolve import ClusterIndex
from clusterhub.lib.refusal import Refused, RefusedValue
from clusterhub.registry.models import Cluster

CLUSTER_COLUMN = "cluster_id"
_HEADER_SEARCH_ROWS = 30


@dataclass
class AnswerImport:
    """What an import of answers found and did (or would do, in a dry run)."""

    file: str
    survey: Survey
    dry_run: bool = False
    counts: dict[str, int] = field(
        default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0}
    )
    added_to_round: int = 0
    warnings: list[str] = field(default_factory=list)
    problems: list[RefusedValue] = field(default_factory=list)
    more_problems: int = 0  # counted past the first MAX_PROBLEMS, not listed

    def summary(self) -> str:
        c = self.counts
        verb = "would import" if self.dry_run else "imported"
        text = (
            f"{self.file}: {verb} {sum(c.values())} responses to survey {self.survey.pk} - "
            f"{c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
        )
        if self.added_to_round:
            text += f"; {self.added_to_round} clusters added to the round (not mailed)"
        return text


class AnswersRefused(Refused):
    """The file had problems; nothing was written. `result` is the import's report."""

    def __init__(self, result: AnswerImport) -> None:
        self.result = result
        count = len(result.problems) + result.more_problems
        super().__init__(
            result.problems,
            unlisted=result.more_problems,
            summary=f"{count:,} problem(s); nothing was imported",
        )


@dataclass
class _Row:
    number: int
    cluster_pk: int
    raw: dict[str, str]


def _header(rows: Iterator[Row], name: str) -> tuple[int, list[str]]:
    for number, cells in itertools.islice(rows, _HEADER_SEARCH_ROWS):
        names = [c.strip().lower() for c in cells]
        if CLUSTER_COLUMN in names:
            return number, names
    raise Unreadable(
        f"{name} has no header row with a {CLUSTER_COLUMN} column (the cluster's id in the "
        f"registry, as in members files) and the question ids as column names."
    )


def import_answers(
    path: Path,
    *,
    survey: Survey,
    actor: Actor,
    source: str | None = None,
    dry_run: bool = False,
    replace: bool = False,
    allowed_countries: frozenset[str] | None = None,
) -> AnswerImport:
    """Import the answers in `path` into `survey`; raises Unreadable or AnswersRefused.

    `cluster_id` is a cluster's id in its source (as in the standard's members files);
    `source` picks the source when several have that id. A cluster whose response was
    already submitted is refused unless `replace`. `allowed_countries`: a coordinator's
    countries (None: every country).
    """
    raw_table = read_table(path)
    result = AnswerImport(file=raw_table.name, survey=survey, dry_run=dry_run)
    definition = survey.questionnaire.spec
    _header_row, header = _header(raw_table.rows, raw_table.name)
    seen_columns: dict[str, int] = {}
    for position, name in enumerate(header):
        if not name:
            continue
        if name in seen_columns:
            raise Unreadable(f"{raw_table.name}: column {name!r} appears twice; keep one.")
        seen_columns[name] = position
    unknown = [n for n in seen_columns if n != CLUSTER_COLUMN and not definition.has(n)]
    if unknown:
        result.warnings.append(
            f"{raw_table.name}: columns that are no question of {survey.questionnaire} "
            f"were left out: {', '.join(unknown)}"
        )
    columns = [(i, n) for n, i in seen_columns.items() if n == CLUSTER_COLUMN or definition.has(n)]
    rows = _check_rows(
        raw_table.rows, columns, len(header), result, source, replace, allowed_countries
    )
    if result.problems:
        raise AnswersRefused(result)
    clusters = Cluster.objects.in_bulk([r.cluster_pk for r in rows])
    with transaction.atomic():
        for row in rows:
            cluster = clusters[row.cluster_pk]
            _invitation, added = services.ensure_invitation(survey, cluster, actor=actor)
            result.added_to_round += added
            _response, outcome = services.save_response(
                survey,
                cluster,
                row.raw,
                submit=True,
                actor=actor,
                online=False,
                replace_submitted=True,
            )
            result.counts[outcome] += 1
        if dry_run:
            transaction.set_rollback(True)
    return result


def _check_rows(
    rows: Iterator[Row],
    columns: list[tuple[int, str]],
    width: int,
    result: AnswerImport,
    source: str | None,
    replace: bool,
    allowed_countries: frozenset[str] | None,
) -> list[_Row]:
    survey = result.survey
    definition = survey.questionnaire.spec
    index = ClusterIndex()
    submitted = dict(
        Response.objects.filter(survey=survey, status=Response.Status.SUBMITTED).values_list(
            "cluster_id", "answers"
        )
    )
    first_row: dict[int, int] = {}
    checked: list[_Row] = []

    def problem(number: int, column: str, value: str, reason: str) -> None:
        if len(result.problems) < MAX_PROBLEMS:
            shown = value if column else None  # a problem of the whole row shows no value
            result.problems.append(RefusedValue(result.file, number, column or None, shown, reason))
        else:
            result.more_problems += 1

    for number, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            problem(number, "", "", f"has {len(cells)} cells but the header has {width}")
        cells = cells + [""] * (width - len(cells))
        raw = {name: cells[i] for i, name in columns}
        cluster_id = raw.pop(CLUSTER_COLUMN).strip()
        if not cluster_id:
            problem(number, CLUSTER_COLUMN, "", "is required")
            continue
        cluster_pk, reason = index.find(cluster_id, source)
        if cluster_pk is None:
            problem(number, CLUSTER_COLUMN, cluster_id, reason)
            continue
        country = index.countries.get(cluster_pk, "")
        if not survey.covers(country):
            reason = f"is a cluster of {country}; survey {survey.pk} asks the clusters of {survey.country}"
            problem(number, CLUSTER_COLUMN, cluster_id, reason)
            continue
        if allowed_countries is not None and country not in allowed_countries:
            problem(
                number,
                CLUSTER_COLUMN,
                cluster_id,
                "is a cluster of a country you do not coordinate",
            )
            continue
        if cluster_pk in first_row:
            problem(
                number,
                CLUSTER_COLUMN,
                cluster_id,
                f"appears again (first in row {first_row[cluster_pk]})",
            )
            continue
        first_row[cluster_pk] = number
        clean, problems = check_answers(definition, raw, complete=True)
        for p in problems:
            # A rule across questions names them in its reason.
            problem(number, p.question, p.value, p.reason)
        if problems:
            continue
        if cluster_pk in submitted and submitted[cluster_pk] != clean and not replace:
            problem(
                number,
                CLUSTER_COLUMN,
                cluster_id,
                "has already submitted other answers to this survey; use --replace to overwrite them",
            )
            continue
        checked.append(_Row(number, cluster_pk, raw))
    return checked
