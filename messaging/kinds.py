"""The kind of case and the clock this app owns (registered in `apps.py`)."""

MESSAGE = "message"  # a conversation with a buyer
MESSAGE_RESPONSE = "message_response"  # answer a buyer's message within 24 hours
