"""PDF rendering tunes Python's collector while it runs, and always gives the setting back."""

import gc
from unittest import mock

import pytest

from documents import rendering


def test_the_collector_runs_less_often_while_rendering_and_as_before_after():
    before = gc.get_threshold()
    seen = []

    def write_pdf(self, **kwargs):
        seen.append(gc.get_threshold())
        return b"%PDF-fake"

    with mock.patch("weasyprint.HTML.write_pdf", write_pdf):
        assert rendering.render_html("<p>x</p>") == b"%PDF-fake"
    assert seen == [(rendering.RENDERING_GC_THRESHOLD, *before[1:])]
    assert gc.get_threshold() == before


def test_overlapping_renders_restore_the_setting_once_the_last_one_ends():
    before = gc.get_threshold()
    first, second = rendering.fewer_gc_passes(), rendering.fewer_gc_passes()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold()[0] == rendering.RENDERING_GC_THRESHOLD  # the second render still runs
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_a_failed_render_gives_the_setting_back():
    before = gc.get_threshold()
    with pytest.raises(ValueError), rendering.fewer_gc_passes():
        raise ValueError
    assert gc.get_threshold() == before
