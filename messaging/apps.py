from datetime import timedelta

from celery.schedules import schedule
from django.apps import AppConfig

from helpdesk.registry import Clock, Contribution, Kind, NavLink, SettingsPage, registry

from .kinds import MESSAGE, MESSAGE_RESPONSE


class MessagingConfig(AppConfig):
    name = "messaging"

    def ready(self) -> None:
        registry.register(
            Contribution(
                label="messaging",
                kinds=(
                    Kind(
                        MESSAGE,
                        "Buyer message",
                        panel="messaging.panels.case_panel",
                        clocks=(
                            Clock(
                                MESSAGE_RESPONSE,
                                "Buyer message response",
                                timedelta(hours=24),
                                timedelta(hours=6),
                                response_metric=True,
                            ),
                        ),
                    ),
                ),
                urls=(("messages/", "messaging.urls"),),
                nav=(NavLink("Incoming mail", "messaging:inbox", position=20, menu="Mail"),),
                settings=(
                    SettingsPage(
                        "Mailboxes",
                        "messaging:mailboxes",
                        position=50,
                        description="The IMAP mailboxes buyer mail is read from, every minute",
                        per_account=False,
                    ),
                ),
                periodic=(
                    (
                        "poll-mailboxes",
                        {
                            "task": "messaging.tasks.poll_mailboxes",
                            "schedule": schedule(timedelta(seconds=60)),
                            "options": {"expires": 300},
                        },
                    ),
                    (
                        "hand-over-notices",
                        {
                            "task": "messaging.tasks.hand_over_notices",
                            "schedule": schedule(timedelta(seconds=60)),
                            "options": {"expires": 300},
                        },
                    ),
                ),
                search="messaging.search.documents",
                purge="messaging.services.retention.mail_purge",
                demo="messaging.demo.seed",
            )
        )
