import { describe, expect, it } from 'vitest';
import { modelImage } from '../../../src/engines/smolvlm-gguf/model-image';

const rgba = (width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]) => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return { width, height, data };
};

const header = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, 20)).split('\n').slice(0, 3);

describe('modelImage', () => {
  it('writes a binary PPM of the page as it is when it is small enough', () => {
    const out = modelImage(rgba(3, 2, (x, y) => [x * 10, y * 20, 5, 255]), 100);
    expect(header(out.bytes)).toEqual(['P6', '3 2', '255']);
    expect(out.bytes.length).toBe('P6\n3 2\n255\n'.length + 3 * 2 * 3);
    expect([...out.bytes.subarray(-3)]).toEqual([20, 20, 5]);
  });

  it('shrinks the long side to the model’s size, averaging what each pixel covers', () => {
    // Black and white columns, one pixel each: shrunk 2×, every pixel is their average, not one of them.
    const out = modelImage(rgba(400, 100, (x) => (x % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255])), 200);
    expect([out.width, out.height]).toEqual([200, 50]);
    const pixels = out.bytes.subarray(out.bytes.length - 200 * 50 * 3);
    expect(new Set(pixels)).toEqual(new Set([128]));
  });

  it('puts transparent pixels on white', () => {
    const out = modelImage(rgba(1, 1, () => [0, 0, 0, 0]), 10);
    expect([...out.bytes.subarray(-3)]).toEqual([255, 255, 255]);
  });
});
