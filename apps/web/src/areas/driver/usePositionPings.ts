import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';

interface Ping {
  lat: number;
  lng: number;
  accuracyM?: number;
  at: string;
}

const SEND_EVERY_MS = 15_000;

let latest: Ping | null = null;

/** The newest position seen on this device (for geotagging a proof of delivery). */
export function latestPosition(): { lat: number; lng: number; accuracyM?: number } | undefined {
  return latest
    ? {
        lat: latest.lat,
        lng: latest.lng,
        ...(latest.accuracyM === undefined ? {} : { accuracyM: latest.accuracyM }),
      }
    : undefined;
}
const MAX_BUFFER = 400;

/**
 * While `active`, watches the device position (when the driver allows it) and sends pings in batches;
 * pings that could not be sent are kept (up to a limit) and go with the next batch.
 */
export function usePositionPings(active: boolean): { allowed: boolean | null; last: Ping | null } {
  const buffer = useRef<Ping[]>([]);
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [last, setLast] = useState<Ping | null>(null);
  useEffect(() => {
    if (!active || !('geolocation' in navigator)) return;
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        const ping = {
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracyM: Math.round(position.coords.accuracy),
          at: new Date(position.timestamp).toISOString(),
        };
        latest = ping;
        setAllowed(true);
        setLast(ping);
        buffer.current = [...buffer.current, ping].slice(-MAX_BUFFER);
      },
      () => setAllowed(false),
      { enableHighAccuracy: true, maximumAge: 10_000 },
    );
    const send = async () => {
      const batch = buffer.current;
      if (batch.length === 0) return;
      buffer.current = [];
      try {
        await api.post('/driver/positions', { pings: batch });
      } catch {
        // Offline: the pings wait for the next batch (duplicates are harmless on the server).
        buffer.current = [...batch, ...buffer.current].slice(-MAX_BUFFER);
      }
    };
    const timer = setInterval(() => void send(), SEND_EVERY_MS);
    return () => {
      navigator.geolocation.clearWatch(watch);
      clearInterval(timer);
      void send();
    };
  }, [active]);
  return { allowed, last };
}
