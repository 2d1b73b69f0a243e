"""Every write to the registry: views, API handlers, importers and the demo call these.

Each service validates what it is given, writes the audit entry and returns the object.
"""

from clusterhub.registry.services.clusters import (
    delete_cluster,
    on_cluster_deletion,
    restore_cluster,
    upsert_cluster,
)
from clusterhub.registry.services.cooperations import (
    derive_cooperation_countries,
    upsert_cooperation,
)
from clusterhub.registry.services.geodata import ShapesLoaded, load_region_shapes
from clusterhub.registry.services.member_edits import DuplicateMember, delete_member, save_member
from clusterhub.registry.services.members import MemberWriter
from clusterhub.registry.services.taxonomy import (
    ensure_regions,
    ensure_terms,
    ensure_vocabularies,
    name_regions,
)

__all__ = [
    "DuplicateMember",
    "MemberWriter",
    "ShapesLoaded",
    "delete_cluster",
    "delete_member",
    "derive_cooperation_countries",
    "ensure_regions",
    "ensure_terms",
    "ensure_vocabularies",
    "load_region_shapes",
    "name_regions",
    "on_cluster_deletion",
    "restore_cluster",
    "save_member",
    "upsert_cluster",
    "upsert_cooperation",
]
