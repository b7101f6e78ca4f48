import type { Rect } from './tensor';

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
