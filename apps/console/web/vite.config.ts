import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The SPA is built into dist/web, which the backend-for-frontend serves. `vite` (dev server) proxies /api and /auth
// to a console backend on CONSOLE_BACKEND_URL so the browser keeps one origin and the session cookie.
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: {
      '/api': process.env.CONSOLE_BACKEND_URL ?? 'http://127.0.0.1:3000',
      '/auth': process.env.CONSOLE_BACKEND_URL ?? 'http://127.0.0.1:3000',
    },
  },
});
