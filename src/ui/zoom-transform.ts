/**
 * The page image's pinch zoom as numbers: a scale and an offset over a frame the size of the unzoomed image
 * (CSS `translate(x, y) scale(scale)`, origin top left). Pure, so the gestures' geometry is tested in Node.
 */

export interface Zoom {
  scale: number;
  x: number;
  y: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const UNZOOMED: Zoom = { scale: 1, x: 0, y: 0 };
export const MAX_SCALE = 6;
/** What a double tap zooms to. */
export const TAP_SCALE = 2.5;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const distance = ([a, b]: [Point, Point]) => Math.hypot(b.x - a.x, b.y - a.y);
const middle = ([a, b]: [Point, Point]): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** Never smaller than the frame, never an edge pulled inside it, so no blank shows beside the image. */
export function clampZoom(zoom: Zoom, frame: Size): Zoom {
  const scale = clamp(zoom.scale, 1, MAX_SCALE);
  return { scale, x: clamp(zoom.x, frame.width * (1 - scale), 0), y: clamp(zoom.y, frame.height * (1 - scale), 0) };
}

/** Two fingers moved from `from` to `to`: the spot between them stays under them while they spread or pinch. */
export function pinch(start: Zoom, from: [Point, Point], to: [Point, Point], frame: Size): Zoom {
  const before = distance(from);
  const scale = clamp(before > 0 ? (start.scale * distance(to)) / before : start.scale, 1, MAX_SCALE);
  const [m0, m1] = [middle(from), middle(to)];
  // The image's point under the fingers at the start, in unzoomed pixels.
  const px = (m0.x - start.x) / start.scale;
  const py = (m0.y - start.y) / start.scale;
  return clampZoom({ scale, x: m1.x - px * scale, y: m1.y - py * scale }, frame);
}

/** One finger dragged a zoomed image. */
export function pan(start: Zoom, dx: number, dy: number, frame: Size): Zoom {
  return clampZoom({ ...start, x: start.x + dx, y: start.y + dy }, frame);
}

/** A double tap: zoom in around the tapped point, or back out when already zoomed. */
export function toggleAt(zoom: Zoom, at: Point, frame: Size): Zoom {
  if (zoom.scale > 1) return UNZOOMED;
  return clampZoom({ scale: TAP_SCALE, x: at.x * (1 - TAP_SCALE), y: at.y * (1 - TAP_SCALE) }, frame);
}

export const isZoomed = (zoom: Zoom) => zoom.scale > 1.01;

export const zoomTransform = (zoom: Zoom) => `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})`;
