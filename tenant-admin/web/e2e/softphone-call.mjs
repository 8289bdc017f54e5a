#!/usr/bin/env node
// A browser agent's calls, end to end, in the real agent desktop (driven by SoftphoneBrowserIT, which places the
// calls with sipp and checks the gateway's side). Prints READY once the agent is Available, one "CALL {...}" line
// per call answered, then DONE; "FAILED <step>: <reason>" and exit 1 on a failure.
//
// Environment:
//   BASE_URL        where the platform serves the app and /api (default http://127.0.0.1:8080)
//   AGENT_EMAIL, AGENT_PASSWORD   the agent who signs in
//   FAKE_AUDIO      a WAV file Chromium's fake microphone plays (required)
//   CALLS           who hangs up each call, in order: agent or caller (default "agent"); "vanish" (last only)
//                   kills the browser mid-call once audio flows, as a crashed tab or a laptop whose lid shuts
//   WRAPUP          "required": every call must be followed by the wrap-up form, completed with the disposition
//                   "e2e-<n>" and notes; otherwise a wrap-up form is completed if one appears
//   ANSWER_DELAY_MS the agent's reaction time before clicking Answer (default 0)
//   SCREENSHOT_DIR  where failure.png goes (default target/e2e)
//   CHROMIUM_PATH   the browser (default /usr/bin/chromium)

import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  WAIT, hearing, launch, measureAnswerToAudio, newPage, reactionTime, say, signInAvailable, state, stats, until,
} from './desktop.mjs';

const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR || 'target/e2e');
const CALLS = (process.env.CALLS || 'agent').split(',').map((s) => s.trim());
const WRAPUP_REQUIRED = process.env.WRAPUP === 'required';

/** SIGKILL to every process this script started (Chromium and its helpers), found through /proc. */
function killBrowserProcesses() {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // the parent pid is the 4th field, after the command in parentheses (which may hold spaces)
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const doomed = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (doomed.has(parent) && !doomed.has(pid)) {
        doomed.add(pid);
        grew = true;
      }
    }
  }
  doomed.delete(process.pid);
  for (const pid of doomed) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function takeCall(browser, page, hungUpBy, n) {
  const incoming = page.getByTestId('call-incoming');
  await incoming.waitFor({ state: 'visible', timeout: 90_000 });
  const screenPop = (await incoming.innerText()).replace(/\s+/g, ' ').trim();
  await reactionTime();
  await page.getByTestId('call-answer').click();
  const answeredAt = Date.now();
  // audio flowing: the browser has received packets with sound in them
  const heard = await hearing(page, 'audio from the caller');
  const answerToAudioMs = Date.now() - answeredAt;
  const timing = await page.evaluate(() => window.__answerTiming ?? null);
  if (hungUpBy === 'vanish') {
    // no goodbye of any kind: no hang-up, no WebSocket close frame, no ICE or DTLS close
    say(`CALL ${JSON.stringify({ hungUpBy, screenPop, answerToAudioMs, received: heard.packetsReceived })}`);
    killBrowserProcesses();
    return null;
  }
  await page.getByTestId('call-keypad').click();
  for (const key of ['keypad-1', 'keypad-2', 'keypad-3', 'keypad-pound']) {
    await page.getByTestId(key).click();
    await new Promise((r) => setTimeout(r, 400));
  }
  await new Promise((r) => setTimeout(r, 1500));
  const talking = await stats(page);
  if (!(talking.packetsSent > heard.packetsSent)) throw new Error('the browser is not sending audio');
  if (hungUpBy === 'agent') {
    await page.getByTestId('call-hangup').click();
  }
  await page.getByTestId('call-hangup').waitFor({ state: 'detached', timeout: 90_000 });
  // wrap-up: a disposition and notes, then back to work
  const disposition = page.getByTestId('wrapup-disposition');
  const wrapUpCode = `e2e-${n}`;
  let wrappedUp = null;
  if (WRAPUP_REQUIRED) await disposition.waitFor({ state: 'visible', timeout: 10_000 });
  if (await disposition.isVisible().catch(() => false)) {
    if ((await state(page)) !== 'WRAP_UP') throw new Error(`wrap-up form shown in state ${await state(page)}`);
    await disposition.fill(wrapUpCode);
    await page.getByTestId('wrapup-notes').fill(`call ${n}, hung up by the ${hungUpBy}`);
    await page.getByTestId('wrapup-complete').click();
    await page.getByTestId('wrapup').waitFor({ state: 'detached', timeout: WAIT });
    wrappedUp = wrapUpCode;
  }
  await until('the agent available again', async () => (await state(page)) === 'AVAILABLE');
  return { hungUpBy, screenPop, answerToAudioMs, timing, received: talking.packetsReceived, sent: talking.packetsSent,
    audioLevel: heard.audioLevel, dtlsState: talking.dtlsState, disposition: wrappedUp };
}

async function main() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browser = await launch();
  const page = await newPage(browser, measureAnswerToAudio);
  try {
    await signInAvailable(page, process.env.AGENT_EMAIL, process.env.AGENT_PASSWORD);
    say('READY');
    for (const [i, hungUpBy] of CALLS.entries()) {
      const call = await takeCall(browser, page, hungUpBy, i + 1);
      if (call === null) break;
      say(`CALL ${JSON.stringify(call)}`);
    }
    say('DONE');
  } catch (e) {
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'softphone-failure.png'), fullPage: true }).catch(() => {});
    say(`FAILED ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

await main();
