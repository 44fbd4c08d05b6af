from celery.schedules import crontab
from django.apps import AppConfig

from helpdesk.registry import Contribution, NavLink, SettingsPage, registry


class SolicitationConfig(AppConfig):
    """Request a Review: which delivered orders to ask, and the asking through Amazon's Solicitations API."""

    name = "feedback.solicitation"
    label = "solicitation"

    def ready(self) -> None:
        registry.register(
            Contribution(
                label="solicitation",
                urls=(("feedback/solicitation/", "feedback.solicitation.urls"),),
                nav=(NavLink("Review requests", "solicitation:index", role="manager", position=40, menu="Feedback"),),
                settings=(
                    SettingsPage(
                        "Review requests",
                        "solicitation:settings",
                        position=65,
                        description="When review requests go out, and the orders and products left out",
                    ),
                ),
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
