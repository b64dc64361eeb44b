/** SQL for the category tree. */
import type { Queryable } from '@sauda/kit';

export interface CategoryRow {
  id: string;
  slug: string;
  parent_id: string | null;
  names: Record<string, string>;
  path: string[];
}

/** Every category with its path of slugs from the root, ordered for display. */
export async function listCategories(db: Queryable): Promise<CategoryRow[]> {
  return db<CategoryRow[]>`
    with recursive tree as (
      select id, slug, parent_id, names, position, array[slug] as path from categories where parent_id is null
      union all
      select c.id, c.slug, c.parent_id, c.names, c.position, t.path || c.slug
      from categories c join tree t on c.parent_id = t.id
    )
    select id, slug, parent_id, names, path from tree order by path`;
}

/** The id of a category by slug. */
export async function findCategoryId(db: Queryable, slug: string): Promise<string | undefined> {
  const [row] = await db<{ id: string }[]>`select id from categories where slug = ${slug}`;
  return row?.id;
}

/** Inserts or keeps a category (seeding, admin). */
export async function upsertCategory(
  db: Queryable,
  c: { id: string; slug: string; parentId: string | null; names: Record<string, string>; position: number },
): Promise<void> {
  await db`
    insert into categories (id, slug, parent_id, names, position)
    values (${c.id}, ${c.slug}, ${c.parentId}, ${db.json(c.names)}, ${c.position})
    on conflict (id) do nothing`;
}
