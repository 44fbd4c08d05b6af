"""Who may reach each returns URL (see tests/helpdesk/permission_rows.py for the format)."""

import uuid
from datetime import timedelta

from django.utils import timezone

from helpdesk.services.lifecycle import case_open
from messaging.models import Direction, Message
from messaging.services import conversation_open_for_order
from returns.kinds import RETURN, RETURN_RESPONSE
from returns.models import (
    Channel,
    RestockingRule,
    Return,
    ReturnedUnit,
    ReturnItem,
    ReturnStatus,
    ReturnWindowOverride,
    SkuRecovery,
    UnitPhoto,
)
from tests.factories import OrderFactory

LOGIN = 302
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32

ROWS = {
    "returns:page": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "returns:export": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "returns:sku": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "returns:import": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "returns:from_message": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "returns:decide": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "returns:draft": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)),
    "returns:receive": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "returns:refund": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "returns:grade": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "returns:photo": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)),
    "returns:settings": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=404)),
    "returns:override_add": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "returns:restocking_save": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "returns:sku_recovery_save": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "returns:override_delete": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "returns:restocking_delete": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "returns:sku_recovery_delete": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    """(URL args by name, POST or GET data by name) for the rows above, on `account`."""
    order = OrderFactory(account=account, amazon_order_id="111-7100000-7100000")
    now = timezone.now()
    case = case_open(account=account, kind=RETURN, order=order, clock=RETURN_RESPONSE, opened_at=now)
    ret = Return.objects.create(
        account=account,
        case=case,
        channel=Channel.MFN,
        amazon_order_id=order.amazon_order_id,
        key="PermRowsRRMA",
        rma_id="PermRowsRRMA",
        status=ReturnStatus.REQUESTED,
        requested_at=now - timedelta(hours=1),
    )
    item = ReturnItem.objects.create(ret=ret, account=account, sku="PERM-1", quantity=1)
    unit = ReturnedUnit.objects.create(ret=ret, item=item, account=account, sku="PERM-1", number=1, received_on=now)
    photo = UnitPhoto.objects.create(unit=unit, filename="p.png", content_type="image/png", size=len(PNG), data=PNG)
    override = ReturnWindowOverride.objects.create(
        account=account,
        label="Holidays",
        delivered_from=now.date(),
        delivered_to=now.date(),
        returnable_until=now.date() + timedelta(days=40),
    )
    rule = RestockingRule.objects.create(account=account, category="Electronics", max_percent=15)
    sku_row = SkuRecovery.objects.create(account=account, sku="PERM-1", oversize=True)
    asked = OrderFactory(account=account, amazon_order_id="111-7100000-7100001")
    conversation = conversation_open_for_order(
        account=account,
        amazon_order_id=asked.amazon_order_id,
        buyer_email=asked.buyer_email,
        subject="Return",
        actor=None,
    )
    message = Message.objects.create(
        conversation=conversation, direction=Direction.IN, body_text="I want to return it.", sent_at=now
    )
    args = {
        "returns:from_message": [message.id],
        "returns:decide": [ret.id],
        "returns:draft": [ret.id],
        "returns:receive": [ret.id],
        "returns:refund": [ret.id],
        "returns:grade": [unit.id],
        "returns:photo": [photo.id],
        "returns:settings": [account.id],
        "returns:override_add": [account.id],
        "returns:restocking_save": [account.id],
        "returns:sku_recovery_save": [account.id],
        "returns:override_delete": [override.id],
        "returns:restocking_delete": [rule.id],
        "returns:sku_recovery_delete": [sku_row.id],
    }
    posts = {
        "returns:page": {"account": account.id},
        "returns:export": {"account": account.id},
        "returns:sku": {"account": account.id, "sku": "PERM-1"},
        "returns:decide": {
            "kind": "close",
            "close_reason": "outside_window",
            "text": "We closed the request.",
            "key": uuid.uuid4().hex,
            "seen_message_id": 0,
        },
        "returns:draft": {"kind": "authorise", "label": "buyer_pays"},
        "returns:receive": {"received_on": now.date().isoformat()},
        "returns:refund": {"amount": "10.00"},
        "returns:grade": {"grade": "used"},
        "returns:override_add": {
            "override-label": "Winter",
            "override-delivered_from": "2025-11-01",
            "override-delivered_to": "2025-12-31",
            "override-returnable_until": "2026-01-31",
        },
        "returns:restocking_save": {"restocking-category": "Toys", "restocking-max_percent": "20"},
        "returns:sku_recovery_save": {"sku-sku": "PERM-2", "sku-share_used": "40"},
    }
    return args, posts
