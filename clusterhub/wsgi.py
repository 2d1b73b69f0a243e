"""WSGI entry point for production servers (gunicorn, granian)."""

import os
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from clusterhub.lib.secret_key import serving_problem

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clusterhub.settings")

if problem := serving_problem(settings.SECRET_KEY, settings.DEBUG):
    # The server's log gets the one sentence, not the lines of this file.
    sys.tracebacklimit = 0
    raise ImproperlyConfigured(problem)

application = get_wsgi_application()
