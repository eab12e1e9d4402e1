"""biwaq-extract: scrape German ESF newsletter articles and turn them into normalised tables."""

__version__ = "0.1.0"
