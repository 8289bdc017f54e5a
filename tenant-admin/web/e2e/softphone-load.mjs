#!/usr/bin/env node
// Many browser agents at once, for SoftphoneLoadBench: one page per agent (each its own context, all in one
// Chromium), each signs in and goes Available, answers the call that rings and keeps it until the caller hangs up,
// then completes the wrap-up. Prints READY once every agent is Available, "CALL {n, timing}" as each call has
// audio (timing: from the click on Answer, as softphone-call.mjs's),
// "ENDED <n>" as each ends, then DONE; "FAILED <reason>" and exit 1 on a failure.
//
// Environment: BASE_URL; AGENT_EMAILS (comma-separated) and AGENT_PASSWORD; FAKE_AUDIO (required); ROUNDS (how many
// calls each agent takes, one after another; default 1); ANSWER_DELAY_MS (the reaction time before Answer, default 0).

import {
  hearing, measureAnswerToAudio, newPage, reactionTime, runAgents, say, signInAvailable, state, until,
} from './desktop.mjs';

async function serve(page, n) {
  await page.getByTestId('call-incoming').waitFor({ state: 'visible', timeout: 300_000 });
  await reactionTime();
  await page.getByTestId('call-answer').click();
  const heard = await hearing(page, `agent ${n} hearing the caller`);
  const timing = await until(`agent ${n}'s first sound timed`, () => page.evaluate(() =>
    window.__answerTiming && window.__answerTiming.firstSoundMs !== null ? window.__answerTiming : null));
  say(`CALL ${JSON.stringify({ n, timing, received: heard.packetsReceived })}`);
  await page.getByTestId('call-active').waitFor({ state: 'detached', timeout: 600_000 });
  say(`ENDED ${n}`);
  const disposition = page.getByTestId('wrapup-disposition');
  await disposition.waitFor({ state: 'visible', timeout: 10_000 });
  await disposition.fill('load');
  await page.getByTestId('wrapup-complete').click();
  await until(`agent ${n} available again`, async () => (await state(page)) === 'AVAILABLE');
}

async function main() {
  const emails = (process.env.AGENT_EMAILS || '').split(',').filter((e) => e !== '');
  await runAgents(emails, async (browser, email) => {
    const page = await newPage(browser, measureAnswerToAudio);
    await signInAvailable(page, email, process.env.AGENT_PASSWORD);
    return page;
  }, serve);
}

await main();
