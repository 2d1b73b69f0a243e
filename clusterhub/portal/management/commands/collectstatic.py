"""`clusterhub collectstatic`: Django's, always writing what `clusterhub serve` serves: every
file under a name with its content's hash, compressed (gzip, Brotli where installed), and the
manifest of the names, whatever STATIC_MANIFEST says in this process."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles.management.commands import collectstatic
from django.core.files.storage import storages


class Command(collectstatic.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.storage = storages.create_storage({"BACKEND": settings.MANIFEST_STORAGE})
