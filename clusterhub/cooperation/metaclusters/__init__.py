"""Meta-clusters run as objects: services for every write, live figures for the pages."""
