"""Claims: cues, attribution frames, quotations, headlines, the outlet's own claims and their speakers."""
