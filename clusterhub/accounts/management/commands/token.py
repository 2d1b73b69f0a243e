"""`clusterhub token create USERNAME --name NAME`: an API token for the write API."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.accounts.models import User
from clusterhub.accounts.services import create_api_token


class Command(BaseCommand):
    help = "Create an API token for a user (shown once)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="create a token and print it")
        create.add_argument("username")
        create.add_argument("--name", default="command line", help="what the token is for")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"no active user {options['username']!r}.")
        self.stdout.write(create_api_token(user, options["name"]))
