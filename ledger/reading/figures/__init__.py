"""Figures: the number grammar, the noun and metric of each count, and no-figure statements."""
