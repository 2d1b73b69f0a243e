"""A published reference of related industries, as groups of NACE Rev. 2 divisions.

Source: the cluster categories of the European Cluster Observatory, as published in
C. Ketels and S. Protsiv, *European Cluster Panorama 2016* (European Commission, EASME,
2016) and its methodology annex: 51 "related industries" categories of traded industries,
each defined as a list of NACE Rev. 2 classes (4-digit), adapted from the US Cluster Mapping
categories of Delgado, Porter and Stern (2016, "Defining clusters of related industries",
Journal of Economic Geography 16(1)), which were themselves derived from co-location,
input-output links and shared occupations.

The grouping below is at the level of NACE divisions (2-digit): it is OUR READING of the
published 4-digit definitions, not a table the source publishes. A division belongs to a
group when a substantial part of the group's 4-digit classes lies in it; a division may
therefore sit in several groups (C16 wood in "wood and furniture" and in "construction",
C21 pharmaceuticals in "chemicals" and in "health"). Where a related category's core is
outside the SBS statistics (agriculture, finance, education, health care, culture), its
divisions are listed all the same: the benchmark leaves out the divisions a data set does
not have.

Used by bench/relatedness_reference.py and tests/reference/test_relatedness_reference.py to
choose and check the default relatedness measure.
"""

from __future__ import annotations

from itertools import combinations

# Group name -> NACE Rev. 2 divisions (J58 stands for J58.2 software publishing in "IT" and
# for J58.1 publishing of books and newspapers in "paper and printing").
GROUPS: dict[str, tuple[str, ...]] = {
    "automotive": ("C29", "C22", "C27"),
    "food processing": ("A01", "C10", "C11"),
    "textiles, apparel and leather": ("C13", "C14", "C15"),
    "wood and furniture": ("C16", "C31"),
    "information technology": ("J58", "J62", "J63", "C26"),
    "transport and logistics": ("H49", "H50", "H51", "H52", "H53"),
    "hospitality and tourism": ("I55", "I56", "N79", "R93"),
    "construction products and services": ("F41", "F42", "F43", "C23", "C16"),
    "metalworking and machinery": ("C24", "C25", "C28"),
    "chemicals and plastics": ("C20", "C21", "C22"),
    "energy": ("B05", "B06", "B07", "B08", "B09", "C19", "D35"),
    "financial services": ("K64", "K65", "K66"),
    "business services": ("M69", "M70", "M71", "M72", "M73", "M74", "N78", "N82"),
    "paper, printing and publishing": ("C17", "C18", "J58"),
    "media and entertainment": ("J59", "J60", "R90", "R91", "R92"),
    "education and knowledge creation": ("P85", "M72"),
    "medical devices and health": ("Q86", "C21", "C32"),
    "water and environmental services": ("E36", "E37", "E38", "E39"),
}


def divisions(available: set[str] | None = None) -> list[str]:
    """The divisions of the reference (only those in `available`, when given), sorted."""
    every = {code for members in GROUPS.values() for code in members}
    return sorted(every if available is None else every & available)


def related_pairs(available: set[str] | None = None) -> set[frozenset[str]]:
    """The unordered pairs of different divisions that share at least one group."""
    pairs: set[frozenset[str]] = set()
    for members in GROUPS.values():
        kept = [code for code in members if available is None or code in available]
        pairs.update(frozenset(pair) for pair in combinations(kept, 2))
    return pairs
