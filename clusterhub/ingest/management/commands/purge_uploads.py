"""`clusterhub purge_uploads`: remove browser uploads nobody confirmed or cancelled in a day."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from clusterhub.ingest.uploads import purge_abandoned_uploads


class Command(BaseCommand):
    help = "Remove browser uploads older than a day that were never imported or cancelled."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = purge_abandoned_uploads()
        self.stdout.write(f"{removed} abandoned upload(s) removed.")
