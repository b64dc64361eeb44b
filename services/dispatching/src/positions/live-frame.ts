/** One frame of the dispatcher's live map: the centre's drivers where they last were, and each round's progress. */
import type { LiveFrame } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

/** Reads the frame for a centre's day. */
export async function liveFrame(db: Queryable, centreId: string, day: string): Promise<LiveFrame> {
  const drivers = await db<
    { driverId: string; name: string; lat: number; lng: number; at: Date; roundId: string | null }[]
  >`
    select d.user_id as "driverId", d.name, p.lat, p.lng, p.at,
      (select r.id from rounds r where r.driver_id = d.user_id and r.day = ${day} and r.status = 'started' limit 1)
        as "roundId"
    from drivers d join last_positions p on p.driver_id = d.user_id
    where d.is_driver and d.sorting_centre_id = ${centreId}
    order by d.name`;
  const rounds = await db<LiveFrame['rounds']>`
    select r.id as "roundId", r.status,
      count(s.id) filter (where s.status in ('delivered', 'failed'))::int as done, count(s.id)::int as total
    from rounds r left join stops s on s.round_id = r.id
    where r.centre_id = ${centreId} and r.day = ${day} and r.status <> 'cancelled'
    group by r.id order by r.created_at`;
  return { drivers: drivers.map((d) => ({ ...d, at: d.at.toISOString() })), rounds };
}
