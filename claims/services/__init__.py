"""Writes on claims and chargebacks. Mail reading hands notices to `notice_take`."""

from .claims import (
    ClaimFacts,
    claim_accept,
    claim_appeal,
    claim_decide,
    claim_follow_up_done,
    claim_follow_up_start,
    claim_information_requested,
    claim_open,
    claim_respond,
    claim_statement_save,
    claim_tracking_record,
)
from .intake import NoticeUnreadable, notice_take

__all__ = [
    "ClaimFacts",
    "NoticeUnreadable",
    "claim_accept",
    "claim_appeal",
    "claim_decide",
    "claim_follow_up_done",
    "claim_follow_up_start",
    "claim_information_requested",
    "claim_open",
    "claim_respond",
    "claim_statement_save",
    "claim_tracking_record",
    "notice_take",
]
