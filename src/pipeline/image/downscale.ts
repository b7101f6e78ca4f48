/**
 * The sizes a downscale passes through: halving while the target is less than half the current size,
 * then one last step to the target. A bilinear draw that shrinks more than 2× skips source pixels and aliases.
 */
export function downscaleSteps(width: number, height: number, targetWidth: number, targetHeight: number) {
  const steps: { width: number; height: number }[] = [];
  let [w, h] = [width, height];
  while (w > targetWidth * 2 || h > targetHeight * 2) {
    w = Math.max(targetWidth, Math.ceil(w / 2));
    h = Math.max(targetHeight, Math.ceil(h / 2));
    steps.push({ width: w, height: h });
  }
  if (w !== targetWidth || h !== targetHeight) steps.push({ width: targetWidth, height: targetHeight });
  return steps;
}
