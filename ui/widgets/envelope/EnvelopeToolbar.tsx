/**
 * The automation editor's bar: the parameter shown (first and largest: a
 * tap opens the picker), the tools (draw freehand, step, ramp, erase) as
 * one radio group, edit or navigate, the grid (the roll's choices), undo
 * and redo, and Clear, which asks first, inside the bar ("Clear all
 * automation of …? Clear / Keep"): one tap never clears. A pure view,
 * styled and named as the clip editor's toolbar; offline, what would
 * change the clip is disabled, the tools and the view still answer.
 */
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { GRID_CHOICES, gridLabel } from '../piano-roll/ClipEditorToolbar';
import { HandIcon, PencilIcon, RedoIcon, UndoIcon } from '../piano-roll/roll-icons';
import type { RollGrid } from '../piano-roll/roll-types';
import { ClearIcon, EraseIcon, FreehandIcon, ParameterIcon, RampIcon, StepIcon } from './envelope-icons';
import type { EnvelopeTool } from './envelope-types';
import '../piano-roll/clip-editor.css';
import './envelope.css';

export interface EnvelopeToolbarProps {
  /** Under the lane, or down its side on a short screen (a phone on its side): the tools then stack and scroll. */
  placement?: 'bottom' | 'side';
  tool: EnvelopeTool;
  onTool: (tool: EnvelopeTool) => void;
  /** The parameter takes whole steps only (a switch, a choice): the step tool suits it. */
  quantized: boolean;
  /** Erasing a range is possible (Live 12's `delete_events_in_range`). */
  canErase: boolean;
  /** Why not, when it is not ("Live 11 cannot erase a range"): the erase tool's title and description. */
  eraseWhyNot: string | null;
  grid: RollGrid;
  onGrid: (grid: RollGrid) => void;
  mode: 'edit' | 'navigate';
  onMode: (mode: 'edit' | 'navigate') => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  /** Clear the whole envelope: called only once the bar's question has been answered "Clear". */
  onClear: () => void;
  /** The clip has automation for the parameter (nothing to clear otherwise). */
  exists: boolean;
  /** "Device › Parameter", or "Choose parameter" before one is chosen (a label without "›" shows as a prompt). */
  parameterLabel: string;
  onChooseParameter: () => void;
  /** Live offline: nothing that changes the clip. */
  disabled?: boolean;
  /** Start with the clear question asked (stories, screenshots). */
  confirmingClear?: boolean;
}

interface ToolChoice {
  tool: EnvelopeTool;
  name: string;
  text: string;
  title: string;
  icon: ReactNode;
}

/** The tools, in the bar's order. */
export const TOOL_CHOICES: readonly ToolChoice[] = [
  { tool: 'draw', name: 'Draw', text: 'Draw', title: 'Draw freehand: steps at the grid', icon: <FreehandIcon /> },
  {
    tool: 'step',
    name: 'Step',
    text: 'Step',
    title: 'Step: values held from grid line to grid line, the tool for switches and choices',
    icon: <StepIcon />,
  },
  {
    tool: 'ramp',
    name: 'Ramp',
    text: 'Ramp',
    title: 'Ramp: a straight line from touch to release',
    icon: <RampIcon />,
  },
  { tool: 'erase', name: 'Erase', text: 'Erase', title: 'Erase the automation in a range', icon: <EraseIcon /> },
];

interface ToolProps {
  name: string;
  icon?: ReactNode;
  text?: string;
  disabled?: boolean;
  onClick: () => void;
}

/** A bar button as the clip editor's: its icon and a short text, its full name for assistive technology. */
function Tool({ name, icon, text, disabled, onClick }: ToolProps) {
  return (
    <button
      type="button"
      className="ls-tool ls-roll-tool"
      aria-label={name}
      title={name}
      disabled={disabled}
      onClick={onClick}
    >
      {icon}
      {text && <span className="ls-roll-tool-text">{text}</span>}
    </button>
  );
}

export const EnvelopeToolbar = memo(function EnvelopeToolbar(props: EnvelopeToolbarProps) {
  const { tool, onTool, quantized, canErase, eraseWhyNot, grid, onGrid, mode, onMode } = props;
  const { canUndo, canRedo, onClear, exists, parameterLabel, disabled = false, confirmingClear = false } = props;
  const { placement = 'bottom' } = props;
  const [asking, setAsking] = useState(confirmingClear);
  const confirming = asking && exists && !disabled;
  const keepRef = useRef<HTMLButtonElement | null>(null);
  const clearRef = useRef<HTMLButtonElement | null>(null);
  const asked = useRef(false);
  const ids = { step: useId(), erase: useId() };

  // the question takes the focus to its safe answer; answered, the focus goes back to Clear
  useEffect(() => {
    if (confirming && asked.current) keepRef.current?.focus();
    if (!confirming && asked.current) clearRef.current?.focus();
  }, [confirming]);

  const usable = (choice: EnvelopeTool): boolean => choice !== 'erase' || canErase;
  const onToolKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const usableTools = TOOL_CHOICES.map((choice) => choice.tool).filter(usable);
    const at = usableTools.indexOf(tool);
    const next = usableTools[(at + step + usableTools.length) % usableTools.length];
    if (next === undefined) return;
    onTool(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-tool="${next}"]`)?.focus();
  };

  return (
    <div
      className="ls-roll-toolbar ls-env-toolbar"
      role="toolbar"
      aria-label="Automation editor"
      data-placement={placement}
    >
      <button
        type="button"
        className="ls-tool ls-roll-tool ls-env-parameter"
        title="Choose the parameter to automate"
        aria-haspopup="dialog"
        data-empty={!parameterLabel.includes('›') || undefined}
        onClick={props.onChooseParameter}
      >
        <ParameterIcon />
        <span className="ls-env-parameter-text">{parameterLabel}</span>
      </button>
      <div className="ls-roll-tools" role="radiogroup" aria-label="Tool" onKeyDown={onToolKey}>
        {TOOL_CHOICES.map((choice) => {
          const unusable = !usable(choice.tool);
          const describedBy =
            choice.tool === 'erase' && unusable && eraseWhyNot
              ? ids.erase
              : choice.tool === 'step' && quantized
                ? ids.step
                : undefined;
          return (
            <button
              key={choice.tool}
              type="button"
              role="radio"
              className="ls-tool ls-roll-tool ls-env-tool"
              aria-label={choice.name}
              aria-checked={tool === choice.tool}
              aria-describedby={describedBy}
              title={unusable && eraseWhyNot ? eraseWhyNot : choice.title}
              tabIndex={tool === choice.tool ? 0 : -1}
              disabled={unusable}
              data-tool={choice.tool}
              data-suits={(choice.tool === 'step' && quantized) || undefined}
              onClick={() => onTool(choice.tool)}
            >
              {choice.icon}
              <span className="ls-roll-tool-text">{choice.text}</span>
            </button>
          );
        })}
        <span id={ids.step} className="ls-visually-hidden">
          Suits this parameter: its values are steps
        </span>
        <span id={ids.erase} className="ls-visually-hidden">
          {eraseWhyNot ?? ''}
        </span>
      </div>
      <div className="ls-roll-tools" role="group" aria-label="Mode and grid">
        <button
          type="button"
          className="ls-tool ls-roll-tool"
          aria-pressed={mode === 'edit'}
          aria-label="Edit automation"
          onClick={() => onMode('edit')}
        >
          <PencilIcon />
          <span className="ls-roll-tool-text">Edit</span>
        </button>
        <button
          type="button"
          className="ls-tool ls-roll-tool"
          aria-pressed={mode === 'navigate'}
          aria-label="Navigate"
          onClick={() => onMode('navigate')}
        >
          <HandIcon />
          <span className="ls-roll-tool-text">Move</span>
        </button>
        <select
          className="ls-tool ls-roll-grid"
          aria-label="Grid"
          value={gridLabel(grid)}
          onChange={(event) => onGrid(GRID_CHOICES.find((choice) => choice.label === event.target.value)?.grid ?? null)}
        >
          {GRID_CHOICES.map((choice) => (
            <option key={choice.label} value={choice.label} aria-label={choice.name}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="ls-roll-tools" role="group" aria-label="History">
        <Tool name="Undo" icon={<UndoIcon />} disabled={disabled || !canUndo} onClick={props.onUndo} />
        <Tool name="Redo" icon={<RedoIcon />} disabled={disabled || !canRedo} onClick={props.onRedo} />
      </div>
      <div className="ls-roll-tools" role="group" aria-label="Clear">
        {confirming ? (
          <div className="ls-env-confirm" role="group" aria-label="Confirm clearing">
            <span className="ls-env-confirm-text">Clear all automation of {parameterLabel}?</span>
            <button
              type="button"
              className="ls-tool ls-roll-tool ls-env-danger"
              onClick={() => {
                setAsking(false);
                onClear();
              }}
            >
              Clear
            </button>
            <button ref={keepRef} type="button" className="ls-tool ls-roll-tool" onClick={() => setAsking(false)}>
              Keep
            </button>
          </div>
        ) : (
          <button
            ref={clearRef}
            type="button"
            className="ls-tool ls-roll-tool"
            aria-label="Clear automation"
            title={exists ? 'Clear all of this parameter’s automation in the clip' : 'No automation to clear'}
            disabled={disabled || !exists}
            onClick={() => {
              asked.current = true;
              setAsking(true);
            }}
          >
            <ClearIcon />
            <span className="ls-roll-tool-text">Clear</span>
          </button>
        )}
      </div>
    </div>
  );
});
