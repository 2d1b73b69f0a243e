"""Policy initiatives: the support measures for clusters (EU, national, regional)."""
