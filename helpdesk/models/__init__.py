from .accounts import Invitation, Membership, Role, SellerAccount
from .activity import Activity
from .amazon import ORDER_SYNC_FAILURES, AmazonConnection, OrderSyncState
from .cases import FINAL_STATUSES, Case, CaseStatus, Priority
from .deadlines import Calendar, Deadline, DeadlineState, Policy
from .imports import ImportJob
from .metrics import AccountHealthReport, ClockDay, DefectKind, DefectState, OrderDefect, UserPreference
from .notifications import Notification
from .orders import FulfillmentChannel, Order, OrderDay, OrderItem

__all__ = [
    "AccountHealthReport",
    "Activity",
    "AmazonConnection",
    "Calendar",
    "Case",
    "ClockDay",
    "CaseStatus",
    "Deadline",
    "DeadlineState",
    "DefectKind",
    "DefectState",
    "FINAL_STATUSES",
    "FulfillmentChannel",
    "ImportJob",
    "Invitation",
    "Membership",
    "Notification",
    "ORDER_SYNC_FAILURES",
    "Order",
    "OrderDay",
    "OrderDefect",
    "OrderItem",
    "OrderSyncState",
    "Policy",
    "Priority",
    "Role",
    "SellerAccount",
    "UserPreference",
]
