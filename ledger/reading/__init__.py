"""Extraction: pure functions from article text to claims, speakers and figures, all with character offsets."""
