"""Report types: one registry, used by `clusterhub report TYPE` and the portal.

A report type takes its scope (country, ecosystem) and a format and returns the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clusterhub.benchmarking.study import Scope, compose, gather, render_html, render_pdf

FORMATS = ("html", "pdf")


@dataclass(frozen=True)
class ReportType:
    name: str
    summary: str
    build: Callable[[Scope, str], bytes]


def benchmarking_study(scope: Scope, output: str) -> bytes:
    study = compose(gather(scope))
    return render_pdf(study) if output == "pdf" else render_html(study).encode("utf-8")


REPORTS: dict[str, ReportType] = {
    "benchmarking": ReportType(
        "benchmarking",
        "The benchmarking study of cluster organisations, generated from the data",
        benchmarking_study,
    ),
}
