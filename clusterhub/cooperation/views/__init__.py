"""The cooperation pages (meta-clusters, action plans, suggestions)."""
