// What the browser scripts share: launching Debian's Chromium with a fake microphone, signing an agent in to the
// desktop and making them Available, reading the call's stats panel, and waiting for things.

import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const WAIT = 60_000;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SECURE_BY_ITSELF = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(BASE_URL).hostname);

export function say(line) {
  process.stdout.write(`${line}\n`);
}

/** The page's call stats panel (getStats of the call's peer connection), or {} before there is a call. */
export async function stats(page) {
  const raw = await page.getByTestId('call-stats').getAttribute('data-stats');
  return raw ? JSON.parse(raw) : {};
}

export async function until(what, fn, timeout = WAIT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function state(page) {
  return page.getByTestId('agent-state').getAttribute('data-state');
}

/** Chromium with FAKE_AUDIO as every page's microphone, allowed to use loopback and (off localhost) plain HTTP. */
export async function launch() {
  if (!process.env.FAKE_AUDIO) throw new Error('FAKE_AUDIO is required');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${process.env.FAKE_AUDIO}`, '--allow-loopback-in-peer-connection',
      '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required',
      // getUserMedia needs a secure context: plain HTTP on an address other than localhost (a veth) is made one
      ...(SECURE_BY_ITSELF ? [] : [`--unsafely-treat-insecure-origin-as-secure=${new URL(BASE_URL).origin}`])],
  });
}

/** A page of its own (cookies, storage) in {@code browser}, prepared by {@code initScript} if given. */
export async function newPage(browser, initScript) {
  const context = await browser.newContext();
  if (initScript) await context.addInitScript(initScript);
  await context.grantPermissions(['microphone'], { origin: BASE_URL });
  const page = await context.newPage();
  page.on('pageerror', (e) => say(`PAGEERROR ${e.message}`));
  return page;
}

/** Signs in at /login, waits for the desktop's softphone to connect, and goes Available. */
export async function signInAvailable(page, email, password) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/agent', { timeout: WAIT });
  // state changes go over the softphone's connection: wait for it, as an agent waits for the green light
  await page.locator('[data-testid="softphone-connection"][data-state="connected"]').waitFor({ timeout: WAIT });
  await page.getByTestId('state-available').click();
  await until('the agent available', async () => (await state(page)) === 'AVAILABLE');
}

/** Audio flowing into the page: at least {@code packets} more received than {@code after}, with sound in them. */
export async function hearing(page, what, packets = 25, after = 0) {
  return until(what, async () => {
    const s = await stats(page).catch(() => ({}));
    return s.packetsReceived >= after + packets && s.audioLevel > 0 ? s : null;
  });
}
