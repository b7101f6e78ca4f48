import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { splitOpenCv } from '../../../scripts/opencv/split-opencv';
import { OPENCV_MODULE_GLOBAL } from '../../../src/pipeline/image/capture/opencv-global';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

describe('splitOpenCv', () => {
  it('takes the wasm out of the OpenCV.js Loupe depends on and hands the script Loupe’s module object', () => {
    const source = readFileSync(createRequire(import.meta.url).resolve('@techstark/opencv-js/dist/opencv.js'), 'utf8');
    const { script, wasm } = splitOpenCv(source);
    expect([...wasm.subarray(0, 4)]).toEqual(WASM_MAGIC);
    expect(wasm.length).toBeGreaterThan(1_000_000);
    expect(script).toContain('var wasmBinaryFile="";');
    expect(script.length).toBeLessThan(source.length / 10);
    expect(script).toContain(`var Module = globalThis.${OPENCV_MODULE_GLOBAL} || {};`);
    expect(script).toMatch(/export default module\.exports;\n$/);
  });

  it('runs as a module whose runtime instantiates through the hook, from the module object it is given', async () => {
    // A stand-in with OpenCV.js's layout: UMD wrapper, embedded wasm (an empty module), Emscripten's hook.
    const wasm = Buffer.from([...WASM_MAGIC, 1, 0, 0, 0]).toString('base64');
    const stand_in = `(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
}(this, function () {
var cv = function (Module) { var wasmBinaryFile="data:application/octet-stream;base64,${wasm}"; Module.file = wasmBinaryFile; Module.instantiateWasm({ env: {} }, function (instance) { Module.ready = instance; }); return Module; };
  if (typeof Module === 'undefined')
    var Module = {};
  return cv(Module);
}));`;
    const { script } = splitOpenCv(stand_in);
    const received: unknown[] = [];
    (globalThis as Record<string, unknown>)[OPENCV_MODULE_GLOBAL] = { instantiateWasm: (imports: unknown, receive: (instance: string) => void) => (received.push(imports), receive('instance')) };
    try {
      const { default: runtime } = (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(script).toString('base64')}`)) as { default: Record<string, unknown> };
      expect(runtime).toBe(globalThis[OPENCV_MODULE_GLOBAL as keyof typeof globalThis]);
      expect(runtime.file).toBe('');
      expect(runtime.ready).toBe('instance');
      expect(received).toEqual([{ env: {} }]);
    } finally {
      delete (globalThis as Record<string, unknown>)[OPENCV_MODULE_GLOBAL];
    }
  });

  it('refuses an OpenCV.js laid out differently, saying where to look', () => {
    expect(() => splitOpenCv('var cv = {};')).toThrow(/split-opencv\.ts/);
  });
});
