"""Buyer HTML shows no remote image until an agent asks for them (a tracking pixel would tell the
sender when the seller read the mail, and from where): the case page's HTML has no remote src and its
Content Security Policy allows none; the images load, on request, in a sandboxed frame of their own."""

from django.urls import reverse

from helpdesk.models import Case
from messaging.models import Message

from .conftest import fixture_bytes, ingest

PIXEL = "https://tracker.example/open.gif?u=42"


def _html_mail(account):
    raw = fixture_bytes("02_html_only.eml").replace(
        b"<b>large</b>", f'<b>large</b><img src="{PIXEL}" alt="logo" width="1"><img src="/inbox/1/raw">'.encode()
    )
    return ingest(account, "html.eml", raw=raw)


def test_the_case_page_has_no_remote_image_src_and_offers_to_load_them(client, agent, account):
    _html_mail(account)
    message = Message.objects.get()
    assert PIXEL in message.body_html, "stored as sanitised, images and all"
    client.force_login(agent)
    response = client.get(reverse("helpdesk:case", args=[Case.objects.get().id]))
    page = response.content.decode()
    shown = page.split('data-testid="message-html">')[1].split("</details>")[0]
    assert "<b>large</b>" in shown and 'alt="logo"' in shown
    assert "src=" not in shown
    assert "Load remote images" in page
    policy = response["Content-Security-Policy"]
    assert "img-src 'self' data:" in policy and "https:" not in policy


def test_the_formatted_message_loads_them_under_its_own_policy(client, agent, account):
    _html_mail(account)
    message = Message.objects.get()
    client.force_login(agent)
    response = client.get(reverse("messaging:message_formatted", args=[message.id]))
    assert response.status_code == 200 and f'src="{PIXEL.replace("&", "&amp;")}"' in response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "img-src https: data:" in policy and "default-src 'none'" in policy and "frame-ancestors 'self'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_another_accounts_message_is_404(client, outsider, account):
    _html_mail(account)
    client.force_login(outsider)
    assert client.get(reverse("messaging:message_formatted", args=[Message.objects.get().id])).status_code == 404


def test_every_page_carries_the_content_security_policy(client, agent):
    client.force_login(agent)
    policy = client.get(reverse("helpdesk:queue"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
    assert client.get(reverse("login"))["Content-Security-Policy"] == policy
