from datetime import timedelta

from django.apps import AppConfig

from helpdesk.registry import Clock, Contribution, Kind, registry

from .kinds import ATOZ, ATOZ_RESPONSE, CHARGEBACK, CHARGEBACK_RESPONSE


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
                        ),
                    ),
                    Kind(
                        CHARGEBACK,
                        "Chargeback",
                        panel="claims.panels.case_panel",
                        clocks=(
                            Clock(CHARGEBACK_RESPONSE, "Chargeback response", timedelta(days=7), timedelta(days=2)),
                        ),
                    ),
                ),
                demo="claims.demo.seed",
            )
        )
