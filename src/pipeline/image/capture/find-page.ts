import type { RgbaImage } from '../../../engines/engine';
import type { Mat, OpenCv } from './opencv';
import { cornerError, homography, isConvex, outputSize, wholeImage, type Point, type Quad } from './quad';
import { fitSides, largestQuad, polygonArea } from './quad-fit';
import { sideEvidence, type ScoreMap } from './side-contrast';

export interface PageFound {
  corners: Quad;
  /** 0..1 */
  confidence: number;
}

/** Detection looks at a copy this long: plenty for 2 % corners, and cheap. */
const DETECT_LONG_SIDE = 800;
/** Below this the best candidate is no sheet worth straightening. */
const MIN_CONFIDENCE = 0.35;

/** A copy of the image at most `longSide` on its long side, averaged over each source area. */
function shrink(cv: OpenCv, image: RgbaImage, longSide: number): RgbaImage {
  const scale = Math.min(1, longSide / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const source = new cv.Mat(image.height, image.width, cv.CV_8UC4);
  const small = new cv.Mat();
  try {
    source.data.set(image.data);
    cv.resize(source, small, new cv.Size(width, height), 0, 0, cv.INTER_AREA);
    return { width, height, data: new Uint8ClampedArray(small.data) };
  } finally {
    source.delete();
    small.delete();
  }
}

/** Paper is bright and colourless: brightness less twice the spread between channels. */
function paperScore(image: RgbaImage): ScoreMap {
  const data = new Uint8Array(image.width * image.height);
  const d = image.data;
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const r = d[p]!;
    const g = d[p + 1]!;
    const b = d[p + 2]!;
    const high = r > g ? (r > b ? r : b) : g > b ? g : b;
    const low = r < g ? (r < b ? r : b) : g < b ? g : b;
    const score = high - 2 * (high - low);
    data[i] = score < 0 ? 0 : score;
  }
  return { width: image.width, height: image.height, data };
}

/** Levels to cut the score at, evenly between its dark and bright ends, so one of them falls between table and paper. */
function thresholds(map: ScoreMap): number[] {
  const histogram = new Uint32Array(256);
  for (const value of map.data) histogram[value]!++;
  const quantile = (q: number) => {
    let seen = 0;
    for (let value = 0; value < 256; value++) if ((seen += histogram[value]!) >= q * map.data.length) return value;
    return 255;
  };
  const low = quantile(0.05);
  const high = quantile(0.98);
  return Array.from({ length: LEVELS }, (_, i) => Math.round(low + ((high - low) * (i + 1)) / (LEVELS + 1)));
}

/** How many levels are tried. */
const LEVELS = 8;

interface Candidate {
  corners: Quad;
  confidence: number;
  area: number;
}

const clamp01 = (value: number) => (value < 0 ? 0 : value > 1 ? 1 : value);

function interiorAngles(quad: Quad): number[] {
  return quad.map((p, i) => {
    const a = quad[(i + 3) % 4]!;
    const b = quad[(i + 1) % 4]!;
    const angle = Math.atan2(a.y - p.y, a.x - p.x) - Math.atan2(b.y - p.y, b.x - p.x);
    const degrees = Math.abs((angle * 180) / Math.PI) % 360;
    return degrees > 180 ? 360 - degrees : degrees;
  });
}

/** How sure a quad fitted to a region is a sheet: it fills its quad, stands out on every side, is not cut. */
function judge(map: ScoreMap, outlineArea: number, quad: Quad): number {
  if (!isConvex(quad)) return 0;
  const area = polygonArea(quad);
  const share = area / (map.width * map.height);
  const fill = Math.min(outlineArea / area, area / outlineArea);
  const angles = interiorAngles(quad);
  if (Math.min(...angles) < 45 || Math.max(...angles) > 135) return 0;
  const evidence = sideEvidence(map, quad, 0.012 * Math.max(map.width, map.height));
  const contrast = Math.min(...evidence.contrast.filter((_, side) => evidence.onBorder[side]! < 0.5), 1);
  const cut = Math.max(...evidence.onBorder);
  return clamp01((fill - 0.8) / 0.15) * clamp01(contrast / 0.15) * clamp01(1 - 1.5 * cut) * clamp01((share - 0.03) / 0.05);
}

/** A region's outline and its rough quad, judged before the quad's sides are fitted (the costly part). */
interface Region extends Candidate {
  outline: Int32Array;
}

/** Regions bright and colourless enough to be paper, cut at several levels of the opened score. */
function regions(cv: OpenCv, map: ScoreMap): Region[] {
  const { width, height } = map;
  const found: Region[] = [];
  const mats: Mat[] = [];
  const mat = () => {
    const m = new cv.Mat();
    mats.push(m);
    return m;
  };
  try {
    const score = new cv.Mat(height, width, cv.CV_8UC1);
    mats.push(score);
    score.data.set(map.data);
    // Opening the score once equals opening each cut of it (flat structuring elements commute with thresholds):
    // thin bright things (grout, threads, a gap's rim) go, so they neither join the sheet to the table nor pass for it.
    const kernelSize = Math.max(3, Math.round(0.012 * Math.max(width, height)) | 1);
    const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(kernelSize, kernelSize));
    mats.push(kernel);
    const opened = mat();
    cv.morphologyEx(score, opened, cv.MORPH_OPEN, kernel);
    const mask = mat();
    const hierarchy = mat();
    const hull = mat();
    const corners = mat();
    for (const level of thresholds({ width, height, data: opened.data })) {
      cv.threshold(opened, mask, level, 255, cv.THRESH_BINARY);
      const contours = new cv.MatVector();
      try {
        cv.findContours(mask, contours, hierarchy, cv.RETR_EXTERNAL, CHAIN_APPROX_NONE);
        for (let c = 0; c < contours.size(); c++) {
          const contour = contours.get(c);
          try {
            const area = cv.contourArea(contour);
            if (area < MIN_AREA * width * height) continue;
            cv.convexHull(contour, hull, false, true);
            // The hull's few salient vertices; the largest quad among them has the sheet's corners.
            cv.approxPolyDP(hull, corners, 0.004 * Math.hypot(width, height), true);
            const rough = largestQuad(points(corners.data32S));
            if (!rough) continue;
            found.push({ corners: rough, confidence: judge(map, area, rough), area, outline: new Int32Array(contour.data32S) });
          } finally {
            contour.delete();
          }
        }
      } finally {
        contours.delete();
      }
    }
  } finally {
    for (const m of mats) m.delete();
  }
  return found;
}

/** Pixel coordinates (x, y pairs) as points at the pixels' centres. */
function points(xy: Int32Array): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < xy.length; i += 2) out.push({ x: xy[i]! + 0.5, y: xy[i + 1]! + 0.5 });
  return out;
}

/** Regions under this share of the image are no receipt worth straightening. */
const MIN_AREA = 0.03;
/** How many of the best rough regions get their sides fitted. */
const REFINED = 3;

/** OpenCV's CHAIN_APPROX_NONE: every outline pixel, so sides can be fitted to all of them. */
const CHAIN_APPROX_NONE = 1;

/** The receipt's four corners in `image`'s pixels, or null when no sheet stands out confidently. */
export function findPage(cv: OpenCv, image: RgbaImage): PageFound | null {
  const small = shrink(cv, image, DETECT_LONG_SIDE);
  const map = paperScore(small);
  const onBorder = (p: Point) => p.x <= 1 || p.y <= 1 || p.x >= map.width - 2 || p.y >= map.height - 2;
  const rough = regions(cv, map)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, REFINED);
  let best: Candidate | undefined;
  for (const region of rough) {
    const corners = fitSides(points(region.outline), region.corners, { tolerance: 0.02 * Math.hypot(map.width, map.height), ignore: onBorder });
    const candidate = { corners, confidence: judge(map, region.area, corners), area: region.area };
    if (!best || candidate.confidence > best.confidence) best = candidate;
  }
  if (!best || best.confidence < MIN_CONFIDENCE) return null;
  const sx = image.width / small.width;
  const sy = image.height / small.height;
  return { corners: best.corners.map((p) => ({ x: p.x * sx, y: p.y * sy })) as Quad, confidence: best.confidence };
}

/** Whether corners found are (nearly) the whole image: a scan or screenshot, left alone. */
export function isFlat(found: PageFound, width: number, height: number): boolean {
  return cornerError(found.corners, wholeImage(width, height)) <= 0.03;
}

/** The image turned clockwise by a quarter turn, a half or three quarters, pixel for pixel. */
function turn(image: RgbaImage, rotation: 0 | 90 | 180 | 270): RgbaImage {
  const { width, height } = image;
  const source = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
  const out = new Uint8ClampedArray(width * height * 4);
  const target = new Uint32Array(out.buffer);
  if (rotation === 0) target.set(source);
  else if (rotation === 180) for (let i = 0, n = width * height; i < n; i++) target[n - 1 - i] = source[i]!;
  else {
    const turnedWidth = height;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const value = source[y * width + x]!;
        // Clockwise: (x, y) goes to (height − 1 − y, x); anticlockwise to (y, width − 1 − x).
        if (rotation === 90) target[x * turnedWidth + (height - 1 - y)] = value;
        else target[(width - 1 - x) * turnedWidth + y] = value;
      }
  }
  return rotation === 90 || rotation === 270 ? { width: height, height: width, data: out } : { width, height, data: out };
}

/**
 * The most pixels a straightened page gets. A receipt this size still prints its lines at about the recognizer's
 * 48 px height; more only costs time (bench:capture: an 8-megapixel sheet out of a 12-megapixel photo warps in ~160 ms, ~90 ms capped).
 */
const WARP_MAX_PIXELS = 4_000_000;

/** The quad warped to an upright rectangle of outputSize(corners, maxPixels), then turned by `rotation` (clockwise degrees); corners null = the whole image, only turned. */
export function warpPage(cv: OpenCv, image: RgbaImage, corners: Quad | null, rotation: 0 | 90 | 180 | 270, maxPixels = WARP_MAX_PIXELS): RgbaImage {
  if (!corners) return turn(image, rotation);
  const { width, height } = outputSize(corners, maxPixels, { x: image.width / 2, y: image.height / 2 });
  const quarter = rotation / 90;
  const [outWidth, outHeight] = quarter % 2 ? [height, width] : [width, height];
  const frame = wholeImage(outWidth, outHeight);
  // Page corner i lands on the output's corner i + quarter turns, clockwise.
  const target = corners.map((_, i) => frame[(i + quarter) % 4]!) as Quad;
  // OpenCV puts pixel centres on whole numbers, half a pixel off the continuous coordinates used here.
  const shift = (quad: Quad) => quad.map((p) => ({ x: p.x - 0.5, y: p.y - 0.5 })) as Quad;
  const matrix = homography(shift(corners), shift(target));
  const mats: Mat[] = [];
  try {
    const source = new cv.Mat(image.height, image.width, cv.CV_8UC4);
    mats.push(source);
    source.data.set(image.data);
    const transform = cv.matFromArray(3, 3, cv.CV_64FC1, matrix);
    mats.push(transform);
    const out = new cv.Mat();
    mats.push(out);
    cv.warpPerspective(source, out, transform, new cv.Size(outWidth, outHeight), cv.INTER_LINEAR, cv.BORDER_REPLICATE, new cv.Scalar());
    return { width: outWidth, height: outHeight, data: new Uint8ClampedArray(out.data) };
  } finally {
    for (const mat of mats) mat.delete();
  }
}
