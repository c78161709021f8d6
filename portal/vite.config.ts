/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server proxies the API, /me and sign-in to a running gateway (./waypoint up).
const gateway = process.env.WAYPOINT_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  css: { preprocessorOptions: { scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] } } },
  build: { outDir: 'dist', assetsDir: 'app', sourcemap: false, chunkSizeWarningLimit: 1000 },
  server: {
    proxy: Object.fromEntries(['/api', '/me', '/logout', '/oauth2', '/login'].map((p) => [p, { target: gateway, changeOrigin: false }])),
  },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
});
