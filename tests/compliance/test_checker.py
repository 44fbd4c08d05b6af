"""The pure checker: each rule, where its findings point, obfuscations, allow-list, custom rules."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from messaging.compliance.checker import (
    CustomRule,
    InvalidPattern,
    check_text,
    compile_custom,
    is_blocked,
    segments,
)
from tests.compliance.helpers import found, rules

# --- links ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span",
    [
        ("Visit www.acme.com today", "www.acme.com"),
        ("The guide: https://acme.com/a/b.", "https://acme.com/a/b"),
        ("Parts are on acme.co.uk/parts, see there", "acme.co.uk/parts"),
        ("see acme dot com now", "acme dot com"),
        ("see acme(dot)com now", "acme(dot)com"),
        ("see www . acme . com now", "www . acme . com"),
        ("see hxxp://acme.com now", "hxxp://acme.com"),
        ("see acme[.]com now", "acme[.]com"),
        ("see ａｃｍｅ．ｃｏｍ now", "ａｃｍｅ．ｃｏｍ"),
        ("see acmе.com now", "acmе.com"),  # Cyrillic е
        ("see a c m e . c o m now", "a c m e . c o m"),
        ("see acme.\u200bcom now", "acme.\u200bcom"),  # zero-width space
        ("see acme. com now", "acme. com"),
    ],
)
def test_links_and_their_obfuscations_point_at_the_original_text(text, span):
    assert found(text) == [("link", span)]


@pytest.mark.parametrize(
    "text",
    [
        "e.g. the blue one, i.e. the bigger one",
        "It costs 29.99 and weighs 1.5 kg.",
        "Firmware 2.4.1 fixes it.",
        "Sorry for the delay.It should arrive tomorrow.",
        "Sorry for the wait.Store it upright.",
        "The manual is attached as manual.pdf.",
        "The item. Net weight is 2 kg.",
    ],
)
def test_things_that_only_look_like_links(text):
    assert "link" not in rules(text)


def test_allow_list_lets_the_domain_and_its_subdomains_through():
    allowed = ["amazon.com"]
    assert found("Start at https://www.amazon.com/returns", allowed_domains=allowed) == []
    assert found("Use smile.amazon.com", allowed_domains=allowed) == []
    assert rules("Try evilamazon.com", allowed_domains=allowed) == {"link"}
    assert rules("Try amazon.com.evil.io", allowed_domains=allowed) == {"link"}
    assert rules("Start at https://www.amazon.com/returns") == {"link"}


# --- email and phone -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span",
    [
        ("Write to a.b+c@acme.com please", "a.b+c@acme.com"),
        ("Email me: tom (at) gmail (dot) com", "tom (at) gmail (dot) com"),
        ("Contact tom at acme dot com today", "tom at acme dot com"),
        ("Reply to service＠acme.com", "service＠acme.com"),
    ],
)
def test_email_addresses(text, span):
    assert found(text) == [("email", span)]


def test_a_word_before_at_is_a_link_not_an_address():
    assert found("It is listed at acme.com now") == [("link", "acme.com")]


@pytest.mark.parametrize(
    "text, span",
    [
        ("Call (555) 123-4567 today", "(555) 123-4567"),
        ("Call +44 7700 900123 today", "+44 7700 900123"),
        ("Ring 020 7946 0958 today", "020 7946 0958"),
        ("Call 5 5 5 1 2 3 4 5 6 7 today", "5 5 5 1 2 3 4 5 6 7"),
        ("phone me at 5551234567", "5551234567"),
        ("It is five five five one two three four, ok", "five five five one two three four"),
        ("Call 1-800-FIX-TOOL", "1-800-FIX-TOOL"),
    ],
)
def test_phone_numbers(text, span):
    assert found(text) == [("phone", span)]


@pytest.mark.parametrize(
    "text",
    [
        "About order 112-1234567-1234567: the second item ships separately.",
        "UPS tracking 1Z999AA10123456784, Amazon tracking TBA123456789000.",
        "FedEx tracking 7489 1234 5678 is in Memphis.",
        "USPS 9400 1000 0000 0000 0000 00 is on the way.",
        "Delivered 05/12/2024 10:30, refund $1,299.99 on 2024-05-14.",
        "ASIN B08N5WRWNW, SKU ACME-DRL-18V, serial SN 4829-1147-2200.",
        "Call the carrier with tracking number 1234567890.",
        "It runs on 100-240 V.",
    ],
)
def test_identifiers_are_not_phone_numbers(text):
    assert found(text) == []


def test_card_numbers_need_a_valid_checksum():
    assert found("Card 4111 1111 1111 1111 was charged") == [("card", "4111 1111 1111 1111")]
    assert found("Card 4111 1111 1111 1112 was charged") == []
    assert rules("Please send us your card details.") == {"card"}


# --- reviews and feedback ------------------------------------------------------


def test_incentive_for_a_review_spans_the_offer_and_the_ask():
    assert found("Leave a review and get a free replacement!") == [
        ("incentive", "Leave a review and get a free replacement")
    ]


def test_feedback_removal_with_compensation_anywhere_in_the_message():
    assert found("We refunded you. Please remove your feedback.") == [
        ("feedback_compensation", "refunded"),
        ("feedback_compensation", "remove your feedback"),
    ]


def test_feedback_removal_alone_is_only_advice():
    findings = check_text("Now that it is solved, would you consider removing your feedback?")
    assert [(f.rule, f.blocking) for f in findings] == [("feedback_removal", False)]
    assert not is_blocked(findings)


@pytest.mark.parametrize(
    "text",
    [
        "Please leave us 5 stars!",
        "We would love a positive review.",
        "If you are happy with it, please leave a review.",
        "Please contact us before leaving negative feedback.",
        "Please don't leave negative feedback.",
        "Could you rate us five stars?",
    ],
)
def test_asking_for_positive_reviews(text):
    assert rules(text) == {"positive_review"}


@pytest.mark.parametrize(
    "text",
    [
        "If you have a moment, please share your experience with the product.",
        "We'd be grateful if you could leave a review once you've used it.",
        "Thank you for the 5-star review!",
        "We never ask for positive reviews.",
        "We refunded the order because it arrived broken.",
        "We reviewed your request and issued a refund.",
        "Please let us know if anything is wrong.",
    ],
)
def test_neutral_requests_and_plain_refunds_pass(text):
    assert found(text) == []


# --- wording -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, rule, span",
    [
        ("Follow us on Instagram!", "off_amazon", "Follow us on Instagram"),
        ("We also sell on eBay.", "off_amazon", "eBay"),
        ("Use code SAVE10 for 10% off your next order.", "promotion", "10% off your next order"),
        ("Check out our other products.", "promotion", "Check out our other products"),
        ("Please pay the difference of $5.", "extra_payment", "pay the difference"),
        ("Send the balance through Venmo.", "extra_payment", "Venmo"),
        ("Order confirmation: thanks for buying.", "confirmation", "Order confirmation"),
        ("Stop this crap.", "profanity", "crap"),
        ("What the f*ck.", "profanity", "f*ck"),
        ("You idiot.", "insult", "idiot"),
        ("You're a liar.", "liar", "liar"),
        ("We will take legal action.", "threat", "We will take legal action"),
        ("You people never read.", "discrimination", "You people"),
        ("We'll send it to 742 Evergreen Terrace.", "address", "742 Evergreen Terrace"),
    ],
)
def test_wording_rules_and_spans(text, rule, span):
    assert (rule, span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "There is no additional payment needed.",
        "You won't be charged any extra fee.",
        "We've refunded the extra shipping charge.",
        "Good news: your parcel will be delivered tomorrow.",
        "You asked: your order shipped on May 3 with UPS.",
        "We ship from our Scunthorpe warehouse.",
        "Hi Sue, store the bottle lying flat.",
        "The fabric has a flame retardant; the dumbbell set ships today.",
        "We are not saying you are lying.",
        "Please send a photo, or else describe the damage.",
        "Beware of scammers pretending to be Amazon.",
        "Our listing covers the M4 8GB version.",
    ],
)
def test_wording_look_alikes_pass(text):
    assert found(text) == []


def test_shipping_news_is_a_confirmation_unless_the_message_answers_or_resolves_something():
    assert rules("Good news! Your order has shipped and is on its way.") == {"confirmation"}
    assert rules("Your item has shipped, tracking 1Z999AA10123456784.") == {"confirmation"}
    assert found("You asked about your order: it has shipped and is on its way.") == []
    assert found("Sorry for the wait: your order has shipped and is on its way.") == []
    assert found("Unfortunately your order hasn't shipped yet.") == []
    # the words of a confirmation make one of any message that does not answer the buyer
    assert rules("Sorry for the wait. This email confirms your order.") == {"confirmation"}
    assert found("As you asked, this email confirms your order.") == []
    # Amazon's own confirmation may be named
    assert found("Shipping confirmation is attached by Amazon to your order page.") == []


def test_a_feedback_change_next_to_compensation_made_is_only_advised_against():
    made = "Your refund of $24.99 went through today. If you feel it is resolved, you may update your feedback."
    assert found(made)[-1] == ("feedback_removal", "update your feedback")
    assert not is_blocked(check_text(made))
    # offered rather than made, or an ask to delete the feedback: refused
    assert is_blocked(check_text("Once you update your feedback, we can issue a partial refund."))
    assert rules("We have refunded you in full. Could you please remove your feedback?") == {"feedback_compensation"}


def test_a_prize_draw_points_or_early_access_for_a_review_is_an_incentive():
    assert rules("Each review counts as one entry in our prize draw.") == {"incentive"}
    assert rules("Reviewers get 500 loyalty points.") == {"incentive"}
    assert found("There is no prize draw linked to reviews.") == []
    assert found("Your loyalty points are managed by Amazon.") == []


def test_a_top_rating_is_asked_for_unless_it_is_described_or_thanked_for():
    assert rules("Five stars would really help a small business like ours.") == {"positive_review"}
    assert found("This kettle has a five-star safety rating from the test lab.") == []
    assert found("Thank you for the five-star review!") == []
    assert rules("The lab gave it five stars, please give us five stars too!") == {"positive_review"}


def test_other_sellers_and_amazon_are_not_run_down_nor_amazons_rules_misstated():
    assert rules("The other sellers on this listing sell counterfeits.") == {"disparagement"}
    assert rules("Amazon's customer service is useless.") == {"disparagement"}
    assert rules("Amazon requires you to leave feedback within 7 days.") == {"false_claim"}
    assert found("Amazon's policy lets you return it within 30 days.") == []
    assert found("Amazon requires us to ship within two business days.") == []
    assert found("Beware of scammers pretending to be Amazon.") == []


def test_threats_beyond_insults():
    assert rules("Unpaid amounts go to our debt collection agency.") == {"threat"}
    assert rules("Your Amazon account will be suspended if you keep the feedback.") == {"threat"}
    assert rules("We will publish your name on seller forums.") == {"threat"}
    assert found("We will report the carrier's delay to Amazon.") == []
    assert found("We will not publish your name anywhere.") == []


def test_a_conditional_threat_is_still_a_threat():
    assert rules("If you don't close the claim, we will take legal action.") == {"threat"}
    assert found("We will not take legal action.") == []


# --- order id, custom rules, offsets --------------------------------------------------


def test_missing_order_id_is_advisory():
    findings = check_text("Your parcel is with the carrier.", order_id="112-1234567-1234567")
    assert [(f.rule, f.blocking, f.start, f.end) for f in findings] == [("order_id", False, 0, 0)]
    assert "112-1234567-1234567" in findings[0].explanation
    assert check_text("About 112-1234567-1234567: it ships today.", order_id="112-1234567-1234567") == []
    assert check_text("It ships today.") == []


def test_custom_phrase_ignores_case_accents_and_spacing_but_not_word_boundaries():
    rule = CustomRule(name="custom-1", kind="phrase", pattern="Café  Outlet", message="Say 'our shop'.")
    findings = check_text("Visit the CAFE outlet or the cafe\noutlet; cafeoutlet is fine.", extra_rules=[rule])
    assert [(f.rule, f.text, f.explanation, f.blocking) for f in findings] == [
        ("custom-1", "CAFE outlet", "Say 'our shop'.", True),
        ("custom-1", "cafe\noutlet", "Say 'our shop'.", True),
    ]


def test_custom_regex_and_advisory_rules():
    rule = CustomRule(
        name="custom-2", kind="regex", pattern=r"\bbatch\s*#?\d{4}\b", message="Internal.", blocking=False
    )
    findings = check_text("From Batch #1234, sorry.", extra_rules=[rule])
    assert [(f.rule, f.text, f.blocking) for f in findings] == [("custom-2", "Batch #1234", False)]
    assert not is_blocked(findings)


@pytest.mark.parametrize(
    "kind, pattern, message",
    [
        ("regex", "(unclosed", "not valid"),
        ("regex", "a*", "matches empty text"),
        ("phrase", "   ", "Enter a phrase"),
    ],
)
def test_invalid_custom_patterns_are_refused(kind, pattern, message):
    with pytest.raises(InvalidPattern, match=message):
        compile_custom(kind, pattern)


def test_offsets_count_characters_of_the_original_text():
    text = "😀 Café ﬁx: e\u0301 call (555) 123-4567 now"
    [finding] = check_text(text)
    assert text[finding.start : finding.end] == "(555) 123-4567"


def test_segments_cut_the_text_at_every_finding():
    text = "Hi, mail a@b.com or www.c.com."
    cut = segments(text, check_text(text))
    assert "".join(s.text for s in cut) == text
    assert [(s.text, s.blocking) for s in cut if s.findings] == [("a@b.com", True), ("www.c.com", True)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120) | st.from_regex(r"[ a-z0-9@.()\-+]{0,80}"))
def test_any_text_gives_well_formed_findings(text):
    for f in check_text(text):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.text == text[f.start : f.end]
        assert f.explanation


def test_a_blank_text_has_no_findings_not_even_a_missing_order_id():
    assert check_text(" \n\t", order_id="112-1234567-1234567") == []
