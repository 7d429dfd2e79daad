"""kazserb-bot: answers questions about Kazakhstan–Serbia relations from a curated fact base."""

__version__ = "0.1.0"
