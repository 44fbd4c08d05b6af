"""Who returned a parcel and what they wrote are buyer personal data: they go with the retention purge
(helpdesk.services.retention) once the return is older than the account's retention period, and a report
imported again does not bring them back. The return, its items and its grades stay."""

from datetime import timedelta

from helpdesk.services.retention import personal_data_purge
from returns.models import Return

from .conftest import run_import

HEADER = "return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition"
HEADER += "\treason\tstatus\tlicense-plate-number\tcustomer-comments"


def _fba_report(day: str) -> bytes:
    row = f"{day}T15:31:40+00:00\t114-2962899-5762619\tBTL-750\tB00TZ73MUY\tB00TZ73MUY\tWater bottle\t1\tLEX1"
    row += "\tCUSTOMER_DAMAGED\tNOT_COMPATIBLE\tIMMEDIATE_DONATION\tLPNNC5N165ZVR\tMy husband John Miller broke it"
    return f"{HEADER}\n{row}\n".encode()


def _buyer(ret: Return) -> tuple:
    ret.refresh_from_db()
    return (ret.buyer_name, ret.email_key, ret.name_key, ret.address_key, ret.sender_address, ret.customer_comments)


def test_who_returned_it_and_their_words_go_past_the_retention_period(account, july):
    run_import(account, _fba_report("2025-06-05"))
    ret = Return.objects.get(account=account)
    Return.objects.filter(pk=ret.pk).update(
        buyer_name="John Miller",
        email_key="email:k3v9xq2mn1bz7yw@marketplace.amazon.com",
        name_key="name:john miller|97201|US",
        address_key="address:12 elm st|97201|US",
        sender_address="12 Elm Street, Portland",
        sender_postal_code="97201",
    )
    assert personal_data_purge(account=account, now=july - timedelta(days=10))["returns.returns"] == 0
    assert _buyer(ret)[0] == "John Miller", "inside the retention period nothing changes"
    assert personal_data_purge(account=account, now=july)["returns.returns"] == 1
    assert _buyer(ret) == ("", "", "", "", "", "")
    assert ret.buyer_purged_at == july and ret.license_plate == "LPNNC5N165ZVR" and ret.items.exists()
    run_import(account, _fba_report("2025-06-05"))
    assert _buyer(ret)[-1] == "", "a report imported again does not bring the buyer's words back"
    assert personal_data_purge(account=account, now=july)["returns.returns"] == 0
