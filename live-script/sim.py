"""Run the headless Live simulator with a remote script.

    python3 live-script/sim.py [--script DIR] [--live-version 11|12] [--set demo|default]
                               [--midi-port N] [--midi-return-port N] [--log-dir DIR] [--exit-with-stdin]

Without --script it hosts live-script/LiveSurface. --set chooses the set Live opens: the demo set
(the default: eight tracks, then a group track holding two), or one shaped like Live's own new set
(simulator/default_set.py). The script's TCP port is
the script's business (LiveSurface reads LIVESURFACE_SCRIPT_PORT, 9401 by
default). --midi-return-port is where what Live sends to the "LiveSurface Return"
MIDI port can be read (0, the default: any free port). Prints, once the script is loaded,
one line (`ready_line`: the bridge reads the ports from it)

    simulator ready: Live 12.3.6, set 'LiveSurface Demo', MIDI in on 127.0.0.1:9402,
    MIDI out on 127.0.0.1:40123, logs in DIR

and exits cleanly
on SIGINT and SIGTERM, and, with --exit-with-stdin, when its stdin ends: the
bridge starts it with a pipe there, which the system closes when the bridge
ends however it ends (even SIGKILL), so no simulator outlives its bridge.
With --exit-with-stdin each line on stdin is also a musician's hand, something
only Live's UI does (simulator/hands.py); a line it cannot do is told on stderr
(`sim.py: hand: <why>`) and ignored.
"""
import argparse
import os
import signal
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MIDI_PORT = 9402
DEFAULT_SCRIPT_PORT = "9401"
SET_NAMES = ("demo", "default")


def set_builder(name):
    """The builder of the set `--set` names (imported late: the simulator's Live must come first)."""
    from simulator import default_set, demo_set
    return {"demo": demo_set.build, "default": default_set.build}[name]


def default_log_dir(environ=None, tmp=None, uid=None, pid=None):
    """A folder of this simulator's own: per script port (a restarted one goes on in it), per process when
    the port is left to the system (0). Under the user's id, as a shared /tmp holds other users' folders.
    The bridge names the same folder (bridge/simulator-process.ts, simulatorLogDir)."""
    environ = os.environ if environ is None else environ
    tmp = tempfile.gettempdir() if tmp is None else tmp
    if uid is None and hasattr(os, "getuid"):
        uid = os.getuid()
    port = environ.get("LIVESURFACE_SCRIPT_PORT") or DEFAULT_SCRIPT_PORT
    instance = "pid-%d" % (os.getpid() if pid is None else pid) if port == "0" else "port-%s" % port
    top = "livesurface-sim" if uid is None else "livesurface-sim-%d" % uid
    return os.path.join(tmp, top, instance)


def ready_line(host, log_dir):
    """What the simulator says once it runs; the bridge reads the ports from it
    (`/MIDI out on 127\\.0\\.0\\.1:(\\d+)/` finds the LiveSurface Return port)."""
    return "simulator ready: Live %s, set %r, MIDI in on 127.0.0.1:%d, MIDI out on 127.0.0.1:%d, logs in %s" % (
        host.application.get_version_string(), host.song.name, host.midi.port, host.midi_return.port, log_dir)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="sim.py", description="A headless Live for remote scripts.")
    parser.add_argument("--script", default=os.path.join(HERE, "LiveSurface"),
                        help="remote script folder to load (default: live-script/LiveSurface)")
    parser.add_argument("--live-version", choices=("11", "12"),
                        default=os.environ.get("LIVESURFACE_SIM_LIVE_VERSION", "12"),
                        help="which Live's API to offer (default 12)")
    parser.add_argument("--set", dest="live_set", choices=SET_NAMES, default="demo",
                        help="the set Live opens: demo (default) or default (Live's own new set)")
    parser.add_argument("--midi-port", type=int,
                        default=int(os.environ.get("LIVESURFACE_SIM_MIDI_PORT", DEFAULT_MIDI_PORT)),
                        help="TCP port of the simulated MIDI input (default 9402, 0 picks a free one)")
    parser.add_argument("--midi-return-port", type=int,
                        default=int(os.environ.get("LIVESURFACE_SIM_MIDI_RETURN_PORT", 0)),
                        help='TCP port where what Live sends to its "LiveSurface Return" MIDI port can be read '
                             "(default 0: a free one, named in the ready line)")
    parser.add_argument("--log-dir", default=os.environ.get("LIVESURFACE_SIM_LOG_DIR") or default_log_dir(),
                        help="where Live's Log.txt and the script's log go (default: a folder of this "
                             "simulator's own, per script port, in the temporary folder)")
    parser.add_argument("--exit-with-stdin", action="store_true",
                        help="stop when stdin ends (the process that started it is gone); until then each "
                             "line there is a musician's hand (simulator/hands.py)")
    return parser.parse_args(argv)


# How long a stop asked for by a closed stdin may take before the process ends anyway.
STOP_GRACE_SECONDS = 5.0


def report_hand(why):
    """A hand that could not be done, on stderr (whoever reads it may be gone)."""
    try:
        sys.stderr.write("sim.py: hand: %s\n" % why)
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass


def watch_stdin(host, hands):
    """Hand each line of stdin to `hands`; stop the host when stdin reaches its end, and end the process if
    the host does not stop in time."""
    def watch():
        try:
            while True:
                data = os.read(sys.stdin.fileno(), 4096)
                if not data:
                    break
                hands.feed(data)
        except OSError:
            pass
        host.stop()
        time.sleep(STOP_GRACE_SECONDS)
        os._exit(1)  # the main thread is stuck (a stalled script): nobody waits for us any more

    thread = threading.Thread(target=watch, name="stdin-watch", daemon=True)
    thread.start()
    return thread


def main(argv):
    args = parse_args(argv)
    if not os.path.isfile(os.path.join(args.script, "__init__.py")):
        sys.stderr.write("sim.py: %s is not a remote script folder (no __init__.py)\n" % args.script)
        return 2
    # Facts the simulated Live and the script read at import time.
    os.environ["LIVESURFACE_SIM_LIVE_VERSION"] = args.live_version
    os.environ["LIVESURFACE_HOST"] = "simulator"
    os.environ.setdefault("LIVESURFACE_LOG_DIR", args.log_dir)
    sys.path.insert(0, HERE)
    from simulator.hands import Hands
    from simulator.host import Host, ListenError

    try:
        host = Host(set_builder(args.live_set), midi_port=args.midi_port, log_dir=args.log_dir,
                    midi_return_port=args.midi_return_port)
    except ListenError as error:
        sys.stderr.write("sim.py: cannot listen for %s on 127.0.0.1:%d: %s\n" % (error.what, error.port, error))
        return 1
    except OSError as error:
        sys.stderr.write("sim.py: cannot listen for MIDI on 127.0.0.1:%d: %s\n" % (args.midi_port, error))
        return 1

    def stop(_signum, _frame):
        host.stop()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    if args.exit_with_stdin:
        watch_stdin(host, Hands(host, report_hand))

    def ready(running_host):
        print(ready_line(running_host, args.log_dir))
        sys.stdout.flush()

    try:
        host.run([args.script], on_ready=ready)
    except Exception as error:  # a script that fails to load
        sys.stderr.write("sim.py: %s\n" % error)
        return 1
    try:
        print("simulator stopped")
        sys.stdout.flush()
    except (BrokenPipeError, OSError):
        pass  # whoever read our output is gone
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
