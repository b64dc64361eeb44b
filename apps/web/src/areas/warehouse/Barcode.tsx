import { useTranslation } from 'react-i18next';
import { code128Path } from './code128.ts';

/** A Code 128 barcode as crisp SVG, with the human-readable text under it. */
export function Barcode({ value, height = 64 }: { value: string; height?: number }) {
  const { t } = useTranslation('warehouse');
  const { d, width } = code128Path(value);
  return (
    <figure className="barcode">
      <svg
        viewBox={`0 0 ${width} 1`}
        preserveAspectRatio="none"
        width="100%"
        height={height}
        role="img"
        aria-label={t('slip.barcode', { code: value })}
        shapeRendering="crispEdges"
        data-testid="barcode"
      >
        <path d={d} fill="#000" />
      </svg>
      <figcaption className="barcode__text">{value}</figcaption>
    </figure>
  );
}
