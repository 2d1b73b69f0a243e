"""The README documents every command Clusterhub adds, and the two commands that run it."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]


def test_every_clusterhub_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ours = [name for name, app in get_commands().items() if app.startswith("clusterhub")]
    assert ours, "no Clusterhub commands found"
    missing = [name for name in ours if f"clusterhub {name}" not in readme]
    assert not missing, f"document these commands in README.md: {missing}"


def test_the_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("make demo") < readme.index("## Command line")
    assert "make test" in readme


def test_every_benchmark_script_is_in_the_benchmarks_document() -> None:
    doc = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    scripts = [p.name for p in (ROOT / "bench").glob("*.py") if not p.name.startswith("_")]
    missing = [name for name in scripts if f"bench/{name}" not in doc]
    assert not missing, f"record these benchmarks in docs/benchmarks.md: {missing}"


# Read from the environment by the console script itself, not a setting anyone sets.
NOT_SETTINGS = {"DJANGO_SETTINGS_MODULE"}
ENV_READS = re.compile(
    r'(?:env_[a-z]+\(\s*|os\.environ\.get\(\s*|os\.getenv\(\s*|os\.environ\[\s*)"([A-Z][A-Z0-9_]+)"'
)


def environment_variables_read_by_the_code() -> set[str]:
    names: set[str] = set()
    modules = [*(ROOT / "clusterhub").rglob("*.py"), *(ROOT / "tests" / "reference").rglob("*.py")]
    for module in modules:
        names.update(ENV_READS.findall(module.read_text(encoding="utf-8")))
    return names - NOT_SETTINGS


def test_every_environment_variable_the_code_reads_is_in_the_configuration_guide() -> None:
    names = environment_variables_read_by_the_code()
    assert {"SECRET_KEY", "SECRET_KEY_FILE", "SITE_URL", "API_MAX_BODY_BYTES", "USER"} <= names
    guide = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = sorted(name for name in names if f"| `{name}` |" not in guide)
    assert not missing, f"document these settings in docs/configuration.md: {missing}"
    assert "docs/configuration.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_configuration_guide_documents_no_variable_the_code_does_not_read() -> None:
    guide = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", guide, flags=re.MULTILINE))
    stale = sorted(documented - environment_variables_read_by_the_code())
    assert not stale, f"docs/configuration.md documents variables nothing reads: {stale}"
