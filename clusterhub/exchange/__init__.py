"""Exports of the registry in the standard's formats (and, later, harvesting of national nodes)."""
