from datetime import timedelta

from django.apps import AppConfig

from helpdesk.registry import Clock, Contribution, Importer, Kind, NavLink, SettingsPage, registry

from .kinds import RETURN, RETURN_RESPONSE, RETURNS_REPORT


class ReturnsConfig(AppConfig):
    name = "returns"

    def ready(self) -> None:
        from messaging.models import MailKind  # models are loaded only once the apps are ready
        from messaging.offers import offer_register

        # A buyer's message asking to send something back: open the return from it.
        offer_register("returns.offers.return_offer")

        registry.register(
            Contribution(
                label="returns",
                kinds=(
                    Kind(
                        RETURN,
                        "Return request",
                        panel="returns.panels.case_panel",
                        clocks=(
                            Clock(
                                RETURN_RESPONSE,
                                "Return request response",
                                timedelta(hours=48),
                                timedelta(hours=12),
                                met="decided",
                            ),
                        ),
                    ),
                ),
                urls=(("returns/", "returns.urls"),),
                nav=(NavLink("Returns", "returns:page", role="manager", position=35),),
                settings=(
                    SettingsPage(
                        "Return rules",
                        "returns:settings",
                        position=70,
                        description="The return window, recovery shares, fees and restocking limits",
                    ),
                ),
                importers=(
                    Importer(
                        kind=RETURNS_REPORT,
                        label="Returns report",
                        run="returns.services.returns_import",
                        page="returns:import",
                        done="returns:page",
                        done_label="See the returns figures",
                    ),
                ),
                notices=((MailKind.RETURN_REQUEST, "returns.services.return_notice_take"),),
                periodic=(
                    ("returns-figures", {"task": "returns.tasks.refresh_all_figures", "schedule": timedelta(hours=1)}),
                ),
                dashboard=("returns/dashboard.html",),
                risk="returns.risk.signals",
                search="returns.search.documents",
                purge="returns.services.retention.returns_purge",
                demo="returns.demo.seed",
            )
        )
