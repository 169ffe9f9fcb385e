"""The simulator's parameter texts are Live's: `str(parameter)` and `str_for_value` as Live prints them.

The formats and where they come from are in live-script/README.md, "Evidence: parameter texts".
"""
import unittest

from support import SteppedLive


class ParameterTexts(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.tracks = {track.name: track for track in self.song.tracks}
        self.tracks["Master"] = self.song.master_track

    def tearDown(self):
        self.live.close()

    def device(self, track, name):
        return next(device for device in self.tracks[track].devices if device.name == name)

    def parameter(self, track, device, name):
        return next(p for p in self.device(track, device).parameters if p.name == name)

    def test_str_is_the_text_of_the_current_value(self):
        threshold = self.parameter("Drums", "Glue Compressor", "Threshold")
        self.assertEqual(str(threshold), "-12.0 dB")
        self.assertEqual(str(threshold), threshold.str_for_value(threshold.value))

    def test_a_compressor_ratio_reads_n_to_one(self):
        ratio = self.parameter("Bass", "Compressor", "Ratio")
        self.assertFalse(ratio.is_quantized)
        self.assertEqual(str(ratio), "4.00 : 1")
        self.assertEqual(ratio.str_for_value(0.0), "1.00 : 1")
        self.assertEqual(ratio.str_for_value(0.5), "2.00 : 1")
        self.assertEqual(ratio.str_for_value(1.0), "inf : 1")

    def test_the_glue_compressor_ratio_steps_through_its_marks_as_ratios(self):
        ratio = self.parameter("Drums", "Glue Compressor", "Ratio")
        self.assertTrue(ratio.is_quantized)
        self.assertEqual(list(ratio.value_items), ["2", "4", "10"])
        self.assertEqual([ratio.str_for_value(float(i)) for i in range(3)], ["2.00 : 1", "4.00 : 1", "10.00 : 1"])

    def test_mixer_decibels_have_one_decimal_and_silence_is_minus_inf(self):
        mixer = self.tracks["Drums"].mixer_device
        self.assertEqual(mixer.volume.str_for_value(0.85), "0.0 dB")
        self.assertEqual(mixer.volume.str_for_value(1.0), "6.0 dB")
        self.assertEqual(mixer.volume.str_for_value(0.0), "-inf dB")
        self.assertRegex(mixer.volume.str_for_value(0.5), r"^-\d+\.\d dB$")
        self.assertEqual(mixer.sends[0].str_for_value(0.0), "-inf dB")
        self.assertEqual(mixer.sends[0].str_for_value(1.0), "0.0 dB")

    def test_pan_is_left_centre_right(self):
        panning = self.tracks["Drums"].mixer_device.panning
        self.assertEqual(panning.str_for_value(0.0), "C")
        self.assertEqual(panning.str_for_value(-1.0), "50L")
        self.assertEqual(panning.str_for_value(1.0), "50R")
        self.assertEqual(panning.str_for_value(0.24), "12R")

    def test_frequencies_have_three_significant_digits_in_hz_or_khz(self):
        frequency = self.parameter("Pad", "Auto Filter", "Frequency")
        self.assertEqual(frequency.str_for_value(0.0), "26.0 Hz")
        self.assertEqual(frequency.str_for_value(1.0), "19.9 kHz")
        texts = [frequency.str_for_value(step / 100.0) for step in range(101)]
        self.assertIn("1.00 kHz", [frequency.str_for_value(v / 1000.0) for v in range(500, 560)])
        for text in texts:
            self.assertRegex(text, r"^(\d{2}\.\d Hz|\d{3} Hz|\d\.\d\d kHz|\d\d\.\d kHz)$")

    def test_times_are_ms_then_seconds(self):
        release = self.parameter("Master", "Limiter", "Release")
        self.assertEqual(release.str_for_value(0.0), "0.01 ms")
        self.assertEqual(release.str_for_value(1.0), "3.00 s")
        for value in (0.2, 0.4, 0.6, 0.8):
            self.assertRegex(release.str_for_value(value), r"^(\d\.\d\d ms|\d\d\.\d ms|\d{3} ms|\d\.\d\d s)$")

    def test_percentages_are_whole_with_a_space(self):
        wet = self.parameter("Drums", "Glue Compressor", "Dry/Wet")
        self.assertEqual(str(wet), "100 %")
        self.assertEqual(wet.str_for_value(0.5), "50 %")

    def test_switches_read_on_and_off(self):
        device_on = self.device("Drums", "Glue Compressor").parameters[0]
        self.assertEqual(device_on.name, "Device On")
        self.assertEqual((device_on.min, device_on.max, device_on.is_quantized), (0.0, 1.0, True))
        self.assertEqual((device_on.str_for_value(1.0), device_on.str_for_value(0.0)), ("On", "Off"))
        peak = self.parameter("Drums", "Glue Compressor", "Peak Clip In")
        self.assertEqual(str(peak), "Off")

    def test_quantized_parameters_show_their_items_rounding_halves_up(self):
        filter_type = self.parameter("Pad", "Auto Filter", "Filter Type")
        self.assertEqual(str(filter_type), filter_type.value_items[int(filter_type.value)])
        self.assertEqual(filter_type.str_for_value(1.0), "Highpass")
        self.assertEqual(filter_type.str_for_value(0.5), "Highpass")
        self.assertEqual(filter_type.str_for_value(0.49), "Lowpass")

    def test_semitones_and_cents_carry_their_sign(self):
        transpose = self.parameter("Lead", "Saw Lead", "Transpose")
        self.assertEqual(transpose.str_for_value(12.0), "+12 st")
        self.assertEqual(transpose.str_for_value(-7.0), "-7 st")
        self.assertEqual(transpose.str_for_value(0.0), "0 st")

    def test_rack_macros_are_whole_numbers(self):
        macro = self.device("Drums", "Studio Kit").parameters[1]
        self.assertEqual(macro.str_for_value(64.0), "64")


if __name__ == "__main__":
    unittest.main()
