// The supervisors' dashboard in headless Chromium (Debian's /usr/bin/chromium through playwright-core),
// against the local runtime with figures for three streets and one overdue case: the ECharts chart draws its
// bars (counted by their series colours on the canvas), the tables and the ranking fill in, a click shows a
// case's timeline, and a screenshot is written to test-results/dashboard.png for people to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { beijingDate } from '../../shared/domain/beijing-time.js';
import type { Harness } from '../support/service-harness.js';
import { caseRecord, storeCase } from '../services/sla/sla-support.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`SKIPPED dashboard browser test: ${CHROMIUM} is absent (apt-get install chromium to run it)`);

const STREETS = [
  { code: '440112001', name: '黄埔街道', counts: { received: 40, accepted: 38, acceptedOnTime: 36, responded: 37, respondedOnTime: 35, resolved: 30, resolvedOnTime: 27, followUps: 20, satisfied: 16, basicallySatisfied: 2, dissatisfied: 2, solved: 17, h_resolve_08: 20, h_resolve_10: 10 } },
  { code: '440112002', name: '红山街道', counts: { received: 25, accepted: 25, acceptedOnTime: 20, responded: 24, respondedOnTime: 18, resolved: 22, resolvedOnTime: 15, followUps: 15, satisfied: 9, basicallySatisfied: 3, dissatisfied: 3, solved: 11, h_resolve_09: 22 } },
  { code: '440112003', name: '鱼珠街道', counts: { received: 12, accepted: 11, acceptedOnTime: 11, responded: 11, respondedOnTime: 11, resolved: 10, resolvedOnTime: 10, followUps: 8, satisfied: 8, solved: 8, h_resolve_07: 10 } },
];
/** The little of the DOM the page functions below touch (the tests compile without the DOM library). */
interface PageDom {
  document: { getElementById(id: string): { textContent: string | null } | null };
}
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}
const statusStartsWith = (prefix: string) => (globalThis as unknown as PageDom).document.getElementById('status')?.textContent?.startsWith(prefix) ?? false;

const SERIES_COLOURS = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de'];

describe.skipIf(!haveChromium)('the dashboard in Chromium', () => {
  let runtime: LocalRuntime;
  let browser: import('playwright-core').Browser;
  let overdueCaseId: string;

  beforeAll(async () => {
    runtime = await startLocalRuntime({ port: 0, startPollers: false });
    const { dependencies } = await import('../../shared/services/wiring.js');
    const { workDependencies } = await import('../../shared/services/work/work-wiring.js');
    const { sweepOverdue } = await import('../../shared/services/sla/sweep-overdue.js');
    const deps = dependencies();
    const today = beijingDate(deps.now());
    for (const s of STREETS) await deps.figures.add({ code: s.code, name: s.name, level: 'street' }, today, s.counts);
    // a grid case that arrived twenty days ago and was never accepted: the sweep urges it and escalates it
    // (whatever the day and hour the test runs, holidays included: three days ago was too close to the deadlines at some hours)
    const arrived = new Date(deps.now().getTime() - 20 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const late = await storeCase({ deps } as unknown as Harness, caseRecord({ arrivedAt: `${arrived}T09:00` }));
    overdueCaseId = late.caseId;
    await sweepOverdue(workDependencies());
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  it('draws the rates per street, fills the figures, overdue list and ranking, and shows a timeline', async () => {
    const token = await runtime.staffToken({ staffId: 'supervisor-1', unitCode: '440112', level: 'district', role: 'supervisor' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 }, deviceScaleFactor: 1 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${runtime.apiUrl}/dashboard#token=${encodeURIComponent(token)}`);
    await page.waitForSelector('body[data-chart-ready="3"]', { timeout: 15_000 });
    await page.waitForFunction(statusStartsWith, '已更新', { timeout: 15_000 });

    expect(await page.textContent('h1')).toBe('12345 接诉即办监督看板');
    const units = await page.$$eval('#units tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(units.map((r) => r[0])).toEqual(['黄埔街道', '红山街道', '鱼珠街道']);
    expect(units[0]!.slice(1, 4)).toEqual(['40', '38', '30']);
    expect(units[0]![7]).toBe('90.0%'); // on-time rate 27 / 30
    const ranking = await page.$$eval('#ranking tbody tr', (rows) => rows.map((r) => r.querySelectorAll('td')[1]!.textContent));
    expect(ranking[0]).toBe('鱼珠街道'); // every rate perfect
    expect(await page.textContent('#weights')).toContain('满意率 35%');
    expect(await page.textContent('#overdue tbody')).toContain(overdueCaseId);

    // the chart: bars in each series colour on the canvas, not a blank or an error
    const pixels = await page.$eval('#chart canvas', (element, colours: string[]) => {
      const canvas = element as unknown as Canvas;
      const ctx = canvas.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const rgb = colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      const perColour = rgb.map(() => 0);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0 && (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245)) inked++;
        rgb.forEach(([r, g, b], k) => {
          if (Math.abs(data[i]! - r!) < 4 && Math.abs(data[i + 1]! - g!) < 4 && Math.abs(data[i + 2]! - b!) < 4) perColour[k]!++;
        });
      }
      return { inked, total: data.length / 4, perColour };
    }, SERIES_COLOURS);
    expect(pixels.inked / pixels.total).toBeGreaterThan(0.02);
    // each of the five rate series has bars (3 streets × a bar of at least ~20 px × 10 px)
    for (const count of pixels.perColour) expect(count).toBeGreaterThan(200);

    await page.click(`a.case:text("${overdueCaseId}")`);
    await page.waitForSelector('#timeline li.urged', { timeout: 10_000 });
    const timeline = await page.$$eval('#timeline li', (items) => items.map((li) => li.textContent ?? ''));
    expect(timeline.some((t) => t.includes('超期催办'))).toBe(true);
    expect(timeline.some((t) => t.includes('升级督办'))).toBe(true);

    mkdirSync('test-results', { recursive: true });
    const png = await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
    expect(png.length).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
  }, 60_000);

  it('asks for a token when it has none, and says so when the token is refused', async () => {
    const page = await browser.newPage();
    await page.goto(`${runtime.apiUrl}/dashboard`);
    expect(await page.isVisible('#login')).toBe(true);
    await page.fill('#token', 'not-a-token');
    await page.click('#login-form button');
    await page.waitForFunction(statusStartsWith, '读取失败', { timeout: 10_000 });
  }, 30_000);
});
