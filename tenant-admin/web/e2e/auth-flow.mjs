#!/usr/bin/env node
// End-to-end check of sign-up, sign-in and sign-out in a real browser against a running platform.
//
//   BASE_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=/tmp/shots node e2e/auth-flow.mjs
//
// Environment:
//   BASE_URL        where the platform serves the app and /api (default http://127.0.0.1:8080)
//   SCREENSHOT_DIR  where admin-shell.png (and failure.png on a failure) go (default target/e2e)
//   CHROMIUM_PATH   the browser to drive (default /usr/bin/chromium)
//   STEP_TIMEOUT_MS how long one step may take (default 15000)
//
// Exits 0 when every step passed, 1 with a message naming the failed step otherwise.

import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR || 'target/e2e');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const STEP_TIMEOUT = Number(process.env.STEP_TIMEOUT_MS || 15_000);

const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const COMPANY = `E2E Company ${stamp}`;
const ADMIN_NAME = 'E2E Admin';
const EMAIL = `e2e-${stamp}@example.test`;
const PASSWORD = 'Str0ng-Passw0rd!';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

class StepFailure extends Error {}

function log(message) {
  process.stdout.write(`[auth-flow] ${message}\n`);
}

/** Runs one step with its own deadline; a failure names the step. */
async function step(name, fn) {
  const started = Date.now();
  let timer;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${STEP_TIMEOUT} ms`)), STEP_TIMEOUT);
      }),
    ]);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/\u001b\[[0-9;]*m/g, '');
    throw new StepFailure(`step "${name}" failed: ${message}`);
  } finally {
    clearTimeout(timer);
  }
  log(`ok   ${name} (${Date.now() - started} ms)`);
}

function pathOf(page) {
  try {
    return new URL(page.url()).pathname;
  } catch {
    return page.url();
  }
}

/**
 * Waits until the browser is on `path`. Fails at once, with the message the page shows, if the
 * page shows an error instead, or if the browser left the app (e.g. for a checkout page).
 */
async function waitForPath(page, path) {
  const deadline = Date.now() + STEP_TIMEOUT - 250;
  const error = page.getByTestId('error-message');
  for (;;) {
    const url = page.url();
    if (url.startsWith(BASE_URL) && pathOf(page) === path) {
      return;
    }
    if (!url.startsWith(BASE_URL) && url !== 'about:blank') {
      throw new Error(`expected ${path}, but the browser went to ${url}`);
    }
    if (await error.isVisible().catch(() => false)) {
      const text = ((await error.textContent().catch(() => '')) || '').trim();
      const fields = await page.locator('.field__error').allTextContents().catch(() => []);
      const beside = fields.length > 0 ? ` (fields: ${fields.map((f) => f.trim()).join('; ')})` : '';
      throw new Error(`expected ${path}, but ${pathOf(page)} shows the error: ${text}${beside}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`expected ${path}, still on ${url}`);
    }
    await page.waitForTimeout(100);
  }
}

async function expectText(page, testId, expected) {
  const locator = page.getByTestId(testId);
  await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  const deadline = Date.now() + STEP_TIMEOUT - 500;
  let actual = '';
  while (Date.now() < deadline) {
    actual = ((await locator.textContent()) || '').trim();
    if (actual === expected) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`[data-testid=${testId}] shows "${actual}", expected "${expected}"`);
}

async function assertAdminShell(page) {
  await waitForPath(page, '/admin');
  await expectText(page, 'tenant-name', COMPANY);
  await expectText(page, 'tenant-status', 'ACTIVE');
}

async function logout(page) {
  await page.getByTestId('logout').click();
  await waitForPath(page, '/login');
  await page.getByTestId('login-email').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await page.getByTestId('login-submit').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new StepFailure(`no browser at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'callisto-e2e-profile-'));
  log(`base ${BASE_URL}, email ${EMAIL}, screenshots in ${SCREENSHOT_DIR}`);

  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    timeout: STEP_TIMEOUT,
  });
  const pageErrors = [];
  const consoleErrors = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });

  try {
    await step('open /signup', async () => {
      const response = await page.goto(`${BASE_URL}/signup`, { waitUntil: 'domcontentloaded' });
      if (!response || !response.ok()) {
        throw new Error(`GET /signup answered ${response ? response.status() : 'nothing'}`);
      }
      await page.getByTestId('signup-company').waitFor({ state: 'visible' });
    });

    await step('sign up a new company', async () => {
      await page.getByTestId('signup-company').fill(COMPANY);
      await page.getByTestId('signup-name').fill(ADMIN_NAME);
      await page.getByTestId('signup-email').fill(EMAIL);
      await page.getByTestId('signup-password').fill(PASSWORD);
      await page.getByTestId('signup-seats').fill('1');
      await page.getByTestId('signup-submit').click();
      await waitForPath(page, '/admin');
    });

    await step('admin shell shows the company and status ACTIVE', () => assertAdminShell(page));

    await step('screenshot admin-shell.png', async () => {
      await page.getByTestId('overview-tenant-id').waitFor({ state: 'visible' });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-shell.png') });
    });

    await step('log out to the login page', () => logout(page));

    await step('log in again with the same credentials', async () => {
      await page.getByTestId('login-email').fill(EMAIL);
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await assertAdminShell(page);
    });

    await step('log out again', () => logout(page));

    if (pageErrors.length > 0) {
      throw new StepFailure(`the page threw: ${pageErrors.join(' | ')}`);
    }
    log(`PASSED: signed up "${COMPANY}" as ${EMAIL}, signed in and out twice`);
  } catch (e) {
    try {
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'failure.png'), timeout: 5000 });
      log(`failure screenshot: ${join(SCREENSHOT_DIR, 'failure.png')}`);
    } catch {
      // the browser may be gone
    }
    log(`page: ${page.url()}`);
    if (pageErrors.length > 0) log(`page errors: ${pageErrors.join(' | ')}`);
    if (consoleErrors.length > 0) log(`console errors: ${consoleErrors.slice(-5).join(' | ')}`);
    throw e;
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`[auth-flow] FAILED: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
