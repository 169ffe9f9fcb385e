"""The headless Live simulator: a host for remote scripts (see README.md).

Importing it puts the simulator's `Live` and `_Framework` modules on the
path, where a remote script finds them as it finds Live's own.
"""
import os
import sys

LIVE_MODULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "live_modules")
if LIVE_MODULES not in sys.path:
    sys.path.insert(0, LIVE_MODULES)
