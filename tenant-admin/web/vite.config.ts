/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The platform (Helidon) listens on 8080 in development; the app calls it same-origin through /api.
const platform = process.env.CALLISTO_PLATFORM_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  // Served from the root of the platform (classpath "web" at "/").
  base: '/',
  server: {
    port: 5173,
    proxy: {
      // ws: the events WebSocket (/api/v1/events) goes through the proxy too
      '/api': { target: platform, changeOrigin: false, ws: true },
      '/observe': { target: platform, changeOrigin: false },
    },
  },
  build: {
    // `npm run build` alone writes dist/; the Maven build passes --outDir target/classes/web.
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    css: false,
    // jsdom renders are slow on a 2-core machine; only call out the really slow ones
    slowTestThreshold: 2000,
  },
});
