from datetime import timedelta

from django.apps import AppConfig

from helpdesk.registry import Clock, Contribution, Importer, Kind, NavLink, SettingsPage, registry

from .kinds import FEEDBACK, FEEDBACK_REMOVAL, FEEDBACK_REPORT


class FeedbackConfig(AppConfig):
    name = "feedback"

    def ready(self) -> None:
        registry.register(
            Contribution(
                label="feedback",
                kinds=(
                    Kind(
                        FEEDBACK,
                        "Feedback",
                        panel="feedback.panels.case_panel",
                        clocks=(
                            Clock(
                                FEEDBACK_REMOVAL,
                                "Feedback removal window",
                                timedelta(days=60),
                                timedelta(days=15),
                                met="removed",
                            ),
                        ),
                    ),
                ),
                urls=(("feedback/", "feedback.urls"),),
                nav=(NavLink("Feedback", "feedback:page", role="manager", position=30, menu="Feedback"),),
                settings=(
                    SettingsPage(
                        "Feedback outreach",
                        "feedback:settings",
                        position=60,
                        description="How often and how far apart a buyer may be contacted about feedback",
                    ),
                ),
                importers=(
                    Importer(
                        kind=FEEDBACK_REPORT,
                        label="Seller feedback report",
                        run="feedback.services.feedback_import",
                        page="feedback:import",
                        done="feedback:page",
                        done_label="See the feedback and the open removal cases",
                    ),
                ),
                search="feedback.search.documents",
                defects="feedback.defects.defects",
                purge="feedback.services.retention.feedback_purge",
                demo="feedback.demo.seed",
            )
        )
