"""The kinds of case and the clocks this app owns (registered in `apps.py`)."""

ATOZ = "atoz"  # an A-to-z Guarantee claim
CHARGEBACK = "chargeback"  # a chargeback notice
ATOZ_RESPONSE = "atoz_response"  # respond to the claim within 72 hours
CHARGEBACK_RESPONSE = "chargeback_response"  # respond to the chargeback within 7 days
