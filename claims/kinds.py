"""The kinds of case and the clocks this app owns (registered in `apps.py`)."""

ATOZ = "atoz"  # an A-to-z Guarantee claim
CHARGEBACK = "chargeback"  # a chargeback notice
ATOZ_RESPONSE = "atoz_response"  # respond to the claim within 72 hours
CHARGEBACK_RESPONSE = "chargeback_response"  # respond to the chargeback within 7 days
ATOZ_INFORMATION = "atoz_information"  # Amazon asked for more about a claim: by the date it states
CHARGEBACK_INFORMATION = "chargeback_information"  # the card issuer asked for more: by the date Amazon states
DECISION_APPEAL = "claim_appeal"  # a decision charged to the seller may be appealed (a debit disputed) for 30 days
NO_SHOW_FOLLOW_UP = "claim_follow_up"  # "not received" though delivered: ask the buyer to look, then act

# The clocks an answer to Amazon meets: the first response, and every request for more.
RESPONSE_CLOCKS = (ATOZ_RESPONSE, CHARGEBACK_RESPONSE, ATOZ_INFORMATION, CHARGEBACK_INFORMATION)
FIRST_CLOCK = {ATOZ: ATOZ_RESPONSE, CHARGEBACK: CHARGEBACK_RESPONSE}
INFORMATION_CLOCK = {ATOZ: ATOZ_INFORMATION, CHARGEBACK: CHARGEBACK_INFORMATION}
