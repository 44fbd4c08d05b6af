"""What each app brings to the core, registered from its `AppConfig.ready()`.

The core knows kinds of cases, not apps. An app that owns a kind of work (buyer
messages, feedback, returns, claims, …) registers one `Contribution`: its case
kinds with their clocks and case-page panels, its navigation links and URL
module, its report importers, the Amazon notices it takes from mail reading,
its periodic tasks, its part of the managers' dashboard, its fraud signals, the
text of its cases for the search box, the purge of the buyer data it stores and
its demo data. The queue, the case page, the navigation, the URL conf, the
import-job page, the policies page, the risk list, the search index, the
retention purge, the beat schedule and `seed_demo` read this registry; none of
them names an app. Adding a domain edits no core file.

Everything that would import an app's code (a panel, an importer, a handler)
is a dotted path, imported when first used, so registering imports nothing.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from helpdesk.roles import ROLE_RANK


@dataclass(frozen=True)
class Clock:
    """A kind of clock, with Amazon's default duration and warning (admins change them per account)."""

    kind: str
    label: str
    duration: timedelta
    warn_before: timedelta
    met: str = "answered"  # what the case page says of a met clock: "answered in 3h 12m"
    # Amazon's response-time metric counts these clocks: share answered within 24 hours, late count, average.
    response_metric: bool = False


@dataclass(frozen=True)
class Kind:
    """A kind of case. `panel(request, case) -> (template name, context)` renders its part of the case page."""

    kind: str
    label: str
    panel: str
    clocks: tuple[Clock, ...] = ()


@dataclass(frozen=True)
class NavLink:
    """A link in the header for everyone holding at least `role` (agent, manager or admin) somewhere.

    Links naming the same `menu` are grouped under it, a drop-down in the header where the first of
    them would stand, so the header keeps to one line however many apps add links."""

    label: str
    url_name: str
    role: str = "agent"
    position: int = 50  # the order within the role's links
    accesskey: str = ""
    menu: str = ""


@dataclass(frozen=True)
class NavMenu:
    """A drop-down of the header: the links that named it, in their order."""

    label: str
    links: tuple[NavLink, ...]


@dataclass(frozen=True)
class SettingsPage:
    """A page of a seller account's settings, linked from the settings area (`helpdesk:settings`)
    for the people holding at least `role` on that account. Its URL takes the account's id, unless
    `per_account` is False (a page that lists every account of the viewer, linked once)."""

    label: str
    url_name: str
    role: str = "admin"
    position: int = 50
    description: str = ""
    per_account: bool = True


@dataclass(frozen=True)
class Importer:
    """A report kind. `run(*, account, data, actor, progress) -> ImportResult`.

    `page` names its upload page (where the import-job page leads back); `done`, if given, names
    the page that shows what an import brought, opened with `?account=<id>`."""

    kind: str
    label: str
    run: str
    page: str
    done: str = ""
    done_label: str = ""


@dataclass(frozen=True)
class SearchText:
    """Something said or recorded about a case, for the search box: `source` names what it is
    (a short key, e.g. "message.in"), `label` is what the results page calls it, `at` when it was
    said. An app's `search` source yields these for the cases it is asked about."""

    case_id: int
    source: str
    label: str
    text: str
    at: datetime


@dataclass(frozen=True)
class Contribution:
    """Everything one app adds to the core."""

    label: str  # the Django app label; its permission rows live in tests/<label>/permission_rows.py
    kinds: tuple[Kind, ...] = ()
    urls: tuple[tuple[str, str], ...] = ()  # (path prefix, URL module)
    nav: tuple[NavLink, ...] = ()
    settings: tuple[SettingsPage, ...] = ()  # the account settings pages it owns
    importers: tuple[Importer, ...] = ()
    # mail kind -> handler(*, mail) that takes the notice over; it must be idempotent (see messaging.services.notices)
    notices: tuple[tuple[str, str], ...] = ()
    periodic: tuple[tuple[str, dict[str, Any]], ...] = ()  # Celery beat entries: (name, entry)
    dashboard: tuple[str, ...] = ()  # templates each account's metrics page includes (`account`, `windows`)
    # signals(*, account_ids) -> list[helpdesk.risk.RiskSignal]: fraud signals for the managers' risk list
    risk: str = ""
    # documents(*, case_ids: list[int]) -> Iterable[SearchText]: the app's text of those cases, as it stands
    # now (purged words are simply no longer yielded); an app marks a case whose text it changed with
    # helpdesk.services.search.search_pending_mark
    search: str = ""
    demo: str = ""  # seed(*, account, orders: Iterator[Order], people: dict[str, User], now) for seed_demo
    # defects(*, account_id, ids=None) -> list[helpdesk.metrics.DefectRow]: the order defects (negative feedback,
    # claims, chargebacks) the app's rows carry, all or those of the app's rows `ids`; the app's services hand
    # them to `helpdesk.services.defects.defects_put` in the write's transaction, and the rebuild reads them all.
    defects: str = ""
    # purge(*, account, now) -> dict[str, int]: clear the buyer personal data the app stores that is past the
    # account's retention period (helpdesk.services.retention says when, and what must be kept longer), in
    # bounded batches, idempotently; returns what it cleared, which the core's audit row of the run holds.
    purge: str = ""


class Registry:
    def __init__(self) -> None:
        self._contributions: dict[str, Contribution] = {}

    def register(self, contribution: Contribution) -> None:
        """Add an app's contribution. Two apps may not claim the same label, kind, clock, report,
        notice, URL prefix or periodic task."""
        if contribution.label in self._contributions:
            raise ImproperlyConfigured(f"{contribution.label} registered twice")
        claims = {
            "case kind": (lambda c: [k.kind for k in c.kinds]),
            "clock kind": (lambda c: [clock.kind for k in c.kinds for clock in k.clocks]),
            "report kind": (lambda c: [i.kind for i in c.importers]),
            "notice": (lambda c: [kind for kind, _ in c.notices]),
            "URL prefix": (lambda c: [prefix for prefix, _ in c.urls]),
            "periodic task": (lambda c: [name for name, _ in c.periodic]),
        }
        for what, keys in claims.items():
            taken = {key: c.label for c in self._contributions.values() for key in keys(c)}
            for key in keys(contribution):
                if key in taken:
                    raise ImproperlyConfigured(f"{contribution.label} claims {what} {key!r}, which {taken[key]} owns")
        for link in (*contribution.nav, *contribution.settings):
            if link.role not in ROLE_RANK:
                raise ImproperlyConfigured(f"{contribution.label}: unknown role {link.role!r} for {link.label!r}")
        self._contributions[contribution.label] = contribution

    def contributions(self) -> list[Contribution]:
        return list(self._contributions.values())

    def labels(self) -> list[str]:
        return list(self._contributions)

    # --- kinds and clocks ---------------------------------------------------------

    def kinds(self) -> list[Kind]:
        return [kind for c in self._contributions.values() for kind in c.kinds]

    def kind(self, kind: str) -> Kind:
        for found in self.kinds():
            if found.kind == kind:
                return found
        raise LookupError(f"no app registers the case kind {kind!r}")

    def kind_label(self, kind: str) -> str:
        """A case kind's label; one no app registers reads as itself, as Django shows a value outside a
        field's choices."""
        try:
            return self.kind(kind).label
        except LookupError:
            return kind

    def clocks(self) -> list[Clock]:
        return [clock for kind in self.kinds() for clock in kind.clocks]

    def clock(self, kind: str) -> Clock:
        for found in self.clocks():
            if found.kind == kind:
                return found
        raise LookupError(f"no app registers the clock kind {kind!r}")

    def panel(self, kind: str):
        return import_string(self.kind(kind).panel)

    # --- pages --------------------------------------------------------------------

    def nav(self, *, roles: set[str]) -> list[NavLink]:
        """The header's links for someone holding `roles`, agents' first, then managers', then admins'."""
        links = [link for c in self._contributions.values() for link in c.nav if link.role in roles]
        return sorted(links, key=lambda link: (ROLE_RANK[link.role], link.position, link.label))

    def nav_entries(self, *, roles: set[str]) -> list[NavLink | NavMenu]:
        """The header: `nav`'s links, those naming a menu gathered where the menu's first link stands."""
        entries: list[NavLink | list] = []
        menus: dict[str, list[NavLink]] = {}
        for link in self.nav(roles=roles):
            if not link.menu:
                entries.append(link)
            elif link.menu in menus:
                menus[link.menu].append(link)
            else:
                menus[link.menu] = [link]
                entries.append(link.menu)
        return [NavMenu(entry, tuple(menus[entry])) if isinstance(entry, str) else entry for entry in entries]

    def settings_pages(self, *, role: str) -> list[SettingsPage]:
        """The account settings pages someone holding `role` on an account may open, in order."""
        pages = [page for c in self._contributions.values() for page in c.settings]
        return sorted(
            (page for page in pages if ROLE_RANK[page.role] <= ROLE_RANK[role]),
            key=lambda page: (page.position, page.label),
        )

    def url_includes(self) -> list[tuple[str, str]]:
        """(prefix, URL module); longer prefixes first, so a nested app is reached before its parent's catch-alls."""
        found = [include for c in self._contributions.values() for include in c.urls]
        return sorted(found, key=lambda include: -len(include[0]))

    def importers(self) -> list[Importer]:
        return [importer for c in self._contributions.values() for importer in c.importers]

    def importer(self, kind: str) -> Importer:
        for found in self.importers():
            if found.kind == kind:
                return found
        raise LookupError(f"no app imports reports of kind {kind!r}")

    def dashboard_sections(self) -> list[str]:
        return [template for c in self._contributions.values() for template in c.dashboard]

    # --- work done elsewhere --------------------------------------------------------

    def notice_handler(self, mail_kind: str) -> str | None:
        """The dotted path of the handler that takes notices of `mail_kind`, or None: nobody does."""
        for c in self._contributions.values():
            for kind, handler in c.notices:
                if kind == mail_kind:
                    return handler
        return None

    def notice_kinds(self) -> list[str]:
        return [kind for c in self._contributions.values() for kind, _ in c.notices]

    def beat_schedule(self) -> dict[str, dict[str, Any]]:
        return {name: entry for c in self._contributions.values() for name, entry in c.periodic}

    def risk_sources(self) -> list[str]:
        return [c.risk for c in self._contributions.values() if c.risk]

    def search_sources(self) -> list[str]:
        return [c.search for c in self._contributions.values() if c.search]

    def defect_sources(self) -> list[tuple[str, str]]:
        """(app label, dotted path of its `defects` function) of every app whose rows carry order defects."""
        return [(c.label, c.defects) for c in self._contributions.values() if c.defects]

    def purgers(self) -> list[tuple[str, str]]:
        """(app label, dotted path of its `purge` function) of every app that stores buyer personal data."""
        return [(c.label, c.purge) for c in self._contributions.values() if c.purge]

    def response_clocks(self) -> list[str]:
        """The clock kinds Amazon's response-time metric counts."""
        return [clock.kind for clock in self.clocks() if clock.response_metric]

    def demo_seeders(self) -> list[str]:
        return [c.demo for c in self._contributions.values() if c.demo]


registry = Registry()


def case_kind_choices() -> list[tuple[str, str]]:
    """`Case.kind`'s choices: every registered kind (a callable, so a new kind needs no migration)."""
    return [(kind.kind, kind.label) for kind in registry.kinds()]


def clock_kind_choices() -> list[tuple[str, str]]:
    return [(clock.kind, clock.label) for clock in registry.clocks()]


def import_kind_choices() -> list[tuple[str, str]]:
    return [(importer.kind, importer.label) for importer in registry.importers()]
