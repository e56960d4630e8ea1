"""The one function that turns a template and a context into PDF bytes."""

from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string


@lru_cache(maxsize=1)
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_html(html: str) -> bytes:
    # Imported here: importing WeasyPrint costs about 0.4 s, which Django's start-up need not pay.
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(font_config=_font_config())


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render `template_name` (HTML under templates/) with `context` into PDF bytes."""
    return render_html(render_to_string(template_name, context))
