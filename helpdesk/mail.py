"""Sending one message so that a later attempt can tell whether an earlier one may have gone out.

SMTP gives no way to make a send idempotent: the server takes responsibility for
a message when it answers 250 to the end of DATA, and a client that dies, or
whose read times out, between writing the message and reading that answer cannot
know which happened. So every send here says, to the caller, the moment it starts
handing the message itself over (`before_data`, called after the server accepted
the sender and the recipient, just before DATA): the caller records it, committed,
and a later attempt that finds that record and no outcome does not send blindly
again. An error in reading the server's answer once the whole message was written
raises `AcceptanceUnknown` instead of a transport error that would be retried.

`SmtpBackend` is Django's SMTP backend with that one hook; settings use it for
every SMTP mailer. Other backends (console, locmem) have no DATA step: the hook
runs just before they are handed the message.
"""

import smtplib
from collections.abc import Callable

from django.core.mail import EmailMessage, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend

END_OF_DATA = b"\r\n.\r\n"


class AcceptanceUnknown(Exception):
    """The whole message reached the mail server, and its answer did not come back: it may have been accepted."""


class _TrackedDataMixin:
    """smtplib.SMTP that calls `before_data` before DATA and tells an unanswered message from an unsent one."""

    before_data: Callable[[], None] | None = None
    _writing_data = False
    _data_written = False

    def data(self, msg):
        if self.before_data is not None:
            self.before_data()
        self._writing_data, self._data_written = True, False
        try:
            return super().data(msg)
        except Exception as exc:  # a timeout, a reset, "connection closed", or the task's time limit
            if self._data_written:
                raise AcceptanceUnknown(f"no answer after the message was sent: {type(exc).__name__}: {exc}") from exc
            raise
        finally:
            self._writing_data = False

    def send(self, s):
        super().send(s)
        if self._writing_data and isinstance(s, bytes) and s.endswith(END_OF_DATA):
            self._data_written = True


class TrackedSMTP(_TrackedDataMixin, smtplib.SMTP):
    pass


class TrackedSMTPSSL(_TrackedDataMixin, smtplib.SMTP_SSL):
    pass


class SmtpBackend(EmailBackend):
    """Django's SMTP backend whose connections report the DATA step (see the module's docstring)."""

    @property
    def connection_class(self):
        return TrackedSMTPSSL if self.use_ssl else TrackedSMTP


def mail_send_once(message: EmailMessage, *, before_data: Callable[[], None], mailer: str = "default") -> None:
    """Send `message` on a connection of its own, calling `before_data` just before the message itself goes.

    Raises what sending raises; `AcceptanceUnknown` when the message went and the server's answer did not
    come; and whatever `before_data` raises, before anything of the message was sent (a caller that lost
    its claim on the message stops the send that way)."""
    connection = mailers[mailer]
    mail_send_on(connection, message, before_data=before_data)


def mail_send_on(connection: BaseEmailBackend, message: EmailMessage, *, before_data: Callable[[], None]) -> None:
    """As `mail_send_once`, on a connection the caller opened (and closes): a batch sends on one."""
    if not isinstance(connection, SmtpBackend):
        before_data()
        connection.send_messages([message])
        return
    opened = connection.open()
    try:
        connection.connection.before_data = before_data
        try:
            connection.send_messages([message])
        finally:
            if connection.connection is not None:
                connection.connection.before_data = None
    finally:
        if opened:
            try:
                connection.close()
            except OSError:  # what counts is the message's outcome, already known: a failed goodbye changes nothing
                pass
