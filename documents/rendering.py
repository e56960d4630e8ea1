"""The one function that turns a template and a context into PDF bytes."""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string

# WeasyPrint allocates millions of small objects for a sheet of labels, and Python's default
# collector then runs thousands of young-generation passes that find almost nothing: raising its
# first threshold while rendering makes a 1,000-label sheet about 25 % faster (scripts/bench labels).
RENDERING_GC_THRESHOLD = 50_000
_gc_lock = threading.Lock()
_renders = 0
_saved_threshold: tuple[int, int, int] | None = None


@contextmanager
def fewer_gc_passes() -> Iterator[None]:
    """Raise the collector's first threshold while at least one render runs (thresholds are per process)."""
    global _renders, _saved_threshold
    with _gc_lock:
        if _renders == 0:
            _saved_threshold = gc.get_threshold()
            gc.set_threshold(RENDERING_GC_THRESHOLD, *_saved_threshold[1:])
        _renders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _renders -= 1
            if _renders == 0:
                gc.set_threshold(*_saved_threshold)


@lru_cache(maxsize=1)
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_html(html: str) -> bytes:
    # Imported here: importing WeasyPrint costs about 0.4 s, which Django's start-up need not pay.
    from weasyprint import HTML

    with fewer_gc_passes():
        return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(font_config=_font_config())


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render `template_name` (HTML under templates/) with `context` into PDF bytes."""
    return render_html(render_to_string(template_name, context))
