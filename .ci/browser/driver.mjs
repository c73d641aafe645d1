// Drives `byline serve` in Debian's headless chromium (playwright-core, no browser download):
// search for a speaker, open an article, check the highlighted quote and its speaker link,
// click it and land on the entity page; screenshots go to $ARTIFACTS. Exits 1 on the first
// failed assertion, naming it.
import { chromium } from 'playwright-core';

const base = process.env.BYLINE_URL;
const speaker = process.env.SPEAKER || 'Helen Achterberg';
const out = process.env.ARTIFACTS || '.';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

let failed = false;
function check(cond, msg) {
  if (!cond) {
    failed = true;
    throw new Error('ASSERTION FAILED: ' + msg);
  }
  console.log('ok - ' + msg);
}

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });

try {
  // 1. Search for a speaker from the home page's search box.
  await page.goto(base + '/');
  check((await page.title()).includes('byline'), 'home page loads');
  await page.fill('#speaker', speaker);
  await Promise.all([page.waitForURL(/speaker=/), page.click('#go')]);
  const hits = page.locator('#quote-results li.quote-hit');
  check((await hits.count()) > 0, `quotes found for speaker "${speaker}"`);
  const names = await page.locator('#quote-results .speaker-tag .speaker').allTextContents();
  check(names.length > 0 && names.every((n) => n.includes(speaker.split(' ').pop())),
    `every quote found is tagged with the speaker (${[...new Set(names)].join(', ')})`);
  await page.screenshot({ path: `${out}/1-speaker-search.png`, fullPage: true });

  // 2. Open the article of the first quote.
  await Promise.all([page.waitForURL(/\/articles\//), hits.first().locator('a.article-link').click()]);
  const id = decodeURIComponent(new URL(page.url()).pathname.slice('/articles/'.length));
  check(id.length > 0, `article page opened (${id})`);
  check((await page.locator('#text mark.quote').count()) > 0, 'the article text has highlighted quotes');
  check((await page.locator('#text a.ent.ent-per').count()) > 0, 'person mentions are highlighted');

  // 3. The highlighted quote is exactly the quote's text (code-point offsets from the API).
  const api = await (await page.request.get(`${base}/api/articles/${encodeURIComponent(id)}`)).json();
  const cps = Array.from(api.text);
  const bySpeaker = api.quotes.filter((x) => x.speaker_name && x.speaker_name.includes(speaker.split(' ').pop()) && x.speaker_id != null);
  const q = bySpeaker.find((x) => x.kind === 'direct') || bySpeaker[0];
  check(q !== undefined, 'the API lists a quote of the speaker in this article');
  check(cps.slice(q.start, q.end).join('') === q.text, 'code-point offsets slice the quote text');
  const parts = await page.locator(`#text mark.quote[data-quote-id="${q.quote_id}"]`).allTextContents();
  check(parts.join('') === q.text, `highlighted quote ${q.quote_id} reads exactly the quote ("${q.text.slice(0, 40)}...")`);
  const mark = page.locator(`#q${q.quote_id}`);
  check(await mark.isVisible(), 'the highlighted quote is visible');
  const bg = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
  check(bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent', `the quote has a highlight colour (${bg})`);

  // 4. The quote's speaker tag links to the speaker's entity page.
  const tag = page.locator(`mark.quote[data-quote-id="${q.quote_id}"] + .speaker-tag a.speaker`).last();
  check((await tag.count()) === 1, 'the quote is followed by a speaker tag with a link');
  const href = await tag.getAttribute('href');
  check(href === `/entities/${q.speaker_id}`, `the speaker link points at /entities/${q.speaker_id}`);
  await mark.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/2-article.png`, fullPage: true });
  await Promise.all([page.waitForURL(new RegExp(`/entities/${q.speaker_id}$`)), tag.click()]);

  // 5. The entity page.
  const name = await page.locator('#entity-name').textContent();
  check(name.includes(speaker.split(' ').pop()), `landed on the entity page of "${name}"`);
  check((await page.locator('#mentions-chart rect.bar').count()) > 0, 'the mentions-over-time chart has bars');
  check((await page.locator('#latest-quotes li.quote-hit').count()) > 0, 'the entity page lists latest quotes');
  check((await page.locator('#aliases li').count()) > 0, 'the entity page lists aliases');
  await page.screenshot({ path: `${out}/3-entity.png`, fullPage: true });

  // 6. The quote bank by speaker and date.
  await page.goto(`${base}/quotes?speaker_id=${q.speaker_id}&from=2000-01-01`);
  check((await page.locator('#quote-results li.quote-hit').count()) > 0, 'the quote bank lists the speaker\'s quotes');
  await page.screenshot({ path: `${out}/4-quote-bank.png`, fullPage: true });

  check(consoleErrors.length === 0, `no console errors (${consoleErrors.join(' | ')})`);
} catch (e) {
  console.error(String(e.message || e));
  failed = true;
  try { await page.screenshot({ path: `${out}/failure.png`, fullPage: true }); } catch {}
} finally {
  await browser.close();
}
if (failed) {
  console.error('browser test FAILED');
  process.exit(1);
}
console.log('browser test passed');
