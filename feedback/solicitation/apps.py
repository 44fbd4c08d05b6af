from celery.schedules import crontab
from django.apps import AppConfig

from helpdesk.registry import Contribution, NavLink, registry


class SolicitationConfig(AppConfig):
    """Request a Review: which delivered orders to ask, and the asking through Amazon's Solicitations API."""

    name = "feedback.solicitation"
    label = "solicitation"

    def ready(self) -> None:
        registry.register(
            Contribution(
                label="solicitation",
                urls=(("feedback/solicitation/", "feedback.solicitation.urls"),),
                nav=(NavLink("Review requests", "solicitation:index", role="manager", position=40),),
                periodic=(
                    (
                        "solicit-daily",
                        {
                            "task": "feedback.solicitation.tasks.solicit_daily",
                            "schedule": crontab(hour=9, minute=0),  # UTC; each account picks its own local "today"
                            "options": {"expires": 6 * 3600},
                        },
                    ),
                ),
            )
        )
