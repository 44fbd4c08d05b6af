from datetime import timedelta

from celery.schedules import crontab
from django.apps import AppConfig

from helpdesk.registry import Clock, Contribution, Kind, registry

from .kinds import (
    ATOZ,
    ATOZ_INFORMATION,
    ATOZ_RESPONSE,
    CHARGEBACK,
    CHARGEBACK_INFORMATION,
    CHARGEBACK_RESPONSE,
    DECISION_APPEAL,
    NO_SHOW_FOLLOW_UP,
)


class ClaimsConfig(AppConfig):
    name = "claims"

    def ready(self) -> None:
        registry.register(
            Contribution(
                label="claims",
                kinds=(
                    Kind(
                        ATOZ,
                        "A-to-z claim",
                        panel="claims.panels.case_panel",
                        clocks=(
                            Clock(ATOZ_RESPONSE, "A-to-z claim response", timedelta(hours=72), timedelta(hours=24)),
                            Clock(
                                ATOZ_INFORMATION,
                                "A-to-z information request",
                                timedelta(hours=72),
                                timedelta(hours=24),
                            ),
                            Clock(
                                DECISION_APPEAL,
                                "Appeal window of a decision charged to you",
                                timedelta(days=30),
                                timedelta(days=7),
                                met="appealed",
                            ),
                            Clock(
                                NO_SHOW_FOLLOW_UP,
                                "No-show package follow-up",
                                timedelta(days=2),
                                timedelta(hours=12),
                                met="followed up",
                            ),
                        ),
                    ),
                    Kind(
                        CHARGEBACK,
                        "Chargeback",
                        panel="claims.panels.case_panel",
                        clocks=(
                            Clock(CHARGEBACK_RESPONSE, "Chargeback response", timedelta(days=7), timedelta(days=2)),
                            Clock(
                                CHARGEBACK_INFORMATION,
                                "Chargeback information request",
                                timedelta(days=7),
                                timedelta(days=2),
                            ),
                        ),
                    ),
                ),
                urls=(("claims/", "claims.urls"),),
                # messaging.models.MailKind's A-to-z and chargeback notices, by value: registering imports no models
                notices=(("atoz_claim", "claims.services.notice_take"), ("chargeback", "claims.services.notice_take")),
                periodic=(
                    (
                        "sync-finances",
                        {
                            "task": "claims.tasks.sync_finances",
                            # hourly: a claim or chargeback whose notice mail never came, and every debit
                            "schedule": crontab(minute=50),
                            "options": {"expires": 3600},
                        },
                    ),
                ),
                dashboard=("claims/dashboard.html",),
                risk="claims.risk.signals",
                search="claims.search.documents",
                defects="claims.defects.defects",
                purge="claims.services.retention.claims_purge",
                demo="claims.demo.seed",
            )
        )
