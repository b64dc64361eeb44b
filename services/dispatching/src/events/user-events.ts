/** Drivers come from users: accounts (names), roles (driver or not) and the sorting centre they work from. */
import type { RoleChanged, StaffAssigned, UserRegistered } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';

export const onUserRegistered: EventHandler<typeof UserRegistered> = async (event, tx) => {
  const { userId, name, roles } = event.data;
  await tx`
    insert into drivers (user_id, name, is_driver) values (${userId}, ${name}, ${roles.includes('driver')})
    on conflict (user_id) do update set name = excluded.name`;
};

export const onRoleChanged: EventHandler<typeof RoleChanged> = async (event, tx) => {
  const { userId, roles } = event.data;
  await tx`
    insert into drivers (user_id, is_driver) values (${userId}, ${roles.includes('driver')})
    on conflict (user_id) do update set is_driver = excluded.is_driver, updated_at = now()`;
};

export const onStaffAssigned: EventHandler<typeof StaffAssigned> = async (event, tx) => {
  const { userId, sortingCentreId } = event.data;
  // A centre this service has not heard of is kept out rather than failing the whole event.
  const [known] = sortingCentreId
    ? await tx`select 1 from sorting_centres where id = ${sortingCentreId}`
    : [];
  const centre = known ? sortingCentreId : null;
  await tx`
    insert into drivers (user_id, sorting_centre_id) values (${userId}, ${centre})
    on conflict (user_id) do update set sorting_centre_id = excluded.sorting_centre_id, updated_at = now()`;
};
