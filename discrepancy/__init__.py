"""Find where sources disagree about the same number."""

__version__ = "0.1.0"
