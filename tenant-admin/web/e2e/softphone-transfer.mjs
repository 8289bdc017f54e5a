#!/usr/bin/env node
// An attended transfer between two browser agents, end to end, in the real agent desktop (driven by
// SoftphoneTransferIT, which plays the customer with sipp and checks the gateway's side). Ann answers the caller
// (or, with DIAL, calls the customer herself), consults Bob (the customer on hold), talks to him, and completes the
// transfer; Bob then has the customer, hangs up and completes the wrap-up. Prints READY once both are Available, "CONSULT {...}" while Ann and Bob talk, "TRANSFER {...}"
// once Bob hears the caller, then DONE; "FAILED <reason>" and exit 1 on a failure.
//
// Environment:
//   BASE_URL                                  where the platform serves the app and /api
//   AGENT_EMAIL, AGENT_PASSWORD               Ann, who takes the call and transfers it
//   COLLEAGUE_EMAIL, COLLEAGUE_PASSWORD       Bob, consulted, who takes it over
//   COLLEAGUE_ID                              Bob's agent id (what Ann picks in the transfer panel)
//   AGENT_NAME, COLLEAGUE_NAME                their names, which each desktop shows the other by
//   FAKE_AUDIO                                a WAV file Chromium's fake microphone plays (required)
//   DIAL                                      the customer's number Ann dials; unset, she answers a call
//   DIAL_QUEUE                                the queue id Ann picks to dial for (unset: her first queue)
//   CUSTOMER                                  the customer's number as Bob is shown it (default +15550000001)
//   SCREENSHOT_DIR                            where the failure screenshots go (default target/e2e)

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WAIT, hearing, launch, newPage, say, signInAvailable, state, stats, until } from './desktop.mjs';

const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR || 'target/e2e');

/** Ann's side up to the consultation: answer (or dial and be answered), hear the customer, consult Bob. */
async function answerAndConsult(ann, bobId) {
  if (process.env.DIAL) {
    await ann.getByTestId('dial-number').fill(process.env.DIAL);
    if (process.env.DIAL_QUEUE) {
      // the picker shows once the queues are read
      await ann.locator(`select[data-testid="dial-queue"] option[value="${process.env.DIAL_QUEUE}"]`).waitFor({ state: 'attached', timeout: WAIT });
      await ann.getByTestId('dial-queue').selectOption(process.env.DIAL_QUEUE);
    }
    await ann.getByTestId('dial-call').click();
    await ann.locator('[data-testid="call-active"][data-state="connected"]').waitFor({ timeout: 90_000 });
  } else {
    await ann.getByTestId('call-incoming').waitFor({ state: 'visible', timeout: 90_000 });
    await ann.getByTestId('call-answer').click();
  }
  const withCaller = await hearing(ann, 'Ann hearing the customer');
  await ann.getByTestId('call-transfer').click();
  await ann.getByTestId('transfer-kind').selectOption('agent');
  // agents pick colleagues by name from the agent directory: the list replaces the id field once it is read
  await ann.locator(`select[data-testid="transfer-target"] option[value="${bobId}"]`).waitFor({ state: 'attached', timeout: WAIT });
  await ann.getByTestId('transfer-target').selectOption(bobId);
  await ann.getByTestId('transfer-consult').click();
  await ann.locator('[data-testid="consult-status"][data-state="ringing"]').waitFor({ timeout: WAIT });
  return withCaller;
}

async function main() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browser = await launch();
  const ann = await newPage(browser);
  const bob = await newPage(browser);
  try {
    await signInAvailable(ann, process.env.AGENT_EMAIL, process.env.AGENT_PASSWORD);
    await signInAvailable(bob, process.env.COLLEAGUE_EMAIL, process.env.COLLEAGUE_PASSWORD);
    say('READY');
    const withCaller = await answerAndConsult(ann, process.env.COLLEAGUE_ID);

    // Bob's desktop rings with a consultation, not a customer's call
    const incoming = bob.getByTestId('call-incoming');
    await incoming.waitFor({ state: 'visible', timeout: WAIT });
    // by name once Bob's desktop has read the agent directory
    const consultation = await until('Bob told who consults him', async () => {
      const text = (await bob.getByTestId('consultation-from').innerText()).trim();
      return text.includes(process.env.AGENT_NAME) ? text : null;
    });
    await bob.getByTestId('call-answer').click();
    await ann.locator('[data-testid="consult-status"][data-state="connected"]').waitFor({ timeout: WAIT });
    const annSees = await until('Ann shown whom she consults', async () => {
      const text = (await ann.getByTestId('consult-status').innerText()).trim();
      return text.includes(process.env.COLLEAGUE_NAME) ? text : null;
    });
    const bobHearsAnn = await hearing(bob, 'Bob hearing Ann');
    // Ann's media moved to the consultation: the same stream goes on, now with Bob's voice
    const annHearsBob = await hearing(ann, 'Ann hearing Bob', 50, (await stats(ann)).packetsReceived);
    say(`CONSULT ${JSON.stringify({ consultation, annSees, annState: await state(ann), annReceived: annHearsBob.packetsReceived,
      annReceivedBefore: withCaller.packetsReceived, bobReceived: bobHearsAnn.packetsReceived })}`);

    await ann.getByTestId('transfer-complete').click();
    await ann.getByTestId('call-active').waitFor({ state: 'detached', timeout: WAIT });
    const annNotice = (await ann.getByTestId('desk-notice').innerText()).trim();
    // Bob has the caller: the call shows the customer and he hears them
    await until('Bob shown the caller', async () =>
      (await bob.getByTestId('call-active').innerText().catch(() => '')).includes(process.env.CUSTOMER || '+15550000001'));
    const bobHearsCaller = await hearing(bob, 'Bob hearing the caller', 50, (await stats(bob)).packetsReceived);
    say(`TRANSFER ${JSON.stringify({ annNotice, annState: await state(ann), bobState: await state(bob),
      bobReceived: bobHearsCaller.packetsReceived, bobSent: bobHearsCaller.packetsSent })}`);

    // Ann finishes her wrap-up time, if the call's queue gives her one; Bob hangs up and dispositions the interaction
    if ((await state(ann)) === 'WRAP_UP') await ann.getByTestId('wrapup-finish').click();
    await until('Ann available again', async () => (await state(ann)) === 'AVAILABLE');
    await bob.getByTestId('call-hangup').click();
    await bob.getByTestId('wrapup-disposition').waitFor({ state: 'visible', timeout: 10_000 });
    await bob.getByTestId('wrapup-disposition').fill('transferred-in');
    await bob.getByTestId('wrapup-notes').fill('taken over from Ann');
    await bob.getByTestId('wrapup-complete').click();
    await until('Bob available again', async () => (await state(bob)) === 'AVAILABLE');
    say('DONE');
  } catch (e) {
    const prefix = process.env.DIAL ? 'outbound-transfer' : 'transfer';
    await ann.screenshot({ path: join(SCREENSHOT_DIR, `${prefix}-ann-failure.png`), fullPage: true }).catch(() => {});
    await bob.screenshot({ path: join(SCREENSHOT_DIR, `${prefix}-bob-failure.png`), fullPage: true }).catch(() => {});
    say(`FAILED ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

await main();
