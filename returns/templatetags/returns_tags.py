from django import template

from helpdesk.models import SellerAccount
from returns.selectors import dashboard_figures

register = template.Library()


@register.inclusion_tag("returns/dashboard_figures.html")
def returns_dashboard(account: SellerAccount) -> dict:
    """The returns part of an account's section on the managers' dashboard."""
    return {"account": account, "figures": dashboard_figures(account)}
