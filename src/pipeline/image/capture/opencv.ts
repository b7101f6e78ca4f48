/**
 * OpenCV.js, loaded on first use in whatever worker needs it, and the small part of its API Loupe uses (typed
 * here: the package's own declarations describe its whole API and a global `cv`).
 */

/** A matrix in OpenCV's heap: free it with delete(), nothing else will. */
export interface Mat {
  readonly rows: number;
  readonly cols: number;
  /** Views into the heap, valid until the next allocation may have grown it. */
  readonly data: Uint8Array;
  readonly data32S: Int32Array;
  delete(): void;
}

export interface MatVector {
  size(): number;
  get(index: number): Mat;
  delete(): void;
}

export interface Size {
  width: number;
  height: number;
}

export interface OpenCv {
  Mat: { new (): Mat; new (rows: number, cols: number, type: number): Mat };
  MatVector: new () => MatVector;
  Size: new (width: number, height: number) => Size;
  Scalar: new (...values: number[]) => unknown;
  matFromArray(rows: number, cols: number, type: number, values: readonly number[]): Mat;
  CV_8UC1: number;
  CV_8UC4: number;
  CV_64FC1: number;
  INTER_AREA: number;
  INTER_LINEAR: number;
  BORDER_REPLICATE: number;
  RETR_EXTERNAL: number;
  CHAIN_APPROX_SIMPLE: number;
  THRESH_BINARY: number;
  MORPH_RECT: number;
  MORPH_OPEN: number;
  MORPH_CLOSE: number;
  ROTATE_90_CLOCKWISE: number;
  ROTATE_180: number;
  ROTATE_90_COUNTERCLOCKWISE: number;
  resize(src: Mat, dst: Mat, size: Size, fx: number, fy: number, interpolation: number): void;
  warpPerspective(src: Mat, dst: Mat, matrix: Mat, size: Size, flags: number, borderMode: number, borderValue: unknown): void;
  rotate(src: Mat, dst: Mat, code: number): void;
  getStructuringElement(shape: number, size: Size): Mat;
  morphologyEx(src: Mat, dst: Mat, op: number, kernel: Mat): void;
  findContours(image: Mat, contours: MatVector, hierarchy: Mat, mode: number, method: number): void;
  contourArea(contour: Mat): number;
  convexHull(points: Mat, hull: Mat, clockwise: boolean, returnPoints: boolean): void;
  approxPolyDP(curve: Mat, approx: Mat, epsilon: number, closed: boolean): void;
  threshold(src: Mat, dst: Mat, level: number, max: number, type: number): number;
}

/** How long the runtime may take to compile and start before the load counts as failed (it never reports some failures). */
const START_TIMEOUT_MS = 30_000;

let loading: Promise<OpenCv> | undefined;

/** OpenCV.js, ready to use; loaded once, and again after a failed load. */
export function loadOpenCv(): Promise<OpenCv> {
  loading ??= startOpenCv().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

interface EmscriptenModule {
  then?: (ready: () => void) => unknown;
  onAbort?: (reason: unknown) => void;
  Mat?: unknown;
}

async function startOpenCv(): Promise<OpenCv> {
  const { openCvRuntime } = await import('./opencv-runtime');
  return readyOpenCv((await openCvRuntime()).module);
}

/**
 * Node scripts, which cannot fetch the app's split copy, hand in the package's own module (its wasm inside);
 * loadOpenCv answers with it from then on.
 */
export function provideOpenCv(module: unknown): Promise<OpenCv> {
  loading = readyOpenCv(module);
  return loading;
}

/** OpenCV.js's Emscripten module once its runtime has started. */
async function readyOpenCv(module: unknown): Promise<OpenCv> {
  const runtime = module as EmscriptenModule;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('OpenCV.js did not start in time')), START_TIMEOUT_MS);
    const done = (error?: unknown) => {
      clearTimeout(timer);
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(`OpenCV.js failed to start: ${String(error)}`));
    };
    runtime.onAbort = (reason) => done(reason ?? 'aborted');
    // Emscripten's then() calls back at once when the runtime is already up, else once it is.
    if (typeof runtime.then === 'function') runtime.then(() => done());
    else if (runtime.Mat) done();
    else done('no runtime in the module');
  });
  // Without its then(), the module can be handed through promises like any object.
  delete runtime.then;
  return runtime as unknown as OpenCv;
}
