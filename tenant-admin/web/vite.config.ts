/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The platform (Helidon) listens on 8080 in development; the app calls it same-origin through /api.
const platform = process.env.CALLISTO_PLATFORM_URL ?? 'http://localhost:8080';

// The softphone SDK (webrtc-gateway/softphone) is imported from source, as tsconfig.json's `paths` maps it;
// `@callisto/softphone/testing` is its test stand-ins, for the tests only (the app never imports it).
const softphoneSdk = fileURLToPath(new URL('../../webrtc-gateway/softphone', import.meta.url));

export default defineConfig({
  plugins: [react()],
  // Served from the root of the platform (classpath "web" at "/").
  base: '/',
  resolve: {
    alias: [
      { find: /^@callisto\/softphone$/, replacement: `${softphoneSdk}/src/index.ts` },
      { find: /^@callisto\/softphone\/testing$/, replacement: `${softphoneSdk}/src/test/index.ts` },
    ],
  },
  server: {
    port: 5173,
    // the dev server may serve the SDK's sources from outside this directory
    fs: { allow: ['.', `${softphoneSdk}/src`] },
    proxy: {
      // ws: the events and softphone WebSockets (/api/v1/events, /api/v1/softphone) go through the proxy too
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
