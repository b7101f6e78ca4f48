import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/pipeline/metrics/text-metrics';
import { makeReceiptFixturePng } from '../../fixtures';
import { originalPaddleOcr } from './original-paddle';

/** The receipt fixture (capitals 28 px high) turned by `degrees` on a white page, antialiased, as a crooked photo or scan. */
function turnedReceipt(degrees: number) {
  const receipt = PNG.sync.read(Buffer.from(makeReceiptFixturePng(undefined, 4)));
  const width = receipt.width + 200;
  const height = receipt.height + 200;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  const ink = (px: number, py: number) => {
    // The page point's source in the receipt, turned back about both centres.
    const dx = px - width / 2;
    const dy = py - height / 2;
    const sx = Math.floor(dx * cos + dy * sin + receipt.width / 2);
    const sy = Math.floor(-dx * sin + dy * cos + receipt.height / 2);
    return sx >= 0 && sy >= 0 && sx < receipt.width && sy < receipt.height && receipt.data[(sy * receipt.width + sx) * 4]! < 128;
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let dark = 0;
      for (let j = 0; j < 4; j++) for (let i = 0; i < 4; i++) if (ink(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) dark++;
      data.fill(255 - Math.round((255 * dark) / 16), (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  return { width, height, data };
}

describe('PaddleOcr on a receipt that is not level', () => {
  it('reads each line of a receipt turned by 4°, whose upright boxes would each take in the next line', async () => {
    const expected = ['LOUPE FIXTURE MART', '12 MAIN STREET', 'MILK 2.50', 'BREAD 3.20', 'TOTAL 5.70', 'THANK YOU'];
    const ocr = await originalPaddleOcr();
    for (const degrees of [4, -4]) {
      const lines = (await ocr.recognize(turnedReceipt(degrees))).text.split('\n');
      // Every line on its own, in order; the turned bitmap font may cost a letter here and there.
      expect(lines).toHaveLength(expected.length);
      lines.forEach((line, i) => expect(editDistance(line, expected[i]!)).toBeLessThanOrEqual(1));
      expect(lines).toContain('TOTAL 5.70');
    }
  }, 60_000);
});
