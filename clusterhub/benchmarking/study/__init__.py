"""The benchmarking study: a complete report generated from the registry, the survey answers,
the regional mapping and the policy initiatives (`clusterhub report benchmarking`, /study/).

    data = gather(Scope(country="CZ"))
    study = compose(data)                 # numbered figures, tables, recommendations
    html = render_html(study, charts="svg")
    pdf = render_pdf(study)
"""

from clusterhub.benchmarking.study.compose import Study, compose
from clusterhub.benchmarking.study.data import Scope, StudyData, gather
from clusterhub.benchmarking.study.render import render_html, render_pdf

__all__ = ["Scope", "Study", "StudyData", "compose", "gather", "render_html", "render_pdf"]
