import { expect, test } from '@playwright/test';
import { CAFE_RECEIPT_LINES, renderReceiptFixturePng } from '../fixtures';
import { MOCK_RECEIPT, startMistralMock } from '../support/mistral-mock';
import { row } from './locators';

const KEY = 'e2e-key';
let mock: Awaited<ReturnType<typeof startMistralMock>>;

test.beforeAll(async () => {
  mock = await startMistralMock({ apiKey: KEY, model: 'mistral-medium-3-5' });
});
test.afterAll(async () => {
  await mock.close();
});


test('with Mistral turned on, only the text goes, only to the chat-completions endpoint, after the user has seen it', async ({ page, context, baseURL }) => {
  const leaving: { method: string; url: string }[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL!).origin && !/^(blob|data):/.test(request.url()))
      leaving.push({ method: request.method(), url: request.url() });
  });
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles({ name: 'cafe.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page, CAFE_RECEIPT_LINES) });
  await expect(row(page, 'cafe.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await row(page, 'cafe.png').getByRole('button', { name: 'cafe.png', exact: true }).click();
  await expect(page.getByTestId('fields')).toHaveAttribute('data-source', 'local');
  // Off by default: no action, nothing sent.
  await expect(page.getByTestId('structure-mistral')).toHaveCount(0);

  // Off, the page's Content-Security-Policy does not even allow the endpoint.
  const tryEndpoint = () => page.evaluate((url) => fetch(`${url}/v1/models`).then(() => 'sent', (error: Error) => error.name), mock.url);
  expect(await tryEndpoint()).toBe('TypeError');

  await page.getByTestId('settings-open').click();
  await page.getByTestId('mistral-enabled').check();
  await page.getByTestId('mistral-endpoint').fill(mock.url);
  await expect(page.getByTestId('mistral-model')).toHaveValue('mistral-medium-3-5');
  // The policy is fixed when the page opens: turning Mistral on takes a reload, which the dialog offers.
  await expect(page.getByTestId('reload-for-hosts')).toContainText(mock.url);
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('structure-mistral')).toBeDisabled();
  await page.getByTestId('settings-open').click();
  await page.getByTestId('reload-for-hosts').getByRole('button', { name: 'Reload now' }).click();
  await page.waitForLoadState('load');
  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('reload-for-hosts')).toHaveCount(0);
  // A key the user did not ask to remember is entered after the reload, and lives in memory only.
  await page.getByTestId('mistral-key').fill(KEY);
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await row(page, 'cafe.png').getByRole('button', { name: 'cafe.png', exact: true }).click();

  // A refused key: a clear message, and the local fields stay.
  mock.setScenarios([{ kind: 'status', status: 401 }]);
  await page.getByTestId('structure-mistral').click();
  const preview = page.getByTestId('mistral-preview');
  await expect(preview).toBeVisible();
  const documentText = (await page.getByTestId('doc-text').getAttribute('data-text')) ?? '';
  await expect(page.getByTestId('mistral-outgoing')).toHaveText(documentText);
  await expect(page.getByTestId('mistral-destination')).toHaveText(`${mock.url}/v1/chat/completions`);
  await page.getByTestId('mistral-send').click();
  await expect(page.getByTestId('mistral-error')).toContainText('refused the API key');
  await expect(page.getByTestId('fields')).toHaveAttribute('data-source', 'local');

  // A good answer fills the fields, checked like local ones.
  mock.setScenarios([{ kind: 'good', content: { ...MOCK_RECEIPT, merchantName: 'CORNER CAFE (AS MISTRAL READ IT)' } }]);
  await page.getByTestId('structure-mistral').click();
  await page.getByTestId('mistral-send').click();
  await expect(page.getByTestId('fields')).toHaveAttribute('data-source', 'mistral');
  await expect(page.getByTestId('field-merchantName')).toHaveValue('CORNER CAFE (AS MISTRAL READ IT)');
  await expect(page.getByTestId('fields-review')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('mistral-error')).toHaveCount(0);

  // What left the page: the two chat-completions calls, carrying the document's text and no image.
  expect(leaving.filter((r) => r.method !== 'OPTIONS')).toEqual([
    { method: 'POST', url: `${mock.url}/v1/chat/completions` },
    { method: 'POST', url: `${mock.url}/v1/chat/completions` },
  ]);
  expect(mock.requests).toHaveLength(2);
  for (const request of mock.requests) {
    expect(request.problems).toEqual([]);
    expect(JSON.stringify(request.body)).toContain(JSON.stringify(documentText).slice(1, 40));
    expect(JSON.stringify(request.body)).not.toMatch(/data:image|image_url|base64/);
  }

  // Offline, the action waits for a connection.
  await context.setOffline(true);
  await expect(page.getByTestId('structure-mistral')).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByTestId('structure-mistral')).toBeEnabled();
});
