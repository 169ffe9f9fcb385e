"""Live.Browser: the browser's items and loading them (a small tree: _browser.py)."""
from ._browser import Browser, BrowserItem, BrowserItemIterator, BrowserItemVector
from ._enums import FilterType, Relation

__all__ = ["Browser", "BrowserItem", "BrowserItemIterator", "BrowserItemVector", "FilterType", "Relation"]
