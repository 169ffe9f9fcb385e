// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { StrictMode, type ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAYOUT_MISTAKE, type UserLayoutsIndex } from '../../common/user-layouts';
import { LayoutPageView, withUserLayouts, type LayoutPage } from './layout-pages';

const Page = () => null;
const project: LayoutPage[] = [
  { id: 'layout:mix-and-tweak', label: 'Mix and tweak', file: 'layouts/mix-and-tweak.tsx', View: Page },
  { id: 'layout:drums', label: 'Drums', file: 'layouts/drums.tsx', View: Page },
];
const FOLDER = '/home/me/.config/livesurface/layouts';
const indexOf = (...names: string[]): UserLayoutsIndex => ({
  folder: FOLDER,
  layouts: names.map((name) => ({ name, version: `v-${name}` })),
});
/** A view per layout that says which it is, to see which view a page got. */
const viewsSeen: string[] = [];
const viewOf = (name: string, version: string, file: string): ComponentType => {
  viewsSeen.push(`${name}@${version} in ${file}`);
  return Page;
};

describe('withUserLayouts', () => {
  it("lists a user's layouts after the project's, each under its file's name", () => {
    viewsSeen.length = 0;
    const pages = withUserLayouts(project, indexOf('bass-tweaks', 'live_set'), viewOf);
    expect(pages.map((page) => [page.id, page.label, page.file, page.revision])).toEqual([
      ['layout:mix-and-tweak', 'Mix and tweak', 'layouts/mix-and-tweak.tsx', undefined],
      ['layout:drums', 'Drums', 'layouts/drums.tsx', undefined],
      ['user-layout:bass-tweaks', 'Bass tweaks', `${FOLDER}/bass-tweaks.tsx`, 'v-bass-tweaks'],
      ['user-layout:live_set', 'Live set', `${FOLDER}/live_set.tsx`, 'v-live_set'],
    ]);
    expect(viewsSeen).toEqual([
      `bass-tweaks@v-bass-tweaks in ${FOLDER}/bass-tweaks.tsx`,
      `live_set@v-live_set in ${FOLDER}/live_set.tsx`,
    ]);
  });

  it("says a user's layout is theirs when its tab would read as another's", () => {
    const pages = withUserLayouts(project, indexOf('drums', 'mix-and-tweak', 'mix_and_tweak'), viewOf);
    expect(pages.map((page) => page.label)).toEqual([
      'Mix and tweak',
      'Drums',
      'Drums (yours)',
      'Mix and tweak (yours)',
      'Mix and tweak (yours 2)',
    ]);
    expect(new Set(pages.map((page) => page.id)).size).toBe(pages.length);
  });

  it("is the project's pages alone before the bridge answers, or when it serves none", () => {
    expect(withUserLayouts(project, null, viewOf)).toBe(project);
    expect(withUserLayouts(project, { folder: null, layouts: [] }, viewOf)).toBe(project);
    expect(withUserLayouts(project, indexOf(), viewOf)).toBe(project);
  });
});

describe('LayoutPageView', () => {
  afterEach(() => vi.restoreAllMocks());

  const mistaken = (): ComponentType => {
    const Mistaken = (): never => {
      const error = new Error('mine.tsx:2:16: Unexpected ";"');
      error.name = LAYOUT_MISTAKE;
      throw error;
    };
    return Mistaken;
  };
  const userPage = (View: ComponentType, revision: string): LayoutPage => ({
    id: 'user-layout:mine',
    label: 'Mine',
    file: `${FOLDER}/mine.tsx`,
    View,
    revision,
  });

  it('shows the mistake the bridge found in a user layout on its page, and the next version afresh', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = render(
      <StrictMode>
        <LayoutPageView page={userPage(mistaken(), 'v1')} />
      </StrictMode>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(`The layout ${FOLDER}/mine.tsx has a mistake`);
    expect(screen.getByRole('alert')).toHaveTextContent('mine.tsx:2:16: Unexpected ";"');
    const Fixed = () => <p>fixed</p>;
    view.rerender(
      <StrictMode>
        <LayoutPageView page={userPage(Fixed, 'v2')} />
      </StrictMode>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('fixed')).toBeInTheDocument();
  });

  it('says a layout that throws while it runs failed', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Throws = (): never => {
      throw new Error('no such widget');
    };
    render(<LayoutPageView page={userPage(Throws, 'v1')} />);
    expect(screen.getByRole('alert')).toHaveTextContent(`The layout ${FOLDER}/mine.tsx failed`);
  });
});
