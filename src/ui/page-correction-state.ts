import type { PageGeometry } from '../protocol';
import type { Point } from '../pipeline/image/capture/quad';

/** The space a page's corners are in: the page before correction (its own size when nothing was done to it). */
export function pageSourceSize(page: { width: number; height: number; geometry?: PageGeometry | undefined }): { width: number; height: number } {
  return page.geometry ? { width: page.geometry.sourceWidth, height: page.geometry.sourceHeight } : { width: page.width, height: page.height };
}

/** One line saying what was done to the page before it was read. */
export function correctionSummary(geometry: PageGeometry | undefined): string {
  if (!geometry) return '';
  const cut = geometry.corners
    ? sameQuad(geometry.corners, geometry.detected)
      ? 'Straightened: the page was found in the photo'
      : 'Cut out along your corners'
    : geometry.detected
      ? 'Whole image kept'
      : '';
  const turned = geometry.rotation ? `turned ${geometry.rotation === 270 ? 'a quarter left' : geometry.rotation === 90 ? 'a quarter right' : 'upside down'}` : '';
  const said = [cut, turned].filter(Boolean).join(', ');
  return said ? `${said.charAt(0).toUpperCase()}${said.slice(1)}.` : '';
}

function sameQuad(a: readonly Point[], b: readonly Point[] | null): boolean {
  return !!b && a.every((p, i) => Math.abs(p.x - b[i]!.x) < 0.5 && Math.abs(p.y - b[i]!.y) < 0.5);
}

/** Arrow keys move a corner by half a percent of the page's side, or five percent with Shift; other keys do nothing. */
export function cornerAfterKey(point: Point, key: string, shift: boolean, size: { width: number; height: number }): Point | undefined {
  const share = shift ? 0.05 : 0.005;
  const dx = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
  const dy = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0;
  if (!dx && !dy) return undefined;
  return {
    x: Math.min(size.width, Math.max(0, point.x + dx * share * size.width)),
    y: Math.min(size.height, Math.max(0, point.y + dy * share * size.height)),
  };
}
