import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // no DOM needed: the tests bring their own WebSocket, RTCPeerConnection and media stand-ins
    environment: 'node',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
});
