"""The labels of the policy vocabularies, marked for translation.

`clusterhub.standard.vocabularies` is free of Django; its English labels are translated at
run time (`_(label)` in the model's choices). makemessages cannot see strings passed
through a variable, so each label is listed here once; tests/policy checks the list.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

POLICY_LABELS: tuple[str, ...] = (
    # INITIATIVE_LEVELS
    gettext_noop("European Union"),
    gettext_noop("National"),
    gettext_noop("Regional"),
    # INSTRUMENTS
    gettext_noop("Grant"),
    gettext_noop("Loan"),
    gettext_noop("Guarantee"),
    gettext_noop("Voucher"),
    gettext_noop("Tax incentive"),
    gettext_noop("Cluster programme"),
    gettext_noop("Label or certification"),
    gettext_noop("Advisory services"),
    gettext_noop("Funding of networks"),
    gettext_noop("Public procurement"),
    # "Other" is marked with the registry's vocabularies
)

# The descriptions of the `policy_initiatives` columns: the editing form's help texts.
FIELD_DESCRIPTIONS: tuple[str, ...] = (
    gettext_noop(
        "Stable code of the initiative, unique in the registry; used to cite and link it."
    ),
    gettext_noop("Name in the language of the managing body."),
    gettext_noop("Name in English."),
    gettext_noop("Level of government that runs it."),
    gettext_noop(
        "ISO 3166-1 alpha-2 code (EL accepted for Greece); required unless the level is eu."
    ),
    gettext_noop(
        "NUTS code of level 1-3 of the region it serves; required for the regional level."
    ),
    gettext_noop("Kind of support."),
    gettext_noop("First year (YYYY) or day (YYYY-MM-DD) of the period."),
    gettext_noop("Last year (YYYY) or day (YYYY-MM-DD) of the period."),
    gettext_noop("Total budget, a sum of money (at most two decimals)."),
    gettext_noop("ISO 4217 currency of the budget; EUR when left empty."),
    gettext_noop("Target NACE Rev. 2 codes (e.g. C29;C28.1); empty: open to every sector."),
    gettext_noop("Target EU industrial ecosystems; empty: open to every ecosystem."),
    gettext_noop("Web page of the initiative, http or https."),
    gettext_noop("Ministry, agency or authority that manages it."),
    gettext_noop("Description in the language of the managing body."),
    gettext_noop("Description in English."),
    gettext_noop("Source of the record (provenance)."),
    gettext_noop("Date the record was last updated at its source."),
)
