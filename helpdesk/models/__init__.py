from .accounts import Invitation, Membership, Preference, Role, SellerAccount
from .activity import Activity
from .amazon import ORDER_SYNC_FAILURES, AmazonConnection, OrderSyncState
from .cases import FINAL_STATUSES, Case, CaseStatus, Priority
from .deadlines import Calendar, Deadline, DeadlineState, Policy
from .imports import ImportJob
from .notifications import Notification
from .orders import FulfillmentChannel, Order, OrderDay, OrderItem

__all__ = [
    "Activity",
    "AmazonConnection",
    "Calendar",
    "Case",
    "CaseStatus",
    "Deadline",
    "DeadlineState",
    "FINAL_STATUSES",
    "FulfillmentChannel",
    "ImportJob",
    "Invitation",
    "Membership",
    "Notification",
    "ORDER_SYNC_FAILURES",
    "Order",
    "OrderDay",
    "OrderItem",
    "OrderSyncState",
    "Policy",
    "Preference",
    "Priority",
    "Role",
    "SellerAccount",
]
