"""What a cluster's profile page and its JSON-LD show, personal data only when allowed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clusterhub.registry.models import Cluster, ClusterTag, Cooperation, Member, Term
from clusterhub.registry.nace_labels import nace_title
from clusterhub.registry.vocabulary_labels import country_label
from clusterhub.registry.vocabulary_labels import label as vocabulary_label
from clusterhub.standard import vocabularies as vocab

PERSONAL_FIELDS = ("contact_name", "contact_email", "contact_phone")


@dataclass(frozen=True)
class Code:
    code: str
    label: str


@dataclass
class Profile:
    cluster: Cluster
    tags: dict[str, list[Code]]
    members: list[Member]
    cooperations: list[Cooperation]
    members_by_type: list[tuple[str, int]]
    personal: dict[str, str] = field(default_factory=dict)


_TRANSLATED = {Term.Vocabulary.ECOSYSTEM: vocab.ECOSYSTEMS, Term.Vocabulary.SERVICE: vocab.SERVICES}


def _tags(cluster: Cluster) -> dict[str, list[Code]]:
    tags: dict[str, list[Code]] = {f: [] for f in ClusterTag.Field.values}
    rows = ClusterTag.objects.filter(cluster=cluster).select_related("term").order_by("position")
    for tag in rows:
        term: Term = tag.term
        label = term.name or term.code
        labels = _TRANSLATED.get(Term.Vocabulary(term.vocabulary))
        if labels is not None and term.code in labels:
            label = vocabulary_label(labels, term.code)
        elif term.vocabulary == Term.Vocabulary.COUNTRY:
            label = country_label(term.code) or term.code
        elif term.vocabulary == Term.Vocabulary.NACE:
            label = nace_title(term.code) or label
        tags[tag.field].append(Code(term.code, label))
    return tags


def profile(cluster: Cluster, *, personal: bool) -> Profile:
    members = list(cluster.members.select_related("nuts").order_by("name"))
    counts: dict[str, int] = {}
    for member in members:
        counts[member.type or "other"] = counts.get(member.type or "other", 0) + 1
    by_type = [
        (vocabulary_label(vocab.MEMBER_TYPES, t) if t in vocab.MEMBER_TYPES else t, n)
        for t, n in sorted(counts.items(), key=lambda x: -x[1])
    ]
    cooperations = list(
        Cooperation.objects.filter(cluster=cluster)
        .select_related("partner")
        .order_by("-since", "id")
    )
    result = Profile(cluster, _tags(cluster), members, cooperations, by_type)
    if personal:
        result.personal = {f: getattr(cluster, f) for f in PERSONAL_FIELDS if getattr(cluster, f)}
    return result


def json_ld(cluster: Cluster, url: str) -> dict[str, Any]:
    """schema.org Organization; public fields only."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": url,
        "url": url,
        "name": cluster.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": cluster.address,
            "postalCode": cluster.postcode,
            "addressLocality": cluster.city,
            "addressCountry": cluster.country,
        },
    }
    optional = {
        "alternateName": cluster.name_en or cluster.acronym,
        "description": cluster.description_en or cluster.description,
        "sameAs": cluster.website,
        "email": cluster.email,
        "telephone": cluster.phone,
        "foundingDate": str(cluster.founded) if cluster.founded else "",
    }
    data.update({k: v for k, v in optional.items() if v})
    if cluster.staff_fte is not None:
        data["numberOfEmployees"] = {"@type": "QuantitativeValue", "value": cluster.staff_fte}
    if cluster.lat is not None and cluster.lon is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": cluster.lat, "longitude": cluster.lon}
    return data
