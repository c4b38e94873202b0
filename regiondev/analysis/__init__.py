"""Analyses over the catalog: growth targets, cluster shares, consistency checks."""
