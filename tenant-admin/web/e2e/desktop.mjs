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

/**
 * The agent's reaction time: how long after the call shows as ringing the scripts click Answer (ANSWER_DELAY_MS,
 * default 0). The benchmarks set the same delay for every gateway they compare.
 */
export async function reactionTime() {
  const delay = Number(process.env.ANSWER_DELAY_MS || 0);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
}

/** READY, then {@code rounds} times every page serving one call at once ({@code serve(page, n)}), then DONE. */
export async function serveRounds(pages, serve, rounds = Number(process.env.ROUNDS || 1)) {
  say('READY');
  for (let round = 0; round < rounds; round++) {
    await Promise.all(pages.map((page, i) => serve(page, i + 1)));
  }
  say('DONE');
}

/**
 * The whole run of a multi-agent script: Chromium, one page per item ({@code openPage(browser, item)}, ready to take
 * calls), then {@link serveRounds}; a failure prints FAILED and sets exit code 1; the browser is closed in the end.
 */
export async function runAgents(items, openPage, serve) {
  const browser = await launch();
  try {
    const pages = [];
    for (const item of items) pages.push(await openPage(browser, item));
    await serveRounds(pages, serve);
  } catch (e) {
    say(`FAILED ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await browser.close().catch(() => {});
  }
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
export async function newPage(browser, initScript, origin = BASE_URL) {
  const context = await browser.newContext();
  if (initScript) await context.addInitScript(initScript);
  await context.grantPermissions(['microphone'], { origin });
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

/**
 * Runs in the page before the app: times, from the agent's click on Answer (the capture phase, before the app sees
 * it), the call's ICE connection, its DTLS (the connection state), the first RTP packet and the first sound received,
 * polling the peer connection's stats every 5 ms. Measurement only: it wraps RTCPeerConnection to keep a reference
 * and changes nothing the app does. The result is window.__answerTiming.
 */
export function measureAnswerToAudio() {
  const Native = window.RTCPeerConnection;
  const connections = [];
  function Measured(...args) {
    const pc = new Native(...args);
    // when it was made and when it connected: the media prepared while the call rang is set up before the click
    const made = performance.now();
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'connected' && pc.__setupMs === undefined) pc.__setupMs = performance.now() - made;
    });
    connections.push(pc);
    return pc;
  }
  Measured.prototype = Native.prototype;
  Object.setPrototypeOf(Measured, Native);
  window.RTCPeerConnection = Measured;
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-testid="call-answer"]')) return;
    const start = performance.now();
    const timing = { iceConnectedMs: null, dtlsConnectedMs: null, firstPacketMs: null, firstSoundMs: null,
      preparedBeforeAnswer: null, setupMs: null };
    window.__answerTiming = timing;
    const seen = connections.length;
    const poll = setInterval(async () => {
      const pc = connections[connections.length - 1];
      if (!pc || connections.length === seen && pc.connectionState === 'closed') return;
      const now = performance.now() - start;
      if (timing.preparedBeforeAnswer === null) timing.preparedBeforeAnswer = connections.length === seen;
      if (timing.setupMs === null && pc.__setupMs !== undefined) timing.setupMs = pc.__setupMs;
      if (timing.iceConnectedMs === null && ['connected', 'completed'].includes(pc.iceConnectionState)) {
        timing.iceConnectedMs = now;
      }
      if (timing.dtlsConnectedMs === null && pc.connectionState === 'connected') timing.dtlsConnectedMs = now;
      const stats = await pc.getStats();
      stats.forEach((s) => {
        if (s.type !== 'inbound-rtp' || s.kind !== 'audio') return;
        if (timing.firstPacketMs === null && s.packetsReceived > 0) timing.firstPacketMs = performance.now() - start;
        if (timing.firstSoundMs === null && s.audioLevel > 0) timing.firstSoundMs = performance.now() - start;
      });
      if (timing.firstSoundMs !== null || performance.now() - start > 20_000) clearInterval(poll);
    }, 5);
  }, true);
}
