"""Partners, households, requests, allocations, loans and sales (filled by their issues)."""
