"""The script port's secret: only a process of the same OS user may use the script.

At each start the script makes 32 random bytes and writes them (hex) to
`script-<port>.secret` in a folder only this user may enter (mode 0700,
owned by the user, not a link), the file itself 0600, created without
following links: a file or link planted there by someone else is replaced,
never written through. The bridge reads it for the port it connects to
(bridge/script-secret.ts finds the same folder) and says it in `hello`.

The folder: LIVESURFACE_SECRET_DIR, else $XDG_RUNTIME_DIR/livesurface, else
on macOS ~/Library/Application Support/LiveSurface, on Windows
%LOCALAPPDATA%\\LiveSurface (a per-user folder: Windows has no modes), else
$XDG_CONFIG_HOME (or ~/.config)/livesurface.
"""
import binascii
import errno
import hmac
import os
import re
import socket
import stat
import sys

SECRET_BYTES = 32
STALE_CHECKS = 32  # secrets of other ports looked at, at most, at each start
_POSIX = os.name == "posix"
_SECRET_NAME = re.compile(r"^script-(\d+)\.secret$")


class SecretError(Exception):
    """The secret cannot be written safely; the message says why and what to do."""


def secret_dir(environ=None, platform=None):
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if environ.get("LIVESURFACE_SECRET_DIR"):
        return environ["LIVESURFACE_SECRET_DIR"]
    if environ.get("XDG_RUNTIME_DIR"):
        return os.path.join(environ["XDG_RUNTIME_DIR"], "livesurface")
    home = environ.get("HOME") or os.path.expanduser("~")
    if platform == "darwin":
        return os.path.join(home, "Library", "Application Support", "LiveSurface")
    if platform.startswith("win"):
        base = environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
        return os.path.join(base, "LiveSurface")
    return os.path.join(environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config"), "livesurface")


def secret_path(port, directory=None):
    return os.path.join(directory or secret_dir(), "script-%d.secret" % port)


def private_dir(directory):
    """Create `directory` (mode 0700) if needed; refuse one that others could enter or plant files in."""
    if not os.path.lexists(directory):
        parent = os.path.dirname(directory)
        if parent and not os.path.isdir(parent):
            os.makedirs(parent, 0o700)
        try:
            os.mkdir(directory, 0o700)
        except FileExistsError:
            pass  # made meanwhile: checked below like any other
    info = os.lstat(directory)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise SecretError("%s is not a folder (a link or a file is there): remove it" % directory)
    if _POSIX:
        if info.st_uid != os.getuid():
            raise SecretError("%s belongs to another user: remove it, or set LIVESURFACE_SECRET_DIR" % directory)
        if info.st_mode & 0o077:
            raise SecretError("%s may be entered by other users (mode %o): chmod 700 it" % (
                directory, stat.S_IMODE(info.st_mode)))
    return directory


def remove_stale(directory, own_port):
    """Remove the secrets of scripts that died without cleaning up (nothing listens on their port)."""
    try:
        names = sorted(os.listdir(directory))
    except (IOError, OSError):
        return []
    removed = []
    for name in names[:STALE_CHECKS]:
        match = _SECRET_NAME.match(name)
        if match is None or int(match.group(1)) == own_port:
            continue
        if not _listening(int(match.group(1))):
            _remove(os.path.join(directory, name))
            removed.append(name)
    return removed


def _listening(port):
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.settimeout(0.05)
    try:
        return probe.connect_ex(("127.0.0.1", port)) not in (errno.ECONNREFUSED, errno.EADDRNOTAVAIL)
    except (IOError, OSError):
        return True  # not sure: leave it
    finally:
        probe.close()


def new_secret():
    return binascii.hexlify(os.urandom(SECRET_BYTES)).decode("ascii")


def write_secret(port, directory=None):
    """Make a secret for `port` and write it where the bridge looks; returns (secret, path)."""
    directory = private_dir(directory or secret_dir())
    remove_stale(directory, port)
    path = secret_path(port, directory)
    secret = new_secret()
    temporary = "%s.%d.tmp" % (path, os.getpid())
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    _remove(temporary)
    descriptor = os.open(temporary, flags, 0o600)
    try:
        os.write(descriptor, secret.encode("ascii"))
    finally:
        os.close(descriptor)
    os.replace(temporary, path)  # replaces a link planted at `path`, never writes through it
    return secret, path


def read_secret(port, directory=None):
    """The secret of the script on `port`, or None (what a client of the same user does)."""
    try:
        with open(secret_path(port, directory), "r") as handle:
            return handle.read().strip() or None
    except (IOError, OSError):
        return None


def remove_secret(path, secret):
    """Remove the secret file if it is still ours (a later script on the port may have replaced it)."""
    try:
        with open(path, "r") as handle:
            if handle.read().strip() != secret:
                return
    except (IOError, OSError):
        return
    _remove(path)


def matches(given, secret):
    """Constant-time comparison: the time taken tells nothing about the secret."""
    if not isinstance(given, str) or secret is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), secret.encode("utf-8"))


def _remove(path):
    try:
        os.remove(path)
    except (IOError, OSError):
        pass
