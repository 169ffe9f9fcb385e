"""The part of Ableton's `_Framework` that remote scripts import (simulator)."""
