import { expect, test, type Locator, type Page } from '@playwright/test';
import { flatScene, photoScene } from '../fixtures/photo-scenes/scene';
import { cornerError, type Quad } from '../../src/pipeline/image/capture/quad';
import { cornersOf, row } from './locators';

/** Adds one image and opens it once read. */
async function readImage(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'image/jpeg', buffer });
  await expect(row(page, name)).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await row(page, name).getByRole('button', { name, exact: true }).click();
}

/** The page image's own pixel size. */
const imageSize = (page: Page) =>
  page.locator('.page-image img').evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  });

/** Waits until the page has been read again after a correction, then gives its corners. */
async function afterReread(page: Page, name: string, hook: Locator, changed: (corners: Quad | null, corrected: boolean) => boolean) {
  await expect
    .poll(async () => changed(await cornersOf(hook), (await hook.getAttribute('data-corrected')) === 'true'), { timeout: 90_000 })
    .toBe(true);
  await expect(row(page, name)).toHaveAttribute('data-status', 'done');
}

test('a photo of a receipt on a table is found, straightened and read; its corners can be dragged, nudged from the keyboard, undone, kept whole and turned', async ({ page }) => {
  // Six readings of one photo.
  test.setTimeout(360_000);
  const scene = await photoScene(4101, { background: 'wood', secondSheet: false });
  await page.goto('/');
  await readImage(page, 'table.jpg', scene.jpeg);

  const hook = page.getByTestId('page-corners');
  await expect(hook).toHaveAttribute('data-corrected', 'true');
  const found = (await cornersOf(hook))!;
  expect(cornerError(found, scene.corners!)).toBeLessThan(0.02);
  // The straightened page is upright at the receipt's own shape (taller than wide), not the photo's.
  const straight = await imageSize(page);
  expect(straight.height / straight.width).toBeGreaterThan(1.5);
  const firstWord = scene.receipt.text.split(/\s+/).find((word) => word.length >= 5)!;
  await expect(page.getByTestId('doc-text')).toHaveAttribute('data-text', new RegExp(firstWord.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));

  // Drag the top-left corner with the mouse, nudge the bottom-right one with the keyboard.
  await page.getByTestId('edit-corners').click();
  const frame = page.locator('.corner-frame');
  await expect(frame.locator('img')).toBeVisible();
  const box = (await frame.boundingBox())!;
  const handles = page.getByTestId('corner-handle');
  await expect(handles.first()).toBeFocused();
  const tl = (await handles.nth(0).boundingBox())!;
  await page.mouse.move(tl.x + tl.width / 2, tl.y + tl.height / 2);
  await page.mouse.down();
  await page.mouse.move(tl.x + tl.width / 2 + 30, tl.y + tl.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await handles.nth(2).focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(handles.nth(2)).toHaveAttribute('aria-label', /Bottom-right corner/);
  await page.getByTestId('apply-corners').click();
  await afterReread(page, 'table.jpg', hook, (corners) => !!corners && Math.abs(corners[0].x - found[0].x) > 5);
  const moved = (await cornersOf(hook))!;
  const scale = scene.image.width / box.width;
  expect(moved[0].x - found[0].x).toBeCloseTo(30 * scale, -1.5);
  expect(moved[0].y - found[0].y).toBeCloseTo(20 * (scene.image.height / box.height), -1.5);
  expect(found[2].x - moved[2].x).toBeCloseTo(0.05 * scene.image.width, -1);
  expect(moved[1]).toEqual(found[1]);
  await expect(hook).toHaveAttribute('data-corrected', 'true');
  await expect(page.getByTestId('correction-summary')).toHaveText('Cut out along your corners.');

  // Undo goes back to the corners found.
  await page.getByTestId('undo-correction').click();
  await afterReread(page, 'table.jpg', hook, (corners) => !!corners && Math.abs(corners[0].x - found[0].x) < 1);
  await expect(page.getByTestId('correction-summary')).toHaveText('Straightened: the page was found in the photo.');

  // Keep the whole photo: read uncut, at the photo's own size, the corners found still shown.
  await page.getByTestId('edit-corners').click();
  await page.getByTestId('keep-whole').click();
  await afterReread(page, 'table.jpg', hook, (_corners, corrected) => !corrected);
  expect(await imageSize(page)).toEqual({ width: scene.image.width, height: scene.image.height });
  expect(cornerError((await cornersOf(hook))!, scene.corners!)).toBeLessThan(0.02);

  // Turn it a quarter right: the page image's sides swap.
  await page.getByTestId('rotate-right').click();
  const summary = page.getByTestId('correction-summary');
  await expect(summary).toHaveText('Whole image kept, turned a quarter right.', { timeout: 90_000 });
  await expect(row(page, 'table.jpg')).toHaveAttribute('data-status', 'done');
  expect(await imageSize(page)).toEqual({ width: scene.image.height, height: scene.image.width });

  // Undo twice: straightened again, as first read.
  await page.getByTestId('undo-correction').click();
  await expect(summary).toHaveText('Whole image kept.', { timeout: 90_000 });
  await page.getByTestId('undo-correction').click();
  await afterReread(page, 'table.jpg', hook, (_corners, corrected) => corrected);
  await expect(page.getByTestId('undo-correction')).toBeDisabled();
  expect(await imageSize(page)).toEqual(straight);

  // The corrections survive a reload.
  await page.reload();
  await row(page, 'table.jpg').getByRole('button', { name: 'table.jpg', exact: true }).click();
  await expect(page.getByTestId('page-corners')).toHaveAttribute('data-corrected', 'true');
});

test('a scan or screenshot that is already flat is read as it is', async ({ page }) => {
  await page.goto('/');
  for (const style of ['scan', 'screenshot'] as const) {
    const scene = await flatScene(77, style);
    await readImage(page, `${style}.jpg`, scene.jpeg);
    const hook = page.getByTestId('page-corners');
    await expect(hook).toHaveAttribute('data-corrected', 'false');
    await expect(hook).toHaveAttribute('data-corners', '');
    expect(await imageSize(page)).toEqual({ width: scene.image.width, height: scene.image.height });
  }
});

test('corners that cross cannot be applied, and the editor says why', async ({ page }) => {
  const scene = await photoScene(4102, { background: 'plain', secondSheet: false });
  await page.goto('/');
  await readImage(page, 'plain.jpg', scene.jpeg);
  await page.getByTestId('edit-corners').click();
  const handles = page.getByTestId('corner-handle');
  // Pull the top-left corner past the bottom-right one.
  await handles.nth(0).focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByRole('alert').filter({ hasText: 'The corners cross' })).toBeVisible();
  await expect(page.getByTestId('apply-corners')).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByTestId('page-corners')).toHaveAttribute('data-corrected', 'true');
});
