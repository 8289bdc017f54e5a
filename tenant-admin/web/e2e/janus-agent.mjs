#!/usr/bin/env node
// Janus's SIP plugin as the agents' gateway, for the side-by-side benchmark (JanusSideBySideBench): each agent is a
// page of its own that registers a SIP user with the plugin (through the registrar at REGISTRAR), answers the call
// Janus offers it and keeps it until the caller hangs up. The page does what the Callisto desktop's softphone does on
// Answer (getUserMedia, a peer connection, trickled candidates), and the same in-page timing as
// softphone-call.mjs's is read from the click on Answer. Prints READY once every agent is registered,
// "CALL {...}" with the timing as each call has sound, "ENDED <n>" as each ends, then DONE; "FAILED <reason>".
//
// Environment: JANUS (the plugin's HTTP API, e.g. http://172.31.200.1:8088/janus), REGISTRAR (host:port), USERS
// (comma-separated SIP user names), FAKE_AUDIO (the fake microphone's WAV), ROUNDS (calls per agent, default 1),
// ANSWER_DELAY_MS (the reaction time before Answer, default 0).

import { createServer } from 'node:http';
import { newPage, reactionTime, runAgents, say, until } from './desktop.mjs';

const PAGE = `<!doctype html><meta charset="utf-8"><title>janus agent</title><audio id="remote" autoplay></audio>
<script>
const janus = new URLSearchParams(location.search).get('janus');
async function post(path, body) {
  const response = await fetch(janus + path, { method: 'POST',
    body: JSON.stringify({ ...body, transaction: Math.random().toString(36).slice(2) }) });
  return response.json();
}
window.agent = { state: 'new', events: [], timing: null };
window.register = async (user, registrar) => {
  const session = (await post('', { janus: 'create' })).data.id;
  const handle = (await post('/' + session, { janus: 'attach', plugin: 'janus.plugin.sip' })).data.id;
  const a = window.agent;
  a.session = session; a.handle = handle;
  (async () => {
    for (;;) {
      const events = await (await fetch(janus + '/' + session + '?maxev=5&rid=' + Date.now())).json();
      for (const e of [].concat(events)) onEvent(e);
    }
  })();
  await post('/' + session + '/' + handle, { janus: 'message', body: { request: 'register',
    username: 'sip:' + user + '@' + registrar.split(':')[0], secret: 'unused', proxy: 'sip:' + registrar } });
};
function result(e) { return e.plugindata && e.plugindata.data && e.plugindata.data.result; }
function onEvent(e) {
  const a = window.agent;
  a.events.push(e);
  const r = result(e);
  if (!r) return;
  if (r.event === 'registered') a.state = 'registered';
  if (r.event === 'incomingcall') { a.offer = e.jsep; a.state = 'ringing'; a.received = 0; a.audioLevel = 0; }
  if (r.event === 'hangup') { a.state = 'ended'; if (a.pc) a.pc.close(); }
}
window.answer = async () => {
  const a = window.agent;
  const start = performance.now();
  const timing = { iceConnectedMs: null, dtlsConnectedMs: null, firstPacketMs: null, firstSoundMs: null };
  a.timing = timing;
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
  const pc = new RTCPeerConnection({ iceServers: [] });
  a.pc = pc;
  pc.ontrack = (event) => { document.getElementById('remote').srcObject = event.streams[0] || new MediaStream([event.track]); };
  pc.onicecandidate = (event) => post('/' + a.session + '/' + a.handle, { janus: 'trickle',
    candidate: event.candidate ? event.candidate.toJSON() : { completed: true } });
  await pc.setRemoteDescription(a.offer);
  pc.addTrack(stream.getAudioTracks()[0], stream);
  const answer = await pc.createAnswer();
  await pc.setLocalDescription(answer);
  await post('/' + a.session + '/' + a.handle, { janus: 'message', body: { request: 'accept' },
    jsep: { type: 'answer', sdp: pc.localDescription.sdp } });
  a.state = 'answered';
  const poll = setInterval(async () => {
    const now = performance.now() - start;
    if (timing.iceConnectedMs === null && ['connected', 'completed'].includes(pc.iceConnectionState)) timing.iceConnectedMs = now;
    if (timing.dtlsConnectedMs === null && pc.connectionState === 'connected') timing.dtlsConnectedMs = now;
    const stats = await pc.getStats();
    stats.forEach((s) => {
      if (s.type !== 'inbound-rtp' || s.kind !== 'audio') return;
      a.received = s.packetsReceived;
      a.audioLevel = s.audioLevel;
      if (timing.firstPacketMs === null && s.packetsReceived > 0) timing.firstPacketMs = performance.now() - start;
      if (timing.firstSoundMs === null && s.audioLevel > 0) timing.firstSoundMs = performance.now() - start;
    });
    if (pc.connectionState === 'closed') clearInterval(poll);
  }, 5);
};
</script>`;

async function agentState(page) {
  return page.evaluate(() => window.agent.state);
}

async function serve(page, n) {
  await until(`agent ${n} ringing`, async () => (await agentState(page)) === 'ringing', 300_000);
  await reactionTime();
  await page.evaluate(() => window.answer());
  const heard = await until(`agent ${n} hearing the caller`, () => page.evaluate(() =>
    window.agent.received >= 25 && window.agent.audioLevel > 0 && window.agent.timing.firstSoundMs !== null
      ? { timing: window.agent.timing, received: window.agent.received } : null));
  say(`CALL ${JSON.stringify({ n, ...heard })}`);
  await until(`agent ${n}'s call ended`, async () => (await agentState(page)) === 'ended', 600_000);
  say(`ENDED ${n}`);
}

async function main() {
  const users = (process.env.USERS || '').split(',').filter((u) => u !== '');
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    await runAgents(users, async (browser, user) => {
      const page = await newPage(browser, undefined, origin);
      await page.goto(`${origin}/?janus=${encodeURIComponent(process.env.JANUS)}`);
      await page.evaluate(([u, r]) => window.register(u, r), [user, process.env.REGISTRAR]);
      await until(`${user} registered`, async () => (await agentState(page)) === 'registered');
      return page;
    }, serve);
  } finally {
    server.close();
  }
}

await main();
