/** The category tree with names in the reader's language and breadcrumb paths. */
import type { Category } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { listCategories as readCategories } from '../data/categories-repo.ts';

/** All categories, ordered as a tree. */
export async function listCategories(db: Db, locale: string): Promise<Category[]> {
  const rows = await readCategories(db);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.names[locale] ?? row.names.en ?? row.slug,
    parentId: row.parent_id,
    path: row.path,
  }));
}
