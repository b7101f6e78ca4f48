import type { LaunchOptions } from '@playwright/test';

/** Debian's chromium: Playwright's own browser download cannot reach its host here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const baseArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumLaunchOptions(options: { webgpu?: boolean; extraArgs?: string[] } = {}): LaunchOptions {
  return {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...baseArgs, ...(options.webgpu ? ['--enable-unsafe-webgpu'] : []), ...(options.extraArgs ?? [])],
  };
}
