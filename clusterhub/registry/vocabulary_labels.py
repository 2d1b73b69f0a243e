"""The labels of the controlled vocabularies, marked for translation.

`clusterhub.standard.vocabularies` is free of Django, so its English labels are translated at
run time (`_(label)` in the models' choices). makemessages cannot see strings passed through a
variable, so every label is listed here once with `gettext_noop`. The list is plain code on
purpose: tests/test_translations.py fails when a vocabulary label is missing from it.
"""

from __future__ import annotations

import gettext as gettext_catalogues
from collections.abc import Mapping
from functools import cache

import pycountry
from django.utils.translation import get_language, gettext, gettext_noop

VOCABULARY_LABELS: tuple[str, ...] = (
    # ECOSYSTEMS
    gettext_noop("Aerospace and defence"),
    gettext_noop("Agri-food"),
    gettext_noop("Construction"),
    gettext_noop("Cultural and creative industries"),
    gettext_noop("Digital"),
    gettext_noop("Electronics"),
    gettext_noop("Energy-intensive industries"),
    gettext_noop("Renewable energy"),
    gettext_noop("Health"),
    gettext_noop("Mobility, transport and automotive"),
    gettext_noop("Proximity, social economy and civil security"),
    gettext_noop("Retail"),
    gettext_noop("Textile"),
    gettext_noop("Tourism"),
    # SERVICES
    gettext_noop("Networking and community building"),
    gettext_noop("Match-making and partner search"),
    gettext_noop("Training and skills development"),
    gettext_noop("Internationalisation support"),
    gettext_noop("Joint R&D projects"),
    gettext_noop("Access to finance"),
    gettext_noop("Market intelligence"),
    gettext_noop("Technology transfer"),
    gettext_noop("Shared infrastructure and equipment"),
    gettext_noop("Policy advocacy"),
    gettext_noop("Joint procurement"),
    gettext_noop("Joint marketing and branding"),
    gettext_noop("Start-up incubation and acceleration"),
    gettext_noop("Talent attraction"),
    gettext_noop("Standardisation and certification"),
    gettext_noop("Digital transformation support"),
    gettext_noop("Sustainability and circular economy"),
    gettext_noop("Intellectual property management"),
    gettext_noop("Access to public procurement"),
    gettext_noop("Events and trade fairs"),
    # LIFECYCLE
    gettext_noop("Emerging"),
    gettext_noop("Growing"),
    gettext_noop("Mature"),
    gettext_noop("Declining"),
    gettext_noop("Renewing"),
    # LABELS
    gettext_noop("No label"),
    gettext_noop("Bronze label"),
    gettext_noop("Silver label"),
    gettext_noop("Gold label"),
    # MEMBER_TYPES
    gettext_noop("Small or medium-sized enterprise"),
    gettext_noop("Large enterprise"),
    gettext_noop("Research organisation"),
    gettext_noop("University"),
    gettext_noop("Public body"),
    gettext_noop("Non-governmental organisation"),
    gettext_noop("Other"),
    # COOPERATION_KINDS
    gettext_noop("Joint project"),
    gettext_noop("Memorandum of understanding"),
    gettext_noop("Meta-cluster"),
    gettext_noop("Event agreement"),
    # "Other" (already listed above)
)


def label(vocabulary_dict: Mapping[str, str], code: str) -> str:
    """The label of `code` in `vocabulary_dict` (a dict of clusterhub.standard.vocabularies), translated."""
    return gettext(vocabulary_dict[code])


@cache
def _country_catalogue(language: str) -> gettext_catalogues.NullTranslations:
    """pycountry's translations of country names (ISO 3166-1) into `language`."""
    return gettext_catalogues.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_label(code: str) -> str:
    """The country's name in the active language ("" for an unknown code)."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return ""
    language = (get_language() or "en").split("-")[0]
    return _country_catalogue(language).gettext(country.name)
