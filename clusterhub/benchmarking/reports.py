"""Report types: one registry, used by `clusterhub report TYPE` and the portal.

A report type takes its scope (country, ecosystem) and a format and returns the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clusterhub.benchmarking.study import Scope, compose, gather, render_html
from clusterhub.benchmarking.study.render import render_pdf_pages

FORMATS = ("html", "pdf")


@dataclass(frozen=True)
class Document:
    content: bytes
    pages: int | None = None  # PDF only


@dataclass(frozen=True)
class ReportType:
    name: str
    summary: str
    build: Callable[[Scope, str], Document]


def benchmarking_study(scope: Scope, output: str) -> Document:
    study = compose(gather(scope))
    if output == "pdf":
        return Document(*render_pdf_pages(study))
    return Document(render_html(study).encode("utf-8"))


REPORTS: dict[str, ReportType] = {
    "benchmarking": ReportType(
        "benchmarking",
        "The benchmarking study of cluster organisations, generated from the data",
        benchmarking_study,
    ),
}
