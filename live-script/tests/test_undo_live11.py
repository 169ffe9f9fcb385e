"""The undo, notes, selection and envelope tests again with the simulator playing Live 11.3.

Live 11.3 has the same undo functions and notes API as 12.3 (the dumps: `undo`
and `redo` return str in both, `can_undo` has no listener in either), so
the same tests must pass; the simulator picks its Live version at import,
hence a child process, as in test_fake_api.py.
"""
import os
import subprocess
import sys
import unittest

MODULES = ("test_undo_grouping", "test_undo_kinds", "test_notes_api", "test_selection", "test_undo_script",
           "test_envelopes_sim", "test_envelopes_script")


class UndoInLive11(unittest.TestCase):
    def test_the_same_behaviour_in_live_11(self):
        env = dict(os.environ, LIVESURFACE_SIM_LIVE_VERSION="11")
        run = subprocess.run([sys.executable, "-m", "unittest", "-q"] + list(MODULES), env=env,
                             cwd=os.path.dirname(os.path.abspath(__file__)), stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
        self.assertEqual(run.returncode, 0, run.stdout.decode("utf-8", "replace")[-3000:])
        check = "import support; from Live import _version; assert _version.MAJOR == 11"
        version = subprocess.run([sys.executable, "-c", check], env=env, cwd=os.path.dirname(os.path.abspath(__file__)))
        self.assertEqual(version.returncode, 0)


if __name__ == "__main__":
    unittest.main()
