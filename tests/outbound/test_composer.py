"""The composer on a buyer-message case: reply, stale replies, presence, compliance, notes, calls and marks."""

import re
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Activity, DeadlineState
from helpdesk.services.lifecycle import case_clocks_meet
from messaging.compliance.models import ComplianceApproval
from messaging.kinds import MESSAGE_RESPONSE
from messaging.models import Direction
from messaging.outbound.forms import ReplyForm
from messaging.outbound.models import ConversationMark, Reply
from messaging.outbound.selectors import latest_inbound_id, response_times
from messaging.outbound.services import entry_add, reply_queue
from messaging.selectors import conversation_for_case
from tests.factories import CaseFactory

from .helpers import buyer_mail, receive

HTMX = {"HTTP_HX_REQUEST": "true"}
GOOD = "Hello Cathy, your parcel is with UPS and arrives tomorrow. Order 114-7863528-5212210. Alice"
LINK = "Hello Cathy, track it yourself at www.fast-track.example please. Order 114-7863528-5212210."


def case_url(conversation):
    return reverse("helpdesk:case", args=[conversation.case.id])


def post_reply(client, conversation, text, *, seen=None, key=None, htmx=False, **extra):
    data = {
        "text": text,
        "key": key or uuid.uuid4().hex,
        "seen": latest_inbound_id(conversation) if seen is None else seen,
        **extra,
    }
    return client.post(reverse("outbound:reply", args=[conversation.case.id]), data, **(HTMX if htmx else {}))


def clock(conversation):
    return conversation.case.deadlines.get(kind="message_response")


def test_the_case_page_shows_the_composer_with_the_running_clock(client, agent, conversation):
    client.force_login(agent)
    page = client.get(case_url(conversation)).content.decode()
    assert 'data-testid="composer"' in page
    assert 'id="reply-text"' in page
    assert "due in 23h 49m" in page or "due in 23h 50m" in page
    assert f'name="seen" value="{latest_inbound_id(conversation)}"' in page
    # the live check knows the reply answers the buyer: news of their order confirms nothing
    assert '"answering": "1"' in page


def test_the_newest_buyer_message_read_with_the_thread_takes_no_query(agent, conversation, django_assert_num_queries):
    """The case page counts what the agent has seen among the messages it shows: the same newest buyer
    message as the database's, a later note and reply not counted."""
    entry_add(case=conversation.case, direction=Direction.NOTE, body="Called the carrier.", author=agent)
    seen = latest_inbound_id(conversation)
    reply_queue(case=conversation.case, author=agent, body=GOOD, key=uuid.uuid4().hex, seen_message_id=seen)
    shown = conversation_for_case(conversation.case)
    newest = conversation.messages.filter(direction=Direction.IN).latest("id").id
    with django_assert_num_queries(0):
        assert latest_inbound_id(shown) == newest


def response_clock(client, conversation) -> str:
    page = client.get(case_url(conversation)).content.decode()
    return re.search(r'data-testid="response-clock">(.*?)</p>', page, re.S)[1]


def test_the_response_clock_says_whether_a_reply_or_a_mark_stopped_it(client, agent, conversation, account):
    client.force_login(agent)
    now = timezone.now()
    case_clocks_meet(case=conversation.case, kinds=[MESSAGE_RESPONSE], started_by=now, at=now, actor=agent)
    assert "answered in" in response_clock(client, conversation)

    later = receive(account, buyer_mail(text="Thanks, all good!", when=timezone.now().replace(microsecond=0)))
    assert later.message.conversation == conversation
    client.post(reverse("outbound:mark", args=[conversation.case.id]), {"kind": "no_response", "reason": "Thanks"})
    assert "closed without a reply in" in response_clock(client, conversation)


def test_an_agent_replies_and_the_reply_is_queued_in_the_thread(client, agent, conversation):
    client.force_login(agent)
    response = post_reply(client, conversation, GOOD)
    assert response.status_code == 302
    reply = Reply.objects.get()
    assert reply.status == "queued"
    assert reply.to_address == conversation.buyer_email
    assert reply.message.direction == Direction.OUT
    assert (reply.message.author, reply.message.body_text) == (agent, GOOD)
    page = client.get(case_url(conversation)).content.decode()
    assert GOOD in page
    assert "queued" in page
    assert Activity.objects.filter(case=conversation.case, verb="reply.queued", actor=agent).exists()


def test_with_htmx_a_sent_reply_refreshes_the_page(client, agent, conversation):
    client.force_login(agent)
    response = post_reply(client, conversation, GOOD, htmx=True)
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    assert Reply.objects.count() == 1


def test_a_reply_written_before_a_newer_buyer_message_is_held_back(client, agent, conversation, account):
    client.force_login(agent)
    seen = latest_inbound_id(conversation)
    receive(account, buyer_mail(text="Actually, please cancel it instead.", when=timezone.now().replace(microsecond=0)))

    response = post_reply(client, conversation, GOOD, seen=seen, htmx=True)

    assert Reply.objects.count() == 0
    html = response.content.decode()
    assert 'data-testid="refusal"' in html
    assert "Read the thread again" in html
    assert "Actually, please cancel it instead." in html
    assert GOOD in html  # the draft is kept
    newest = latest_inbound_id(conversation)
    assert newest != seen
    assert f'name="seen" value="{newest}"' in html  # shown now, so counted as seen
    key = re.search(r'name="key" value="([0-9a-f]{32})"', html).group(1)

    post_reply(client, conversation, GOOD, seen=newest, key=key, htmx=True)
    assert Reply.objects.count() == 1


def test_a_stale_plain_post_keeps_the_draft_for_the_case_page(client, agent, conversation, account):
    client.force_login(agent)
    seen = latest_inbound_id(conversation)
    receive(account, buyer_mail(text="Any news?", when=timezone.now().replace(microsecond=0)))

    response = post_reply(client, conversation, GOOD, seen=seen)

    assert response.status_code == 302
    assert Reply.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "Read the thread again" in page
    assert "New from the buyer: Any news?" in page
    assert f">{GOOD}</textarea>" in page


def test_presence_shows_who_else_has_the_conversation_open_and_who_is_typing(client, agent, agent2, conversation):
    url = reverse("outbound:presence", args=[conversation.case.id])
    client.force_login(agent2)
    assert client.post(url, HTMX).content.decode().strip() == ""  # nobody else yet

    client.force_login(agent)
    html = client.post(url, HTMX).content.decode()
    assert "Bob" in html and "has this conversation open" in html

    client.force_login(agent2)
    html = client.post(url, HTMX).content.decode()
    assert "Alice" in html and "has this conversation open" in html

    client.force_login(agent)
    client.post(url, {"typing": "1"}, **HTMX)
    client.force_login(agent2)
    html = client.post(url, HTMX).content.decode()
    assert "Alice" in html and "is typing a reply" in html


def test_presence_is_per_conversation(client, agent, agent2, conversation, account):
    other = receive(
        account,
        buyer_mail(
            text="Hello?", when=timezone.now(), order_id="114-0000001-0000001", relay="x@marketplace.amazon.com"
        ),
    )
    other_case = other.message.conversation.case
    client.force_login(agent)
    client.post(reverse("outbound:presence", args=[other_case.id]), HTMX)
    client.force_login(agent2)
    assert "Alice" not in client.post(reverse("outbound:presence", args=[conversation.case.id]), HTMX).content.decode()


def test_a_blocked_reply_posted_directly_is_refused_by_the_server(client, agent, conversation):
    client.force_login(agent)
    response = post_reply(client, conversation, LINK)
    assert response.status_code == 302
    assert Reply.objects.count() == 0
    page_messages = [str(m) for m in response.wsgi_request._messages]
    assert any("forbid this reply (Links and web addresses)" in m for m in page_messages), page_messages

    html = post_reply(client, conversation, LINK, htmx=True).content.decode()
    assert Reply.objects.count() == 0
    assert 'data-testid="blocking-finding"' in html
    assert "fast-track.example" in html


def test_an_agent_cannot_approve_a_blocked_reply(client, agent, conversation):
    client.force_login(agent)
    response = post_reply(client, conversation, LINK, approval_reason="the buyer asked for it")
    assert response.status_code == 403
    assert Reply.objects.count() == 0
    assert ComplianceApproval.objects.count() == 0


def test_a_manager_approves_that_one_reply_with_a_reason(client, manager, conversation):
    client.force_login(manager)
    key = uuid.uuid4().hex
    response = post_reply(
        client, conversation, LINK, key=key, approval_reason="Carrier's own tracking page, agreed with Amazon"
    )
    assert response.status_code == 302

    reply = Reply.objects.get()
    assert reply.key == key and reply.message.body_text == LINK
    approval = ComplianceApproval.objects.get()
    assert (approval.reply_key, approval.approved_by, approval.text) == (key, manager, LINK)
    assert approval.reason == "Carrier's own tracking page, agreed with Amazon"
    assert Activity.objects.filter(verb="compliance.approved", actor=manager).exists()
    assert "approved by Mona" in Activity.objects.get(verb="reply.queued").summary
    # The approval was for that reply: the same text again is refused.
    assert post_reply(client, conversation, LINK).status_code == 302
    assert Reply.objects.count() == 1


def test_notes_and_calls_join_the_thread_and_meet_no_clock(client, agent, conversation):
    client.force_login(agent)
    url = reverse("outbound:entry", args=[conversation.case.id])
    client.post(url, {"direction": "note", "body": "Buyer sounds upset; checked UPS, parcel in depot."})
    client.post(url, {"direction": "call", "body": "Called the buyer: she will collect it at the depot tomorrow."})

    entries = list(
        conversation.messages.exclude(direction=Direction.IN).values_list("direction", "author", "body_text")
    )
    assert entries == [
        ("note", agent.id, "Buyer sounds upset; checked UPS, parcel in depot."),
        ("call", agent.id, "Called the buyer: she will collect it at the depot tomorrow."),
    ]
    assert clock(conversation).state == DeadlineState.OPEN
    page = client.get(case_url(conversation)).content.decode()
    assert "parcel in depot" in page and "collect it at the depot" in page
    assert Reply.objects.count() == 0


def test_no_response_needed_meets_the_clock_and_records_who_and_why(client, agent, conversation, account):
    client.force_login(agent)
    client.post(
        reverse("outbound:mark", args=[conversation.case.id]),
        {"kind": "no_response", "reason": "Buyer only said thanks."},
    )

    deadline = clock(conversation)
    assert deadline.state == DeadlineState.MET
    mark = ConversationMark.objects.get()
    assert (mark.kind, mark.created_by, mark.reason) == ("no_response", agent, "Buyer only said thanks.")
    assert list(mark.met_deadlines.all()) == [deadline]
    activity = Activity.objects.get(verb="conversation.no_response")
    assert activity.actor == agent and "Buyer only said thanks." in activity.summary
    # Not a response: left out of the response-time figure.
    assert response_times(account_ids=[account.id], days=7).count == 0


def test_a_mark_needs_a_reason(client, agent, conversation):
    client.force_login(agent)
    client.post(reverse("outbound:mark", args=[conversation.case.id]), {"kind": "no_response", "reason": ""})
    assert ConversationMark.objects.count() == 0
    assert clock(conversation).state == DeadlineState.OPEN


def test_suspicious_meets_the_clock_and_waits_on_the_managers_list(
    client, agent, manager, conversation, django_assert_max_num_queries
):
    client.force_login(agent)
    client.post(
        reverse("outbound:mark", args=[conversation.case.id]),
        {"kind": "suspicious", "reason": "Asks which factory makes our bottles"},
    )
    assert clock(conversation).state == DeadlineState.MET
    assert Activity.objects.get(verb="conversation.suspicious").actor == agent
    assert client.get(reverse("outbound:flagged")).status_code == 403

    client.force_login(manager)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("outbound:flagged")).content.decode()
    assert "Asks which factory makes our bottles" in page
    assert f"#{conversation.case.id}" in page

    mark = ConversationMark.objects.get()
    client.post(reverse("outbound:review", args=[mark.id]))
    mark.refresh_from_db()
    assert mark.reviewed_by == manager
    assert "Asks which factory" not in client.get(reverse("outbound:flagged")).content.decode()
    assert Activity.objects.filter(verb="conversation.suspicious_reviewed", actor=manager).exists()


@pytest.mark.parametrize("flags", [1, 6])
def test_the_flagged_list_reads_a_fixed_number_of_queries(
    client, agent, manager, account, flags, django_assert_max_num_queries
):
    for n in range(flags):
        mail = receive(
            account,
            buyer_mail(
                text="Who is your supplier?",
                when=timezone.now() - timedelta(minutes=n),
                order_id=f"114-0000000-000000{n}",
                relay=f"r{n}@marketplace.amazon.com",
            ),
        )
        client.force_login(agent)
        client.post(
            reverse("outbound:mark", args=[mail.message.conversation.case.id]),
            {"kind": "suspicious", "reason": f"fishing {n}"},
        )
    client.force_login(manager)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("outbound:flagged")).content.decode()
    assert page.count('data-testid="flagged-row"') == flags


def test_a_message_case_without_a_conversation_has_no_composer(client, agent, account):
    case = CaseFactory(account=account, kind="message")
    client.force_login(agent)
    response = client.get(reverse("helpdesk:case", args=[case.id]))
    assert response.status_code == 200
    assert 'data-testid="composer"' not in response.content.decode()
    assert client.post(reverse("outbound:reply", args=[case.id]), {"text": "Hi"}).status_code == 404


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("text", [GOOD, ""])
def test_a_reply_on_a_case_without_a_conversation_is_not_found(client, agent, account, htmx, text):
    case = CaseFactory(account=account, kind="message")
    client.force_login(agent)
    data = {"text": text, "key": uuid.uuid4().hex, "seen": 0}
    response = client.post(reverse("outbound:reply", args=[case.id]), data, **(HTMX if htmx else {}))
    assert response.status_code == 404
    assert not Reply.objects.exists()


def test_the_hidden_fields_read_as_the_forms_widgets_write_them(client, agent, conversation):
    """The composer writes its two hidden inputs itself (cheaper than the form renderer): the same HTML."""
    client.force_login(agent)
    seen = latest_inbound_id(conversation)
    page = client.get(case_url(conversation)).content.decode()
    key = re.search(r'name="key" value="([0-9a-f]{32})"', page)[1]
    drawn = ReplyForm(initial={"key": key, "seen": seen})
    assert f"{drawn['key']}{drawn['seen']}" in page
    for data in ({"text": "", "key": key, "seen": seen}, {"text": "", "key": "", "seen": ""}):
        again = post_reply(client, conversation, "", key=data["key"] or "-", seen=data["seen"], htmx=True)
        bound = ReplyForm({**data, "key": data["key"] or "-"})
        assert f"{bound['key']}{bound['seen']}" in again.content.decode()
