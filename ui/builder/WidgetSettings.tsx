/**
 * The selected widget's settings while a page is built: its label, what it
 * is bound to (for each of its slots: learn it from Live, pick it in the
 * object browser, or unbind it; a track's widget can follow Live's selected
 * track), and removing it. A pure view.
 */
import type { ReactNode } from 'react';
import { SLOTS, type BindingSlot } from '../../machines/page-builder';
import type { PageWidget, ParameterBinding, TrackScope } from '../../protocol/src/pages';
import { bindingText, trackText } from './bindings';
import { KIND_NAMES } from './widget-kinds';

const SLOT_NAMES: Record<BindingSlot, string> = { parameter: 'Parameter', x: 'X', y: 'Y', track: 'Track' };

/** What a widget's slot is bound to, as text; null when nothing. */
export function slotText(widget: PageWidget, slot: BindingSlot): string | null {
  const binding = slotBinding(widget, slot);
  if (binding === null) return null;
  return 'target' in binding ? bindingText(binding) : trackText(binding);
}

function slotBinding(widget: PageWidget, slot: BindingSlot): ParameterBinding | TrackScope | null {
  if (widget.kind === 'xy') return slot === 'x' ? widget.x_parameter : slot === 'y' ? widget.y_parameter : null;
  if ('track' in widget) return slot === 'track' ? widget.track : null;
  return slot === 'parameter' ? widget.parameter : null;
}

export interface WidgetSettingsProps {
  widget: PageWidget;
  /** The slot being learned from Live, if any. */
  learning: BindingSlot | null;
  /** The object browser, when open for one of the slots (shown in place of that slot's tools). */
  browser: { slot: BindingSlot; view: ReactNode } | null;
  onLabel: (label: string) => void;
  onLearn: (slot: BindingSlot) => void;
  onStopLearning: () => void;
  onBrowse: (slot: BindingSlot) => void;
  onUnbind: (slot: BindingSlot) => void;
  onSelectedTrack: () => void;
  onRemove: () => void;
}

export function WidgetSettings(props: WidgetSettingsProps) {
  const { widget, learning, browser, onLabel, onLearn, onStopLearning, onBrowse, onUnbind, onSelectedTrack, onRemove } =
    props;
  return (
    <section className="ls-builder-settings" aria-label={`${KIND_NAMES[widget.kind]} settings`}>
      <h3>{KIND_NAMES[widget.kind]}</h3>
      <label>
        Label
        <input
          value={widget.label ?? ''}
          placeholder="As Live names it"
          maxLength={80}
          onChange={(event) => onLabel(event.target.value)}
        />
      </label>
      {SLOTS[widget.kind].map((slot) => {
        const text = slotText(widget, slot);
        const what = slot === 'track' ? 'a track' : 'a parameter';
        return (
          <div key={slot} className="ls-builder-slot" role="group" aria-label={`${SLOT_NAMES[slot]} binding`}>
            <p>
              {SLOTS[widget.kind].length > 1 || slot === 'track' ? `${SLOT_NAMES[slot]}: ` : ''}
              {text ?? <em>Not bound</em>}
            </p>
            {learning === slot ? (
              <p className="ls-builder-learning" role="status">
                {slot === 'track'
                  ? 'Select a track in Live…'
                  : 'Click a parameter in Live, or move the one selected there…'}
              </p>
            ) : null}
            {browser?.slot === slot ? (
              browser.view
            ) : (
              <div className="ls-builder-slot-tools">
                {learning === slot ? (
                  <button type="button" className="ls-tool" onClick={onStopLearning}>
                    Stop learning
                  </button>
                ) : (
                  <button type="button" className="ls-tool" onClick={() => onLearn(slot)} aria-label={`Learn ${what}`}>
                    Learn
                  </button>
                )}
                <button
                  type="button"
                  className="ls-tool"
                  onClick={() => onBrowse(slot)}
                  aria-label={`Browse for ${what}`}
                >
                  Browse
                </button>
                {slot === 'track' && (
                  <button type="button" className="ls-tool" onClick={onSelectedTrack}>
                    Follow selected track
                  </button>
                )}
                {text !== null && (
                  <button type="button" className="ls-tool" onClick={() => onUnbind(slot)}>
                    Unbind
                  </button>
                )}
              </div>
            )}
          </div>
        );
      })}
      <button type="button" className="ls-tool" onClick={onRemove}>
        Remove {KIND_NAMES[widget.kind].toLowerCase()}
      </button>
    </section>
  );
}
