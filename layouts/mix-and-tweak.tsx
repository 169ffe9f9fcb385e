/**
 * An example layout (and the test of every binding kind): the Drums track's
 * volume, sends, meter and first clips by the track's name, the Perc
 * track's drum pads, the Bass track's Saturator by the device's name (its
 * Type a row of choices), a knob by an absolute path, the selected
 * track's first device, an XY pad on two parameters, a switch, and a track
 * chooser whose choice the knobs and the keyboard under it follow, saying
 * where the keyboard's notes go. Edit it, or copy it next to it: every
 * `.tsx` file in this folder is a page of the app. (The app's Keys and
 * Pads pages are layouts too: ui/app/KeysPage.tsx, ui/app/PadsPage.tsx.)
 */
import {
  Clip,
  Device,
  Display,
  Fader,
  Keys,
  Knob,
  Layout,
  Meter,
  Pads,
  Radio,
  Row,
  Toggle,
  Track,
  TrackChooser,
  XYPad,
} from '../ui/layouts';

export default function MixAndTweak() {
  return (
    <Layout title="Mix and tweak">
      <Track name="Drums">
        <Fader target="mixer_device volume" label="Drums" />
        <Knob target="mixer_device sends 0" label="Reverb" />
        <Knob target="mixer_device sends 1" label="Delay" />
        <Display target="mixer_device volume" />
        <Meter />
        <Clip scene={0} />
        <Clip scene={1} />
      </Track>
      <Track name="Bass">
        <Device name="Saturator">
          <Knob target="parameters 1" />
          <Toggle target="parameters 0" label="On" />
          {/* its Type, a quantized parameter: a row of its items */}
          <Radio target="parameters 2" />
        </Device>
      </Track>
      <Track name="Perc">
        <Pads size="small" />
      </Track>
      <Row>
        <Knob target="live_set tracks 2 devices 2 parameters 1" label="Bass comp threshold" />
        <XYPad
          label="Saturator"
          x="live_set tracks 2 devices 1 parameters 1"
          y="live_set tracks 2 devices 1 parameters 2"
        />
      </Row>
      <TrackChooser label="Tweak a track" options={['Bass', 'Keys', 'Pad']} notes>
        {(track) => (
          <Track name={track}>
            <Knob target="mixer_device panning" label={`${track} pan`} />
            <Knob target="mixer_device sends 0" label={`${track} reverb`} />
            <Keys octaves={2} size="small" />
          </Track>
        )}
      </TrackChooser>
      <Track selected>
        <Device index={0}>
          <Knob target="parameters 1" />
          <Knob target="parameters 2" />
          <Knob target="parameters 3" />
          <Knob target="parameters 4" />
        </Device>
      </Track>
    </Layout>
  );
}
