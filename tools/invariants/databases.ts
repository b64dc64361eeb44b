/** Pools on the services' databases of one system (`<prefix>_<service>`), opened on first use. */
import { createDb, type Db } from '@sauda/kit';
import { withDatabase } from '../runner/databases.ts';

/** The databases of one system, found by prefix on one PostgreSQL server. */
export interface SystemDatabases {
  db(service: string): Db | undefined;
  bus(): Db | undefined;
  close(): Promise<void>;
}

/** Lists `<prefix>_*` databases on the server and opens a small pool on each one a check asks for. */
export async function openSystemDatabases(adminUrl: string, prefix: string): Promise<SystemDatabases> {
  const admin = createDb(adminUrl, { max: 1, applicationName: 'sauda-invariants' });
  let names: Set<string>;
  try {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where starts_with(datname, ${`${prefix}_`})`;
    names = new Set(rows.map((row) => row.datname));
  } finally {
    await admin.end({ timeout: 5 });
  }
  const pools = new Map<string, Db>();
  const open = (name: string): Db | undefined => {
    const database = `${prefix}_${name.replaceAll('-', '_')}`;
    if (!names.has(database)) return undefined;
    let pool = pools.get(database);
    if (!pool) {
      pool = createDb(withDatabase(adminUrl, database), { max: 2, applicationName: 'sauda-invariants' });
      pools.set(database, pool);
    }
    return pool;
  };
  return {
    db: (service) => (service === 'bus' ? undefined : open(service)),
    bus: () => open('bus'),
    close: async () => {
      await Promise.all([...pools.values()].map((pool) => pool.end({ timeout: 5 })));
    },
  };
}

/** True when the database has the table (a service may not have written every table yet). */
export async function hasTable(db: Db, table: string): Promise<boolean> {
  const [row] = await db<{ found: boolean }[]>`select to_regclass(${table}) is not null as found`;
  return row?.found ?? false;
}
