"""Recommendations derived from the study's figures, each citing the exhibit it rests on.

Every rule reads one figure and compares it with a threshold written here, so a reader can
check why a recommendation was made (docs/benchmarking.md lists the rules).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from clusterhub.benchmarking.study import labels
from clusterhub.benchmarking.study.areas import median
from clusterhub.benchmarking.study.data import StudyData
from clusterhub.benchmarking.study.formatting import MIN_CELL, percent, value
from clusterhub.benchmarking.study.model import Exhibit, Recommendation
from clusterhub.benchmarking.study.needs import service_gaps

PUBLIC_FUNDING_HIGH = 0.5
MEMBERS_PER_STAFF_HIGH = 30.0
LABELLED_LOW = 0.5
COOPERATION_COUNTRIES_LOW = 3.0
JOINT_PROJECTS_LOW = 0.3
STRATEGY_OLD = 3.0
RESPONSE_LOW = 0.5
STRONG_REGION_LOW = 0.5
GAPS_NAMED = 3
PROGRAMME_INSTRUMENTS = {"cluster-programme", "network-funding"}


def recommend(
    data: StudyData,
    by_indicator: dict[str, Exhibit],
    coverage: Exhibit,
    needs: Exhibit,
    mapping: Exhibit | None,
    policy: Exhibit | None,
) -> list[Recommendation]:
    found: list[Recommendation] = []

    def survey_median(indicator_id: str) -> float | None:
        middle, n = median(data, indicator_id)
        return middle if n >= MIN_CELL else None

    total = len(data.organisations)
    if total and data.answered / total < RESPONSE_LOW:
        found.append(
            Recommendation(
                _(
                    "Raise participation in the benchmarking survey: %(share)s of the organisations answered it, so figures from the survey describe a minority."
                )
                % {"share": percent(data.answered, total)},
                (coverage,),
            )
        )
    public = survey_median("public_funding_share")
    if public is not None and public >= PUBLIC_FUNDING_HIGH:
        found.append(
            Recommendation(
                _(
                    "Broaden the financing of cluster organisations: at the median, %(share)s of the budget comes from public sources. Support could reward income from services and membership fees."
                )
                % {"share": value(public, "share")},
                (by_indicator["public_funding_share"],),
            )
        )
    per_staff = survey_median("members_per_staff")
    if per_staff is not None and per_staff > MEMBERS_PER_STAFF_HIGH:
        found.append(
            Recommendation(
                _(
                    "Strengthen the management teams: at the median, one staff member serves %(n)s members."
                )
                % {"n": value(per_staff, "count")},
                (by_indicator["members_per_staff"],),
            )
        )
    levels = [data.values[str(org.pk)]["label_level"] for org in data.organisations]
    labelled = sum(1 for level in levels if level)
    if total and labelled / total < LABELLED_LOW:
        found.append(
            Recommendation(
                _(
                    "Encourage cluster management labels: %(share)s of the organisations hold one. Benchmarking and labelling help managers improve and make clusters visible to partners abroad."
                )
                % {"share": percent(labelled, total)},
                (by_indicator["label_level"],),
            )
        )
    gaps = [(s, n, o) for s, n, o in service_gaps(data) if n > o][:GAPS_NAMED]
    if gaps:
        named = "; ".join(
            _("%(service)s (needed by %(needed)s, offered by %(offered)s)")
            % {"service": labels.service(s), "needed": n, "offered": o}
            for s, n, o in gaps
        )
        found.append(
            Recommendation(
                _("Develop shared services where needs exceed the offer: %(services)s.")
                % {"services": named},
                (needs,),
            )
        )
    countries = survey_median("cooperation_countries")
    if countries is not None and countries < COOPERATION_COUNTRIES_LOW:
        found.append(
            Recommendation(
                _(
                    "Support internationalisation: the median number of countries an organisation cooperates actively with is %(n)s. Cross-regional partnerships and meta-clusters can widen that."
                )
                % {"n": value(countries, "count")},
                (by_indicator["cooperation_countries"],),
            )
        )
    joint = survey_median("joint_project_members_share")
    if joint is not None and joint < JOINT_PROJECTS_LOW:
        found.append(
            Recommendation(
                _(
                    "Foster cooperation among members: at the median, %(share)s of the members take part in joint projects."
                )
                % {"share": value(joint, "share")},
                (by_indicator["joint_project_members_share"],),
            )
        )
    strategy = survey_median("strategy_age")
    if strategy is not None and strategy > STRATEGY_OLD:
        found.append(
            Recommendation(
                _(
                    "Renew the strategies: at the median, a cluster's strategy was last updated %(n)s years ago."
                )
                % {"n": value(strategy, "years")},
                (by_indicator["strategy_age"],),
            )
        )
    strong = sum(1 for org in data.organisations if org.badges)
    if mapping is not None and total:
        if strong / total < STRONG_REGION_LOW:
            text = _(
                "Link the organisations to regional strengths: %(share)s sit in a region that the mapping shows strong in their sector; the others could seek partners in the regions that are."
            )
        else:
            text = _(
                "Build on regional strengths: %(share)s of the organisations sit in a region that the mapping shows strong in their sector; regional policy can back them as anchors."
            )
        found.append(Recommendation(text % {"share": percent(strong, total)}, (mapping,)))
    if policy is not None and not any(
        i.instrument in PROGRAMME_INSTRUMENTS for i in data.initiatives if i.level != "eu"
    ):
        found.append(
            Recommendation(
                _(
                    "Consider a national or regional cluster programme: none of the %(n)s initiatives that apply is one; cluster organisations then rely on EU-level measures and project funding."
                )
                % {"n": len(data.initiatives)},
                (policy,),
            )
        )
    return found
