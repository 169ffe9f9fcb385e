// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RENDER_MODES } from '../../test/render-modes';
import { TOUCHED, TRACK_GROUPS } from './envelope-fixtures';
import { ParameterPicker, pickerSections, type ParameterPickerProps } from './ParameterPicker';

describe('pickerSections', () => {
  it('lists touched, automated, then the mixer and the devices by their paths', () => {
    expect(pickerSections(TRACK_GROUPS, TOUCHED, '').map((section) => section.title)).toEqual([
      'Touched',
      'Automated in this clip',
      'Mixer',
      'Auto Filter',
      'Drum Rack',
      'Drum Rack › Kick › Simpler',
      'Drum Rack › Kick › Saturator',
      'Drum Rack › Snare › Simpler',
    ]);
    const automated = pickerSections(TRACK_GROUPS, TOUCHED, '')[1]?.entries.map((entry) => entry.target);
    expect(automated).toEqual(['mixer/volume', 'dev0/freq', 'dev0/type', 'dev1/chain0/dev0/freq']);
  });

  it('filters by parameter or device name, any case, leaving out empty sections', () => {
    const sections = pickerSections(TRACK_GROUPS, TOUCHED, ' SIMPLER');
    expect(sections.map((section) => section.title)).toEqual([
      'Touched',
      'Automated in this clip',
      'Drum Rack › Kick › Simpler',
      'Drum Rack › Snare › Simpler',
    ]);
    expect(pickerSections(TRACK_GROUPS, [], 'freq').flatMap((s) => s.entries.map((e) => e.name))).toEqual([
      'Frequency',
      'Filter Freq',
      'Frequency',
      'Filter Freq',
      'Filter Freq',
    ]);
    expect(pickerSections(TRACK_GROUPS, TOUCHED, 'nothing like it')).toEqual([]);
  });
});

describe.each(RENDER_MODES)('ParameterPicker (%s)', (_, Mode) => {
  const picker = (props: Partial<ParameterPickerProps> = {}) => {
    const onChoose = vi.fn();
    const onClose = vi.fn();
    const onRetry = vi.fn();
    const view = render(
      <Mode>
        <button type="button">Parameter</button>
        <ParameterPicker
          open
          groups={TRACK_GROUPS}
          touched={TOUCHED}
          chosen="dev0/freq"
          loading={false}
          error={null}
          onChoose={onChoose}
          onClose={onClose}
          onRetry={onRetry}
          {...props}
        />
      </Mode>,
    );
    return { ...view, onChoose, onClose, onRetry };
  };

  it('is nothing while closed', () => {
    picker({ open: false });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is a dialog whose sections come in order, the filter focused', () => {
    picker();
    const dialog = screen.getByRole('dialog', { name: 'Automate' });
    expect(
      within(dialog)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual([
      'Touched',
      'Automated in this clip',
      'Mixer',
      'Auto Filter',
      'Drum Rack',
      'Drum Rack › Kick › Simpler',
      'Drum Rack › Kick › Saturator',
      'Drum Rack › Snare › Simpler',
    ]);
    expect(within(dialog).getByRole('searchbox', { name: 'Filter parameters' })).toHaveFocus();
  });

  it('shows why a parameter is touched, and which are automated', () => {
    picker();
    const touched = screen.getByRole('region', { name: 'Touched' });
    const [moved, selected] = within(touched).getAllByRole('button');
    expect(moved).toHaveAccessibleName('Resonance Auto Filter moved here');
    expect(selected).toHaveAccessibleName('Filter Freq Simpler automated selected in Live');
    const automated = screen.getByRole('region', { name: 'Automated in this clip' });
    expect(within(automated).getAllByRole('button')).toHaveLength(4);
  });

  it('marks the chosen parameter wherever it is listed', () => {
    picker();
    const current = screen.getAllByRole('button', { current: true });
    expect(current).toHaveLength(2);
    for (const one of current) expect(one).toHaveTextContent(/^Frequency/);
  });

  it('filters as the name is typed, and chooses by target', () => {
    const { onChoose } = picker();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'drive' } });
    const buttons = within(screen.getByRole('dialog')).getAllByRole('button', { name: /Drive/ });
    expect(buttons).toHaveLength(1);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Drum Rack › Kick › Saturator',
    ]);
    fireEvent.click(buttons[0] as HTMLElement);
    expect(onChoose).toHaveBeenCalledWith('dev1/chain0/dev1/drive');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    expect(screen.getByRole('status')).toHaveTextContent('No parameter matches “zzz”');
  });

  it('closes on Escape, the close button, and a tap beside the sheet', () => {
    const { onClose, container } = picker();
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.pointerDown(container.querySelector('.ls-picker') as Element);
    fireEvent.pointerDown(screen.getByRole('dialog'));
    expect(onClose).toHaveBeenCalledTimes(3);
  });

  it('gives the focus back when it closes', () => {
    const opener = () => screen.getByRole('button', { name: 'Parameter' });
    const { rerender, onChoose, onClose } = picker({ open: false });
    opener().focus();
    const props = {
      groups: TRACK_GROUPS,
      touched: TOUCHED,
      chosen: null,
      loading: false,
      error: null,
      onChoose,
      onClose,
    };
    rerender(
      <Mode>
        <button type="button">Parameter</button>
        <ParameterPicker open {...props} />
      </Mode>,
    );
    expect(screen.getByRole('searchbox')).toHaveFocus();
    rerender(
      <Mode>
        <button type="button">Parameter</button>
        <ParameterPicker open={false} {...props} />
      </Mode>,
    );
    expect(opener()).toHaveFocus();
  });

  it('says it is reading, or why it could not, with a retry', () => {
    const loading = picker({ loading: true, groups: [], touched: [] });
    expect(screen.getByRole('status')).toHaveTextContent('Reading the track’s devices…');
    loading.unmount();
    const { onRetry } = picker({ error: 'Live did not answer', groups: [] });
    expect(screen.getByRole('alert')).toHaveTextContent('Live did not answer');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('says when a track has nothing to automate', () => {
    picker({ groups: [], touched: [] });
    expect(screen.getByRole('status')).toHaveTextContent('No parameters to automate on this track');
  });
});
