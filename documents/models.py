"""Issued documents: numbered PDFs (certificates, receipts, contracts) kept exactly as printed."""
