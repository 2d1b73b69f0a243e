"""Users, roles and the one permission policy."""
