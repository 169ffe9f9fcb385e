import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Storybook's preview is one big bundle by nature; its size is not the app's.
export default defineConfig({ plugins: [react()], build: { chunkSizeWarningLimit: 4000 } });
