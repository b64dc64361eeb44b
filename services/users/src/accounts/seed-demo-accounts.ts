/** The demo marketplace's accounts (embedded demo mode only): one per role, fixed ids, one password. */
import { DEMO_IDS, DEMO_PASSWORD, DEMO_SITES, UserRegistered, type Role } from '@sauda/contracts';
import { appendEvent, withTransaction, type Db } from '@sauda/kit';
import { insertAccount } from '../data/accounts.ts';
import { hashPassword } from './passwords.ts';

const DEMO_ACCOUNTS: ReadonlyArray<{ id: string; email: string; name: string; roles: Role[] }> = [
  { id: DEMO_IDS.admin, email: 'admin@demo.sauda.kz', name: 'Aigerim Admin', roles: ['admin'] },
  { id: DEMO_IDS.seller, email: 'seller@demo.sauda.kz', name: 'Altyn Bazaar', roles: ['seller', 'customer'] },
  { id: DEMO_IDS.customer, email: 'customer@demo.sauda.kz', name: 'Dana Customer', roles: ['customer'] },
  {
    id: DEMO_IDS.warehouseman,
    email: 'warehouse@demo.sauda.kz',
    name: 'Yerlan Warehouse',
    roles: ['warehouseman'],
  },
  { id: DEMO_IDS.driver, email: 'driver@demo.sauda.kz', name: 'Nurlan Driver', roles: ['driver'] },
  {
    id: DEMO_IDS.dispatcher,
    email: 'dispatcher@demo.sauda.kz',
    name: 'Saule Dispatcher',
    roles: ['dispatcher'],
  },
  { id: DEMO_IDS.support, email: 'support@demo.sauda.kz', name: 'Timur Support', roles: ['support'] },
];

/** Inserts the demo accounts that are missing (safe on every start) and announces the new ones. */
export async function seedDemoAccounts(db: Db): Promise<{ created: string[] }> {
  // One hash for all: the demo password is public anyway, and this runs on every demo start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return withTransaction(db, async (tx) => {
    const created: string[] = [];
    for (const demo of DEMO_ACCOUNTS) {
      const account = await insertAccount(tx, {
        ...demo,
        passwordHash,
        phone: null,
        locale: 'en',
        currency: 'KZT',
      });
      if (!account) continue;
      created.push(account.email);
      await appendEvent(tx, UserRegistered, {
        userId: account.id,
        email: account.email,
        name: account.name,
        roles: account.roles,
        locale: account.locale,
        registeredAt: account.createdAt.toISOString(),
      });
    }
    // Demo accounts count as verified, and staff work at the Almaty sites (also in demo databases
    // seeded before sites existed); an admin's reassignment to another site survives restarts.
    const ids = DEMO_ACCOUNTS.map((demo) => demo.id);
    await tx`update accounts set email_verified_at = created_at where id = any(${ids}::uuid[]) and email_verified_at is null`;
    await tx`update accounts set depot_id = ${DEMO_SITES.depots.almaty}
             where id = ${DEMO_IDS.warehouseman} and depot_id is null`;
    await tx`update accounts set sorting_centre_id = ${DEMO_SITES.sortingCentres.almaty}
             where id = ${DEMO_IDS.driver} and sorting_centre_id is null`;
    return { created };
  });
}
