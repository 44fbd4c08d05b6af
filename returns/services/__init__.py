"""Writes on returns. `helpdesk.services.imports` runs `returns_import` for uploaded reports; mail
reading hands return-authorisation notices to `return_notice_take`."""

from .decisions import DecisionRefused, return_amazon_moves, return_decide, return_refund
from .from_message import return_open_from_message
from .grading import image_type, return_mark_received, unit_grade, unit_photo_add
from .importing import returns_import
from .lifecycle import return_receive, return_settle_if_done, return_transition
from .notices import NoticeUnreadable, return_notice_take
from .settings import (
    restocking_rule_delete,
    restocking_rule_save,
    return_settings_update,
    sku_recovery_delete,
    sku_recovery_save,
    window_override_add,
    window_override_delete,
)

__all__ = [
    "DecisionRefused",
    "NoticeUnreadable",
    "image_type",
    "restocking_rule_delete",
    "restocking_rule_save",
    "return_amazon_moves",
    "return_decide",
    "return_mark_received",
    "return_notice_take",
    "return_open_from_message",
    "return_receive",
    "return_refund",
    "return_settle_if_done",
    "return_settings_update",
    "return_transition",
    "returns_import",
    "sku_recovery_delete",
    "sku_recovery_save",
    "unit_grade",
    "unit_photo_add",
    "window_override_add",
    "window_override_delete",
]
