"""Connecting to a server an admin named, without reaching the server's own network.

A host typed into the product (a mailbox's IMAP server) is resolved here, and every address it
resolves to must be a public one: a loopback, private, shared (carrier-grade NAT), link-local
(169.254.169.254, the cloud's metadata service), multicast, reserved, documentation or unspecified
address is refused, as is an IPv6 address that maps, embeds or translates one. Otherwise "test
connection" and the poller would probe the internal network (Redis, PostgreSQL, metadata) for
anyone who can edit a mailbox. A host the operator names in the allow-list the caller passes (an
on-premises mail server; the tests' server on loopback) is not checked.

The check is made again when connecting, and the socket goes to an address that was just checked:
a DNS answer that changed since the form was saved (DNS rebinding) is caught, and no second lookup
happens between the check and the connection.
"""

import ipaddress
import socket
from collections.abc import Collection

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # an IPv4 address in its last 32 bits, reached through a NAT64 gateway


class HostRefused(OSError):
    """The host resolves to an address the product does not connect to."""


def address_kind(address: Address) -> str:
    """Why the address is not public ("" when it is): the kind of network it belongs to."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if address in NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return address_kind(embedded)
    for kind in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return "" if address.is_global else "non-public"


def _allowed(host: str, allowed: Collection[str]) -> bool:
    return host.strip().rstrip(".").lower() in {name.strip().rstrip(".").lower() for name in allowed}


def host_resolve(host: str, port: int, *, allowed: Collection[str]) -> list[tuple]:
    """`socket.getaddrinfo`'s answers for a TCP connection to host:port, each address checked.
    Raises HostRefused naming the first address that is not public (socket.gaierror, an OSError too,
    when the host does not resolve)."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError:
        raise HostRefused(f"{host!r} is not a host name") from None
    if _allowed(host, allowed):
        return answers
    for answer in answers:
        address = ipaddress.ip_address(answer[4][0].partition("%")[0])
        if kind := address_kind(address):
            raise HostRefused(
                f"{host} resolves to {address}, a {kind} address: a server on the internal network cannot be "
                "used here (the operator may allow an on-premises server by name)"
            )
    return answers


def host_connect(host: str, port: int, *, timeout: float | None, allowed: Collection[str]) -> socket.socket:
    """A TCP socket connected to host:port at an address `host_resolve` has just checked (the first
    that answers); HostRefused, or the last connection error."""
    error: OSError = HostRefused(f"{host} has no address")
    for family, kind, proto, _, sockaddr in host_resolve(host, port, allowed=allowed):
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            sock.connect(sockaddr)
        except OSError as exc:
            sock.close()
            error = exc
            continue
        return sock
    raise error
