/** Admin management of the category tree: create, rename and move, keeping slugs unique and the tree acyclic. */
import type { Category, CategoryEdit, NewCategory } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { CategoryCycle, CategoryNotFound, CategorySlugTaken } from '../errors.ts';
import { slugify } from '../products/slug.ts';
import { listCategories } from './list-categories.ts';

const uniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';

async function answer(db: Db, id: string, locale: string): Promise<Category> {
  const found = (await listCategories(db, locale)).find((c) => c.id === id);
  if (!found) throw new CategoryNotFound();
  return found;
}

/** Creates a category (a root when `parentId` is absent); the slug defaults to the English name's. */
export async function createCategory(db: Db, input: NewCategory, locale: string): Promise<Category> {
  const id = uuidv7();
  const slug = input.slug ?? slugify(input.names.en);
  try {
    await withTransaction(db, async (tx) => {
      if (input.parentId) {
        const [parent] = await tx`select id from categories where id = ${input.parentId}`;
        if (!parent) throw new CategoryNotFound('the parent category does not exist');
      }
      await tx`
        insert into categories (id, slug, parent_id, names, position)
        values (${id}, ${slug}, ${input.parentId ?? null}, ${tx.json(input.names)},
                (select coalesce(max(position) + 1, 0) from categories))`;
    });
  } catch (error) {
    if (uniqueViolation(error)) throw new CategorySlugTaken(`slug "${slug}" is taken`);
    throw error;
  }
  return answer(db, id, locale);
}

/** Renames and/or moves a category; moving under itself or a descendant is refused. */
export async function editCategory(
  db: Db,
  id: string,
  edit: CategoryEdit,
  locale: string,
): Promise<Category> {
  try {
    await withTransaction(db, async (tx) => {
      // One admin's move at a time: two concurrent moves could each be acyclic alone and form a cycle together.
      await tx`select pg_advisory_xact_lock(hashtext('shop.categories.tree'))`;
      const [current] = await tx<{ id: string }[]>`select id from categories where id = ${id} for update`;
      if (!current) throw new CategoryNotFound();
      if (edit.parentId) {
        const [parent] = await tx`select 1 from categories where id = ${edit.parentId}`;
        if (!parent) throw new CategoryNotFound('the parent category does not exist');
        // Walk up from the new parent: meeting the moved category means it would become its own ancestor.
        const [cycle] = await tx<{ hit: boolean }[]>`
          with recursive up as (
            select id, parent_id from categories where id = ${edit.parentId}
            union all select c.id, c.parent_id from categories c join up on c.id = up.parent_id
          ) select exists (select 1 from up where id = ${id}) as hit`;
        if (cycle?.hit) throw new CategoryCycle();
      }
      await tx`
        update categories set
          slug = coalesce(${edit.slug ?? null}, slug),
          names = coalesce(${edit.names ? tx.json(edit.names) : null}::jsonb, names),
          parent_id = ${edit.parentId === undefined ? tx`parent_id` : edit.parentId}
        where id = ${id}`;
    });
  } catch (error) {
    if (uniqueViolation(error)) throw new CategorySlugTaken(`slug "${edit.slug ?? ''}" is taken`);
    throw error;
  }
  return answer(db, id, locale);
}
