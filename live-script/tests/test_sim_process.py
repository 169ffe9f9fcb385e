"""sim.py as the bridge runs it: with --exit-with-stdin it ends when its stdin does.

The bridge starts the simulator with a pipe on its stdin; the system closes the
pipe when the bridge ends, however it ends (even SIGKILL), so the simulator
never outlives its bridge to hold the script and MIDI ports.
"""
import os
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SIM = os.path.join(HERE, "..", "sim.py")


class ExitWithStdin(unittest.TestCase):
    def start(self, *extra):
        log_dir = tempfile.mkdtemp(prefix="sim-process-")
        env = dict(os.environ, LIVESURFACE_SCRIPT_PORT="0", LIVESURFACE_SECRET_DIR=log_dir)
        process = subprocess.Popen(
            [sys.executable, SIM, "--midi-port", "0", "--log-dir", log_dir] + list(extra),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.addCleanup(self.stop, process)
        line = process.stdout.readline().decode()
        self.assertIn("simulator ready", line)
        return process

    @staticmethod
    def stop(process):
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()

    def test_it_stops_when_stdin_ends(self):
        process = self.start("--exit-with-stdin")
        started = time.monotonic()
        process.stdin.close()
        self.assertEqual(process.wait(timeout=10), 0)
        self.assertLess(time.monotonic() - started, 5)

    def test_without_the_flag_stdin_means_nothing(self):
        process = self.start()
        process.stdin.close()
        time.sleep(0.5)
        self.assertIsNone(process.poll())


if __name__ == "__main__":
    unittest.main()
