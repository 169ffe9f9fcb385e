"""Live's MIDI out to the bridge: a MIDI track sending its output to the "LiveSurface Return" port
(README, "Evidence: track routing" and "MIDI out"). The simulator offers that port as Live lists an
external MIDI port, and sends what the track plays to its own socket, whole messages on the chosen
channel: the monitored input, the playing clip's notes on their beats, and a note-off for every
note when the clip, the transport or the routing stops it."""
import select
import socket
import unittest

from support import SteppedLive
from simulator import default_set
from simulator.midi_input import MidiParser

import Live
from Live import _lom

CATEGORY = Live.Track.RoutingTypeCategory
LAYOUT = Live.Track.RoutingChannelLayout
MONITOR = Live.Track.Track.monitoring_states
PORT = "LiveSurface Return"
CHANNELS = ["Ch. %d" % number for number in range(1, 17)]
STEP = 1.0 / 64  # beats: finer than the transport's 20 ms tick (1/25 of a beat at 120 BPM)


def notes(clip, *specs):
    """Adds notes given as (pitch, start, duration, velocity[, mute])."""
    clip.add_new_notes(tuple(Live.Clip.MidiNoteSpecification(
        pitch=pitch, start_time=float(start), duration=float(duration), velocity=float(velocity), mute=bool(muted))
        for pitch, start, duration, velocity, muted in (spec + (False,) * (5 - len(spec)) for spec in specs)))


class ReturnPort(object):
    """A client of the simulator's LiveSurface Return socket, as the bridge is."""

    def __init__(self, live):
        self.live = live
        self.sock = socket.create_connection(("127.0.0.1", live.host.midi_return.port))
        self.sock.setblocking(False)
        self.parser = MidiParser()
        self.raw = b""
        for _ in range(200):
            live.host._iterate(timeout=0.01)  # the host accepts it in its loop
            if live.host.midi_return.client_count:
                return
        raise AssertionError("the host did not accept the client")

    def take(self, wait=0.0):
        """What arrived since the last call: complete messages."""
        messages = []
        while True:
            readable, _, _ = select.select([self.sock], [], [], wait)
            if not readable:
                return messages
            data = self.sock.recv(65536)
            if not data:
                return messages
            self.raw += data
            messages.extend(self.parser.feed(data))
            wait = 0.0

    def expect(self, count):
        """The next `count` messages (waiting a little for the loopback if need be)."""
        messages = []
        for _ in range(100):
            messages += self.take(0.01)
            if len(messages) >= count:
                break
        return messages

    def close(self):
        self.sock.close()


class RoutingTest(unittest.TestCase):
    """The port among a MIDI track's outputs, as Live lists an external MIDI port."""

    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.keys, self.vox = self.song.tracks[3], self.song.tracks[7]

    def tearDown(self):
        self.live.close()

    def test_a_track_playing_an_instrument_does_not_offer_it_until_its_devices_go(self):
        self.assertNotIn(PORT, list(self.keys.output_routings))
        while len(self.keys.devices):
            self.keys.delete_device(0)
        self.assertTrue(self.keys.has_midi_output)
        names = [t.display_name for t in self.keys.available_output_routing_types]
        self.assertEqual(names[:3], ["No Output", PORT, "Drums"])  # after No Output, before the tracks
        self.assertEqual(list(self.keys.output_routings), names)
        port = self.keys.available_output_routing_types[1]
        self.assertEqual(port.category, CATEGORY.external)
        self.assertIsNone(port.attached_object)

    def test_its_channels_are_the_sixteen_midi_channels_from_ch_1(self):
        while len(self.keys.devices):
            self.keys.delete_device(0)
        heard = []
        self.keys.add_output_routing_type_listener(lambda: heard.append("type"))
        self.keys.output_routing_type = self.keys.available_output_routing_types[1]
        self.assertEqual(heard, ["type"])
        self.assertEqual(self.keys.output_routing_type.display_name, PORT)
        channels = list(self.keys.available_output_routing_channels)
        self.assertEqual([c.display_name for c in channels], CHANNELS)
        self.assertEqual({c.layout for c in channels}, {LAYOUT.midi})
        self.assertEqual(self.keys.output_routing_channel.display_name, "Ch. 1")
        self.keys.output_routing_channel = channels[9]
        self.assertEqual(self.keys.current_output_sub_routing, "Ch. 10")
        self.assertEqual(list(self.keys.output_sub_routings), CHANNELS)

    def test_the_older_api_chooses_it_by_name(self):
        track = self.song.create_midi_track(-1)  # a new MIDI track has no instrument
        track.current_output_routing = PORT
        self.assertEqual(track.output_routing_type.display_name, PORT)
        self.assertEqual(track.current_output_sub_routing, "Ch. 1")
        track.current_output_sub_routing = "Ch. 16"
        self.assertEqual(track.output_routing_channel.display_name, "Ch. 16")
        with self.assertRaises(ValueError):
            track.current_output_sub_routing = "All Channels"

    def test_audio_tracks_and_instrument_tracks_cannot_choose_it(self):
        self.assertNotIn(PORT, list(self.vox.output_routings))
        with self.assertRaises(ValueError):
            self.vox.current_output_routing = PORT
        with self.assertRaises(ValueError):
            self.keys.current_output_routing = PORT


class SendingTest(unittest.TestCase):
    """What a track sent to the port plays reaches the port's socket (Live's new set: "1-MIDI" has no
    instrument, so it sends MIDI)."""

    def setUp(self):
        self.live = SteppedLive(script=False, build=default_set.build)
        self.song = self.live.song
        self.song.tempo = 120.0  # a beat is half a second
        self.track, self.other = self.song.tracks[0], self.song.tracks[1]
        self.track.current_output_routing = PORT
        self.track.current_output_sub_routing = "Ch. 3"  # status bytes 0x92 and 0x82
        self.port = ReturnPort(self.live)

    def tearDown(self):
        self.port.close()
        self.live.close()

    def clip(self, scene, length, *specs):
        slot = self.track.clip_slots[scene]
        slot.create_clip(float(length))
        if specs:
            notes(slot.clip, *specs)
        return slot.clip

    def beat(self):
        return self.song.current_song_time

    def play_until(self, beat):
        """Step the clock to `beat`; each message with the beat it arrived by (a step of 1/64 beat)."""
        arrived = []
        while self.beat() < beat - 1e-9:
            self.live.advance(min(STEP, beat - self.beat()) * 0.5)
            arrived += [(round(self.beat() * 64) / 64.0, message) for message in self.port.take()]
        return arrived

    def assert_complete_messages(self):
        """Whole messages with their status bytes: no running status."""
        self.assertEqual(self.port.raw, b"".join(bytes(m) for m in self.port.parser.feed(self.port.raw)))

    # ------------------------------------------------------------ the input, monitored
    def test_the_monitored_input_goes_out_on_the_output_channel(self):
        self.track.arm = True
        sent = [(0x90, 60, 100), (0xB5, 1, 64), (0xE0, 0, 80), (0xD7, 90), (0xA0, 60, 50), (0x80, 60, 30)]
        for message in sent:
            self.live.host.midi_in(message)
        self.assertEqual(self.port.expect(6), [(0x92, 60, 100), (0xB2, 1, 64), (0xE2, 0, 80), (0xD2, 90),
                                               (0xA2, 60, 50), (0x82, 60, 30)])
        self.assert_complete_messages()
        self.assertEqual([entry[1] for entry in self.live.host.recent_midi], sent)  # the input as it was

    def test_monitoring_decides_whether_the_input_goes_out(self):
        self.live.host.midi_in((0x90, 60, 100))  # Auto, not armed
        self.track.current_monitoring_state = MONITOR.IN
        self.live.host.midi_in((0x90, 62, 100))  # In: always
        self.live.host.midi_in((0x90, 62, 0))  # a note-on of velocity 0 ends it, as a note-off
        self.track.current_monitoring_state = MONITOR.OFF
        self.track.arm = True
        self.live.host.midi_in((0x90, 64, 100))  # Off: never
        self.assertEqual(self.port.expect(2), [(0x92, 62, 100), (0x82, 62, 64)])
        self.assertEqual(self.port.take(0.05), [])

    def test_a_note_off_follows_its_note_on_after_the_track_is_disarmed(self):
        self.track.arm = True
        self.live.host.midi_in((0x90, 60, 100))
        self.track.arm = False
        self.live.host.midi_in((0x90, 62, 100))
        self.live.host.midi_in((0x80, 60, 0))
        self.assertEqual(self.port.expect(2), [(0x92, 60, 100), (0x82, 60, 0)])

    def test_a_track_sent_elsewhere_sends_nothing(self):
        self.track.current_output_routing = "No Output"
        self.track.arm = True
        self.live.host.midi_in((0x90, 60, 100))
        self.clip(0, 4, (60, 0, 1, 100))
        self.track.clip_slots[0].fire()
        self.play_until(2.0)
        self.assertEqual(self.port.take(0.05), [])

    # ------------------------------------------------------------ the playing clip
    def test_a_playing_clips_notes_go_out_on_their_beats_across_the_loop(self):
        self.clip(0, 2, (60, 0, 0.5, 100), (62, 0.5, 0.25, 80, True), (64, 1, 0.5, 90.4), (67, 1.5, 1, 70),
                  (67, 0, 0.25, 60))
        self.track.clip_slots[0].fire()  # the transport was stopped: clip and song start at once, beat 0
        arrived = [(0.0, message) for message in self.port.take()] + self.play_until(4.25)
        one_pass = [(0.0, (0x92, 60, 100)), (0.0, (0x92, 67, 60)), (0.25, (0x82, 67, 64)), (0.5, (0x82, 60, 64)),
                    (1.0, (0x92, 64, 90)), (1.5, (0x82, 64, 64)), (1.5, (0x92, 67, 70))]
        # the note crossing the loop end ends there, before the loop start's notes start again
        expected = one_pass + [(2.0, (0x82, 67, 64))] + [(beat + 2.0, m) for beat, m in one_pass] + \
            [(4.0, (0x82, 67, 64)), (4.0, (0x92, 60, 100)), (4.0, (0x92, 67, 60)), (4.25, (0x82, 67, 64))]
        self.assertEqual(arrived, expected)
        self.assert_complete_messages()

    def test_the_host_wakes_on_the_beat_a_message_is_due_not_a_tick_later(self):
        self.clip(0, 4, (60, 0.3, 0.13, 100), (62, 1.01, 0.5, 100))  # between the transport's 20 ms ticks
        sent, send = [], _lom.HOST.midi_return
        _lom.HOST.midi_return = lambda message: (sent.append((self.song._transport.beat(), tuple(message))),
                                                 send(message))
        try:
            self.track.clip_slots[0].fire()
            self.live.advance(1.0)  # one stretch of two beats: the host wakes where it must
        finally:
            _lom.HOST.midi_return = send
        self.assertEqual([message for _beat, message in sent],
                         [(0x92, 60, 100), (0x82, 60, 64), (0x92, 62, 100), (0x82, 62, 64)])
        for (beat, _message), expected in zip(sent, (0.3, 0.43, 1.01, 1.51)):
            self.assertAlmostEqual(beat, expected, places=6)

    def test_a_clip_that_does_not_loop_ends_its_notes_at_its_end(self):
        clip = self.clip(0, 2, (60, 1.5, 2, 100))
        clip.looping = False
        self.track.clip_slots[0].fire()
        self.assertEqual(self.play_until(3.0), [(1.5, (0x92, 60, 100)), (2.0, (0x82, 60, 64))])
        self.assertFalse(clip.is_playing)

    def test_a_note_starting_while_its_pitch_sounds_ends_that_one_first(self):
        clip = self.clip(0, 4)
        clip._add_note(60, 0.0, 2.0, 100.0)  # without Live's overlap rule, as the demo set's drum hits are
        clip._add_note(60, 1.0, 0.5, 90.0)
        clip._notes_changed()
        self.track.clip_slots[0].fire()
        arrived = [(0.0, message) for message in self.port.take()] + self.play_until(3.0)
        self.assertEqual(arrived, [(0.0, (0x92, 60, 100)), (1.0, (0x82, 60, 64)), (1.0, (0x92, 60, 90)),
                                   (1.5, (0x82, 60, 64))])

    def test_a_jump_in_the_clip_ends_its_notes_and_it_plays_on_from_there(self):
        self.clip(0, 4, (60, 0, 4, 100))
        self.track.clip_slots[0].fire()
        self.play_until(1.0)
        self.port.take()
        self.track.jump_in_running_session_clip(2.0)  # the clip is at 3.0: its loop starts again at beat 2
        self.assertEqual(self.port.take(0.01), [(0x82, 60, 64)])
        self.assertEqual(self.play_until(2.5), [(2.0, (0x92, 60, 100))])

    def test_stopping_the_transport_ends_the_sounding_notes(self):
        self.clip(0, 4, (60, 0, 4, 100), (64, 1, 2, 100))
        self.track.clip_slots[0].fire()
        self.play_until(1.5)
        self.port.take()
        self.song.stop_playing()
        self.assertEqual(sorted(self.port.expect(2)), [(0x82, 60, 64), (0x82, 64, 64)])
        self.live.advance(2.0)
        self.assertEqual(self.port.take(0.05), [])

    def test_stopping_the_clip_ends_its_notes_on_the_grid(self):
        self.clip(0, 8, (60, 0, 8, 100))
        self.track.clip_slots[0].fire()
        self.play_until(1.0)
        self.port.take()
        self.track.stop_all_clips()  # quantized: the next bar
        self.assertEqual(self.play_until(5.0), [(4.0, (0x82, 60, 64))])

    def test_launching_another_clip_ends_the_first_ones_notes(self):
        self.clip(0, 8, (60, 0, 8, 100))
        self.clip(1, 4, (72, 0, 1, 110))
        self.track.clip_slots[0].fire()
        self.play_until(0.5)
        self.port.take()
        self.track.clip_slots[1].fire()  # on the next bar
        self.assertEqual(self.play_until(5.5), [(4.0, (0x82, 60, 64)), (4.0, (0x92, 72, 110)),
                                                (5.0, (0x82, 72, 64))])

    def test_monitoring_in_silences_the_clip(self):
        self.clip(0, 4, (60, 0, 2, 100), (62, 2, 1, 100))
        self.track.clip_slots[0].fire()
        self.assertEqual(self.port.take(), [(0x92, 60, 100)])
        self.track.current_monitoring_state = MONITOR.IN  # "output from the clips is suppressed"
        self.assertEqual(self.play_until(3.0), [(STEP, (0x82, 60, 64))])  # when the clock next moves

    # ------------------------------------------------------------ the routing changes
    def test_another_channel_ends_every_note_on_the_old_one(self):
        self.clip(0, 4, (60, 0, 4, 100))
        self.track.arm = True
        self.track.clip_slots[0].fire()
        self.live.host.midi_in((0x90, 48, 90))
        self.play_until(1.0)
        self.port.take()
        self.track.output_routing_channel = self.track.available_output_routing_channels[4]
        self.assertEqual(self.port.expect(2), [(0x82, 60, 64), (0x82, 48, 64)])
        self.live.host.midi_in((0x90, 50, 90))
        self.assertEqual(self.port.expect(1), [(0x94, 50, 90)])
        # the clip's note is not started again where it was cut, but where the loop plays it next
        self.assertEqual(self.play_until(4.5), [(4.0, (0x94, 60, 100))])

    def test_another_output_ends_every_note_and_nothing_more_goes_out(self):
        self.clip(0, 4, (60, 0, 1, 100), (62, 2, 1, 100))
        self.track.clip_slots[0].fire()
        self.play_until(0.5)
        self.port.take()
        self.track.output_routing_type = self.track.available_output_routing_types[0]  # No Output
        self.assertEqual(self.port.expect(1), [(0x82, 60, 64)])
        self.assertEqual(self.play_until(4.5), [])

    def test_an_instrument_on_the_track_ends_its_notes(self):
        self.clip(0, 4, (60, 0, 2, 100))
        self.track.clip_slots[0].fire()
        self.play_until(1.0)
        self.port.take()
        self.track.insert_device("Operator")
        self.assertEqual(self.port.expect(1), [(0x82, 60, 64)])
        self.assertEqual(self.play_until(4.5), [])

    def test_deleting_the_track_ends_its_notes(self):
        self.clip(0, 4, (60, 0, 4, 100))
        self.track.arm = True
        self.track.clip_slots[0].fire()
        self.live.host.midi_in((0x90, 48, 90))
        self.play_until(1.0)
        self.port.take()
        self.song.delete_track(0)
        self.assertEqual(self.port.expect(2), [(0x82, 60, 64), (0x82, 48, 64)])
        self.song.undo()  # the track comes back, sent to the port again; its clip does not play
        self.song.tracks[0].arm = True
        self.live.host.midi_in((0x90, 50, 90))
        self.assertEqual(self.port.expect(1), [(0x92, 50, 90)])

    def test_a_client_that_leaves_is_dropped_quietly(self):
        self.port.close()
        self.track.arm = True
        for _ in range(20):
            self.live.host.midi_in((0x90, 60, 100))
            self.live.host._iterate(timeout=0.01)
        self.assertEqual(self.live.host.midi_return.client_count, 0)
        self.port = ReturnPort(self.live)
        self.live.host.midi_in((0x80, 60, 0))
        self.assertEqual(self.port.expect(1), [(0x82, 60, 0)])


if __name__ == "__main__":
    unittest.main()
