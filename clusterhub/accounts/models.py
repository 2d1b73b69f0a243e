"""The user model, custom from day one so roles can be added without a painful swap."""

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who signs in to Clusterhub."""
