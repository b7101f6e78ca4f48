import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { isZoomed, pan, pinch, toggleAt, UNZOOMED, zoomTransform, type Point, type Zoom } from './zoom-transform';

// Two taps this close in time and place are a double tap; a finger that moved further was no tap.
const DOUBLE_TAP_MS = 350;
const TAP_SLOP = 24;

type Gesture = { kind: 'pinch'; start: Zoom; from: [Point, Point] } | { kind: 'pan'; start: Zoom; from: Point } | undefined;

/**
 * Two fingers zoom what it wraps (the page image with its line boxes, scaled as one), one finger pans it once
 * zoomed, a double tap zooms in or back out. Unzoomed, a finger on it still scrolls the page. Touch events rather
 * than pointer events, because the browser cancels pointers once it starts scrolling and touches it does not.
 */
export function PinchZoom({ children }: { children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const zoom = useRef<Zoom>(UNZOOMED);
  const [zoomed, setZoomed] = useState(false);

  // Written straight to the style: a pinch moves at the display's rate without a render per frame.
  const apply = useCallback((next: Zoom) => {
    zoom.current = next;
    if (content.current) content.current.style.transform = isZoomed(next) ? zoomTransform(next) : '';
    setZoomed(isZoomed(next));
  }, []);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    let gesture: Gesture;
    let tap: { at: Point; time: number; moved: boolean } | undefined;
    let lastTap: { at: Point; time: number } | undefined;
    const size = () => ({ width: element.clientWidth, height: element.clientHeight });
    const point = (touch: Touch): Point => {
      const box = element.getBoundingClientRect();
      return { x: touch.clientX - box.left, y: touch.clientY - box.top };
    };
    const begin = (touches: TouchList) => {
      if (touches.length >= 2) gesture = { kind: 'pinch', start: zoom.current, from: [point(touches[0]!), point(touches[1]!)] };
      else if (touches.length === 1 && isZoomed(zoom.current)) gesture = { kind: 'pan', start: zoom.current, from: point(touches[0]!) };
      else gesture = undefined;
    };
    const start = (event: TouchEvent) => {
      begin(event.touches);
      // A tap on Reset zoom is that button's, not half of a double tap.
      const onButton = event.target instanceof Element && event.target.closest('button');
      tap = event.touches.length === 1 && !onButton ? { at: point(event.touches[0]!), time: event.timeStamp, moved: false } : undefined;
      // Two fingers are ours from the start, so the browser neither scrolls nor zooms the page under them.
      if (event.touches.length >= 2 && event.cancelable) event.preventDefault();
    };
    const move = (event: TouchEvent) => {
      const at = point(event.touches[0]!);
      if (tap && Math.hypot(at.x - tap.at.x, at.y - tap.at.y) > TAP_SLOP) tap.moved = true;
      if (!gesture) return;
      if (event.cancelable) event.preventDefault();
      if (gesture.kind === 'pinch' && event.touches.length >= 2) apply(pinch(gesture.start, gesture.from, [at, point(event.touches[1]!)], size()));
      else if (gesture.kind === 'pan') apply(pan(gesture.start, at.x - gesture.from.x, at.y - gesture.from.y, size()));
    };
    const end = (event: TouchEvent) => {
      // A finger lifted from a pinch leaves the other one panning.
      begin(event.touches);
      if (event.touches.length || !tap || tap.moved || event.timeStamp - tap.time > DOUBLE_TAP_MS) {
        if (event.touches.length === 0) tap = undefined;
        return;
      }
      const { at, time } = tap;
      tap = undefined;
      if (lastTap && time - lastTap.time < DOUBLE_TAP_MS && Math.hypot(at.x - lastTap.at.x, at.y - lastTap.at.y) < TAP_SLOP) {
        lastTap = undefined;
        if (event.cancelable) event.preventDefault();
        apply(toggleAt(zoom.current, at, size()));
      } else lastTap = { at, time };
    };
    element.addEventListener('touchstart', start, { passive: false });
    element.addEventListener('touchmove', move, { passive: false });
    element.addEventListener('touchend', end);
    element.addEventListener('touchcancel', end);
    return () => {
      element.removeEventListener('touchstart', start);
      element.removeEventListener('touchmove', move);
      element.removeEventListener('touchend', end);
      element.removeEventListener('touchcancel', end);
    };
  }, [apply]);

  return (
    <div ref={frame} className={`zoom-frame${zoomed ? ' zoomed' : ''}`} data-testid="page-zoom" data-zoomed={zoomed}>
      <div ref={content} className="zoom-content">
        {children}
      </div>
      {zoomed && (
        <button type="button" className="zoom-reset" onClick={() => apply(UNZOOMED)}>
          Reset zoom
        </button>
      )}
    </div>
  );
}
