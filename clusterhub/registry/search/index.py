"""An in-memory index of the registry for search: text, filters, facet counts and order.

Matching text with `LIKE '%word%'` reads every organisation's text, members' names
included, on every search, and each facet count repeats the filters: too slow for a
public API under load. The index holds, per process, what search needs of every
organisation, with sets of organisations as Python integers used as bit sets (bit i =
the organisation at position i), so a filter is an AND and a count is `bit_count()`.

Building takes about a second for 10,000 organisations with 500,000 members; `freshness`
decides when to build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from clusterhub.registry.models import Cluster, ClusterTag, Region, Term
from clusterhub.registry.profiles import PERSONAL_FIELDS
from clusterhub.registry.records import attach_tag_codes, cluster_record
from clusterhub.registry.search.query import COLUMN_FACETS, SORTS

# Tokens found in more organisations than this keep their set as a bit set (fast to
# combine); rarer ones as positions (small).
_DENSE_POSTINGS = 128
_WORD_CACHE_SIZE = 4096


def positions_of(bits: int) -> list[int]:
    """The positions of the set bits, ascending."""
    reversed_binary = bin(bits)[:1:-1]
    found = []
    i = reversed_binary.find("1")
    while i != -1:
        found.append(i)
        i = reversed_binary.find("1", i + 1)
    return found


def bits_of(positions: Iterable[int], size: int) -> int:
    buffer = bytearray(size // 8 + 1)
    for p in positions:
        buffer[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(buffer, "little")


@dataclass
class SearchIndex:
    generation: tuple[Any, ...]
    pks: list[int]  # position -> cluster pk
    # Column facets (one value per organisation): column -> value -> bit set.
    columns: dict[str, dict[str, int]]
    # Code lists: ClusterTag field -> term code -> bit set.
    tags: dict[str, dict[str, int]]
    # Sort name -> position -> rank in that order (as the database orders it).
    ranks: dict[str, list[int]]
    tokens: str  # every distinct token once, each between newlines
    token_at: dict[int, int]  # offset of a token in `tokens` -> token number
    postings: list[int | tuple[int, ...]]  # token number -> organisations having it
    _words: dict[str, int] = field(default_factory=dict)
    _names: dict[str, dict[str, str]] = field(default_factory=dict)
    # pk -> the standard record as JSON, without and with the personal fields.
    _records: dict[int, tuple[bytes, bytes]] = field(default_factory=dict)

    def records_json(self, pks: list[int], personal: bool) -> dict[int, bytes]:
        """The standard records of these organisations as JSON objects, with the personal
        fields or with them null. Read once per index, so the API's pages of results need
        no database; kept as bytes, which the garbage collector need not walk."""
        missing = [pk for pk in pks if pk not in self._records]
        if missing:
            clusters = list(Cluster.objects.filter(pk__in=missing))
            attach_tag_codes(clusters)
            for cluster in clusters:
                record = cluster_record(cluster)
                public = orjson.dumps(dict(record, **dict.fromkeys(PERSONAL_FIELDS)))
                self._records[cluster.pk] = (public, orjson.dumps(record))
        return {pk: self._records[pk][personal] for pk in pks if pk in self._records}

    def names(self, kind: str) -> dict[str, str]:
        """Names of NUTS regions ("nuts") or NACE codes ("sector"), read once per index."""
        if kind not in self._names:
            if kind == "nuts":
                self._names[kind] = dict(Region.objects.values_list("code", "name"))
            else:
                nace = Term.objects.filter(vocabulary=Term.Vocabulary.NACE)
                self._names[kind] = dict(nace.values_list("code", "name"))
        return self._names[kind]

    @property
    def everyone(self) -> int:
        return (1 << len(self.pks)) - 1

    def word(self, word: str) -> int:
        """Organisations whose text has `word` inside (a substring: no whitespace in it)."""
        cached = self._words.get(word)
        if cached is not None:
            return cached
        dense, sparse = 0, []
        # A word without whitespace lies inside one token, so only the tokens need a look.
        i = self.tokens.find(word)
        while i != -1:
            start = self.tokens.rfind("\n", 0, i) + 1
            end = self.tokens.find("\n", i)
            postings = self.postings[self.token_at[start]]
            if isinstance(postings, int):
                dense |= postings
            else:
                sparse.append(postings)
            i = self.tokens.find(word, end)
        found = dense | bits_of((p for group in sparse for p in group), len(self.pks))
        if len(self._words) >= _WORD_CACHE_SIZE:
            self._words.clear()
        self._words[word] = found
        return found


def _ranks(pks: list[int], position: dict[int, int]) -> dict[str, list[int]]:
    ranks = {}
    for name, order in SORTS.items():
        rank = [0] * len(pks)
        ordered = Cluster.objects.order_by(*order).values_list("pk", flat=True)
        for i, pk in enumerate(ordered.iterator(chunk_size=5000)):
            if pk in position:  # unless created since the index was read
                rank[position[pk]] = i
        ranks[name] = rank
    return ranks


def build(generation: tuple[Any, ...]) -> SearchIndex:
    """The index of the registry as it is now, named by `generation` (see `freshness`)."""
    pks: list[int] = []
    column_sets: dict[str, dict[str, list[int]]] = {c: defaultdict(list) for c in COLUMN_FACETS}
    holders: dict[str, list[int]] = defaultdict(list)  # token -> positions
    rows = Cluster.objects.order_by("pk").values_list(
        "pk", *COLUMN_FACETS.values(), "search_own", "search_members"
    )
    for position, (pk, *values, own, members) in enumerate(rows.iterator(chunk_size=2000)):
        pks.append(pk)
        for facet, value in zip(COLUMN_FACETS, values, strict=True):
            if value:  # neither "" nor NULL (no region)
                column_sets[facet][value].append(position)
        for token in set(own.split()) | set(members.split()):
            holders[token].append(position)
    position_of = {pk: i for i, pk in enumerate(pks)}
    size = len(pks)
    tag_sets: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    tags = ClusterTag.objects.values_list("cluster_id", "field", "term__code")
    for cluster_pk, tag_field, code in tags.iterator(chunk_size=20000):
        if cluster_pk in position_of:
            tag_sets[tag_field][code].append(position_of[cluster_pk])
    token_list = list(holders)
    token_at, offset = {}, 1
    for number, token in enumerate(token_list):
        token_at[offset] = number
        offset += len(token) + 1
    return SearchIndex(
        generation=generation,
        pks=pks,
        columns={c: _bit_sets(sets, size) for c, sets in column_sets.items()},
        tags={f: _bit_sets(sets, size) for f, sets in tag_sets.items()},
        ranks=_ranks(pks, position_of),
        tokens="\n" + "\n".join(token_list) + "\n",
        token_at=token_at,
        postings=[
            bits_of(held, size) if len(held) > _DENSE_POSTINGS else tuple(held)
            for held in holders.values()
        ],
    )


def _bit_sets(sets: dict[str, list[int]], size: int) -> dict[str, int]:
    return {value: bits_of(held, size) for value, held in sets.items()}
