"""Analyst changes: reviewing claims, teaching sources, correcting events, and the audit log behind them."""
