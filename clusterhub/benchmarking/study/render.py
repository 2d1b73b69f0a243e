"""The study as HTML (for the portal, or a self-contained file) and as PDF (WeasyPrint).

Charts are the same Vega-Lite specs everywhere: the portal page hands them to vega-embed,
a file or PDF gets them drawn as SVG by vl-convert.
"""

from __future__ import annotations

import re
from pathlib import Path

import vl_convert
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from clusterhub.benchmarking.study.compose import Study

STYLESHEET = "benchmarking/study.css"
# The study's print font (study.css; fonts-dejavu-core, installed with WeasyPrint's needs).
PRINT_FONT = "DejaVu Sans"
# vl-convert's SVG carries a fixed size; the print stylesheet scales it to the page.
_SVG_SIZE = re.compile(r'<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"')


def draw_charts(study: Study) -> None:
    """Draw every figure's chart as SVG (for files and PDF)."""
    for exhibit in study.exhibits:
        if exhibit.spec is not None and not exhibit.svg:
            # Text measured in the font it is printed in, so legends and labels do not overlap.
            config = {**exhibit.spec.get("config", {}), "font": PRINT_FONT}
            svg = vl_convert.vegalite_to_svg({**exhibit.spec, "config": config})
            exhibit.svg = _SVG_SIZE.sub(
                r'<svg\1 viewBox="0 0 \2 \3" width="\2" height="\3" role="img"', svg, count=1
            )


def render_html(study: Study, *, standalone: bool = True) -> str:
    """The study as a self-contained HTML document (styles inline, charts as SVG)."""
    draw_charts(study)
    css = Path(finders.find(STYLESHEET) or "").read_text(encoding="utf-8")
    return render_to_string(
        "benchmarking/study/document.html", {"study": study, "css": css, "svg": True}
    )


def render_pdf(study: Study) -> bytes:
    """The study as PDF, page by page with a contents list and page numbers."""
    return render_pdf_pages(study)[0]


def render_pdf_pages(study: Study) -> tuple[bytes, int]:
    """The study as PDF and its number of pages."""
    import weasyprint

    document = weasyprint.HTML(string=render_html(study)).render()
    pdf: bytes = document.write_pdf()
    return pdf, len(document.pages)
