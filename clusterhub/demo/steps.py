"""The demo's steps, one per app, in the order they run: each takes the seed, fills its app
and returns lines for the console. Adding an app's demo data is one entry here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clusterhub.cooperation.metaclusters.figures import figures
from clusterhub.demo.actionplans import load_demo_action_plans
from clusterhub.demo.benchmarking import load_demo_answers
from clusterhub.demo.cooperation import load_demo_meta_clusters
from clusterhub.demo.loading import load_registry
from clusterhub.demo.mapping import load_demo_mapping
from clusterhub.demo.policy import load_policy
from clusterhub.demo.relatedness import load_demo_relatedness


@dataclass(frozen=True)
class Step:
    app: str
    load: Callable[[int], list[str]]


def _mapping(seed: int) -> list[str]:
    return [f"demo mapping: loaded {name}" for name in load_demo_mapping(seed)]


def _cooperation(seed: int) -> list[str]:
    stored = load_demo_relatedness()
    lines = [f"demo relatedness: stored {stored}"] if stored else []
    made = load_demo_meta_clusters(seed)
    return lines + [f"demo meta-cluster: {m.name} ({figures(m).clusters} clusters)" for m in made]


def _actionplans(seed: int) -> list[str]:
    created = load_demo_action_plans(seed)
    return [f"demo action plans: {len(created)} created"]


def _benchmarking(seed: int) -> list[str]:
    answered = load_demo_answers(seed)
    return [f"demo benchmarking survey: {answered} organisations answered"]


STEPS: list[Step] = [
    Step("registry", load_registry),
    Step("policy", load_policy),
    Step("mapping", _mapping),
    Step("cooperation", _cooperation),
    Step("actionplans", _actionplans),
    Step("benchmarking", _benchmarking),
]
