/**
 * How many of the navigation links (of the given widths, in order) fit in `available` pixels with
 * `gap` between them; when not all fit, room is kept for the "More" button of `moreWidth`.
 */
export function fitCount(
  widths: readonly number[],
  available: number,
  moreWidth: number,
  gap: number,
): number {
  const span = (count: number) =>
    widths.slice(0, count).reduce((sum, width) => sum + width, 0) + Math.max(0, count - 1) * gap;
  if (span(widths.length) <= available) return widths.length;
  let count = widths.length - 1;
  while (count > 0 && span(count) + gap + moreWidth > available) count -= 1;
  return count;
}
