"""The "Estrategia" page of a case: the negotiation strategy, its history and decision log."""
