from datetime import timedelta

from django.apps import AppConfig
from django.db.models.signals import post_save

from helpdesk.registry import Clock, Contribution, Kind, NavLink, registry

from .kinds import CANCEL_ANSWER, CANCEL_TELL, DELAY_TELL, ORDER_PROBLEM, SHIP_BY


class ProblemsConfig(AppConfig):
    name = "problems"
    verbose_name = "Order problems"

    def ready(self) -> None:
        from helpdesk.models import AmazonConnection, ImportJob

        from .hooks import after_import, after_sync

        post_save.connect(after_import, sender=ImportJob, dispatch_uid="problems.after_import")
        post_save.connect(after_sync, sender=AmazonConnection, dispatch_uid="problems.after_sync")
        registry.register(
            Contribution(
                label="problems",
                kinds=(
                    Kind(
                        ORDER_PROBLEM,
                        "Order problem",
                        panel="problems.panels.case_panel",
                        clocks=(
                            # Taken up this long before the latest ship date; due at that date.
                            Clock(
                                SHIP_BY,
                                "Ship by the latest ship date",
                                timedelta(hours=24),
                                timedelta(hours=6),
                                met="shipped",
                            ),
                            # Due 48 hours after the order is late, or sooner at its latest delivery date.
                            Clock(
                                DELAY_TELL,
                                "Tell the buyer of a delay",
                                timedelta(hours=48),
                                timedelta(hours=12),
                                met="told",
                            ),
                            Clock(
                                CANCEL_TELL,
                                "Cancel and tell the buyer",
                                timedelta(hours=48),
                                timedelta(hours=12),
                                met="told",
                            ),
                            # Due 24 hours after the request, or sooner at the latest ship date.
                            Clock(
                                CANCEL_ANSWER, "Answer a cancellation request", timedelta(hours=24), timedelta(hours=6)
                            ),
                        ),
                    ),
                ),
                urls=(("problems/", "problems.urls"),),
                nav=(NavLink("Order problems", "problems:page", position=30),),
                periodic=(
                    (
                        "detect-order-problems",
                        {
                            "task": "problems.tasks.detect_all",
                            "schedule": timedelta(minutes=10),
                            "options": {"expires": 600},
                        },
                    ),
                ),
                demo="problems.demo.seed",
            )
        )
