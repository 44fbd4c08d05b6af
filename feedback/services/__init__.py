"""Writes on seller feedback. `helpdesk.services.imports` runs `feedback_import` for uploaded reports."""

from .feedback import feedback_create, feedback_response_save, feedback_transition
from .importing import feedback_import
from .outreach import (
    OutreachRefused,
    feedback_outreach_check,
    feedback_outreach_send,
    feedback_resolution_record,
    outreach_contact_transition,
    outreach_settings_get,
    outreach_settings_update,
)
from .removal import removal_request_create, removal_request_transition

__all__ = [
    "OutreachRefused",
    "feedback_create",
    "feedback_import",
    "feedback_outreach_check",
    "feedback_outreach_send",
    "feedback_resolution_record",
    "feedback_response_save",
    "feedback_transition",
    "outreach_contact_transition",
    "outreach_settings_get",
    "outreach_settings_update",
    "removal_request_create",
    "removal_request_transition",
]
