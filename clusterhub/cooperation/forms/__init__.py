"""The cooperation forms (meta-clusters, action plans)."""
