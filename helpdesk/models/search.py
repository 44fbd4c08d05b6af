"""The search index: the words of every case, one row per thing said or recorded about it.

Every app contributes the text of its cases through the registry (`Contribution.search`);
`helpdesk.services.search` writes the rows. `tsv` is the row's text as PostgreSQL full-text
lexemes in its account's language (a trigger keeps it from `config` and `text`, and a GIN index
serves `tsv @@ query`); the embedded SQLite run leaves it empty and matches `text` instead.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from .accounts import SellerAccount
from .cases import Case

# The source of the row that holds a case's Amazon order id: matched by substring (a trigram index).
ORDER_SOURCE = "order"


class SearchDocument(models.Model):
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="+", db_index=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=24, help_text="What the text is: order, buyer, message.in, feedback, …")
    label = models.CharField(max_length=60, help_text="What the results page calls it.")
    config = models.CharField(max_length=20, help_text="PostgreSQL text search configuration: the account's language.")
    text = models.TextField()
    at = models.DateTimeField(help_text="When it was said or recorded: results show the newest first.")
    tsv = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-at", "-id"]
        # The search page reads the newest matches first: for words that are everywhere the planner
        # walks this index instead of collecting every match.
        indexes = [models.Index(fields=["-at", "-id"], name="searchdocument_newest")]


class SearchPending(models.Model):
    """A case whose search rows must be written again: marked in the transaction of the write that
    changed its text, taken by the `index-search` beat task within seconds. A row, not a queued task,
    so a flushed broker loses nothing."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="+")
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["marked_at"], name="searchpending_marked")]
