"""The cooperation app's records: stored relatedness, dismissed suggestions, meta-clusters
with their working groups and strategic plans, and action plans."""

from clusterhub.cooperation.models.actionplans import Action, ActionPlan, Indicator, ProgressNote
from clusterhub.cooperation.models.metaclusters import (
    Goal,
    Meeting,
    MetaCluster,
    MetaClusterMembership,
    StrategicPlan,
    WorkingGroupMember,
)
from clusterhub.cooperation.models.relatedness import RelatednessPair, RelatednessResult
from clusterhub.cooperation.models.suggestions import SuggestionDismissal

__all__ = [
    "Action",
    "ActionPlan",
    "Goal",
    "Indicator",
    "Meeting",
    "MetaCluster",
    "MetaClusterMembership",
    "ProgressNote",
    "RelatednessPair",
    "RelatednessResult",
    "StrategicPlan",
    "SuggestionDismissal",
    "WorkingGroupMember",
]
