from django.http import HttpRequest

from helpdesk.models import Case

from .outbound.views import composer_context
from .selectors import conversation_for_case


def case_panel(request: HttpRequest, case: Case) -> tuple[str, dict]:
    """What this app shows on the case page: the conversation, then the composer."""
    return "messaging/case_panel.html", {"conversation": conversation_for_case(case), **composer_context(request, case)}
