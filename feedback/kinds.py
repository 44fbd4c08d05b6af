"""The kind of case, the clock and the report this app owns (registered in `apps.py`)."""

FEEDBACK = "feedback"  # a negative or neutral seller feedback, to be removed while Amazon allows it
FEEDBACK_REMOVAL = "feedback_removal"  # the 60-day window in which Amazon removes feedback
FEEDBACK_REPORT = "feedback"  # Amazon's seller feedback report
