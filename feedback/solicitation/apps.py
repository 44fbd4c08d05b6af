from django.apps import AppConfig


class SolicitationConfig(AppConfig):
    """Request a Review: which delivered orders to ask, and the asking through Amazon's Solicitations API."""

    name = "feedback.solicitation"
    label = "solicitation"
