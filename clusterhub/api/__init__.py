"""The open REST API under /api/v1/ (django-ninja), with the portal's search and policy."""
