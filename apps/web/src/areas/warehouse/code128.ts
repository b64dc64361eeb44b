/**
 * A small Code 128 (code set B) encoder: printable ASCII to bar/space module widths, and an SVG path of
 * the bars. Parcel codes are short uppercase ASCII, so set B alone is enough (no set C digit packing).
 */

/** Module widths (bar, space, bar, …) of symbols 0–106; 103–105 are the starts, 106 the stop. */
export const PATTERNS: readonly string[] = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 ' +
  '122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 ' +
  '322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 ' +
  '112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 ' +
  '331121 312113 312311 332111 314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 ' +
  '112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 111242 121142 121241 114212 ' +
  '124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 114311 411113 ' +
  '411311 113141 114131 311141 411131 211412 211214 211232 2331112'
).split(' ');

const START_B = 104;
const STOP = 106;

/** The symbol values for `text`: start B, one per character, the checksum, stop. Throws outside ASCII 32–126. */
export function code128Values(text: string): number[] {
  const values = [...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code < 32 || code > 126) throw new RangeError(`Code 128 B cannot encode ${JSON.stringify(char)}`);
    return code - 32;
  });
  const checksum = values.reduce((sum, value, index) => sum + value * (index + 1), START_B) % 103;
  return [START_B, ...values, checksum, STOP];
}

/** The widths of every bar and space, left to right (bars at even positions). */
export function code128Widths(text: string): number[] {
  return code128Values(text).flatMap((value) => [...(PATTERNS[value] ?? '')].map(Number));
}

/** The bars as one SVG path (module = 1 unit, height 1) and the total width in modules with quiet zones. */
export function code128Path(text: string, quietZone = 10): { d: string; width: number } {
  let x = quietZone;
  let d = '';
  for (const [index, width] of code128Widths(text).entries()) {
    if (index % 2 === 0) d += `M${x} 0h${width}v1h-${width}z`;
    x += width;
  }
  return { d, width: x + quietZone };
}
