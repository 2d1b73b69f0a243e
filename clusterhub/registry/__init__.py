"""The registry of cluster organisations; every write goes through `services`."""
