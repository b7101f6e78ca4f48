import { describe, expect, it } from 'vitest';
import { clampZoom, isZoomed, MAX_SCALE, pan, pinch, TAP_SCALE, toggleAt, UNZOOMED, zoomTransform, type Point, type Zoom } from '../../../src/ui/zoom-transform';

const frame = { width: 400, height: 600 };
/** Where an unzoomed image point lands on screen. */
const onScreen = (zoom: Zoom, p: Point): Point => ({ x: zoom.x + p.x * zoom.scale, y: zoom.y + p.y * zoom.scale });

describe('pinch zoom', () => {
  it('keeps the spot between the fingers under them as they spread', () => {
    const zoom = pinch(UNZOOMED, [{ x: 150, y: 300 }, { x: 250, y: 300 }], [{ x: 100, y: 300 }, { x: 300, y: 300 }], frame);
    expect(zoom.scale).toBeCloseTo(2);
    const spot = onScreen(zoom, { x: 200, y: 300 });
    expect(spot.x).toBeCloseTo(200);
    expect(spot.y).toBeCloseTo(300);
  });

  it('follows the fingers when they move together while pinching', () => {
    const start = pinch(UNZOOMED, [{ x: 150, y: 300 }, { x: 250, y: 300 }], [{ x: 100, y: 300 }, { x: 300, y: 300 }], frame);
    const moved = pinch(start, [{ x: 100, y: 300 }, { x: 300, y: 300 }], [{ x: 80, y: 280 }, { x: 280, y: 280 }], frame);
    expect(moved.scale).toBeCloseTo(2);
    expect(moved.x - start.x).toBeCloseTo(-20);
    expect(moved.y - start.y).toBeCloseTo(-20);
  });

  it('never zooms out past the image nor in past the limit', () => {
    expect(pinch(UNZOOMED, [{ x: 100, y: 100 }, { x: 300, y: 100 }], [{ x: 190, y: 100 }, { x: 210, y: 100 }], frame)).toEqual(UNZOOMED);
    expect(pinch(UNZOOMED, [{ x: 199, y: 100 }, { x: 201, y: 100 }], [{ x: 0, y: 100 }, { x: 400, y: 100 }], frame).scale).toBe(MAX_SCALE);
    // Fingers landing on the same spot give no ratio: the scale stays.
    expect(pinch(UNZOOMED, [{ x: 5, y: 5 }, { x: 5, y: 5 }], [{ x: 50, y: 5 }, { x: 90, y: 5 }], frame).scale).toBe(1);
  });

  it('pans a zoomed image without pulling an edge inside the frame', () => {
    const zoom: Zoom = { scale: 2, x: -100, y: -100 };
    expect(pan(zoom, -50, 30, frame)).toEqual({ scale: 2, x: -150, y: -70 });
    expect(pan(zoom, 500, 500, frame)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(pan(zoom, -5000, -5000, frame)).toEqual({ scale: 2, x: -400, y: -600 });
    expect(pan(UNZOOMED, 40, 40, frame)).toEqual(UNZOOMED);
  });

  it('zooms in on a double tap where tapped, and out on the next', () => {
    const zoom = toggleAt(UNZOOMED, { x: 100, y: 200 }, frame);
    expect(zoom.scale).toBe(TAP_SCALE);
    const spot = onScreen(zoom, { x: 100, y: 200 });
    expect(spot.x).toBeCloseTo(100);
    expect(spot.y).toBeCloseTo(200);
    expect(isZoomed(zoom)).toBe(true);
    expect(toggleAt(zoom, { x: 0, y: 0 }, frame)).toEqual(UNZOOMED);
    expect(isZoomed(UNZOOMED)).toBe(false);
  });

  it('clamps and writes the CSS transform', () => {
    expect(clampZoom({ scale: 0.5, x: 10, y: 10 }, frame)).toEqual(UNZOOMED);
    expect(zoomTransform({ scale: 2, x: -10, y: -20 })).toBe('translate(-10px, -20px) scale(2)');
  });
});
