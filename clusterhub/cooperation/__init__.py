"""Cooperation: relatedness of industries, partner suggestions, meta-clusters, action plans."""
