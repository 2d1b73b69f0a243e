"""The tables of the data standard v1 and their fields, in publication order."""

from __future__ import annotations

from dataclasses import dataclass

from clusterhub.standard import vocabularies as vocab


@dataclass(frozen=True)
class Field:
    """One column of a standard table.

    `kind` names the value parser (see `values.PARSERS`); `vocabulary` holds the allowed
    codes of enum and code-list kinds; `personal` fields are never exported publicly;
    `max_length` is the longest value the registry can store.
    """

    name: str
    kind: str
    description: str
    required: bool = False
    multi: bool = False
    personal: bool = False
    vocabulary: tuple[str, ...] = ()
    max_length: int | None = None

    @property
    def table_schema_type(self) -> str:
        return {
            "float": "number",
            "amount": "number",
            "integer": "integer",
            "year": "integer",
            "date": "date",
        }.get(self.kind, "string")


# The longest text each kind of field takes, on every write path (import, API, forms): a
# name, a short text (acronym, city, telephone), an address on the web or for mail, a
# description, an identifier.
NAME = 300
SHORT = 200
URL = 2_000
EMAIL = 254
TEXT = 20_000
ID = 100


def _codes(mapping: dict[str, str]) -> tuple[str, ...]:
    return tuple(mapping)


CLUSTERS: tuple[Field, ...] = (
    Field("id", "string", "Identifier, unique within the source.", required=True, max_length=100),
    Field(
        "name",
        "text",
        "Name in the native language, diacritics kept.",
        required=True,
        max_length=NAME,
    ),
    Field("name_en", "text", "Name in English.", max_length=NAME),
    Field("acronym", "text", "Short name or acronym.", max_length=SHORT),
    Field("country", "country", "ISO 3166-1 alpha-2 code (EL accepted for Greece).", required=True),
    Field("nuts", "nuts", "NUTS code of level 1-3, starting with the country's NUTS prefix."),
    Field("address", "text", "Street address.", max_length=NAME),
    Field("postcode", "string", "Postal code.", max_length=40),
    Field("city", "text", "City or municipality.", max_length=SHORT),
    Field("lat", "latitude", "Latitude in decimal degrees (WGS84)."),
    Field("lon", "longitude", "Longitude in decimal degrees (WGS84)."),
    Field("website", "url", "Web site, http or https.", max_length=URL),
    Field("email", "email", "Public e-mail address of the organisation.", max_length=EMAIL),
    Field("phone", "text", "Public telephone number of the organisation.", max_length=SHORT),
    Field("founded", "year", "Year the organisation was founded (1900 to the current year)."),
    Field("description", "text", "Description in the native language.", max_length=TEXT),
    Field("description_en", "text", "Description in English.", max_length=TEXT),
    Field("sectors", "nace", "NACE Rev. 2 codes, e.g. C29;C28.1.", multi=True),
    Field(
        "ecosystems",
        "enum",
        "EU industrial ecosystems.",
        multi=True,
        vocabulary=_codes(vocab.ECOSYSTEMS),
    ),
    Field("lifecycle", "enum", "Lifecycle stage.", vocabulary=_codes(vocab.LIFECYCLE)),
    Field("members_total", "count", "Number of member organisations."),
    Field("members_sme", "count", "Members that are SMEs."),
    Field("members_large", "count", "Members that are large enterprises."),
    Field("members_research", "count", "Members that are research organisations or universities."),
    Field("members_public", "count", "Members that are public bodies."),
    Field("members_other", "count", "Other members."),
    Field("staff_fte", "nonnegative", "Management staff in full-time equivalents."),
    Field(
        "services",
        "enum",
        "Services offered to members.",
        multi=True,
        vocabulary=_codes(vocab.SERVICES),
    ),
    Field(
        "needs",
        "enum",
        "Services the cluster is looking for.",
        multi=True,
        vocabulary=_codes(vocab.SERVICES),
    ),
    Field("cooperation_countries", "country", "Countries with active cooperation.", multi=True),
    Field("cooperation", "text", "Current cooperation activities.", max_length=TEXT),
    Field("label", "enum", "Cluster management excellence label.", vocabulary=_codes(vocab.LABELS)),
    Field("label_valid_until", "date", "Date until which the label is valid."),
    Field("programme", "text", "National cluster programme membership.", max_length=NAME),
    Field(
        "contact_name",
        "text",
        "Contact person (personal data).",
        personal=True,
        max_length=SHORT,
    ),
    Field(
        "contact_email",
        "email",
        "Contact person's e-mail (personal data).",
        personal=True,
        max_length=EMAIL,
    ),
    Field(
        "contact_phone",
        "text",
        "Contact person's telephone (personal data).",
        personal=True,
        max_length=SHORT,
    ),
    Field("source", "string", "Source of the record (provenance).", max_length=100),
    Field("updated", "date", "Date the record was last updated at its source."),
)

MEMBERS: tuple[Field, ...] = (
    Field(
        "cluster_id",
        "string",
        "The `id` of the cluster in `clusters`.",
        required=True,
        max_length=ID,
    ),
    Field("name", "text", "Name of the member organisation.", required=True, max_length=NAME),
    Field("country", "country", "ISO 3166-1 alpha-2 code."),
    Field("nuts", "nuts", "NUTS code of level 1-3."),
    Field("type", "enum", "Kind of organisation.", vocabulary=_codes(vocab.MEMBER_TYPES)),
    Field("nace", "nace", "Main NACE Rev. 2 activity."),
    Field("employees", "count", "Number of employees."),
    Field("website", "url", "Web site, http or https.", max_length=URL),
    Field("register_id", "string", "National business register number.", max_length=100),
    Field("joined", "date", "Date the organisation joined the cluster."),
)

COOPERATIONS: tuple[Field, ...] = (
    Field(
        "cluster_id",
        "string",
        "The `id` of the cluster in `clusters`.",
        required=True,
        max_length=ID,
    ),
    Field("partner_id", "string", "The partner's `id` when it is in the registry.", max_length=ID),
    Field(
        "partner_name",
        "text",
        "The partner's name when it is not in the registry.",
        max_length=NAME,
    ),
    Field("partner_country", "country", "The partner's country (with `partner_name`)."),
    Field("kind", "enum", "Kind of cooperation.", vocabulary=_codes(vocab.COOPERATION_KINDS)),
    Field("since", "date", "Start of the cooperation."),
    Field("until", "date", "End of the cooperation, if it has one."),
    Field("description", "text", "What the cooperation is about.", max_length=TEXT),
)

POLICY_INITIATIVES: tuple[Field, ...] = (
    Field(
        "code",
        "slug",
        "Stable code of the initiative, unique in the registry; used to cite and link it.",
        required=True,
        max_length=80,
    ),
    Field(
        "name",
        "text",
        "Name in the language of the managing body.",
        required=True,
        max_length=NAME,
    ),
    Field("name_en", "text", "Name in English.", max_length=NAME),
    Field(
        "level",
        "enum",
        "Level of government that runs it.",
        required=True,
        vocabulary=_codes(vocab.INITIATIVE_LEVELS),
    ),
    Field(
        "country",
        "country",
        "ISO 3166-1 alpha-2 code (EL accepted for Greece); required unless the level is eu.",
    ),
    Field(
        "region",
        "nuts",
        "NUTS code of level 1-3 of the region it serves; required for the regional level.",
    ),
    Field("instrument", "enum", "Kind of support.", vocabulary=_codes(vocab.INSTRUMENTS)),
    Field("start", "period", "First year (YYYY) or day (YYYY-MM-DD) of the period."),
    Field("end", "period", "Last year (YYYY) or day (YYYY-MM-DD) of the period."),
    Field("budget", "amount", "Total budget, a sum of money (at most two decimals)."),
    Field("currency", "currency", "ISO 4217 currency of the budget; EUR when left empty."),
    Field(
        "sectors",
        "nace",
        "Target NACE Rev. 2 codes (e.g. C29;C28.1); empty: open to every sector.",
        multi=True,
    ),
    Field(
        "ecosystems",
        "enum",
        "Target EU industrial ecosystems; empty: open to every ecosystem.",
        multi=True,
        vocabulary=_codes(vocab.ECOSYSTEMS),
    ),
    Field("link", "url", "Web page of the initiative, http or https.", max_length=URL),
    Field(
        "managing_body",
        "text",
        "Ministry, agency or authority that manages it.",
        max_length=NAME,
    ),
    Field(
        "description",
        "text",
        "Description in the language of the managing body.",
        max_length=TEXT,
    ),
    Field("description_en", "text", "Description in English.", max_length=TEXT),
    Field("source", "string", "Source of the record (provenance).", max_length=100),
    Field("updated", "date", "Date the record was last updated at its source."),
)

TABLES: dict[str, tuple[Field, ...]] = {
    "clusters": CLUSTERS,
    "members": MEMBERS,
    "cooperations": COOPERATIONS,
    "policy_initiatives": POLICY_INITIATIVES,
}

TABLE_TITLES = {
    "clusters": "Cluster organisations",
    "members": "Member organisations of clusters",
    "cooperations": "Cooperation links of clusters",
    "policy_initiatives": "Policy initiatives supporting clusters",
}


def field_names(table: str) -> list[str]:
    return [f.name for f in TABLES[table]]


def public_fields(table: str) -> tuple[Field, ...]:
    return tuple(f for f in TABLES[table] if not f.personal)
