"""VIP Desk: a workstation for high-value debt recovery."""

__version__ = "0.1.0"
