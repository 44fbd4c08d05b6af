"""What the apps above messaging offer the agent on a conversation (returns: "open a return from this
message"). Messaging names no app: each registers a provider, a dotted path, from its `AppConfig.ready()`;
the conversation's case panel calls each one, `provider(request, case, conversation) -> (template,
context) | None`, and includes what it gives under the thread."""

from django.http import HttpRequest
from django.utils.module_loading import import_string

from helpdesk.models import Case

from .models import Conversation

_providers: list[str] = []


def offer_register(provider: str) -> None:
    if provider not in _providers:
        _providers.append(provider)


def offers_for(request: HttpRequest, case: Case, conversation: Conversation | None) -> list[tuple[str, dict]]:
    if conversation is None:
        return []
    found = (import_string(provider)(request, case, conversation) for provider in _providers)
    return [offer for offer in found if offer is not None]
