"""Measuring a page: SQL queries and latency (median, p95) over repeated requests with Django's test client."""

import statistics
import time

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

REQUESTS = 50


def measure(client: Client, url: str, requests: int = REQUESTS) -> tuple[int, float, float]:
    timings = []
    queries = 0
    for _ in range(requests):
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
    timings.sort()
    return queries, statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def print_header() -> None:
    print(f"{'page':58} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")


def print_row(label: str, figures: tuple[int, float, float]) -> None:
    queries, median, p95 = figures
    print(f"{label:58} {queries:>7} {median:>10.1f} {p95:>8.1f}")
