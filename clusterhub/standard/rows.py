"""Row validation: one row of a standard table in, clean values and problems out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clusterhub.standard import values
from clusterhub.standard.fields import TABLES, Field

# Our CSV/XLSX exports put an apostrophe before these so spreadsheets do not run formulas;
# the CSV/XLSX readers remove it again so an export re-imports to the same value. Text that
# already starts with apostrophes before a trigger gets one more, so the two are inverses.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Problem:
    """A broken rule in one cell of a row (or in the row as a whole when column is "")."""

    column: str
    value: str
    reason: str


def _needs_escape(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_TRIGGERS)


def unescape_formula(raw: str) -> str:
    if raw.startswith("'") and _needs_escape(raw):
        return raw[1:]
    return raw


def escape_formula(text: str) -> str:
    if _needs_escape(text):
        return "'" + text
    return text


def split_multi(raw: str) -> list[str]:
    """Split a `;`-separated list, dropping blanks and repeats but keeping order."""
    seen: dict[str, None] = {}
    for part in raw.split(";"):
        item = part.strip()
        if item:
            seen.setdefault(item, None)
    return list(seen)


def _parse_one(field: Field, raw: str) -> Any:
    value = values.PARSERS[field.kind](raw)
    if field.max_length and len(value) > field.max_length:
        raise values.Invalid(f"is longer than {field.max_length} characters")
    if field.vocabulary and value not in field.vocabulary:
        allowed = ", ".join(field.vocabulary)
        raise values.Invalid(f"is not one of: {allowed}")
    return value


_NO_PROBLEMS: tuple[Problem, ...] = ()


def parse_field(field: Field, raw: str) -> tuple[Any, Sequence[Problem]]:
    """Parse one cell; an empty cell gives None (or [] for a list)."""
    if "\x00" in raw:
        return None, [Problem(field.name, raw, "contains a NUL character, which cannot be stored")]
    if not raw or raw.isspace():
        if field.required:
            return None, [Problem(field.name, raw, "is required")]
        return ([] if field.multi else None), _NO_PROBLEMS
    if not field.multi:
        try:
            return _parse_one(field, raw), _NO_PROBLEMS
        except values.Invalid as exc:
            return None, [Problem(field.name, raw, str(exc))]
    items: list[Any] = []
    problems: list[Problem] = []
    for part in split_multi(raw):
        try:
            item = _parse_one(field, part)
        except values.Invalid as exc:
            problems.append(Problem(field.name, raw, f"item {part!r} {exc}"))
            continue
        if item not in items:
            items.append(item)
    return items, problems


def validate_row(table: str, raw: Mapping[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    """Validate a row whose keys are standard column names.

    Returns the clean values of the columns present in `raw` (absent columns stay absent,
    so an update leaves them alone) and the problems found.
    """
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    for field in TABLES[table]:
        text = raw.get(field.name)
        if text is not None:
            value, found = parse_field(field, text)
            clean[field.name] = value
            if found:
                problems.extend(found)
        elif field.required:
            problems.append(Problem(field.name, "", "is required"))
    problems.extend(ROW_RULES[table](clean, raw))
    return clean, problems


def _nuts_in_country(clean: Mapping[str, Any], raw: Mapping[str, str]) -> list[Problem]:
    code, country = clean.get("nuts"), clean.get("country")
    if code and country:
        try:
            values.check_nuts_country(code, country)
        except values.Invalid as exc:
            return [Problem("nuts", raw["nuts"], str(exc))]
    return []


def _cluster_rules(clean: Mapping[str, Any], raw: Mapping[str, str]) -> list[Problem]:
    problems = _nuts_in_country(clean, raw)
    # Judged on the cells as given: a bad coordinate is reported once, as bad, not as missing.
    given = {c: bool((raw.get(c) or "").strip()) for c in ("lat", "lon")}
    if given["lat"] != given["lon"]:
        missing = "lat" if given["lon"] else "lon"
        problems.append(
            Problem(missing, raw.get(missing, ""), "is required when the other coordinate is given")
        )
    total = clean.get("members_total")
    parts = ["members_sme", "members_large", "members_research", "members_public", "members_other"]
    subtotal = sum(clean.get(p) or 0 for p in parts)
    if total is not None and subtotal > total:
        problems.append(
            Problem(
                "members_total",
                raw.get("members_total", ""),
                f"is less than the sum of the member counts by type ({subtotal})",
            )
        )
    return problems


def _member_rules(clean: Mapping[str, Any], raw: Mapping[str, str]) -> list[Problem]:
    return _nuts_in_country(clean, raw)


def _cooperation_rules(clean: Mapping[str, Any], raw: Mapping[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    if not clean.get("partner_id") and not (clean.get("partner_name") or "").strip():
        problems.append(
            Problem(
                "partner_id", "", "is required unless partner_name and partner_country are given"
            )
        )
    elif not clean.get("partner_id") and not clean.get("partner_country"):
        problems.append(Problem("partner_country", "", "is required with partner_name"))
    if clean.get("partner_id") and clean.get("partner_id") == clean.get("cluster_id"):
        problems.append(Problem("partner_id", raw.get("partner_id", ""), "is the cluster itself"))
    since, until = clean.get("since"), clean.get("until")
    if since and until and until < since:
        problems.append(Problem("until", raw.get("until", ""), "is before since"))
    return problems


# Codes that name pages of the portal rather than an initiative (/policy/new/).
RESERVED_CODES = frozenset({"new"})


def _initiative_rules(clean: Mapping[str, Any], raw: Mapping[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    if clean.get("code") in RESERVED_CODES:
        problems.append(Problem("code", raw["code"], "is reserved; choose another code"))
    level, country, region = clean.get("level"), clean.get("country"), clean.get("region")
    if level == "eu":
        for column in ("country", "region"):
            if clean.get(column):
                reason = "must be empty for an EU-level initiative"
                problems.append(Problem(column, raw[column], reason))
    elif level in ("national", "regional"):
        if not country and not (raw.get("country") or "").strip():
            problems.append(Problem("country", "", "is required unless the level is eu"))
        if level == "regional" and not region and not (raw.get("region") or "").strip():
            problems.append(Problem("region", "", "is required for a regional initiative"))
        if region and country:
            try:
                values.check_nuts_country(region, country)
            except values.Invalid as exc:
                problems.append(Problem("region", raw["region"], str(exc)))
    start, end = clean.get("start"), clean.get("end")
    if start and end and values.period_last_day(end) < values.period_first_day(start):
        problems.append(Problem("end", raw["end"], "is before start"))
    return problems


ROW_RULES = {
    "clusters": _cluster_rules,
    "members": _member_rules,
    "cooperations": _cooperation_rules,
    "policy_initiatives": _initiative_rules,
}
