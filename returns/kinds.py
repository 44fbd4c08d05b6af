"""The kind of case and the clock this app owns (registered in `apps.py`)."""

RETURN = "return"  # a buyer's return request
RETURN_RESPONSE = "return_response"  # answer a return request within 48 hours
