"""iacscan: infrastructure-as-code compliance and drift scanner."""

__version__ = "0.1.0"
