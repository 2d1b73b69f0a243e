"""Partner suggestions from the registry: the inputs loaded once per registry state
(`inputs.py`), ranked by `clusterhub.analytics.partners`, explained in the user's language
(`reasons.py`), with the dismissals of managers applied (`service.py`)."""
