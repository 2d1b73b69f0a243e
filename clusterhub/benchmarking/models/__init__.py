"""The benchmarking app's models; each area of the app keeps its models in its own module."""

from clusterhub.benchmarking.models.surveys import Invitation, Questionnaire, Response, Survey

__all__ = ["Invitation", "Questionnaire", "Response", "Survey"]
