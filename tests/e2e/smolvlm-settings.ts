import type { Page } from '@playwright/test';

/** Points the SmolVLM engine at the tiny FIXTURE model on a local mirror, through the Settings dialog a user would use. */
export async function useFixtureModel(page: Page, options: { repo: string; host: string; device: 'wasm' | 'webgpu' }): Promise<void> {
  await page.getByTestId('settings-open').click();
  await page.getByTestId('smolvlm-model').selectOption('custom');
  await page.getByTestId('smolvlm-repo').fill(options.repo);
  await page.getByTestId('smolvlm-host').fill(options.host);
  // The fixture ships fp32 files only.
  await page.getByTestId('smolvlm-dtype').selectOption('fp32');
  await page.getByTestId('smolvlm-device').selectOption(options.device);
  // A new model host is allowed by the page's Content-Security-Policy from its next start.
  await page.getByTestId('reload-for-hosts').getByRole('button', { name: 'Reload now' }).click();
  await page.waitForLoadState('load');
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('smolvlm');
}

/** Points the SmolVLM engine at the tiny GGUF FIXTURE on a local mirror, as *Another GGUF model* in Settings. */
export async function useGgufFixtureModel(page: Page, options: { repo: string; host: string; model: string; mmproj: string; device: 'wasm' | 'webgpu' }): Promise<void> {
  await page.getByTestId('settings-open').click();
  await page.getByTestId('smolvlm-model').selectOption('custom-gguf');
  await page.getByTestId('smolvlm-gguf-repo').fill(options.repo);
  await page.getByTestId('smolvlm-gguf-model').fill(options.model);
  await page.getByTestId('smolvlm-gguf-mmproj').fill(options.mmproj);
  await page.getByTestId('smolvlm-host').fill(options.host);
  await page.getByTestId('smolvlm-device').selectOption(options.device);
  await page.getByTestId('reload-for-hosts').getByRole('button', { name: 'Reload now' }).click();
  await page.waitForLoadState('load');
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('smolvlm');
}
