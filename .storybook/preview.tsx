/**
 * Every story: LiveSurface's theme (switchable from the toolbar), tablet and
 * phone viewports, and the root class the widgets expect.
 */
import type { Decorator, Preview } from '@storybook/react-vite';
import '../ui/theme/theme.css';

// the toolbar's global is untyped (any): a theme is a string, dark until one is chosen
const themeOf = (theme: unknown): string => (typeof theme === 'string' ? theme : 'dark');

const withTheme: Decorator = (Story, context) => (
  <div
    className="ls-root"
    data-theme={themeOf(context.globals.theme)}
    style={{ padding: 16, minHeight: '100vh', boxSizing: 'border-box' }}
  >
    <Story />
  </div>
);

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'LiveSurface theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'dark', title: 'Dark' },
          { value: 'light', title: 'Light' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'dark' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    viewport: {
      options: {
        tablet: { name: 'Tablet 11"', styles: { width: '1194px', height: '834px' }, type: 'tablet' },
        tabletPortrait: { name: 'Tablet 11" portrait', styles: { width: '834px', height: '1194px' }, type: 'tablet' },
        largeTablet: { name: 'Tablet 13"', styles: { width: '1366px', height: '1024px' }, type: 'tablet' },
        phone: { name: 'Phone', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        phoneLandscape: { name: 'Phone landscape', styles: { width: '844px', height: '390px' }, type: 'mobile' },
      },
    },
  },
};

export default preview;
