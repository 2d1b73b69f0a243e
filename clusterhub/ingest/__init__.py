"""Importing national spreadsheets into the registry: read, map, validate, geocode, write."""
