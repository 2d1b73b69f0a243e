"""Analytics on plain tables: no Django here, so every step runs from a notebook as well.

Each step is its own package (mapping, ...). Heavy optional engines (PySpark) are imported
lazily, with an error naming the extra to install.
"""
