"""Meta-cluster candidates: communities in the graph of organisation similarity, found with
Leiden, kept when they are coherent in industry and span enough countries. No Django.

The similarity of two organisations is made of the symmetric parts of the suggestion score
(`score.py`), each between 0 and 1:

    affinity   = 0.45 industry + 0.45 ecosystem + 0.05 needs + 0.05 offers
    similarity = affinity x (1 + 0.25 cross_border) x (1 + 3 cooperating)

Industry and ecosystem dominate, so communities are coherent in industry; what one offers
and the other needs adds a little. Crossing a border multiplies rather than adds: a foreign
organisation of the same industry is preferred to a domestic one, an unrelated foreign one
stays unrelated. Organisations that already cooperate (the `cooperations` table, either
direction) are drawn together strongly (x4: partners who work together are where a
meta-cluster starts), but only as far as they are alike. Each organisation keeps its `k` most
similar (similarity above 0), the union of these links is an undirected weighted graph (the
larger weight where both chose each other), and Leiden
(`leidenalg.RBConfigurationVertexPartition`, modularity with a resolution: higher finds
more, smaller communities; fixed seed) partitions it. Before that, organisations that all
cooperate with one another (a clique of `cooperations` links between alike organisations: a
shared ecosystem or NACE division) form a core, which takes in the members of its community
that cooperate mostly with it (`Themes.with_partners`): a core of `min_clusters` or more is a
candidate of its own, and the communities go on without its members (unless it is no
candidate) (modularity alone cannot
see a small group inside a large community). When asked (`max_clusters`), a community larger
than that is partitioned again on its own subgraph, at the same resolution first and at
twice the resolution when it will not split, until its parts are small enough.

A community becomes candidates by theme: its dominant ecosystem (carried by the most
members) or, when more members share a NACE division than any ecosystem, that division.
The members that carry the ecosystem, or have a sector in the division most of the
ecosystem's carriers work in, form the theme's part; the rest are split off and tried again
the same way, so a community that mixes two industries gives two parts (or none). Each part
is partitioned into tight groups (`tight_groups`: Leiden with the constant Potts model, whose
groups have a mean similarity of at least `TIGHTNESS` = 0.7875, that of one ecosystem and one
NACE group in one country, a shared ecosystem counting in full); a tight group is a candidate
of its own, named by its own main theme; cores of one theme in one community, and tight
groups of one theme in one community, are joined while their mean similarity is at least
`TIGHTNESS` (less the ecosystem's weight for a division); a tight group too small to be
a candidate joins the core or group of its community it is that close to; the other members
of a part are its rest, a candidate of the part's theme.
A candidate is kept when it has `min_clusters` organisations in `min_countries` countries
and its theme is shared by at least `coherence` of them.
"""

from clusterhub.analytics.partners.communities.candidates import (
    DEFAULT_COHERENCE,
    DEFAULT_MIN_CLUSTERS,
    DEFAULT_MIN_COUNTRIES,
    Candidate,
    CandidateCluster,
    candidate_name,
    find_candidates,
)
from clusterhub.analytics.partners.communities.graph import (
    AFFINITY_WEIGHTS,
    COOPERATION_BONUS,
    CROSS_BORDER_BONUS,
    DEFAULT_MAX_CLUSTERS,
    DEFAULT_NEIGHBOURS,
    DEFAULT_RESOLUTION,
    BadSetting,
    Graph,
    communities,
    similarity,
    similarity_graph,
)
from clusterhub.analytics.partners.communities.themes import division_of, theme_label
from clusterhub.analytics.partners.communities.tight_groups import TIGHTNESS, tight_groups

__all__ = [
    "AFFINITY_WEIGHTS",
    "COOPERATION_BONUS",
    "CROSS_BORDER_BONUS",
    "DEFAULT_COHERENCE",
    "DEFAULT_MAX_CLUSTERS",
    "DEFAULT_MIN_CLUSTERS",
    "DEFAULT_MIN_COUNTRIES",
    "DEFAULT_NEIGHBOURS",
    "DEFAULT_RESOLUTION",
    "TIGHTNESS",
    "BadSetting",
    "Candidate",
    "CandidateCluster",
    "Graph",
    "candidate_name",
    "communities",
    "division_of",
    "find_candidates",
    "similarity",
    "similarity_graph",
    "theme_label",
    "tight_groups",
]
