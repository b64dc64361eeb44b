/** Generated product illustrations: the category's colour, the product's initials and brand, as SVG. */

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch] ?? ch,
  );

/** An 800×800 SVG; `variant` shifts the hue so a product's second image differs from its first. */
export function demoImageSvg(input: {
  hue: number;
  initials: string;
  caption: string;
  variant?: number;
}): string {
  const hue = (input.hue + (input.variant ?? 0) * 25) % 360;
  const from = `hsl(${hue} 70% 58%)`;
  const to = `hsl(${(hue + 40) % 360} 65% 38%)`;
  const caption = escapeXml(input.caption.slice(0, 28));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="800" height="800" fill="url(#g)"/>
<circle cx="660" cy="140" r="190" fill="#ffffff" fill-opacity="0.12"/>
<circle cx="120" cy="700" r="240" fill="#000000" fill-opacity="0.08"/>
<text x="400" y="470" font-family="Inter, Arial, sans-serif" font-size="260" font-weight="700" fill="#ffffff" text-anchor="middle">${escapeXml(input.initials)}</text>
<text x="400" y="600" font-family="Inter, Arial, sans-serif" font-size="44" fill="#ffffff" fill-opacity="0.9" text-anchor="middle">${caption}</text>
</svg>`;
}
