"""The WSGI application with Django serving the static files too (for bench/map_render.py).

A production site serves /static/ from the web server; here gunicorn has to.
"""

from django.contrib.staticfiles.handlers import StaticFilesHandler

from clusterhub.wsgi import application as django_application

application = StaticFilesHandler(django_application)
