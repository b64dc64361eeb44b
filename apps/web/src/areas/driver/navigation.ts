/** Hand-off links to navigation apps for a stop (the driver picks one). */
export function navigationLinks(p: { lat: number; lng: number }): { name: string; href: string }[] {
  const at = `${p.lat.toFixed(6)},${p.lng.toFixed(6)}`;
  return [
    { name: 'Yandex', href: `https://yandex.kz/maps/?rtext=~${at}&rtt=auto` },
    {
      name: '2GIS',
      href: `https://2gis.kz/routeSearch/rsType/car/to/${p.lng.toFixed(6)},${p.lat.toFixed(6)}`,
    },
    { name: 'Google', href: `https://www.google.com/maps/dir/?api=1&destination=${at}&travelmode=driving` },
    { name: 'geo', href: `geo:${at}?q=${at}` },
  ];
}
