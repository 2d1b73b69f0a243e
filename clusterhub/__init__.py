"""Clusterhub: the open registry of cluster organisations."""
