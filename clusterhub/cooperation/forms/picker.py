"""The cluster picker's boxes: plain text boxes the services read (`find_cluster`: a registry
id, "Name (CC)", an id at the source or a name), which static/cooperation/cluster_picker.js
turns into search-as-you-type boxes. Without JavaScript they work as typed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clusterhub.cooperation.cluster_text import labels, split_lines

# The API's search of the registry: public records, what the portal's search shows.
SEARCH_URL = "/api/v1/clusters"
NAME_LENGTH = 300  # a name and its country; a longer text names no cluster


def _attrs(mode: str) -> dict[str, Any]:
    return {
        "data-cluster-picker": mode,
        "data-search-url": SEARCH_URL,
        "data-found": _("Suggestions: {count}"),
        "data-none": _("No cluster found."),
        "data-add-label": _("Add a cluster"),
        "data-add-button": _("Add"),
        "autocomplete": "off",
        "spellcheck": "false",
    }


def one_cluster(label: Any, *, required: bool = False, help_text: Any = None) -> forms.CharField:
    """A box for one cluster."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=NAME_LENGTH,
        widget=forms.TextInput(attrs=_attrs("one")),
        help_text=help_text
        or _(
            "Type part of its name and choose it, or give its registry id (the number in its profile's address)."
        ),
    )


def many_clusters(label: Any, *, help_text: Any = None) -> forms.CharField:
    """A box for several clusters, one per line."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 4, **_attrs("many")}),
        help_text=help_text
        or _(
            "One cluster per line: its name and country as suggested, e.g. “Name (CZ)”, or its registry id."
        ),
    )


def many_values(text: Any) -> list[str]:
    """The clusters of a box for several, each as typed."""
    return split_lines(text)


def shown_one(cluster: Any) -> str:
    """What the box for one shows for `cluster` (a Cluster or None)."""
    return labels([cluster])[0] if cluster is not None else ""


def shown_many(clusters: list[Any]) -> str:
    return "\n".join(labels(list(clusters)))
