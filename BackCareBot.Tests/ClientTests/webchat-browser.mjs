// Drives the real page in Debian's Chromium (headless, through playwright-core) against a running host.
// Usage: node webchat-browser.mjs <baseUrl> <selfcare|emergency> <screenshotDirectory>
// Uses only the keyboard: typing in the send box, Tab-free focus and Enter on the suggested actions.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, scenario, screenshots] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const failures = [];
function check(condition, description) {
  console.log(`${condition ? 'PASS' : 'FAIL'} ${description}`);
  if (!condition) {
    failures.push(description);
  }
}

// Every activity the page receives over the Direct Line socket, to know when the bot has answered.
const received = [];
const offOrigin = [];

// The host's content security policy must allow everything the chat does: any violation fails the run.
const cspViolations = [];
const pages = [];
let pagePolicy = null;

async function openPage(viewport) {
  const context = await browser.newContext({ viewport, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  pages.push(page);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      cspViolations.push(`console: ${message.text()}`);
    }
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(baseUrl) && !request.url().startsWith(`blob:${baseUrl}`) && !request.url().startsWith('data:')) {
      offOrigin.push(request.url());
    }
  });
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => {
    if (typeof payload === 'string' && payload.length > 0) {
      received.push(...JSON.parse(payload).activities);
    }
  }));
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  const response = await page.goto(`${baseUrl}/`);
  pagePolicy = response.headers()['content-security-policy'] || null;
  return page;
}

async function until(predicate, description, timeoutMs = 20000) {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const botMessages = () => received.filter((a) => a.type === 'message' && a.from.role === 'bot');

// Answers the way a keyboard user would: Enter on a suggested action whose label matches, or typing and Enter.
async function answer(page, text) {
  const before = received.length;
  const choice = page.locator('.webchat__suggested-actions').getByRole('button', { name: text, exact: true });
  let how;
  if (await choice.count() > 0) {
    await choice.first().focus();
    await page.keyboard.press('Enter');
    how = 'choice';
  } else {
    const input = page.locator('.webchat__send-box-text-box__input');
    await input.focus();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    how = 'typed';
  }
  await until(() => received.slice(before).some((a) => a.from.role === 'user' && a.text.toLowerCase() === text.toLowerCase()), `the echo of "${text}"`);
  const echo = received.slice(before).find((a) => a.from.role === 'user' && a.text.toLowerCase() === text.toLowerCase());
  await until(() => received.some((a) => a.from.role === 'bot' && a.replyToId === echo.id), `the answer to "${text}"`);
  await page.waitForTimeout(400);
  return how;
}

async function selfCare() {
  const page = await openPage({ width: 390, height: 844 });
  await until(() => botMessages().length > 0, 'the welcome');
  await page.locator('.webchat__basic-transcript__activity').first().waitFor();
  check(await page.locator('.webchat__send-box-text-box__input').getAttribute('aria-label') !== null, 'the send box has a screen-reader label');
  await page.screenshot({ path: join(screenshots, 'selfcare-1-welcome.png') });

  const ways = [];
  for (const text of ['3 days ago', 'Suddenly', 'Lower back', '4']) {
    ways.push(await answer(page, text));
  }
  check(ways.includes('typed') && ways.includes('choice'), 'the person both typed and used suggested-action buttons');
  await page.screenshot({ path: join(screenshots, 'selfcare-2-questions.png') });

  for (let step = 0; step < 20 && !botMessages().some((a) => (a.attachments || []).length > 0 && a.text.includes('\n')); step++) {
    await answer(page, 'No');
  }
  const cards = page.locator('.ac-adaptiveCard');
  await cards.last().waitFor();
  check(await cards.count() >= 2, 'the tips and the summary are shown as Adaptive Cards');
  check(botMessages().some((a) => (a.attachments || []).some((c) => c.content.version === '1.5')), 'cards are version 1.5');
  check(await page.locator('.bcb-emergency').isHidden(), 'no emergency button on a self-care outcome');
  const horizontalOverflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  check(!horizontalOverflow, 'the page fits a phone-sized viewport without sideways scrolling');
  await cards.last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, 'selfcare-3-summary.png') });
}

async function emergency() {
  const page = await openPage({ width: 1024, height: 768 });
  await until(() => botMessages().length > 0, 'the welcome');
  await answer(page, 'I wet myself this morning and my legs are numb');
  const call = page.locator('.bcb-emergency a');
  await call.waitFor({ state: 'visible' });
  check(await call.getAttribute('href') === 'tel:999', 'the emergency button dials 999 (en-GB)');
  check(/call emergency services/i.test(await call.textContent()), 'the button says to call emergency services');
  check(await page.locator('.bcb-emergency').getAttribute('role') === 'alert', 'the button is announced to screen readers');
  await call.focus();
  check(await page.evaluate(() => document.activeElement.getAttribute('href')) === 'tel:999', 'the button can be reached by keyboard');
  await page.screenshot({ path: join(screenshots, 'emergency.png') });
}

try {
  await ({ selfcare: selfCare, emergency }[scenario])();
  check(offOrigin.length === 0, `nothing was loaded from another origin ${offOrigin.join(' ')}`);
} catch (error) {
  check(false, `scenario ${scenario} threw: ${error && error.stack ? error.stack : error}`);
} finally {
  // Checked even when the scenario failed: a blocked script or socket is the likeliest reason it did.
  check(pagePolicy !== null && pagePolicy.includes("script-src 'self'"), `the page came with a content security policy: ${pagePolicy}`);
  for (const page of pages) {
    cspViolations.push(...await page.evaluate(() => window.__cspViolations));
  }
  check(cspViolations.length === 0, `no content security policy violations ${cspViolations.join(' | ')}`);
  await browser.close();
}
console.log(failures.length === 0 ? `OK ${scenario}` : `FAILED ${scenario}: ${failures.length} check(s)`);
process.exit(failures.length === 0 ? 0 : 1);
