"""The `clusterhub` console script: Django's manage.py with the settings preset."""

from __future__ import annotations

import logging
import os
import sys
from importlib import import_module

# Commands that read and write files only, run without setting Django up (apps, settings,
# database): a mapping starts about 0.7 s sooner. Their modules have main(argv) -> status.
STANDALONE = {("mapping", "compute"): "clusterhub.mapping.cli_compute"}
# Django's own options, and help, take the usual way.
DJANGO_OPTIONS = frozenset(
    [
        "--settings",
        "--pythonpath",
        "--traceback",
        "--verbosity",
        "-v",
        "-h",
        "--help",
        "--no-color",
        "--force-color",
        "--skip-checks",
        "--version",
    ]
)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    standalone = STANDALONE.get((args[0], args[1])) if len(args) >= 2 else None
    if standalone and not any(arg.split("=")[0] in DJANGO_OPTIONS for arg in args):
        status = import_module(standalone).main(args[2:])
        if argv is None:
            # The console script ends without the interpreter's teardown, which spends about
            # 0.4 s collecting Ibis's and DuckDB's objects after a mapping. The command has
            # closed its files; the standard streams and logging are flushed here.
            sys.stdout.flush()
            sys.stderr.flush()
            logging.shutdown()
            os._exit(status)
        sys.exit(status)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clusterhub.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    from clusterhub.lib.env import BadSetting

    try:
        execute_from_command_line(["clusterhub", *args])
    except (BadSetting, ImproperlyConfigured) as bad:  # a wrong environment value
        sys.exit(f"clusterhub: {bad}")
    except OperationalError as unreachable:
        reason = str(unreachable).strip().splitlines()[0] if str(unreachable).strip() else ""
        sys.exit(f"clusterhub: the database named by DATABASE_URL cannot be used: {reason}")


if __name__ == "__main__":
    main()
