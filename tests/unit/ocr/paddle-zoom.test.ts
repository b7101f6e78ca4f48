import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { makeReceiptFixturePng } from '../../fixtures';
import { originalPaddleOcr } from './original-paddle';


/** The receipt fixture, its capitals 21 px high, pasted onto a white 3000 x 4200 page (an A4 scan's shape). */
function smallReceiptOnLargePage() {
  const receipt = PNG.sync.read(Buffer.from(makeReceiptFixturePng(undefined, 3)));
  const width = 3000;
  const height = 4200;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < receipt.height; y++)
    for (let x = 0; x < receipt.width; x++)
      for (let c = 0; c < 3; c++) data[((y + 1800) * width + x + 1200) * 4 + c] = receipt.data[(y * receipt.width + x) * 4 + c]!;
  return { width, height, data };
}

describe('PaddleOcr on a small receipt scanned on a full page', () => {
  it('finds the text, looks again at just that part, and reads it', async () => {
    const ocr = await originalPaddleOcr();
    // Seen whole at detection size, these capitals are 5 px high: the boxes found cannot be read.
    const { text } = await ocr.recognize(smallReceiptOnLargePage());
    expect(text).toContain('MILK 2.50');
    expect(text).toContain('BREAD 3.20');
    expect(text).toContain('TOTAL 5.70');
  }, 60_000);
});
