"""The seeded demo data set: one list of steps (`steps.STEPS`), one per app.

The demo sits above every other app (it fills each of them with examples), so no app needs
to know that a demo exists.
"""
