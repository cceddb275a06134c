"""The version of marsad: a leaf module, so that any part of the package can name it without
importing the package's public API (and the coder behind it)."""

__version__ = "0.1.0"
