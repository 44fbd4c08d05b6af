from django.http import HttpRequest

from helpdesk.models import Case

from .offers import offers_for
from .outbound.views import composer_context
from .selectors import conversation_for_case


def case_panel(request: HttpRequest, case: Case) -> tuple[str, dict]:
    """What this app shows on the case page: the conversation, what other apps offer on it, then the composer."""
    conversation = conversation_for_case(case)
    return "messaging/case_panel.html", {
        "conversation": conversation,
        "offers": offers_for(request, case, conversation),
        **composer_context(request, case, conversation),
    }
