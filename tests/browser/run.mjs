#!/usr/bin/env node
// Browser accessibility harness for gongkai.
//
// Usage:
//   node tests/browser/run.mjs --base http://127.0.0.1:PORT \
//        --pages tests/browser/pages.json --shots DIR \
//        [--timeout SECONDS] [--global-timeout SECONDS] [--only NAME[,NAME...]]
//
// For every entry of pages.json it loads the page twice in headless Chromium
// (desktop 1280x800 or `width`, then mobile 390x844) and checks: HTTP status,
// <html lang="zh-CN">, axe-core WCAG 2.0/2.1 A+AA, console errors, page
// errors, failed or >= 400 subresources, and (mobile) horizontal reflow.
// An entry with "submit" fills and sends a form of the page and tests the
// page that answers (a POST result); "before" steps prepare it (e.g. file
// an application and save its tracking code for the lookup).
// Writes SHOTS/<name>.png and SHOTS/<name>-mobile.png.
//
// Exit codes: 0 all passed, 1 some test failed, 2 bad usage / environment.

import { createRequire } from 'node:module';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, 'package.json'));

const USAGE = `usage: node tests/browser/run.mjs --base http://127.0.0.1:PORT --pages tests/browser/pages.json --shots DIR
       [--timeout SECONDS (per test, default 30)] [--global-timeout SECONDS (default 600)]
       [--only NAME[,NAME...]]
env:   CHROMIUM=/path/to/chromium (default /usr/bin/chromium)`;

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844 };
const EXPECTED_LANG = 'zh-CN';

function usageError(msg) {
  console.error(`error: ${msg}`);
  console.error(USAGE);
  process.exit(2);
}

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = { timeout: 30, globalTimeout: 600, only: null };
  const known = { '--base': 'base', '--pages': 'pages', '--shots': 'shots',
    '--timeout': 'timeout', '--global-timeout': 'globalTimeout', '--only': 'only' };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let val;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) { val = arg.slice(eq + 1); arg = arg.slice(0, eq); }
    if (arg === '-h' || arg === '--help') { console.log(USAGE); process.exit(0); }
    const key = known[arg];
    if (!key) usageError(`unknown argument: ${argv[i]}`);
    if (val === undefined) {
      val = argv[++i];
      if (val === undefined) usageError(`${arg} needs a value`);
    }
    opts[key] = val;
  }
  for (const k of ['base', 'pages', 'shots']) if (!opts[k]) usageError(`missing --${k}`);
  for (const k of ['timeout', 'globalTimeout']) {
    const n = Number(opts[k]);
    if (!Number.isFinite(n) || n <= 0) usageError(`bad --${k === 'timeout' ? 'timeout' : 'global-timeout'}: ${opts[k]}`);
    opts[k] = n * 1000;
  }
  let base;
  try { base = new URL(opts.base); } catch { usageError(`--base is not a URL: ${opts.base}`); }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') usageError(`--base must be http(s): ${opts.base}`);
  opts.base = opts.base.replace(/\/+$/, '');
  if (opts.only) opts.only = new Set(String(opts.only).split(',').map((s) => s.trim()).filter(Boolean));
  return opts;
}

// A form to fill and send: {"fields": {"name": "value", ...}}.
function checkSubmit(sub, where) {
  if (!sub || typeof sub !== 'object' || !sub.fields || typeof sub.fields !== 'object' ||
      Object.keys(sub.fields).length === 0 || !Object.values(sub.fields).every((v) => typeof v === 'string')) {
    usageError(`${where} must be {"fields": {"name": "value", ...}} with at least one field`);
  }
}

function loadPages(file, only) {
  let raw;
  try { raw = readFileSync(file, 'utf8'); } catch (e) { usageError(`cannot read pages file ${file}: ${e.message}`); }
  let list;
  try { list = JSON.parse(raw); } catch (e) { usageError(`pages file ${file} is not valid JSON: ${e.message}`); }
  if (!Array.isArray(list)) usageError(`pages file ${file} must contain a JSON array`);
  const seen = new Set();
  list.forEach((p, i) => {
    const where = `${file}[${i}]`;
    if (!p || typeof p !== 'object') usageError(`${where}: entry must be an object`);
    if (typeof p.name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(p.name)) usageError(`${where}: "name" must match [A-Za-z0-9._-]+`);
    if (seen.has(p.name)) usageError(`${where}: duplicate name "${p.name}"`);
    seen.add(p.name);
    if (typeof p.path !== 'string' || !p.path.startsWith('/')) usageError(`${where} (${p.name}): "path" must be a string starting with /`);
    if (p.status !== undefined && p.status !== null && !Number.isInteger(p.status)) usageError(`${where} (${p.name}): "status" must be an integer`);
    if (p.width !== undefined && p.width !== null && !(Number.isInteger(p.width) && p.width >= 200 && p.width <= 4000)) usageError(`${where} (${p.name}): "width" must be an integer 200..4000`);
    if (p.submit !== undefined && p.submit !== null) checkSubmit(p.submit, `${where} (${p.name}): "submit"`);
    if (p.before !== undefined && p.before !== null) {
      if (!Array.isArray(p.before)) usageError(`${where} (${p.name}): "before" must be an array`);
      p.before.forEach((b, j) => {
        const w = `${where} (${p.name}): "before"[${j}]`;
        if (!b || typeof b !== 'object' || typeof b.path !== 'string' || !b.path.startsWith('/')) usageError(`${w}: needs a "path" starting with /`);
        checkSubmit(b.submit, `${w}.submit`);
        if (b.save !== undefined && (typeof b.save !== 'object' || !Object.values(b.save).every((v) => typeof v === 'string'))) {
          usageError(`${w}: "save" must map names to CSS selectors`);
        }
      });
    }
    if (p.login !== undefined && p.login !== null) {
      if (typeof p.login !== 'object' || typeof p.login.user !== 'string' || typeof p.login.password !== 'string') {
        usageError(`${where} (${p.name}): "login" must be null or {"user": "...", "password": "..."}`);
      }
    }
  });
  if (only) {
    for (const n of only) if (!seen.has(n)) usageError(`--only: no page named "${n}" in ${file}`);
    return list.filter((p) => only.has(p.name));
  }
  return list;
}

async function checkReachable(base) {
  try {
    const res = await fetch(base + '/', { redirect: 'manual', signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer().catch(() => {});
  } catch (e) {
    const why = e.cause && (e.cause.code || e.cause.message) ? (e.cause.code || e.cause.message) : e.message;
    console.error(`error: server unreachable at ${base}/ (${why}); start the app first`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------- helpers
class Timeout extends Error {}

function withTimeout(promise, ms, what, onTimeout) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => {
      Promise.resolve().then(onTimeout).catch(() => {});
      reject(new Timeout(`timed out after ${ms / 1000}s ${what}`));
    }, ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

function clip(s, n = 300) {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n) + '…' : s;
}

function shortUrl(u, base) {
  return u.startsWith(base) ? u.slice(base.length) || '/' : u;
}

function isMainNavigation(page, request) {
  return request.isNavigationRequest() && request.frame() === page.mainFrame();
}

async function login(page, base, creds, failures) {
  const loginUrl = base + '/login';
  const loginPath = new URL(loginUrl).pathname;
  const res = await page.goto(loginUrl, { waitUntil: 'load' });
  if (!res || res.status() >= 400) {
    failures.push(`login: GET ${loginPath} answered ${res ? res.status() : 'no response'}`);
    return false;
  }
  // Scope to the form that has a password field, so a header search form
  // with its own submit button is never picked by mistake.
  const form = page.locator('form:has(input[name=password])').first();
  if (await form.count() === 0) {
    failures.push(`login: no <form> with input[name=password] on ${loginPath}`);
    return false;
  }
  await form.locator('input[name=login]').fill(creds.user);
  await form.locator('input[name=password]').fill(creds.password);
  const [nav] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    form.locator('button[type=submit]').first().click(),
  ]);
  const status = nav ? nav.status() : 0;
  const landed = new URL(page.url());
  if (!nav || status >= 400 || landed.pathname === loginPath) {
    failures.push(`login as "${creds.user}" failed: landed on ${landed.pathname}${landed.search} with status ${nav ? status : 'none'}`);
    return false;
  }
  return true;
}

// Fills the form that holds the first named field and sends it with its
// submit button: text inputs and text areas are filled, a select gets the
// option of that value, a radio button or check box of that value is
// checked. "{name}" in a value is replaced by a value saved by an earlier
// step. Resolves to the response of the navigation that follows.
async function submitForm(page, fields, vars) {
  const names = Object.keys(fields);
  const form = page.locator(`form:has([name="${names[0]}"])`).first();
  if (await form.count() === 0) throw new Error(`no <form> with a field "${names[0]}" on ${new URL(page.url()).pathname}`);
  for (const name of names) {
    const value = fields[name].replace(/\{(\w+)\}/g, (m, v) => (v in vars ? vars[v] : m));
    const el = form.locator(`[name="${name}"]`).first();
    if (await el.count() === 0) throw new Error(`the form has no field "${name}"`);
    const { tag, type } = await el.evaluate((n) => ({ tag: n.tagName, type: (n.getAttribute('type') || '').toLowerCase() }));
    if (type === 'radio' || type === 'checkbox') {
      await form.locator(`[name="${name}"][value="${value}"]`).check();
    } else if (tag === 'SELECT') {
      await el.selectOption(value);
    } else {
      await el.fill(value);
    }
  }
  const [nav] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    form.locator('button[type=submit]').first().click(),
  ]);
  return nav;
}

// Runs the "before" steps of an entry: each opens a page, sends its form
// and saves the text of CSS selectors of the page it lands on.
async function runBefore(page, base, steps, vars, failures) {
  for (const step of steps) {
    const res = await page.goto(base + step.path, { waitUntil: 'load' });
    if (!res || res.status() >= 400) {
      failures.push(`before: GET ${step.path} answered ${res ? res.status() : 'no response'}`);
      return false;
    }
    const nav = await submitForm(page, step.submit.fields, vars);
    if (!nav || nav.status() >= 400) {
      failures.push(`before: sending the form of ${step.path} answered ${nav ? nav.status() : 'no response'}`);
      return false;
    }
    for (const [name, sel] of Object.entries(step.save || {})) {
      const el = page.locator(sel).first();
      if (await el.count() === 0) {
        failures.push(`before: nothing matches ${sel} after sending the form of ${step.path}`);
        return false;
      }
      vars[name] = (await el.textContent()).trim();
    }
  }
  return true;
}

// Inject axe-core and run it. addScriptTag is tried first; if the page's
// Content-Security-Policy blocks inline scripts, fall back to evaluating the
// source through the DevTools protocol (not subject to CSP), so the app can
// keep a strict CSP and still be tested with it enforced.
async function runAxe(page, axeSource) {
  let injected = false;
  try {
    await page.addScriptTag({ content: axeSource });
    injected = await page.evaluate(() => typeof window.axe === 'object' && typeof window.axe.run === 'function');
  } catch { injected = false; }
  if (!injected) {
    await page.evaluate((src) => { (0, eval)(src); }, axeSource).catch(() => {});
    injected = await page.evaluate(() => typeof window.axe === 'object' && typeof window.axe.run === 'function');
  }
  if (!injected) throw new Error('could not inject axe-core into the page');
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary || '' })),
    }));
  }, AXE_TAGS);
}

// ---------------------------------------------------------------- one test
async function runTest(browser, entry, variant, ctx) {
  const { base, shots, axeSource } = ctx;
  const failures = [];
  const notes = [];
  const isMobile = variant === 'mobile';
  const viewport = isMobile ? MOBILE : { width: entry.width || DESKTOP.width, height: DESKTOP.height };
  const context = await browser.newContext({
    viewport,
    isMobile,
    hasTouch: isMobile,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    ignoreHTTPSErrors: false,
    serviceWorkers: 'block',
  });
  const run = async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(Math.min(15000, ctx.timeout));
    page.setDefaultNavigationTimeout(Math.min(20000, ctx.timeout));

    if (entry.login) {
      const ok = await login(page, base, entry.login, failures);
      if (!ok) return { failures, notes };
    }
    const vars = {};
    if (entry.before) {
      const ok = await runBefore(page, base, entry.before, vars, failures);
      if (!ok) return { failures, notes };
    }

    // Collect problems only for the page under test, not for the login steps.
    let collecting = true;
    const problems = [];
    page.on('console', (msg) => {
      if (!collecting || msg.type() !== 'error') return;
      const text = msg.text();
      // Chromium echoes every failed load as a console error; those are
      // reported (more precisely) by the network listeners below, and the
      // main document's status is checked on its own.
      if (/^Failed to load resource:/.test(text)) return;
      const loc = msg.location();
      problems.push(`console error: ${clip(text)}${loc && loc.url ? ` (${shortUrl(loc.url, base)}:${loc.lineNumber + 1})` : ''}`);
    });
    page.on('pageerror', (err) => {
      if (collecting) problems.push(`page error: ${clip(err.message || err)}`);
    });
    // Requests issued before our own navigation (e.g. the post-login
    // page's favicon) are aborted by it; they are not this page's problem.
    const earlier = new Set();
    let armed = false;
    page.on('request', (req) => { if (!armed) earlier.add(req); });
    page.on('requestfailed', (req) => {
      if (!collecting || isMainNavigation(page, req) || earlier.has(req)) return;
      const f = req.failure();
      // An abort is Chromium cancelling a load (e.g. the favicon when the
      // page closes), not a broken resource; 4xx/5xx are caught below.
      if (f && f.errorText === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${req.method()} ${shortUrl(req.url(), base)} (${f ? f.errorText : 'unknown error'})`);
    });
    page.on('response', (res) => {
      if (!collecting || isMainNavigation(page, res.request())) return;
      if (res.status() >= 400) problems.push(`subresource ${res.status()}: ${res.request().method()} ${shortUrl(res.url(), base)}`);
    });

    const url = base + entry.path;
    armed = true;
    let res = await page.goto(url, { waitUntil: 'load' });
    if (entry.submit) {
      // The page under test is where sending the form leads.
      if (res && res.status() >= 400) failures.push(`GET ${entry.path} answered ${res.status()} before sending its form`);
      res = await submitForm(page, entry.submit.fields, vars);
    }
    // Give late fetches / lazy resources a moment, but never block on them.
    await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});

    // HTTP status. For an expected 3xx compare the first hop of the
    // redirect chain, otherwise the final response.
    const expected = entry.status ?? 200;
    if (!res) {
      failures.push(`no HTTP response for ${entry.path}`);
    } else {
      const chain = [];
      for (let r = res.request(); r; r = r.redirectedFrom()) chain.unshift(r);
      const first = chain.length > 1 ? await chain[0].response() : res;
      const got = expected >= 300 && expected < 400 && first ? first.status() : res.status();
      if (got !== expected) {
        const hops = [];
        for (const r of chain) {
          const rr = await r.response();
          hops.push(`${rr ? rr.status() : '?'} ${shortUrl(r.url(), base)}`);
        }
        failures.push(`HTTP status ${got}, expected ${expected} (${hops.join(' -> ')})`);
      }
    }

    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== EXPECTED_LANG) failures.push(`<html lang> is ${JSON.stringify(lang)}, expected "${EXPECTED_LANG}"`);

    if (isMobile) {
      const m = await page.evaluate(() => {
        const vp = document.querySelector('meta[name=viewport]');
        return {
          scrollWidth: Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0),
          deviceWidth: !!vp && /width\s*=\s*device-width/i.test(vp.getAttribute('content') || ''),
        };
      });
      if (m.scrollWidth > MOBILE.width + 1) {
        const hint = m.deviceWidth ? '' : '; no <meta name="viewport" content="width=device-width, initial-scale=1">';
        failures.push(`reflow: content is ${m.scrollWidth}px wide at a ${MOBILE.width}px viewport (horizontal scrolling, WCAG 1.4.10)${hint}`);
      }
    }

    // Stop collecting before our own injection can cause any noise.
    collecting = false;
    failures.push(...problems);

    const violations = await runAxe(page, axeSource);
    for (const v of violations) {
      const lines = [`axe ${v.id} [${v.impact}] ${v.help} (${v.count} node${v.count === 1 ? '' : 's'}) ${v.helpUrl}`];
      for (const t of v.targets) {
        // failureSummary is "Fix any of the following:\n  reason\n  reason..."; keep the first reason.
        const reason = t.summary.split('\n').map((l) => l.trim()).filter((l) => l && !/^Fix (any|all) of the following:?$/i.test(l))[0];
        lines.push(`  at ${clip(t.target, 200)}${reason ? ' — ' + clip(reason, 200) : ''}`);
      }
      failures.push(lines.join('\n'));
    }

    const file = path.join(shots, isMobile ? `${entry.name}-mobile.png` : `${entry.name}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    notes.push(`screenshot ${file}`);
    return { failures, notes };
  };
  try {
    return await withTimeout(run(), ctx.timeout, `testing ${entry.path}`, () => context.close());
  } catch (e) {
    failures.push(e instanceof Timeout ? e.message : `error: ${clip(e.message || e, 500)}`);
    return { failures, notes };
  } finally {
    await withTimeout(context.close(), 5000, 'closing context', () => {}).catch(() => {});
  }
}

// ---------------------------------------------------------------- main
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pages = loadPages(opts.pages, opts.only);
  if (pages.length === 0) usageError(`no pages in ${opts.pages}`);
  try { mkdirSync(opts.shots, { recursive: true }); } catch (e) { usageError(`cannot create --shots dir ${opts.shots}: ${e.message}`); }

  let axeSource;
  try { axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'); } catch (e) {
    console.error(`error: axe-core not installed (${e.message}); run: npm ci --prefix ${path.relative(process.cwd(), HERE) || '.'}`);
    process.exit(2);
  }
  let chromium;
  try { ({ chromium } = require('playwright-core')); } catch (e) {
    console.error(`error: playwright-core not installed (${e.message}); run: npm ci --prefix ${path.relative(process.cwd(), HERE) || '.'}`);
    process.exit(2);
  }

  await checkReachable(opts.base);

  let passed = 0;
  let failed = 0;
  const total = pages.length * 2;
  const globalTimer = setTimeout(() => {
    console.log(`not ok - global timeout: gave up after ${opts.globalTimeout / 1000}s`);
    console.log(`browser: ${passed} passed, ${total - passed} failed`);
    process.exit(1);
  }, opts.globalTimeout);

  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  let browser;
  try {
    browser = await withTimeout(chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30000 }), 40000, 'launching chromium', () => {});
  } catch (e) {
    console.error(`error: cannot launch chromium at ${executablePath}: ${clip(e.message, 800)}`);
    process.exit(2);
  }

  const ctx = { base: opts.base, shots: opts.shots, axeSource, timeout: opts.timeout };
  const t0 = Date.now();
  for (const entry of pages) {
    for (const variant of ['desktop', 'mobile']) {
      const t = Date.now();
      const { failures } = await runTest(browser, entry, variant, ctx);
      const secs = ((Date.now() - t) / 1000).toFixed(1);
      if (failures.length === 0) {
        passed++;
        console.log(`ok - ${entry.name} (${variant}) ${entry.path} [${secs}s]`);
      } else {
        failed++;
        const single = failures.length === 1;
        const head = single ? failures[0].split('\n')[0] : `${failures.length} problems`;
        console.log(`not ok - ${entry.name} (${variant}) ${entry.path}: ${head} [${secs}s]`);
        const detail = single ? failures[0].split('\n').slice(1) : failures.flatMap((f) => f.split('\n'));
        for (const line of detail) console.log(`    ${line}`);
      }
    }
  }
  await withTimeout(browser.close(), 10000, 'closing chromium', () => {}).catch(() => {});
  clearTimeout(globalTimer);
  console.log(`# ${total} tests in ${((Date.now() - t0) / 1000).toFixed(1)}s, screenshots in ${opts.shots}`);
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`error: ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
