"""Benchmarking of cluster organisations: surveys, indicators, peer comparison, the study."""
