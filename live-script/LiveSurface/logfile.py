"""The script's log file, beside Live's own Log.txt; quiet in normal operation
(connections and problems only)."""
import os
import sys
import tempfile
import time
import traceback

FILE_NAME = "LiveSurface.log"
MAX_BYTES = 1024 * 1024


def live_preferences_dir(major, minor, bugfix):
    """Where Live keeps Log.txt for this version, if it can be found."""
    version = "Live %d.%d.%d" % (major, minor, bugfix)
    if sys.platform == "darwin":
        candidate = os.path.expanduser(os.path.join("~", "Library", "Preferences", "Ableton", version))
    elif sys.platform.startswith("win"):
        candidate = os.path.join(os.environ.get("APPDATA", ""), "Ableton", version, "Preferences")
    else:
        return None
    return candidate if os.path.isdir(candidate) else None


def log_dir(version):
    """LIVESURFACE_LOG_DIR, else Live's preferences folder, else the temporary folder."""
    return os.environ.get("LIVESURFACE_LOG_DIR") or live_preferences_dir(*version) or tempfile.gettempdir()


class ScriptLog(object):
    def __init__(self, directory):
        self.path = os.path.join(directory, FILE_NAME)
        self._file = None
        try:
            if not os.path.isdir(directory):
                os.makedirs(directory)
            if os.path.exists(self.path) and os.path.getsize(self.path) > MAX_BYTES:
                os.replace(self.path, self.path + ".1")
            self._file = open(self.path, "a", encoding="utf-8")
        except (IOError, OSError):
            self._file = None  # no log is better than a script that cannot start

    def _write(self, level, message):
        if self._file is None:
            return
        try:
            self._file.write("%s %s %s\n" % (time.strftime("%Y-%m-%d %H:%M:%S"), level, message))
            self._file.flush()
        except (IOError, OSError, ValueError):
            pass

    def info(self, message):
        self._write("info", message)

    def warning(self, message):
        self._write("warning", message)

    def error(self, message):
        self._write("error", message)

    def exception(self, message):
        self._write("error", "%s\n%s" % (message, traceback.format_exc()))

    def close(self):
        if self._file is not None:
            self._file.close()
            self._file = None
