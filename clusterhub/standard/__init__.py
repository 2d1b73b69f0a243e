"""The unified data standard v1: tables, fields, vocabularies and row validation.

Pure Python (no Django), so the importer, the editing forms and the analytics share one
implementation of every rule.
"""

VERSION = "1.0"
