/**
 * A held slot's actions on its actors: the slot menu for a clip, the new
 * clip sheet for an empty slot, each edit sent to the grid's edits actor
 * with the words its Undo will say. Thin: the views are
 * `clip-actions/SlotMenu` and `clip-actions/CreateSheet`.
 */
import { useSelector } from '@xstate/react';
import { barsToBeats } from '../../../machines/session-edit-plans';
import { LOCKED_REASON } from '../../../machines/session-edits';
import { isEmptySlot, useSlotActions, type ClipSlotActor } from '../../connect/use-clip-slot';
import type { EditsCommands, EditsView } from '../../connect/use-session';
import { useTrackHeader } from '../../connect/use-track';
import { LIVE_PALETTE } from '../../theme/live-colors';
import { CreateSheet } from '../clip-actions/CreateSheet';
import { nextEmptyBelow, slotLocation } from '../clip-actions/grid-places';
import { SlotMenu } from '../clip-actions/SlotMenu';
import type { CellPlace, Placing } from './grid-context';

/** Live creates empty clips on MIDI tracks only (`create_clip` refuses others). */
export const AUDIO_TRACK_REASON = 'Live creates empty clips on MIDI tracks only: record into an audio track instead';

export interface SlotActionsProps {
  place: CellPlace;
  /** The slots of the held slot's track, in scene order. */
  column: readonly ClipSlotActor[];
  edits: EditsView & EditsCommands;
  signature: { numerator: number; denominator: number };
  onPlace: (placing: Placing) => void;
  onClose: () => void;
}

export function SlotActions({ place, column, edits, signature, onPlace, onClose }: SlotActionsProps) {
  const slot = useSlotActions(place.slot);
  const header = useTrackHeader(place.track);
  // the slots below, empty or not, as they are now (the menu is open a short while)
  const below = useSelector(place.slot, () =>
    nextEmptyBelow(
      column.map((actor) => ({ slot: actor.getSnapshot().context.slot, empty: isEmptySlot(actor) })),
      place.row,
    ),
  );
  const location = slotLocation(header.name, place.row);
  const lockedReason = edits.locked ? LOCKED_REASON : null;
  if (slot.state === 'empty') {
    return (
      <CreateSheet
        location={location}
        disabledReason={lockedReason ?? (header.midi ? null : AUDIO_TRACK_REASON)}
        onCreate={(bars) => {
          const beats = barsToBeats(bars, signature.numerator, signature.denominator);
          edits.edit({ kind: 'create', slot: slot.slot, beats }, `New ${bars}-bar clip in ${location}`);
          onClose();
        }}
        onClose={onClose}
      />
    );
  }
  if (slot.clip === null) return null;
  const clip = slot.clip;
  const name = slot.name || 'the clip';
  const belowRow = below === null ? -1 : column.findIndex((actor) => actor.getSnapshot().context.slot === below.slot);
  const placing = (verb: Placing['verb']) => {
    onPlace({ source: slot.slot, name, midi: header.midi, verb, by: 'menu' });
    onClose();
  };
  const colorIndex = slot.color === null ? -1 : LIVE_PALETTE.indexOf(slot.color);
  return (
    <SlotMenu
      name={slot.name}
      location={location}
      color={slot.color}
      colorIndex={colorIndex < 0 ? null : colorIndex}
      lockedReason={lockedReason}
      duplicateTarget={below === null ? null : slotLocation(header.name, belowRow)}
      onDuplicate={() => {
        if (below === null) return;
        edits.edit(
          { kind: 'duplicate', from: slot.slot, to: below.slot },
          `Duplicated ${name} to ${slotLocation(header.name, belowRow)}`,
        );
        onClose();
      }}
      onCopyTo={() => placing('Copy')}
      onMoveTo={() => placing('Move')}
      onDelete={() => {
        edits.edit({ kind: 'delete', slot: slot.slot }, `Deleted ${name} from ${location}`);
        onClose();
      }}
      onRename={(next) => {
        edits.edit({ kind: 'rename', clip, name: next }, `Renamed ${name} to ${next || 'no name'}`);
        onClose();
      }}
      onRecolor={(index) => edits.edit({ kind: 'recolor', clip, colorIndex: index }, `Recolored ${name}`)}
      onClose={onClose}
    />
  );
}
