"""The words of each language that more than one rule set reads, one module a language (`en`, `de`, `fr`,
`es`, `it`).

Messaging compliance (`messaging.compliance`) builds its wording rules (reviews, offers, swearing) and
reads spelled-out addresses with them, feedback eligibility (`feedback.eligibility`) its obscenity and
personal-information rules, and buyer outreach (`feedback.services.outreach`) reads the words for reviews
and offers through the compliance checker (`check_feedback_contact`). They live in `messaging`, the lower
of the two layers that read them: `feedback` may import `messaging`, never the reverse.

Each entry is a regular expression over lower-case text: a fragment to go inside a pattern, or a tuple of
alternatives. The rule sets add the boundaries and the spelling they read: compliance folds accents and
umlauts away and undoes disguises first, eligibility reads a comment as written.

Where two rule sets read one kind of word differently (what a seller may not write and what Amazon removes
feedback for), both lists stand here side by side, each saying whose it is and why it differs.
"""
