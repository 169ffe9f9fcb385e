"""The script's log cannot fill the disk: it rotates by size while the script runs, cuts long
entries, and writes a repeated message once, then a count."""
import importlib
import os
import tempfile
import unittest

importlib.import_module("support")  # puts live-script/ (the script's package) on the path
from LiveSurface import logfile  # noqa: E402
from LiveSurface.logfile import ScriptLog  # noqa: E402


class Clock(object):
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def letters(number):
    """A name of letters only (numbers in messages do not make kinds)."""
    return "".join(chr(97 + (number // 26 ** place) % 26) for place in range(3))


def sizes(directory):
    return dict((name, os.path.getsize(os.path.join(directory, name))) for name in os.listdir(directory))


class ScriptLogTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="log-test-")
        self.clock = Clock()

    def read(self, name=logfile.FILE_NAME):
        with open(os.path.join(self.directory, name)) as handle:
            return handle.read()

    def test_it_rotates_by_size_while_running_and_keeps_a_few_files(self):
        log = ScriptLog(self.directory, max_bytes=10000, keep=3, clock=self.clock)
        for index in range(2000):
            log.info("message number %d %s" % (index, chr(65 + index % 26) * (index % 50)))  # all different kinds
            self.clock.now += logfile.REPEAT_WINDOW  # so none is counted as a repeat
        log.close()
        found = sizes(self.directory)
        self.assertEqual(sorted(found), ["LiveSurface.log", "LiveSurface.log.1", "LiveSurface.log.2",
                                         "LiveSurface.log.3"])
        self.assertTrue(all(size <= 10000 for size in found.values()), found)

    def test_a_repeated_traceback_is_written_once_then_counted(self):
        log = ScriptLog(self.directory, clock=self.clock)
        for index in range(1000):
            try:
                int("request %d" % index)
            except ValueError:
                log.exception("request %d failed" % index)
        self.assertEqual(self.read().count("Traceback"), 1)
        self.clock.now += logfile.REPEAT_WINDOW
        log.tick()
        text = self.read()
        self.assertIn("repeated 999 more times in 60 s: request 0 failed", text)
        log.exception("after the window")  # outside an except: the kind starts again
        log.close()
        self.assertEqual(self.read().count("after the window"), 1)

    def test_messages_that_differ_only_in_numbers_are_one_kind(self):
        log = ScriptLog(self.directory, clock=self.clock)
        for port in range(50000, 50100):
            log.warning("refused 127.0.0.1:%d: wrong secret" % port)
        log.close()  # sums up what was counted
        text = self.read()
        self.assertEqual(text.count("warning refused 127.0.0.1"), 1)
        self.assertIn("repeated 99 more times", text)

    def test_an_entry_is_cut_and_kinds_past_the_limit_share_one_count(self):
        log = ScriptLog(self.directory, clock=self.clock)
        log.error("x" * 100000)
        for index in range(logfile.MAX_KINDS + 50):
            log.error("kind %s" % letters(index))
        self.clock.now += logfile.REPEAT_WINDOW
        log.tick()
        log.close()
        text = self.read()
        self.assertLess(len(text), 30000)
        self.assertIn("characters cut", text)
        self.assertIn("51 more messages of other kinds were not written", text)

    def test_a_large_old_log_is_rotated_at_start(self):
        with open(os.path.join(self.directory, logfile.FILE_NAME), "w") as handle:
            handle.write("x" * 5000)
        ScriptLog(self.directory, max_bytes=6000).close()
        self.assertEqual(sizes(self.directory)["LiveSurface.log.1"], 5000)


if __name__ == "__main__":
    unittest.main()
