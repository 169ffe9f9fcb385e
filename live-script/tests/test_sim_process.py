"""sim.py as the bridge runs it: with --exit-with-stdin it ends when its stdin does; its ready line
names its MIDI ports.

The bridge starts the simulator with a pipe on its stdin; the system closes the
pipe when the bridge ends, however it ends (even SIGKILL), so the simulator
never outlives its bridge to hold the script and MIDI ports.
"""
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SIM = os.path.join(HERE, "..", "sim.py")
# the bridge finds the LiveSurface Return port with /MIDI out on 127\.0\.0\.1:(\d+)/
READY = re.compile(r"simulator ready: Live 12\.3\.6, set 'LiveSurface Demo', MIDI in on 127\.0\.0\.1:(\d+), "
                   r"MIDI out on 127\.0\.0\.1:(\d+), logs in (\S+)\n\Z")


def run_sim(*extra, **env_extra):
    """sim.py in a process of its own, as the bridge starts it (without the pipe's meaning)."""
    log_dir = tempfile.mkdtemp(prefix="sim-process-")
    env = dict(os.environ, LIVESURFACE_SCRIPT_PORT="0", LIVESURFACE_SECRET_DIR=log_dir)
    env.pop("LIVESURFACE_SIM_MIDI_RETURN_PORT", None)  # one in the caller's environment is not the test's
    env.update(env_extra)
    return subprocess.Popen(
        [sys.executable, SIM, "--midi-port", "0", "--log-dir", log_dir] + list(extra),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


class SimProcess(unittest.TestCase):
    def start(self, *extra, **env_extra):
        process = run_sim(*extra, **env_extra)
        self.addCleanup(self.stop, process)
        self.ready_line = process.stdout.readline().decode()
        self.assertIn("simulator ready", self.ready_line)
        return process

    @staticmethod
    def stop(process):
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()


class ExitWithStdin(SimProcess):
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


class MidiPorts(SimProcess):
    """The ready line names both MIDI sockets; the return port is any free one unless told."""

    def test_the_ready_line_names_the_midi_in_and_out_ports(self):
        self.start("--set", "demo")
        match = READY.match(self.ready_line)
        self.assertIsNotNone(match, self.ready_line)
        midi_in, midi_out = int(match.group(1)), int(match.group(2))
        self.assertNotIn(0, (midi_in, midi_out))
        self.assertEqual(re.search(r"MIDI out on 127\.0\.0\.1:(\d+)", self.ready_line).group(1), str(midi_out))
        socket.create_connection(("127.0.0.1", midi_out), timeout=5).close()

    def test_the_return_port_comes_from_the_option_or_the_environment(self):
        for option, env in ((["--midi-return-port", "{port}"], {}),
                            ([], {"LIVESURFACE_SIM_MIDI_RETURN_PORT": "{port}"})):
            probe = socket.socket()
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
            probe.close()
            self.start(*[o.format(port=port) for o in option], **dict((k, v.format(port=port)) for k, v in env.items()))
            self.assertIn("MIDI out on 127.0.0.1:%d, logs in" % port, self.ready_line)

    def test_a_return_port_it_cannot_listen_on_ends_it_with_code_1(self):
        busy = socket.socket()
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        self.addCleanup(busy.close)
        port = busy.getsockname()[1]
        process = run_sim("--midi-return-port", str(port))
        _out, err = process.communicate(timeout=30)
        self.assertEqual(process.returncode, 1)
        self.assertIn("sim.py: cannot listen for MIDI out on 127.0.0.1:%d: " % port, err.decode())


if __name__ == "__main__":
    unittest.main()
