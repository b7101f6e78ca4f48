// The one module that imports OpenCV.js, so it and its 10.8 MB land in a chunk of their own, loaded on first use.
import cv from '@techstark/opencv-js';

/**
 * The runtime, boxed: OpenCV.js's module object has a `then` that hands back the object itself, so a promise
 * resolved with it (or with a namespace that copies its keys, as bundlers do for CommonJS) never settles.
 */
export const openCvRuntime: { module: unknown } = { module: cv };
