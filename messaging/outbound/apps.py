from datetime import timedelta

from celery.schedules import schedule
from django.apps import AppConfig

from helpdesk.registry import Contribution, NavLink, SettingsPage, registry


class OutboundConfig(AppConfig):
    """What agents send and write on a conversation: replies through the relay, notes, calls, canned responses."""

    name = "messaging.outbound"
    label = "outbound"

    def ready(self) -> None:
        from messaging.models import DELIVERY_FAILURE_KINDS

        registry.register(
            Contribution(
                label="outbound",
                urls=(("messages/outbound/", "messaging.outbound.urls"),),
                nav=(
                    NavLink("Flagged", "outbound:flagged", role="manager", position=20, menu="Mail"),
                    NavLink("Response times", "outbound:response_times", role="manager", position=62, menu="Reports"),
                ),
                settings=(
                    SettingsPage(
                        "Templates and sender",
                        "outbound:account",
                        role="manager",
                        position=30,
                        description="Canned responses, and the address replies come from",
                    ),
                ),
                # Amazon's word that a reply did not reach the buyer fails that reply.
                notices=tuple(
                    (kind, "messaging.outbound.delivery.outbound_mark_bounced")
                    for kind in sorted(DELIVERY_FAILURE_KINDS)
                ),
                periodic=(
                    (
                        "deliver-replies",
                        {
                            "task": "messaging.outbound.tasks.deliver_due_replies",
                            "schedule": schedule(timedelta(seconds=30)),
                            "options": {"expires": 30},
                        },
                    ),
                    (
                        "confirm-answered-replies",
                        {
                            "task": "messaging.outbound.tasks.confirm_answered_replies",
                            "schedule": schedule(timedelta(seconds=60)),
                            "options": {"expires": 60},
                        },
                    ),
                ),
                purge="messaging.outbound.retention.replies_purge",
                demo="messaging.outbound.demo.seed",
            )
        )
