from django.apps import AppConfig


class OutboundConfig(AppConfig):
    """What agents send and write on a conversation: replies through the relay, notes, calls, canned responses."""

    name = "messaging.outbound"
    label = "outbound"
