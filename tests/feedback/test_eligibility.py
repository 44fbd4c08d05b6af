"""The eligibility assistant: each ground on its own, and agreement with the labelled set."""

import json

import pytest
from django.urls import reverse

from feedback.eligibility import assess
from feedback.models import Feedback
from tests.factories import OrderFactory

from .conftest import FIXTURES

LABELLED = json.loads((FIXTURES / "eligibility_labelled.json").read_text())["comments"]


def reason(comments: str, channel: str = "MFN", **kwargs) -> str | None:
    opinion = assess(comments=comments, fulfillment_channel=channel, **kwargs)
    return opinion.reason.value if opinion.reason else None


def test_the_labelled_set_is_large_and_covers_every_ground():
    assert len(LABELLED) >= 80
    labels = {c["label"] for c in LABELLED}
    assert labels == {None, "product_review", "obscenity", "personal_info", "fba_fulfillment", "pricing"}
    assert sum(c["split"] == "holdout" for c in LABELLED) >= 30


def test_accuracy_on_the_labelled_set():
    opinions = [
        (c, assess(comments=c["comment"], fulfillment_channel=c["channel"], buyer_name=c.get("buyer", "")))
        for c in LABELLED
    ]
    exact = [(o.reason.value if o.reason else None) == c["label"] for c, o in opinions]
    decisions = [(o.reason is None) == (c["label"] is None) for c, o in opinions]
    holdout = [hit for (c, _), hit in zip(opinions, exact, strict=True) if c["split"] == "holdout"]

    assert sum(exact) / len(exact) >= 0.90
    assert sum(decisions) / len(decisions) >= 0.90
    assert sum(holdout) / len(holdout) >= 0.75


class TestProductReview:
    def test_entirely_about_the_product(self):
        assert reason("The zipper broke the first day and the fabric is scratchy.") == "product_review"

    def test_not_when_the_seller_is_blamed_too(self):
        assert reason("The zipper broke and the seller never answered my emails.") is None


class TestObscenity:
    @pytest.mark.parametrize("comments", ["Total bullshit.", "f*cking useless", "What a sh!t show", "F U C K this"])
    def test_obscene(self, comments):
        assert reason(comments) == "obscenity"

    @pytest.mark.parametrize("comments", ["Damn, it was late.", "This sucks.", "Scunthorpe delivery was late"])
    def test_rude_is_not_obscene(self, comments):
        assert reason(comments) != "obscenity"


class TestPersonalInformation:
    @pytest.mark.parametrize(
        "comments",
        [
            "Write to jo.smith@example.com",
            "mail jo dot smith at gmail dot com",
            "Call me on (212) 555-0188",
            "+1 312 555 0147 is my cell",
            "I spoke with Brenda Collins twice.",
        ],
    )
    def test_found(self, comments):
        assert reason(comments) == "personal_info"

    def test_the_buyers_own_name(self):
        assert reason("Not happy. Linda Perez", buyer_name="Linda Perez") == "personal_info"

    def test_a_phone_number_of_the_marketplace(self):
        assert reason("Ruf mich an: 030 12345678", region="DE") == "personal_info"

    @pytest.mark.parametrize(
        "comments", ["Order 112-3456789-0123456 never came", "The Instant Pot lid cracked.", "Took 14 days, paid $29"]
    )
    def test_not_personal(self, comments):
        assert reason(comments) != "personal_info"


class TestFulfilledByAmazon:
    def test_delivery_on_an_fba_order_is_struck(self):
        opinion = assess(comments="Package arrived a week late.", fulfillment_channel="AFN")
        assert (opinion.reason.value, opinion.action) == ("fba_fulfillment", "struck through")

    def test_delivery_on_a_merchant_order_stays(self):
        opinion = assess(comments="Package arrived a week late.", fulfillment_channel="MFN")
        assert opinion.reason is None
        assert "merchant-fulfilled" in opinion.explanation

    def test_an_unknown_order_is_not_assumed_fba(self):
        assert reason("Package arrived a week late.", channel="") is None

    def test_the_sellers_own_answers_stay_even_on_fba(self):
        assert reason("Late, and the seller never responded to my messages.", channel="AFN") is None


class TestPricing:
    @pytest.mark.parametrize("comments", ["Way overpriced.", "$45 for this?", "Cheaper at Walmart."])
    def test_price(self, comments):
        opinion = assess(comments=comments, fulfillment_channel="MFN")
        assert (opinion.reason.value, opinion.action) == ("pricing", "removed")


class TestKept:
    @pytest.mark.parametrize(
        "comments", ["Wrong item sent.", "Not as described.", "Clearly used, box opened.", "Missing parts.", ""]
    )
    def test_seller_fault_or_nothing(self, comments):
        opinion = assess(comments=comments, fulfillment_channel="AFN")
        assert opinion.reason is None
        assert not opinion.likely


@pytest.mark.django_db
def test_the_case_panel_shows_the_opinion_and_why(client, account, agent, import_rows):
    OrderFactory(account=account, amazon_order_id="112-3456789-0123456", fulfillment_channel="AFN")
    import_rows(("112-3456789-0123456", 5, 1, "It came three days late."))
    client.force_login(agent)

    page = client.get(reverse("helpdesk:case", args=[Feedback.objects.get().case_id])).content.decode()

    assert "Likely struck through — FBA order: about delivery or customer service." in page
    assert "which Amazon handled" in page
    assert "Based on: “late”" in page
    assert '<option value="fba_fulfillment" selected>' in page
