/**
 * The arrangement loop and punch, as in Live's control bar: Loop on or off,
 * the loop's start and length (shown as Live writes them, bars.beats.sixteenths;
 * a tap opens steppers that move them a bar at a time), Punch In and Punch
 * Out. A pure view.
 */
import { memo } from 'react';
import { Button } from '../button/Button';
import type { ControlState } from '../control-state';
import { Popover } from './Popover';
import { LoopIcon, PunchInIcon, PunchOutIcon } from './transport-icons';

/** The loop's props: Live's values (the region as text), and a callback per control. */
export interface LoopControlsProps {
  loop: boolean;
  /** Where the loop starts, as a song position (`5.1.1`). */
  loopStart: string;
  /** How long it is, as Live writes a length (`4.0.0`). */
  loopLength: string;
  punchIn: boolean;
  punchOut: boolean;
  state: ControlState;
  size?: 'small' | 'medium' | 'large';
  /** The region's steppers open at first (stories). */
  regionOpen?: boolean;
  onLoop?: () => void;
  /** Moves the start by bars (negative: earlier). */
  onLoopStart?: (bars: number) => void;
  /** Makes the loop longer by bars (negative: shorter). */
  onLoopLength?: (bars: number) => void;
  onPunchIn?: () => void;
  onPunchOut?: () => void;
}

interface StepperProps {
  name: string;
  value: string;
  less: string;
  more: string;
  state: ControlState;
  onStep?: (bars: number) => void;
}

/** A value with a bar less and a bar more either side. */
function Stepper({ name, value, less, more, state, onStep }: StepperProps) {
  return (
    <div className="ls-loop-stepper" role="group" aria-label={name}>
      <span className="ls-label">{name}</span>
      <Button kind="trigger" label={less} state={state} size="small" onTrigger={() => onStep?.(-1)}>
        −
      </Button>
      <output className="ls-loop-stepper-value ls-number" aria-label={name}>
        {value}
      </output>
      <Button kind="trigger" label={more} state={state} size="small" onTrigger={() => onStep?.(1)}>
        +
      </Button>
    </div>
  );
}

/** Loop, its region and punch (a pure view). */
export const LoopControls = memo(function LoopControls({
  loop,
  loopStart,
  loopLength,
  punchIn,
  punchOut,
  state,
  size = 'medium',
  regionOpen = false,
  onLoop,
  onLoopStart,
  onLoopLength,
  onPunchIn,
  onPunchOut,
}: LoopControlsProps) {
  const ready = state === 'ready';
  return (
    <>
      <Button label="Loop" on={loop} state={state} size={size} onChange={() => onLoop?.()}>
        <LoopIcon />
      </Button>
      <Popover
        className="ls-loop-region"
        label={`Loop Region: from ${loopStart}, ${loopLength} long`}
        panelLabel="Loop Region"
        disabled={!ready}
        defaultOpen={regionOpen}
        size={size}
        face={
          <span className="ls-loop-region-face ls-number" data-loop={loop || undefined}>
            <span>{loopStart}</span>
            <span>{loopLength}</span>
          </span>
        }
      >
        {() => (
          <div className="ls-loop-steppers">
            <Stepper
              name="Loop Start"
              value={loopStart}
              less="Loop Start a Bar Earlier"
              more="Loop Start a Bar Later"
              state={state}
              onStep={onLoopStart}
            />
            <Stepper
              name="Loop Length"
              value={loopLength}
              less="Loop a Bar Shorter"
              more="Loop a Bar Longer"
              state={state}
              onStep={onLoopLength}
            />
          </div>
        )}
      </Popover>
      <Button label="Punch In" on={punchIn} state={state} size={size} onChange={() => onPunchIn?.()}>
        <PunchInIcon />
      </Button>
      <Button label="Punch Out" on={punchOut} state={state} size={size} onChange={() => onPunchOut?.()}>
        <PunchOutIcon />
      </Button>
    </>
  );
});
