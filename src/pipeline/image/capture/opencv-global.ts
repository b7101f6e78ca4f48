/** The global the split OpenCV.js script (scripts/opencv/split-opencv.ts) reads its Emscripten module object from. */
export const OPENCV_MODULE_GLOBAL = 'loupeOpenCvModule';
