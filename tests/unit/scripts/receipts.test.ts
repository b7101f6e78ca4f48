import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readScan } from '../../../scripts/paddle/receipts';

describe('readScan', () => {
  it('reads a scan stored sideways with an EXIF turn upright, at its upright size', async () => {
    // Stored 300 wide and 200 high, left half black; orientation 6 means "turn a quarter clockwise to view".
    const stored = Buffer.alloc(300 * 200 * 3, 255);
    for (let y = 0; y < 200; y++) stored.fill(0, y * 900, y * 900 + 450);
    const path = join(mkdtempSync(join(tmpdir(), 'loupe-scan-')), 'sideways.jpg');
    writeFileSync(path, await sharp(stored, { raw: { width: 300, height: 200, channels: 3 } }).withMetadata({ orientation: 6 }).jpeg().toBuffer());
    const scan = await readScan(path);
    expect([scan.width, scan.height]).toEqual([200, 300]);
    // Turned upright, the stored left half is the top half.
    expect(scan.data[(10 * 200 + 100) * 4]).toBeLessThan(40);
    expect(scan.data[(290 * 200 + 100) * 4]).toBeGreaterThan(215);
  });
});
