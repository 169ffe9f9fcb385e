/**
 * A saved page's widget, played: its binding resolved the way a layout's
 * `<Track>` and `<Device>` resolve theirs (a track by name follows it, and
 * one not in the set leaves the widget unbound, saying why, until it is),
 * then drawn by the layout kit's own widget. A widget not bound yet says so.
 */
import type { ReactNode } from 'react';
import type { ParameterBinding, PageWidget, TrackScope } from '../../protocol/src/pages';
import { Display, Fader, Keys, Knob, Meter, Pads, Toggle, XYPad } from '../layouts';
import { Scope } from '../layouts/layout-context';
import { useDeviceTarget, useTrackTarget } from '../layouts/scopes';
import { bindTarget, type ScopeTarget } from '../layouts/targets';
import { bindingText } from './bindings';
import { KIND_NAMES } from './widget-kinds';

type Size = 'small' | 'medium' | 'large';

/** The kit's size for a widget `cells` cells across its shorter side. */
export const sizeFor = (cells: number): Size => (cells <= 1 ? 'small' : cells === 2 ? 'medium' : 'large');

function DeviceOf({
  scope,
  binding,
  children,
}: {
  scope: ScopeTarget;
  binding: ParameterBinding;
  children: (scope: ScopeTarget) => ReactNode;
}) {
  const device = useDeviceTarget(scope, binding.device ?? { index: 0 });
  return children(device);
}

function TrackOf({ track, children }: { track: TrackScope; children: (scope: ScopeTarget) => ReactNode }) {
  return children(useTrackTarget(track));
}

/** The scope a parameter binding's target is relative to (the top for an absolute one). */
function Resolved({ binding, children }: { binding: ParameterBinding; children: (scope: ScopeTarget) => ReactNode }) {
  if (!binding.track) return children({ kind: 'top' });
  return (
    <TrackOf track={binding.track}>
      {(track) =>
        binding.device ? (
          <DeviceOf scope={track} binding={binding}>
            {children}
          </DeviceOf>
        ) : (
          children(track)
        )
      }
    </TrackOf>
  );
}

/** A widget with nothing bound yet. */
function NotBound({ widget }: { widget: PageWidget }) {
  return (
    <div className="ls-saved-unbound">
      <strong>{widget.label ?? KIND_NAMES[widget.kind]}</strong>
      <span>Not bound yet: edit the page to bind it</span>
    </div>
  );
}

/** An unbound scope's reason, said in the binding's own words. */
const unboundWhy = (scope: ScopeTarget, binding: ParameterBinding): ScopeTarget =>
  scope.kind === 'unbound' ? { kind: 'unbound', why: `${bindingText(binding)}: ${scope.why}` } : scope;

function ParameterWidgetView({
  widget,
  binding,
}: {
  widget: Extract<PageWidget, { parameter: unknown }>;
  binding: ParameterBinding;
}) {
  const size = sizeFor(Math.min(widget.w, widget.h));
  const props = { target: binding.target, label: widget.label, size };
  return (
    <Resolved binding={binding}>
      {(scope) => (
        <Scope target={unboundWhy(scope, binding)}>
          {widget.kind === 'knob' && <Knob {...props} />}
          {widget.kind === 'fader' && <Fader {...props} />}
          {widget.kind === 'button' && <Toggle target={binding.target} label={widget.label} />}
          {widget.kind === 'display' && <Display {...props} />}
        </Scope>
      )}
    </Resolved>
  );
}

/** An XY pad's two bindings, each in its own scope, made absolute for one pad. */
function XYWidgetView({
  widget,
  x,
  y,
}: {
  widget: Extract<PageWidget, { kind: 'xy' }>;
  x: ParameterBinding;
  y: ParameterBinding;
}) {
  const label = widget.label ?? 'XY';
  const size = sizeFor(Math.min(widget.w, widget.h));
  return (
    <Resolved binding={x}>
      {(xScope) => (
        <Resolved binding={y}>
          {(yScope) => {
            const xBound = bindTarget(xScope, x.target);
            const yBound = bindTarget(yScope, y.target);
            if (xBound.kind === 'bound' && yBound.kind === 'bound')
              return <XYPad x={xBound.target} y={yBound.target} label={label} size={size} />;
            // an axis waiting for its track: the pad shows unbound, saying which
            const [waiting, binding] = xBound.kind !== 'bound' ? [xScope, x] : [yScope, y];
            return (
              <Scope target={unboundWhy(waiting, binding)}>
                <XYPad x={x.target} y={y.target} label={label} size={size} />
              </Scope>
            );
          }}
        </Resolved>
      )}
    </Resolved>
  );
}

function TrackWidgetView({ widget, track }: { widget: Extract<PageWidget, { track: unknown }>; track: TrackScope }) {
  const size = sizeFor(Math.min(widget.w, widget.h));
  return (
    <TrackOf track={track}>
      {(scope) => (
        <Scope target={scope}>
          {widget.kind === 'meter' && <Meter size={size} label={widget.label} />}
          {widget.kind === 'keys' && <Keys fill settings={`page.keys.${widget.id}`} />}
          {widget.kind === 'pads' && <Pads fill />}
        </Scope>
      )}
    </TrackOf>
  );
}

/** A saved page's widget, bound and playable. */
export function SavedWidget({ widget }: { widget: PageWidget }) {
  switch (widget.kind) {
    case 'xy':
      return widget.x_parameter && widget.y_parameter ? (
        <XYWidgetView widget={widget} x={widget.x_parameter} y={widget.y_parameter} />
      ) : (
        <NotBound widget={widget} />
      );
    case 'meter':
    case 'keys':
    case 'pads':
      return widget.track ? <TrackWidgetView widget={widget} track={widget.track} /> : <NotBound widget={widget} />;
    default:
      return widget.parameter ? (
        <ParameterWidgetView widget={widget} binding={widget.parameter} />
      ) : (
        <NotBound widget={widget} />
      );
  }
}
