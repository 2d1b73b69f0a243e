"""Sentences for the parts of a suggestion's score, in the active language."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from clusterhub.analytics.partners import Reason
from clusterhub.lib.numbers import half_up
from clusterhub.registry.figures import figure
from clusterhub.registry.nace_labels import nace_title
from clusterhub.registry.vocabulary_labels import country_label, label
from clusterhub.standard import vocabularies as vocab

_LEVELS = {
    "group": lambda a, b: _("%(a)s and %(b)s are in the same NACE group") % {"a": a, "b": b},
    "division": lambda a, b: _("%(a)s and %(b)s are in the same NACE division") % {"a": a, "b": b},
    "section": lambda a, b: _("%(a)s and %(b)s are in the same NACE section") % {"a": a, "b": b},
}


def _services(codes: object) -> str:
    return ", ".join(label(vocab.SERVICES, str(c)) for c in codes or [])  # type: ignore[attr-defined]


def _industry(d: dict[str, object]) -> str:
    a, b, kind = str(d["a"]), str(d["b"]), str(d["kind"])
    if kind == "same":
        return _("works in the same industry: %(code)s") % {"code": f"{b} {nace_title(b)}".strip()}
    if kind == "matrix":
        return _("%(a)s ↔ %(b)s relatedness %(value)s, top %(top)s %%") % {
            "a": a,
            "b": b,
            "value": figure(float(str(d["relatedness"])), 2),
            "top": _percent(float(str(d["top_percent"]))),
        }
    return _LEVELS[kind](a, b)


def _percent(value: float) -> str:
    """A top share: 0.1 at least, one decimal below 10 % unless it is whole (5, 2.5, 16)."""
    shown = half_up(max(value, 0.1), 1 if value < 10 else 0)
    return figure(shown, 0 if shown == shown.to_integral_value() else 1)


def _strength(d: dict[str, object]) -> str:
    name = str(d.get("region_name") or "")
    region = f"{name}, {d['region']}" if name else d["region"]
    values = {"label": d["label"], "region": region, "category": d["category"]}
    if str(d["label"]).endswith("★"):
        values["stars"] = str(d["label"]).rstrip("★")
        return _("%(stars)s-star region in %(category)s (%(region)s)") % values
    flag = str(d["label"])
    if flag in _FLAGS:
        return _FLAGS[flag](values)
    return _("%(label)s cluster region in %(category)s (%(region)s)") % values


# The US Cluster Mapping flags, each its own sentence so that languages can inflect it.
_FLAGS: dict[str, Callable[[dict[str, object]], str]] = {
    "strong": lambda v: _("strong cluster region in %(category)s (%(region)s)") % v,
    "significant": lambda v: _("significant cluster region in %(category)s (%(region)s)") % v,
    "qualifying": lambda v: _("qualifying cluster region in %(category)s (%(region)s)") % v,
}


def _lifecycle(d: dict[str, object]) -> str:
    own, theirs = str(d["own"]), str(d["theirs"])
    stages = {
        # The labels as the vocabulary writes them: lowercasing breaks languages that
        # capitalise nouns.
        "theirs": label(vocab.LIFECYCLE, theirs),
        "own": label(vocab.LIFECYCLE, own),
    }
    if own == theirs:
        return _("at the same lifecycle stage as you: %(theirs)s") % stages
    young, seasoned = {"emerging", "growing"}, {"mature", "renewing"}
    if {own, theirs} & young and {own, theirs} & seasoned:
        return _("complementary lifecycle stages, theirs: %(theirs)s, yours: %(own)s") % stages
    return _("a different lifecycle stage, theirs: %(theirs)s, yours: %(own)s") % stages


_TEXTS: dict[str, Callable[[dict[str, object]], str]] = {
    "needs": lambda d: (
        _("offers %(services)s, which you need") % {"services": _services(d["services"])}
    ),
    "offers": lambda d: (
        _("needs %(services)s, which you offer") % {"services": _services(d["services"])}
    ),
    "industry": _industry,
    "ecosystem": lambda d: (
        _("shares the ecosystem %(ecosystems)s")
        % {
            "ecosystems": ", ".join(
                label(vocab.ECOSYSTEMS, str(c))
                for c in d["ecosystems"]  # type: ignore[attr-defined]
            )
        }
    ),
    "strength": _strength,
    "cross_border": lambda d: (
        _("across the border, in %(country)s") % {"country": country_label(str(d["country"]))}
    ),
    "lifecycle": _lifecycle,
    "size": lambda d: (
        _("comparable size: %(theirs)d members, you %(own)d")
        % {"theirs": d["theirs"], "own": d["own"]}
    ),
}


def reason_text(reason: Reason) -> str:
    return _TEXTS[reason.code](reason.details)
