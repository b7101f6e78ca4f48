import type { Rect } from './tensor';
import { boxAngle, boxCentre, boxHeight, boxLength, type TextBox } from './text-box';

/** How much a page's text is turned from level: the median angle of the boxes at least twice as long as high. */
export function pageSkew(boxes: readonly TextBox[]): number {
  const angles = boxes
    .filter((b) => boxLength(b) >= 2 * boxHeight(b))
    .map(boxAngle)
    .sort((a, b) => a - b);
  return angles[angles.length >> 1] ?? 0;
}

/**
 * Text boxes in reading order, as printed lines: each box is placed where it would be on the page turned
 * level, so the boxes of one skewed line stay together and apart from the next line's.
 */
export function readingOrder(boxes: readonly TextBox[]): TextBox[][] {
  const skew = pageSkew(boxes);
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  const level = boxes.map((box) => {
    const c = boxCentre(box);
    const width = boxLength(box);
    const height = boxHeight(box);
    return { x: c.x * cos + c.y * sin - width / 2, y: c.y * cos - c.x * sin - height / 2, width, height, box };
  });
  return groupIntoLines(level).map((line) => line.map((placed) => placed.box));
}

/**
 * Groups text boxes into printed lines, top to bottom and left to right: a box belongs to a line when
 * most of its height overlaps the line's, so a total and its amount far to the right stay together.
 */
export function groupIntoLines<T extends Rect>(boxes: readonly T[]): T[][] {
  const sorted = [...boxes].sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2));
  const lines: { top: number; bottom: number; boxes: T[] }[] = [];
  for (const box of sorted) {
    let best: (typeof lines)[number] | undefined;
    let bestOverlap = 0;
    for (const line of lines.slice(-4)) {
      const overlap = Math.min(line.bottom, box.y + box.height) - Math.max(line.top, box.y);
      const ratio = overlap / Math.min(box.height, line.bottom - line.top);
      if (ratio > 0.5 && ratio > bestOverlap) {
        best = line;
        bestOverlap = ratio;
      }
    }
    if (best) {
      best.boxes.push(box);
      // The line keeps the median extent, so one tall box does not swallow the next line.
      best.top = (best.top * (best.boxes.length - 1) + box.y) / best.boxes.length;
      best.bottom = (best.bottom * (best.boxes.length - 1) + box.y + box.height) / best.boxes.length;
    } else lines.push({ top: box.y, bottom: box.y + box.height, boxes: [box] });
  }
  return lines
    .sort((a, b) => a.top + a.bottom - (b.top + b.bottom))
    .map((line) => line.boxes.sort((a, b) => a.x - b.x));
}
