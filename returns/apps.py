from datetime import timedelta

from django.apps import AppConfig

from helpdesk.registry import Clock, Contribution, Kind, registry

from .kinds import RETURN, RETURN_RESPONSE


class ReturnsConfig(AppConfig):
    name = "returns"

    def ready(self) -> None:
        registry.register(
            Contribution(
                label="returns",
                kinds=(
                    Kind(
                        RETURN,
                        "Return request",
                        panel="returns.panels.case_panel",
                        clocks=(
                            Clock(RETURN_RESPONSE, "Return request response", timedelta(hours=48), timedelta(hours=12)),
                        ),
                    ),
                ),
                demo="returns.demo.seed",
            )
        )
