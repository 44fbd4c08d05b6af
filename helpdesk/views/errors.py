"""The product's own error pages, inside the layout: what happened and where to go next.

Django calls these instead of its plain pages (`handler403`, `handler404`, `handler500` in the
URL conf) whenever DEBUG is off, the embedded run's default; DEBUG=1 brings Django's debug pages back."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    # Our own refusals say why ("This page is for managers."); Django's bare ones say nothing useful.
    reason = str(exception) if isinstance(exception, PermissionDenied) and exception.args else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", {"path": request.path}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request's context: whatever failed (the database, a context processor)
    must not fail this page too."""
    return HttpResponseServerError(loader.get_template("500.html").render({}))
