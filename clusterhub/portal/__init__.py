"""Public pages of the portal."""
