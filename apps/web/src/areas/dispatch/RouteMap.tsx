import { useMemo } from 'react';

/** A point on the map. */
export interface MapPoint {
  lat: number;
  lng: number;
}

/** A round drawn as a coloured line from the centre through its stops and back. */
export interface MapRoute {
  id: string;
  colour: string;
  stops: (MapPoint & { id: string; label: string; done?: boolean })[];
}

export interface RouteMapProps {
  centre: MapPoint & { name: string };
  routes: MapRoute[];
  /** Stops on no round (grey, hollow). */
  loose?: (MapPoint & { id: string })[];
  drivers?: (MapPoint & { id: string; name: string })[];
  /** Highlighted stop. */
  focus?: string | undefined;
  onStopClick?: (stopId: string) => void;
  label: string;
  height?: number;
}

const WIDTH = 800;
const KM_PER_DEG_LAT = 111.32;

/**
 * Stops and routes on a projected plane (no map tiles: none are reachable offline): an equirectangular
 * projection scaled by cos(latitude) around the centre, with a light one-kilometre grid for distance.
 */
export function RouteMap({
  centre,
  routes,
  loose = [],
  drivers = [],
  focus,
  onStopClick,
  label,
  height = 460,
}: RouteMapProps) {
  const frame = useMemo(() => {
    const all: MapPoint[] = [centre, ...routes.flatMap((r) => r.stops), ...loose, ...drivers];
    const kx = Math.cos((centre.lat * Math.PI) / 180) * KM_PER_DEG_LAT;
    const xs = all.map((p) => (p.lng - centre.lng) * kx);
    const ys = all.map((p) => (p.lat - centre.lat) * KM_PER_DEG_LAT);
    const minX = Math.min(...xs) - 0.8;
    const maxX = Math.max(...xs) + 0.8;
    const minY = Math.min(...ys) - 0.8;
    const maxY = Math.max(...ys) + 0.8;
    const scale = Math.min(WIDTH / (maxX - minX), height / (maxY - minY));
    const offX = (WIDTH - (maxX - minX) * scale) / 2;
    const offY = (height - (maxY - minY) * scale) / 2;
    const project = (p: MapPoint): [number, number] => [
      offX + ((p.lng - centre.lng) * kx - minX) * scale,
      height - offY - ((p.lat - centre.lat) * KM_PER_DEG_LAT - minY) * scale,
    ];
    const grid: number[] = [];
    const step = scale < 25 ? 5 : 1;
    for (let k = Math.ceil(minX / step) * step; k <= maxX; k += step) grid.push(k);
    const rows: number[] = [];
    for (let k = Math.ceil(minY / step) * step; k <= maxY; k += step) rows.push(k);
    return { project, grid, rows, scale, minX, minY, offX, offY, step };
  }, [centre, routes, loose, drivers, height]);
  const { project } = frame;
  const [cx, cy] = project(centre);
  return (
    <svg className="dm-map" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
      <rect width={WIDTH} height={height} className="dm-map__bg" />
      {frame.grid.map((k) => {
        const x = frame.offX + (k - frame.minX) * frame.scale;
        return <line key={`x${k}`} x1={x} x2={x} y1={0} y2={height} className="dm-map__grid" />;
      })}
      {frame.rows.map((k) => {
        const y = height - frame.offY - (k - frame.minY) * frame.scale;
        return <line key={`y${k}`} y1={y} y2={y} x1={0} x2={WIDTH} className="dm-map__grid" />;
      })}
      <text x={WIDTH - 8} y={height - 8} className="dm-map__scale" textAnchor="end">
        {frame.step} km
      </text>
      {routes.map((route) => (
        <polyline
          key={route.id}
          points={[centre, ...route.stops, centre].map((p) => project(p).join(',')).join(' ')}
          fill="none"
          stroke={route.colour}
          strokeWidth={3}
          strokeLinejoin="round"
          strokeOpacity={0.75}
        />
      ))}
      {loose.map((stop) => {
        const [x, y] = project(stop);
        return (
          <circle
            key={stop.id}
            cx={x}
            cy={y}
            r={focus === stop.id ? 11 : 8}
            className="dm-map__loose"
            onClick={() => onStopClick?.(stop.id)}
          />
        );
      })}
      {routes.flatMap((route) =>
        route.stops.map((stop) => {
          const [x, y] = project(stop);
          return (
            <g key={stop.id} onClick={() => onStopClick?.(stop.id)} className="dm-map__stop">
              <circle
                cx={x}
                cy={y}
                r={focus === stop.id ? 14 : 11}
                fill={stop.done ? 'var(--surface-3)' : route.colour}
                stroke="var(--surface)"
                strokeWidth={2}
              />
              <text x={x} y={y + 4} textAnchor="middle" className="dm-map__label">
                {stop.label}
              </text>
            </g>
          );
        }),
      )}
      <rect x={cx - 10} y={cy - 10} width={20} height={20} rx={4} className="dm-map__centre" />
      <text x={cx + 14} y={cy - 12} className="dm-map__name">
        {centre.name}
      </text>
      {drivers.map((driver) => {
        const [x, y] = project(driver);
        return (
          <g key={driver.id} className="dm-map__driver">
            <circle cx={x} cy={y} r={9} />
            <text x={x + 12} y={y + 4}>
              {driver.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
