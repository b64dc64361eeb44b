-- The candidates of "similar products": the most popular of a category, read in index order (a bounded walk
-- instead of sorting the whole category for every product of a large catalog).
create index if not exists products_category_popular_idx
  on products (category_id, popularity desc, id) where status = 'active';
