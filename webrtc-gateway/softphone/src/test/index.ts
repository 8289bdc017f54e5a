/**
 * `@callisto/softphone/testing`: the SDK's test stand-ins that other projects' tests share (the tenant admin web app
 * maps this path in its tsconfig.json and vite.config.ts). Test code only: the SDK's build leaves src/test out.
 */
export { MockWebSocket } from './fakes.js';
export { aCall } from './helpers.js';
