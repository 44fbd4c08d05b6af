"""Buyer outreach: Amazon's rules enforced by the service and by the endpoint, sending through
the messaging outbox, and the outcomes."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from feedback.models import Feedback, OutreachContact
from feedback.services import (
    OutreachRefused,
    feedback_outreach_check,
    feedback_outreach_send,
    feedback_resolution_record,
    outreach_contact_transition,
    outreach_settings_update,
)
from helpdesk.models import Case, Deadline, Order
from helpdesk.services.lifecycle import InvalidTransition
from messaging.models import Conversation
from messaging.outbound.delivery import reply_send
from messaging.outbound.models import Reply
from tests.factories import OrderFactory
from tests.outbound.helpers import buyer_mail, receive

pytestmark = pytest.mark.django_db

SORRY = "We are sorry the bottle arrived dented. Could you tell us what happened?"
ASK = "We hope the refund settled it. Would you consider removing your feedback?"
POLITE_ASK = "We are glad it is sorted. Would you consider updating your feedback?"


RATER = "k4x9p2m7q1w3e5r@marketplace.amazon.com"


@pytest.fixture
def feedback(import_rows, account) -> Feedback:
    import_rows(("112-3456789-0123456", 10, 1, "Arrived dented."))
    Feedback.objects.update(rater_email=RATER)
    return Feedback.objects.select_related("case", "account").get()


def contact(feedback, agent, *, text=SORRY, purpose="resolve", at=None, key=None, seen=0):
    return feedback_outreach_send(
        feedback=feedback,
        text=text,
        purpose=purpose,
        key=key or uuid.uuid4().hex,
        seen_message_id=seen,
        actor=agent,
        now=at,
    )


def resolve(feedback, agent):
    feedback_resolution_record(feedback=feedback, kind="refund", note="Refunded $19.99 in full.", actor=agent)


class TestLimits:
    def test_the_third_contact_is_refused_with_the_reason(self, feedback, agent):
        now = timezone.now()
        contact(feedback, agent, at=now - timedelta(days=7))
        contact(feedback, agent, at=now - timedelta(days=3, minutes=1))

        with pytest.raises(
            OutreachRefused, match=r"contacted 2 times about this feedback, the most this account allows \(2\)"
        ):
            contact(feedback, agent, at=now)
        assert OutreachContact.objects.count() == 2

    def test_too_early_a_contact_is_refused_with_the_next_allowed_time(self, feedback, agent):
        now = timezone.now()
        contact(feedback, agent, at=now - timedelta(days=2))

        reason = feedback_outreach_check(feedback=feedback, text=SORRY, purpose="resolve", now=now)

        assert "contacts must be at least 3 days apart" in reason
        assert "the next may be made from" in reason
        assert (
            feedback_outreach_check(
                feedback=feedback, text=SORRY, purpose="resolve", now=now + timedelta(days=1, seconds=1)
            )
            is None
        )

    def test_the_account_settings_change_the_limits(self, feedback, agent, admin_user, account):
        outreach_settings_update(account=account, max_contacts=3, min_days_between=1, actor=admin_user)
        now = timezone.now()
        contact(feedback, agent, at=now - timedelta(days=3))
        contact(feedback, agent, at=now - timedelta(days=2))

        assert contact(feedback, agent, at=now - timedelta(days=1)).pk
        with pytest.raises(OutreachRefused, match=r"the most this account allows \(3\)"):
            contact(feedback, agent, at=now)

    def test_settings_are_bounded(self, account, admin_user):
        with pytest.raises(ValidationError):
            outreach_settings_update(account=account, max_contacts=0, min_days_between=3, actor=admin_user)

    def test_a_removed_feedback_takes_no_contact(self, feedback, agent):
        Feedback.objects.filter(pk=feedback.pk).update(status="removed")
        feedback.refresh_from_db()

        with pytest.raises(OutreachRefused, match="already removed by amazon"):
            contact(feedback, agent)

    def test_positive_feedback_takes_no_contact(self, import_rows, account, agent):
        import_rows(("113-1234567-7654321", 3, 5, "Great"))

        with pytest.raises(OutreachRefused, match="positive"):
            contact(Feedback.objects.get(rating=5), agent)


class TestRules:
    @pytest.mark.parametrize(
        "text",
        [
            "Sorry! Here is a $10 gift card for your trouble.",
            "We'd like to offer a discount code on your next order.",
            "We will send you a free product in exchange for an update.",
        ],
    )
    def test_an_incentive_is_refused(self, feedback, agent, text):
        resolve(feedback, agent)

        with pytest.raises(OutreachRefused, match="offers an incentive"):
            contact(feedback, agent, text=text)

    def test_no_removal_ask_before_a_resolution(self, feedback, agent):
        with pytest.raises(OutreachRefused, match="Resolve first"):
            contact(feedback, agent, text=POLITE_ASK, purpose="removal_ask")

    def test_the_text_counts_even_when_the_form_says_resolve(self, feedback, agent):
        with pytest.raises(OutreachRefused, match="Resolve first"):
            contact(feedback, agent, text=POLITE_ASK, purpose="resolve")

    def test_after_a_resolution_the_ask_is_allowed_and_recorded_as_an_ask(self, feedback, agent):
        resolve(feedback, agent)

        recorded = contact(feedback, agent, text=POLITE_ASK, purpose="resolve")

        assert (recorded.purpose, recorded.text) == ("removal_ask", POLITE_ASK)

    def test_a_removal_ask_next_to_compensation_is_refused(self, feedback, agent):
        resolve(feedback, agent)

        with pytest.raises(OutreachRefused, match="together with compensation"):
            contact(feedback, agent, text=ASK, purpose="removal_ask")

    def test_a_resolution_message_may_mention_the_refund(self, feedback, agent):
        assert contact(feedback, agent, text="We have refunded your order in full. Sorry again.").pk


class TestEndpoint:
    """The same rules hold for a post made past the form."""

    def post(self, client, feedback, **data):
        data = {"key": uuid.uuid4().hex, "seen_message_id": "0", **data}
        return client.post(reverse("feedback:outreach_create", args=[feedback.id]), data, follow=True)

    def test_a_contact_is_sent_and_shown(self, client, feedback, agent):
        client.force_login(agent)

        page = self.post(client, feedback, purpose="resolve", text=SORRY).content.decode()

        assert OutreachContact.objects.get().text == SORRY
        assert f"Queued for the buyer&#x27;s relay address {RATER}." in page
        assert "1 of 2 contacts used" in page
        assert f"to {RATER}: queued" in page

    def test_a_too_early_post_is_refused_with_the_reason(self, client, feedback, agent):
        contact(feedback, agent, at=timezone.now() - timedelta(days=1))
        client.force_login(agent)

        page = self.post(client, feedback, purpose="resolve", text=SORRY).content.decode()

        assert OutreachContact.objects.count() == 1
        assert "Not sent: The last contact was on" in page
        assert "at least 3 days apart" in page

    def test_the_third_post_is_refused(self, client, feedback, agent):
        now = timezone.now()
        contact(feedback, agent, at=now - timedelta(days=8))
        contact(feedback, agent, at=now - timedelta(days=4))
        client.force_login(agent)

        page = self.post(client, feedback, purpose="resolve", text=SORRY).content.decode()

        assert OutreachContact.objects.count() == 2
        assert "Not sent: The buyer has been contacted 2 times" in page

    def test_a_removal_ask_the_form_did_not_offer_is_refused(self, client, feedback, agent):
        client.force_login(agent)
        case_page = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()
        assert 'value="removal_ask"' not in case_page  # not offered before a resolution

        page = self.post(client, feedback, purpose="removal_ask", text=POLITE_ASK).content.decode()

        assert not OutreachContact.objects.exists()
        assert "Not sent: Resolve first" in page

    def test_an_incentive_posted_directly_is_refused(self, client, feedback, agent):
        resolve(feedback, agent)
        client.force_login(agent)

        page = self.post(
            client, feedback, purpose="removal_ask", text="Remove the review and get a voucher!"
        ).content.decode()

        assert not OutreachContact.objects.exists()
        assert "offers an incentive" in page

    def test_the_ask_is_offered_once_resolved(self, client, feedback, agent):
        client.force_login(agent)
        client.post(
            reverse("feedback:resolution_create", args=[feedback.id]),
            {"kind": "replacement", "note": "Sent a new one."},
        )

        page = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()

        assert 'value="removal_ask"' in page
        assert "Sent a new one." in page

    def test_another_accounts_feedback_is_not_found(self, client, feedback, outsider):
        client.force_login(outsider)

        assert self.post(client, feedback, purpose="resolve", text=SORRY).status_code == 404


class TestOutcomes:
    def test_buyer_removed_it_meets_the_clock_and_closes_the_case(self, feedback, agent):
        recorded = contact(feedback, agent)

        outreach_contact_transition(contact=recorded, to="buyer_removed", actor=agent)

        feedback.refresh_from_db()
        feedback.case.refresh_from_db()
        assert feedback.status == "withdrawn"
        assert feedback.case.status == "closed"
        assert Deadline.objects.get(case=feedback.case).state == "met"

    def test_buyer_raised_the_rating_to_positive(self, feedback, agent):
        recorded = contact(feedback, agent)

        outreach_contact_transition(contact=recorded, to="buyer_updated", new_rating=5, actor=agent)

        feedback.refresh_from_db()
        feedback.case.refresh_from_db()
        assert (feedback.rating, feedback.status, feedback.case.status) == (5, "live", "closed")
        assert Deadline.objects.get(case=feedback.case).state == "met"

    def test_buyer_updated_but_still_negative_keeps_the_case_open(self, feedback, agent):
        recorded = contact(feedback, agent)

        outreach_contact_transition(contact=recorded, to="buyer_updated", new_rating=2, actor=agent)

        feedback.refresh_from_db()
        feedback.case.refresh_from_db()
        assert (feedback.rating, feedback.case.status) == (2, "new")
        assert Deadline.objects.get(case=feedback.case).state == "open"

    def test_updated_needs_the_new_rating(self, feedback, agent):
        with pytest.raises(ValidationError, match="rating the buyer changed it to"):
            outreach_contact_transition(contact=contact(feedback, agent), to="buyer_updated", actor=agent)

    def test_no_reply_then_a_late_removal(self, feedback, agent):
        recorded = contact(feedback, agent)
        outreach_contact_transition(contact=recorded, to="no_reply", actor=agent)

        outreach_contact_transition(contact=recorded, to="buyer_removed", actor=agent)

        recorded.refresh_from_db()
        assert recorded.outcome == "buyer_removed"
        with pytest.raises(InvalidTransition):
            outreach_contact_transition(contact=recorded, to="no_reply", actor=agent)

    def test_outcome_from_the_case_page(self, client, feedback, agent):
        recorded = contact(feedback, agent)
        client.force_login(agent)

        page = client.post(
            reverse("feedback:outreach_outcome", args=[recorded.id]),
            {"outcome": "buyer_updated", "new_rating": "4"},
            follow=True,
        ).content.decode()

        feedback.refresh_from_db()
        assert feedback.rating == 4
        assert "Outreach outcome: buyer updated the rating (1★ → 4★)" in page


def test_outreach_text_passes_the_messaging_compliance_guard(client, manager, account):
    feedback = Feedback.objects.create(
        account=account, amazon_order_id="111-0000000-0000001", date=timezone.now().date(), rating=1, comments="late"
    )
    reason = feedback_outreach_check(
        feedback=feedback, text="Sorry about the delay! See www.our-shop.com for tracking.", purpose="resolve"
    )
    assert reason is not None and "Amazon's messaging rules" in reason and "our-shop" in reason
    assert (
        feedback_outreach_check(
            feedback=feedback, text="Sorry about the delay, a replacement is on its way.", purpose="resolve"
        )
        is None
    )


class TestSending:
    """A contact goes to the buyer as a reply through the messaging outbox, with the composer's guards."""

    @pytest.fixture
    def locmem_mail(self, settings):
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
        mail.outbox = []
        return mail.outbox

    def test_the_first_contact_opens_a_waiting_conversation_and_is_sent_to_the_rater(
        self, feedback, agent, locmem_mail
    ):
        sent = contact(feedback, agent)

        conversation = Conversation.objects.select_related("case").get()
        assert (conversation.amazon_order_id, conversation.buyer_email) == (feedback.amazon_order_id, RATER)
        assert (conversation.case.kind, conversation.case.status) == ("message", "waiting")
        assert conversation.case.assignee == agent  # the buyer's answer comes back to whoever wrote
        assert not conversation.case.deadlines.exists()  # nothing to answer until the buyer writes
        assert sent.reply.message.conversation == conversation
        assert sent.reply.message.body_text == SORRY

        reply_send(reply_id=sent.reply.pk)

        [email] = locmem_mail
        assert (email.to, email.subject, email.body) == ([RATER], f"Your order {feedback.amazon_order_id}", SORRY)
        sent.reply.refresh_from_db()
        assert sent.reply.status == "sent"

    def test_the_buyers_answer_lands_in_the_same_conversation_and_starts_the_clock(self, feedback, agent, account):
        sent = contact(feedback, agent)

        receive(
            account,
            buyer_mail(
                text="Thanks, it was fine.", when=timezone.now(), order_id=feedback.amazon_order_id, relay=RATER
            ),
        )

        conversation = Conversation.objects.select_related("case").get()
        assert conversation.messages.filter(direction="in").count() == 1
        assert conversation.case.status == "open"
        assert conversation.case.deadlines.get().kind == "message_response"
        assert sent.reply.message.conversation_id == conversation.pk

    def test_an_existing_conversation_is_used_and_a_newer_buyer_message_holds_the_contact_back(
        self, feedback, agent, account, client
    ):
        receive(
            account,
            buyer_mail(text="Where is my refund?", when=timezone.now(), order_id=feedback.amazon_order_id, relay=RATER),
        )
        conversation = Conversation.objects.get()
        seen = conversation.messages.get().pk
        client.force_login(agent)
        panel = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()
        assert f'name="seen_message_id" value="{seen}"' in panel
        receive(
            account, buyer_mail(text="Hello??", when=timezone.now(), order_id=feedback.amazon_order_id, relay=RATER)
        )

        with pytest.raises(OutreachRefused, match="while you were typing"):
            contact(feedback, agent, seen=seen)
        assert not OutreachContact.objects.exists()

        sent = contact(feedback, agent, seen=conversation.messages.order_by("-id").first().pk)
        assert sent.reply.message.conversation_id == conversation.pk
        assert sent.reply.subject.startswith("Re: ")

    def test_the_same_form_posted_twice_is_one_contact(self, feedback, agent):
        key = uuid.uuid4().hex

        first, again = contact(feedback, agent, key=key), contact(feedback, agent, key=key)

        assert first.pk == again.pk
        assert (OutreachContact.objects.count(), Reply.objects.count()) == (1, 1)

    def test_a_link_is_refused_by_the_composer_guard_and_nothing_is_left_behind(self, feedback, agent, client):
        client.force_login(agent)
        text = "Sorry! Track it at www.our-shop.com please."

        page = TestEndpoint().post(client, feedback, purpose="resolve", text=text).content.decode()

        assert "Not sent: The message breaks Amazon&#x27;s messaging rules" in page
        assert text in page  # the draft is given back
        assert not (OutreachContact.objects.exists() or Reply.objects.exists() or Conversation.objects.exists())

    def test_without_a_relay_address_there_is_no_form_and_a_post_is_refused(self, feedback, agent, client):
        Feedback.objects.update(rater_email="")
        client.force_login(agent)

        panel = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()
        page = TestEndpoint().post(client, feedback, purpose="resolve", text=SORRY).content.decode()

        assert 'data-testid="outreach-form"' not in panel
        assert "There is no Amazon relay address for this buyer" in panel
        assert "Not sent: There is no Amazon relay address" in page
        assert not Reply.objects.exists()

    def test_the_panel_checks_the_draft_live(self, feedback, agent, client):
        client.force_login(agent)

        panel = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()

        assert f'hx-post="{reverse("compliance:check")}"' in panel
        assert 'id="outreach-text"' in panel and "data-send" in panel
        assert f"To {RATER}, in a new conversation about this order." in panel

    def test_each_case_page_lists_the_other_case_on_the_order(self, feedback, agent, client):
        OrderFactory(account=feedback.account, amazon_order_id=feedback.amazon_order_id)
        Feedback.objects.filter(pk=feedback.pk).update(order=Order.objects.get())
        Case.objects.filter(pk=feedback.case_id).update(order=Order.objects.get())
        contact(feedback, agent)
        thread_case = Conversation.objects.get().case
        client.force_login(agent)

        feedback_page = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()
        thread_page = client.get(reverse("helpdesk:case", args=[thread_case.id])).content.decode()

        assert f'href="{reverse("helpdesk:case", args=[thread_case.id])}">#{thread_case.id}</a>' in feedback_page
        assert f'href="{reverse("helpdesk:case", args=[feedback.case_id])}">#{feedback.case_id}</a>' in thread_page

    def test_the_panel_shows_the_delivery_and_links_the_thread(self, feedback, agent, client, locmem_mail):
        reply_send(reply_id=contact(feedback, agent).reply.pk)
        client.force_login(agent)

        panel = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()

        assert f"to {RATER}: sent" in panel
        assert reverse("helpdesk:case", args=[Conversation.objects.get().case_id]) in panel
