"""Comments crafted to stall the removal-eligibility rules: every run of the hostile corpus, alone and inside a
comment, in every marketplace's language, is read in under a second; so is anything hypothesis makes up."""

import pytest
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback.eligibility import assess
from feedback.models import Feedback
from feedback.selectors import feedback_eligibility
from tests.factories import OrderFactory
from tests.hostile import CORPUS, UNITS, timed

SECOND = 1.0
REGIONS = ["US", "DE", "FR", "ES", "IT"]


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_hostile_comment_is_read_in_under_a_second(name):
    for region in REGIONS:
        took, _ = timed(lambda: assess(comments=CORPUS[name], fulfillment_channel="AFN", region=region))  # noqa: B023
        assert took < SECOND, f"{name} ({region}): {took:.2f} s"


@pytest.mark.parametrize("name", sorted(UNITS))
def test_a_hostile_run_inside_a_comment_is_read_in_under_a_second(name):
    comments = f"Sehr schlechter Verkäufer {UNITS[name] * (9_000 // len(UNITS[name]))} nie wieder, email me at"
    for region in REGIONS:
        took, _ = timed(lambda: assess(comments=comments, buyer_name="Jo Doe", region=region))  # noqa: B023
        assert took < SECOND, f"{name} ({region}): {took:.2f} s"


def test_a_comment_over_the_cap_is_read_up_to_it():
    tail = assess(comments="Arrived late and the box was fine. " + "x " * 100 + "you damn crooks", max_chars=40)
    head = assess(comments="You damn crooks. " + "x " * 100, max_chars=40)
    assert tail.reason is None
    assert head.reason == "obscenity"
    assert assess(comments="Arrived late and the box was fine. " + "x " * 100 + "you damn crooks").reason == "obscenity"


def test_the_feedback_page_reads_as_much_as_the_setting_says(account):
    order = OrderFactory(account=account, fulfillment_channel="MFN")
    feedback = Feedback(account=account, order=order, comments="Fine. " + "x " * 100 + "you damn crooks")
    with override_settings(ELIGIBILITY_MAX_CHARS=40):
        assert feedback_eligibility(feedback).reason is None
    assert feedback_eligibility(feedback).reason == "obscenity"


_UNITS = st.sampled_from(sorted(set(UNITS.values())))


@st.composite
def comments(draw) -> str:
    pieces = draw(
        st.lists(
            st.one_of(
                st.text(max_size=40),
                st.sampled_from(["late", "dot", "at", "gmail", "price", "Lieferung", "(", "1-", "@", "damn"]),
                st.builds(lambda unit, n: unit * n, _UNITS, st.integers(1, 3_000)),
            ),
            max_size=8,
        )
    )
    return " ".join(pieces)


@settings(max_examples=120, deadline=None)
@given(text=comments(), region=st.sampled_from(REGIONS), channel=st.sampled_from(["AFN", "MFN", ""]))
def test_any_comment_is_read_without_error_in_bounded_time(text, region, channel):
    took, opinion = timed(lambda: assess(comments=text, fulfillment_channel=channel, region=region))
    assert took < SECOND, f"{took:.2f} s"
    assert opinion.explanation
