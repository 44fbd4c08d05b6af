from django import template
from django.utils.safestring import SafeString, mark_safe

from messaging.parsing import with_remote_images, without_images

register = template.Library()


@register.filter
def images_blocked(body_html: str) -> SafeString:
    """A message's sanitised HTML without image sources: what the case page shows until asked."""
    return mark_safe(without_images(body_html))  # nh3 output: sanitised again on the way out


@register.filter
def remote_images(body_html: str) -> SafeString:
    """The HTML for the framed view, which may show images from https addresses and nothing else."""
    return mark_safe(with_remote_images(body_html))  # nh3 output: sanitised again on the way out


@register.filter
def has_images(body_html: str) -> bool:
    return "<img" in body_html
