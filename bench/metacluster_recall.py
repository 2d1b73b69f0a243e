"""Quality, not speed: how often planted cross-border groups come out whole as meta-cluster
candidates, over generated registries of about 325 clusters.

    .venv/bin/python bench/metacluster_recall.py [--seeds 8] [--links clique,star,...]
                                                 [--codes one,division,mixed]

For every way of linking a group (`tests/analytics/planted_groups.py`: LINKS) and every kind
of codes (CODES), `--seeds` registries (group sizes 4, 6, 8, 10 in 3-5 countries), five
planted groups each; prints per case how many groups came out whole (one candidate holds the
whole group and at most as many others), all but one, whole inside a larger candidate, or
cut, and the totals.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from clusterhub.analytics.partners.communities import find_candidates
from tests.analytics.planted_groups import CODES, LINKS, seeded_registry

KINDS = ("whole", "all but one", "larger", "cut")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=8)
    parser.add_argument("--links", default=",".join(LINKS))
    parser.add_argument("--codes", default=",".join(CODES))
    parser.add_argument(
        "--ecosystems",
        default="one",
        choices=["one", "two", "none"],
        help="a planted member's ecosystems: the group's, also another, or none",
    )
    args = parser.parse_args()
    total: Counter[str] = Counter()
    print(f"{'links':9} {'codes':9} " + " ".join(f"{k:>11}" for k in KINDS))
    for links in args.links.split(","):
        for codes in args.codes.split(","):
            tally: Counter[str] = Counter()
            for seed in range(args.seeds):
                planted = seeded_registry(seed, links, codes, args.ecosystems)
                found = find_candidates(planted.tables)
                tally.update(planted.verdicts(found))
            total.update(tally)
            print(f"{links:9} {codes:9} " + " ".join(f"{tally[k]:>11}" for k in KINDS))
    print(f"{'all':19} " + " ".join(f"{total[k]:>11}" for k in KINDS))


if __name__ == "__main__":
    main()
