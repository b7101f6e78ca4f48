import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { normCompany } from '../../bench/field-scoring';
import { cornerError } from '../../src/pipeline/image/capture/quad';
import { CAFE_RECEIPT_LINES, makeReceiptFixturePng, renderReceiptFixturePng } from '../fixtures';
import { photoScene } from '../fixtures/photo-scenes/scene';
import { I18N_RECEIPTS } from '../fixtures/receipts-i18n/receipts';
import { seedLibrary } from '../support/seed-library';
import { cornersOf, row } from './locators';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const PHONE_WIDTHS = [360, 390, 430];

const view = (page: Page) => page.locator('main.layout');
const openButton = (page: Page, name: string) => row(page, name).getByRole('button', { name, exact: true });

/** Serious and critical accessibility violations, as `rule: elements`. */
async function seriousViolations(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Visible buttons, fields, summaries and links (a checkbox by its label) smaller than 44 × 44 CSS pixels. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('button, select, textarea, summary, a[href], input')) {
      if (element.closest('.visually-hidden') || !element.checkVisibility()) continue;
      const toggle = element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio');
      const target = toggle ? (element.closest('label') ?? element) : element;
      const { width, height } = target.getBoundingClientRect();
      if (!width || !height) continue;
      if (width < 43.5 || height < 43.5) small.push(`${target.tagName.toLowerCase()} “${(target.textContent || element.getAttribute('aria-label') || element.dataset.testid || '').trim().slice(0, 40)}” ${Math.round(width)}×${Math.round(height)}`);
    }
    return small;
  });
}

/** How much wider than the screen the page is (0 when nothing scrolls sideways). */
function sidewaysOverflow(page: Page, width: number): Promise<number> {
  return page.evaluate((screen) => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - Math.min(screen, innerWidth), width);
}

/** Two fingers on the middle of `target`, spread from `from` to `to` CSS pixels apart, as a touchscreen sends them. */
async function pinch(page: Page, target: Locator, from: number, to: number) {
  const box = (await target.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const fingers = (gap: number) => [
    { x: x - gap / 2, y, id: 0 },
    { x: x + gap / 2, y, id: 1 },
  ];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(from) });
  for (let step = 1; step <= 10; step++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(from + ((to - from) * step) / 10) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** One finger on the middle of `target`, slid by (dx, dy) CSS pixels and lifted. */
async function touchDrag(page: Page, target: Locator, dx: number, dy: number) {
  const box = (await target.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 0 }] });
  for (let step = 1; step <= 8; step++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * step) / 8, y: y + (dy * step) / 8, id: 0 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/**
 * Two taps on (x, y), dispatched in the page as the browser would dispatch them, in one go. Sent through the
 * DevTools protocol instead, on a busy machine the browser drops the second tap (and every touch after it) while
 * it waits for the page to take the first, or delivers it past a double tap's interval; the pinch and drag above
 * go through the browser's own touch input.
 */
function doubleTap(frame: Locator, x: number, y: number) {
  return frame.evaluate((element, [clientX, clientY]) => {
    const target = document.elementFromPoint(clientX!, clientY!) ?? element;
    const touch = new Touch({ identifier: 0, target, clientX: clientX!, clientY: clientY! });
    const send = (type: string, touches: Touch[]) =>
      target.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches, targetTouches: touches, changedTouches: [touch] }));
    for (let n = 0; n < 2; n++) {
      send('touchstart', [touch]);
      send('touchend', []);
    }
  }, [x, y]);
}

/** Where a line box sits on its page image, as fractions of the image's size: zoom must not move it. */
const placeOnImage = (box: Locator) =>
  box.evaluate((line) => {
    const image = line.closest('.page-image')!.getBoundingClientRect();
    const rect = line.getBoundingClientRect();
    return { left: (rect.left - image.left) / image.width, top: (rect.top - image.top) / image.height, width: rect.width / image.width, imageWidth: image.width };
  });

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8') };
}

test.describe('on a phone', () => {
  test.use(PHONE);

  test('main flow: photograph a receipt on a table, see it straightened, fix a corner by touch, check the fields, zoom, go back, export the CSV and delete, from a menu', async ({ page }, testInfo) => {
    // Two readings of a photo.
    test.setTimeout(240_000);
    const shot = (step: string) => page.screenshot({ path: testInfo.outputPath(`${step}.png`) });
    const receipt = I18N_RECEIPTS.find((r) => r.id === 'de-supermarkt')!;
    const expectFields = async () => {
      await expect.poll(async () => Number((await page.getByTestId('field-total').inputValue()).replace(',', '.')), { timeout: 30_000 }).toBe(receipt.expected.total);
      await expect(page.getByTestId('field-date')).toHaveValue(receipt.expected.date);
      await expect.poll(async () => normCompany(await page.getByTestId('field-merchantName').inputValue())).toBe(normCompany(receipt.expected.merchantName));
    };
    await page.goto('/');
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches && navigator.maxTouchPoints > 0)).toBe(true);
    await expect(view(page)).toHaveAttribute('data-view', 'library');
    await shot('01-empty-library');

    // Add a photo of a receipt lying on a wooden table, shot at an angle: the list stays on screen while it is read.
    const scene = await photoScene(4207, { receipt, background: 'wood', secondSheet: false, touching: false });
    await page.getByTestId('file-input').setInputFiles({ name: 'kiel.jpg', mimeType: 'image/jpeg', buffer: scene.jpeg });
    await expect(row(page, 'kiel.jpg')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(view(page)).toHaveAttribute('data-view', 'library');
    await shot('02-read');

    // Open it: the document replaces the list, the total, date and merchant come first.
    const id = await row(page, 'kiel.jpg').getAttribute('data-doc-id');
    await openButton(page, 'kiel.jpg').tap();
    await expect(view(page)).toHaveAttribute('data-view', 'document');
    expect(new URL(page.url()).searchParams.get('doc')).toBe(id);
    await expect(page.getByTestId('fields')).toHaveAttribute('data-source', 'local');
    const fieldOrder = await page.getByTestId('fields').locator('input').evaluateAll((inputs) => inputs.slice(0, 3).map((input) => (input as HTMLElement).dataset.testid));
    expect(fieldOrder).toEqual(['field-total', 'field-date', 'field-merchantName']);
    await expectFields();
    // The rest is folded under them.
    await expect(page.getByTestId('field-currency')).toBeHidden();
    await page.getByTestId('more-fields').locator('summary').tap();
    await expect(page.getByTestId('field-currency')).toHaveValue(receipt.expected.currency);
    await expect(page.getByTestId('line-items').locator('tbody tr')).not.toHaveCount(0);
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysOverflow(page, 390)).toBeLessThanOrEqual(0);
    await shot('03-document');

    // It was straightened: the receipt's corners were found on the table. Move one by touch; the page is read again.
    const hook = page.getByTestId('page-corners');
    await expect(hook).toHaveAttribute('data-corrected', 'true');
    const found = (await cornersOf(hook))!;
    expect(cornerError(found, scene.corners!)).toBeLessThan(0.02);
    await page.getByTestId('edit-corners').tap();
    const handle = page.getByTestId('corner-handle').first();
    await expect(handle).toBeVisible();
    expect(await sidewaysOverflow(page, 390)).toBeLessThanOrEqual(0);
    await shot('04-corners');
    const frameWidth = (await page.locator('.corner-frame').boundingBox())!.width;
    await touchDrag(page, handle, 8, 8);
    await page.getByTestId('apply-corners').tap();
    await expect.poll(async () => (await cornersOf(hook))?.[0].x ?? 0, { timeout: 90_000 }).toBeGreaterThan(found[0].x + 10);
    await expect(page.getByTestId('doc-view')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    const moved = (await cornersOf(hook))!;
    expect(moved[0].x - found[0].x).toBeCloseTo(8 * (scene.image.width / frameWidth), -1.5);
    expect(moved[2]).toEqual(found[2]);
    await expect(page.getByTestId('correction-summary')).toHaveText('Cut out along your corners.');
    await expectFields();
    await shot('05-corrected');

    // Pinch the page image: it and its line boxes zoom as one, and nothing scrolls sideways.
    const frame = page.getByTestId('page-zoom');
    await frame.scrollIntoViewIfNeeded();
    const line = page.getByTestId('line-box').first();
    const before = await placeOnImage(line);
    await pinch(page, frame, 40, 120);
    await expect(frame).toHaveAttribute('data-zoomed', 'true');
    const after = await placeOnImage(line);
    expect(after.imageWidth / before.imageWidth).toBeCloseTo(3, 1);
    for (const key of ['left', 'top', 'width'] as const) expect(after[key]).toBeCloseTo(before[key], 2);
    expect(await sidewaysOverflow(page, 390)).toBeLessThanOrEqual(0);
    await shot('06-zoomed');
    await frame.getByRole('button', { name: 'Reset zoom' }).tap();
    await expect(frame).toHaveAttribute('data-zoomed', 'false');
    // A double tap zooms in, another zooms back out: on the paper's margin, where no line box takes the tap to the
    // text, and on the part of the image in view (a long receipt's runs past the bottom of the screen).
    await frame.scrollIntoViewIfNeeded();
    const box = (await frame.boundingBox())!;
    const [top, bottom] = [Math.max(box.y, 0), Math.min(box.y + box.height, PHONE.viewport.height)];
    const [x, y] = [box.x + 0.015 * box.width, top + (bottom - top) / 2];
    await doubleTap(frame, x, y);
    await expect(frame).toHaveAttribute('data-zoomed', 'true');
    await doubleTap(frame, x, y);
    await expect(frame).toHaveAttribute('data-zoomed', 'false');

    // The browser's back button returns to the list, forward reopens the document, the app's own Back returns again.
    await page.goBack();
    await expect(view(page)).toHaveAttribute('data-view', 'library');
    expect(new URL(page.url()).searchParams.has('doc')).toBe(false);
    await page.goForward();
    await expect(view(page)).toHaveAttribute('data-view', 'document');
    await expectFields();
    await page.getByTestId('back').tap();
    await expect(view(page)).toHaveAttribute('data-view', 'library');
    await expect(row(page, 'kiel.jpg')).toHaveAttribute('aria-current', 'true');
    await shot('07-back-to-list');

    // Export the receipts CSV from the list's menu.
    await page.getByRole('button', { name: 'Export or delete' }).tap();
    await expect(page.getByRole('menu')).toBeVisible();
    await shot('08-menu');
    const csv = await download(page, () => page.getByRole('menuitem', { name: 'Receipts CSV' }).tap());
    expect(csv.name).toBe('kiel-receipts.csv');
    expect(csv.text).toContain(String(receipt.expected.total));
    expect(csv.text).toContain(receipt.expected.date);
    await expect(page.getByRole('menu')).toBeHidden();

    // Delete it from the document's menu: back to the list, which is empty.
    await openButton(page, 'kiel.jpg').tap();
    await expect(view(page)).toHaveAttribute('data-view', 'document');
    await page.getByRole('button', { name: 'Export or delete' }).tap();
    await page.getByRole('menuitem', { name: 'Delete this document' }).tap();
    await expect(view(page)).toHaveAttribute('data-view', 'library');
    await expect(page.getByText('No documents yet.')).toBeVisible();
    expect(new URL(page.url()).searchParams.has('doc')).toBe(false);
    await shot('09-deleted');
  });

  test('44 px touch targets, no sideways scrolling at 360, 390 and 430 px, and no serious axe violation, in both views', async ({ page }, testInfo) => {
    await page.goto('/');
    // A wide photo with long lines, and a long file name with no place to break.
    const name = 'IMG_20240101_123456789_a_very_long_file_name_from_a_phone_camera_without_spaces.png';
    const lines = ['SUPERCALIFRAGILISTIC-EXPIALIDOCIOUS TRADING COMPANY SDN BHD', 'NO 1234 JALAN PANJANG SEKALI TAMAN INDUSTRI 50000 KUALA LUMPUR', 'DATE 12/02/2018', 'EXTRAORDINARILY-LONG-PRODUCT-DESCRIPTION-WITHOUT-SPACES 9.00', 'TOTAL RM 9.00'];
    await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'image/png', buffer: Buffer.from(makeReceiptFixturePng(lines)) });
    await expect(row(page, name)).toHaveAttribute('data-status', 'done', { timeout: 90_000 });

    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await expect(view(page)).toHaveAttribute('data-view', 'library');
      expect(await sidewaysOverflow(page, width), `list at ${width} px`).toBeLessThanOrEqual(0);
      expect(await smallTargets(page), `list at ${width} px`).toEqual([]);
      await page.getByRole('button', { name: 'Export or delete' }).tap();
      expect(await sidewaysOverflow(page, width), `list menu at ${width} px`).toBeLessThanOrEqual(0);
      expect(await smallTargets(page), `list menu at ${width} px`).toEqual([]);
      await page.keyboard.press('Escape');

      await openButton(page, name).tap();
      await expect(view(page)).toHaveAttribute('data-view', 'document');
      await expect(page.getByTestId('page-text')).not.toHaveValue('');
      await page.getByTestId('more-fields').locator('summary').tap();
      await page.getByTestId('show-lines').check();
      await page.screenshot({ path: testInfo.outputPath(`document-${width}.png`), fullPage: true });
      expect(await sidewaysOverflow(page, width), `document at ${width} px`).toBeLessThanOrEqual(0);
      expect(await smallTargets(page), `document at ${width} px`).toEqual([]);
      await page.getByRole('button', { name: 'Export or delete' }).tap();
      expect(await sidewaysOverflow(page, width), `document menu at ${width} px`).toBeLessThanOrEqual(0);
      expect(await smallTargets(page), `document menu at ${width} px`).toEqual([]);
      await page.keyboard.press('Escape');
      if (width === 390) {
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Export or delete' }).click();
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
      }
      await page.getByTestId('back').tap();
      await expect(view(page)).toHaveAttribute('data-view', 'library');
      if (width === 390) expect(await seriousViolations(page)).toEqual([]);
    }
  });

  test('the list keeps its place and its search across a document, a reload reopens it, and an unknown one falls back to the list', async ({ page }) => {
    await page.goto('/');
    // Installed on a notched phone, the page is drawn edge to edge and keeps its content in the safe area (phone.css).
    await expect(page.locator('meta[name=viewport]')).toHaveAttribute('content', /viewport-fit=cover/);
    await expect(page.getByTestId('file-input')).toBeAttached();
    await seedLibrary(page, 60);
    const list = page.getByTestId('doc-list');
    await expect(list).toHaveAttribute('data-indexed', '60', { timeout: 60_000 });

    // Scrolled down the list (and the page), a document opens and back returns to the same place.
    await list.evaluate((element) => (element.scrollTop = 1800));
    await page.evaluate(() => scrollTo(0, 200));
    // A row whose name is on screen, tapped where it is, so nothing scrolls it into view first.
    const { name, x, y, place } = await page.evaluate(() => {
      const scroller = document.querySelector('[data-testid=doc-list]')!;
      const frame = scroller.getBoundingClientRect();
      const open = [...scroller.querySelectorAll<HTMLElement>('.doc-row .open')].find((button) => {
        const box = button.getBoundingClientRect();
        return box.top > Math.max(frame.top, 0) && box.bottom < Math.min(frame.bottom, innerHeight);
      })!;
      const box = open.getBoundingClientRect();
      return { name: open.textContent!, x: box.left + box.width / 2, y: box.top + box.height / 2, place: { list: scroller.scrollTop, page: scrollY } };
    });
    expect(place.list).toBeGreaterThan(1000);
    await page.touchscreen.tap(x, y);
    await expect(view(page)).toHaveAttribute('data-view', 'document');
    await expect(page.locator('#doc-title')).toHaveText(name);
    await page.goBack();
    await expect(view(page)).toHaveAttribute('data-view', 'library');
    await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBeCloseTo(place.list, -1);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeCloseTo(place.page, -1);
    await expect(row(page, name)).toHaveAttribute('aria-current', 'true');

    // The search stays in the URL beside the open document, and is there again after it.
    await page.getByTestId('search').fill('golden');
    await expect(list).toHaveAttribute('data-query', 'golden');
    const count = await list.getAttribute('data-count');
    const found = (await page.getByTestId('doc-row').first().getAttribute('data-name'))!;
    await openButton(page, found).tap();
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('golden');
    expect(url.searchParams.get('doc')).toBeTruthy();

    // A reload on the document reopens it, and Back still returns to the list it came from.
    await page.reload();
    await expect(view(page)).toHaveAttribute('data-view', 'document');
    await expect(page.locator('#doc-title')).toHaveText(found);
    await page.getByTestId('back').tap();
    await expect(view(page)).toHaveAttribute('data-view', 'library');
    await expect(page.getByTestId('search')).toHaveValue('golden');
    await expect(list).toHaveAttribute('data-count', count!);

    // The list's menu works from the keyboard.
    const menuButton = page.getByRole('button', { name: 'Export or delete' });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('menuitem', { name: 'Export JSON' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Export Markdown' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'Delete all' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Export JSON' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(menuButton).toBeFocused();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

    // A link to a document that is not stored opens the list, and the URL forgets it.
    await page.goto('/?doc=no-such-document');
    await expect(list).toHaveAttribute('data-count', '60');
    await expect(view(page)).toHaveAttribute('data-view', 'library');
    await expect.poll(() => new URL(page.url()).searchParams.has('doc')).toBe(false);
  });
});

test('the desktop keeps both panels, its buttons and no history per document; axe finds nothing serious with a document open', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const photo = await renderReceiptFixturePng(page, CAFE_RECEIPT_LINES);
  await page.getByTestId('file-input').setInputFiles({ name: 'cafe.png', mimeType: 'image/png', buffer: photo });
  await expect(row(page, 'cafe.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await openButton(page, 'cafe.png').click();
  await expect(page.getByTestId('field-total')).toHaveValue('16.96');
  await expect(page.locator('main.layout > .panel')).toHaveCount(2);
  await expect(page.getByTestId('back')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Receipts CSV', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Markdown', exact: true }).first()).toBeVisible();
  expect(new URL(page.url()).searchParams.has('doc')).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
});
