import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CAMERA_CLIP_WIDTH, writeCameraClip } from '../fixtures/camera-clip';
import { renderReceiptFixturePng } from '../fixtures';
import { chromiumLaunchOptions } from './chromium';
import { exportJson, row } from './locators';

// Written when the spec loads, since the browser reads the clip at launch, before any hook runs.
const clip = writeCameraClip();

test.use({
  launchOptions: chromiumLaunchOptions({
    // A fake camera playing the receipt clip, and permission granted without a prompt.
    extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`],
  }),
});

type Watched = Window & { cameraStreams: MediaStream[] };

/** Keeps every stream getUserMedia hands the page, so a test can see whether its tracks were stopped. */
function keepStreams() {
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  (window as unknown as Watched).cameraStreams = [];
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    (window as unknown as Watched).cameraStreams.push(stream);
    return stream;
  };
}

const streamsEnded = (page: Page) =>
  page.evaluate(() => {
    const streams = (window as unknown as Watched).cameraStreams;
    return streams.length > 0 && streams.every((stream) => stream.getTracks().every((track) => track.readyState === 'ended'));
  });

const capture = (page: Page) => page.getByTestId('camera-capture');

async function openCamera(page: Page) {
  await page.getByTestId('scan-camera').click();
  await expect(capture(page)).toBeVisible();
  await expect(capture(page).getByTestId('camera-shutter')).toBeEnabled();
  await expect.poll(() => page.getByTestId('camera-preview').evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
});

test.describe('with a camera', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(keepStreams);
    await page.goto('/');
  });

  test('takes shots, drops one, and reads the rest; the camera stops on Done', async ({ page }) => {
    await openCamera(page);
    await expect(page.getByTestId('camera-status')).toHaveText(/Camera ready/);
    await expect(page.getByRole('button', { name: 'Take photo' })).toBeFocused();
    const view = capture(page);
    await view.getByRole('button', { name: 'Take photo' }).click();
    await expect(view.getByTestId('camera-shot')).toHaveCount(1);
    await view.getByRole('button', { name: 'Take photo' }).click();
    await expect(view.getByTestId('camera-shot')).toHaveCount(2);
    await expect(view.getByTestId('camera-count')).toHaveText('2 shots');
    // Full resolution: the shot has the clip's own width, not the preview's on screen.
    await expect.poll(() => view.getByRole('img', { name: 'Shot 2' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(CAMERA_CLIP_WIDTH);

    await view.getByRole('button', { name: 'Remove shot 1' }).click();
    await expect(view.getByTestId('camera-shot')).toHaveCount(1);
    // The keyboard's focus moves on to the next shot instead of falling out of the dialog.
    await expect(view.getByRole('button', { name: 'Remove shot 2' })).toBeFocused();
    await expect(view.getByRole('img', { name: 'Shot 2' })).toBeVisible();
    await view.getByRole('button', { name: 'Done (read 1)' }).click();
    await expect(capture(page)).toBeHidden();
    expect(await streamsEnded(page)).toBe(true);

    const scans = page.locator('[data-testid=doc-row][data-name^="scan-"]');
    await expect(scans).toHaveCount(1);
    await expect(scans).toHaveAttribute('data-name', /^scan-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d-2\.(jpg|png)$/);
    await expect(scans).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    const { documents } = await exportJson<{ documents: { name: string; text: string }[] }>(page);
    expect(documents.find((doc) => doc.name.startsWith('scan-'))?.text.toUpperCase()).toContain('TOTAL');
  });

  test('Escape closes the capture view and stops the camera', async ({ page }) => {
    await openCamera(page);
    await page.keyboard.press('Escape');
    await expect(capture(page)).toBeHidden();
    expect(await streamsEnded(page)).toBe(true);
    await expect(page.getByTestId('scan-camera')).toBeFocused();
  });

  test('Cancel drops the shots and stops the camera', async ({ page }) => {
    await openCamera(page);
    await capture(page).getByRole('button', { name: 'Take photo' }).click();
    await expect(capture(page).getByTestId('camera-shot')).toHaveCount(1);
    await capture(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(capture(page)).toBeHidden();
    expect(await streamsEnded(page)).toBe(true);
    await expect(page.locator('[data-testid=doc-row]')).toHaveCount(0);
  });

  test('the camera stops while the page is hidden and starts again when it is shown', async ({ page }) => {
    await openCamera(page);
    const hide = (state: 'hidden' | 'visible') =>
      page.evaluate((next) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => next });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await hide('hidden');
    await expect.poll(() => streamsEnded(page)).toBe(true);
    await hide('visible');
    await expect(capture(page).getByTestId('camera-shutter')).toBeEnabled();
    expect(await page.evaluate(() => (window as unknown as Watched).cameraStreams.length)).toBe(2);
  });

  test('the capture view has no serious accessibility violation', async ({ page }) => {
    await openCamera(page);
    await capture(page).getByRole('button', { name: 'Take photo' }).click();
    await expect(capture(page).getByTestId('camera-shot')).toHaveCount(1);
    const violations = (await new AxeBuilder({ page }).include('[data-testid=camera-capture]').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(violations).toEqual([]);
    const shutter = await capture(page).getByRole('button', { name: 'Take photo' }).boundingBox();
    expect(Math.min(shutter?.width ?? 0, shutter?.height ?? 0)).toBeGreaterThanOrEqual(44);
  });
});

test('a torch toggle where the track has one', async ({ page }) => {
  // The fake camera has no torch (Chromium refuses the constraint): the track says it has one and takes it.
  await page.addInitScript(() => {
    const track = MediaStreamTrack.prototype;
    const { getCapabilities, applyConstraints } = track;
    track.getCapabilities = function () {
      return { ...getCapabilities.call(this), torch: true } as MediaTrackCapabilities;
    };
    track.applyConstraints = function (constraints) {
      const torch = constraints?.advanced?.some((set) => 'torch' in set);
      return torch ? Promise.resolve() : applyConstraints.call(this, constraints);
    };
  });
  await page.goto('/');
  await openCamera(page);
  const torch = capture(page).getByRole('button', { name: 'Torch' });
  await expect(torch).toHaveAttribute('aria-pressed', 'false');
  await torch.click();
  await expect(torch).toHaveAttribute('aria-pressed', 'true');
  await torch.click();
  await expect(torch).toHaveAttribute('aria-pressed', 'false');
});

test('no torch toggle where the track has none', async ({ page }) => {
  await page.goto('/');
  await openCamera(page);
  await expect(capture(page).getByRole('button', { name: 'Take photo' })).toBeVisible();
  await expect(capture(page).getByTestId('camera-torch')).toHaveCount(0);
});

test('permission refused: a plain message, and the rest of Loupe still reads files', async ({ page }) => {
  // The fake-UI flag grants every request, so the refusal is made the way a browser reports it: getUserMedia rejects.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await page.goto('/');
  await page.getByTestId('scan-camera').click();
  await expect(page.getByTestId('camera-status')).toHaveText(/Camera access was refused/);
  await expect(page.getByTestId('camera-status')).not.toContainText('Permission denied');
  await expect(capture(page).getByRole('button', { name: 'Take photo' })).toBeDisabled();
  await capture(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(capture(page)).toBeHidden();

  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
});

test.describe('without a camera', () => {
  test.beforeEach(async ({ page }) => {
    // The device lists no camera: the live preview is not offered.
    await page.addInitScript(() => {
      const devices = navigator.mediaDevices;
      const list = devices.enumerateDevices.bind(devices);
      devices.enumerateDevices = async () => (await list()).filter((device) => device.kind !== 'videoinput');
    });
  });

  test('on a computer, no camera button at all', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'choose files', exact: true })).toBeVisible();
    // The page listed its devices before this answer comes back, and has drawn what they allow.
    await page.evaluate(async () => {
      await navigator.mediaDevices.enumerateDevices();
      await new Promise(requestAnimationFrame);
    });
    await expect(page.getByTestId('scan-camera')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Take a photo', exact: true })).toHaveCount(0);
  });

  test.describe('on a phone', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

    test('the camera app through a file input, whose photo is read', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Take a photo', exact: true })).toBeVisible();
      await expect(page.getByTestId('scan-camera')).toHaveCount(0);
      const input = page.getByTestId('camera-file-input');
      await expect(input).toHaveAttribute('capture', 'environment');
      await expect(input).toHaveAttribute('accept', 'image/*');
      await input.setInputFiles({ name: 'image.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
      await expect(page.locator('[data-testid=doc-row][data-name^="scan-"]')).toHaveCount(1);
    });
  });
});
