-- The catalog change feed (ADR 0009): every committed change to what a product page shows leaves a row here,
-- written by triggers in the changing transaction, so no writer can forget it. Each shop replica's memory cache
-- and the gateway's edge cache follow the feed and drop exactly the pages that changed.
create table catalog_changes (
  seq bigint generated always as identity primary key,
  -- null: every page (a category renamed: its names show on every page of it).
  product_id uuid,
  -- The writing transaction: a reader's cursor names those in progress at its read, whose rows it could not see.
  xid xid8 not null default pg_current_xact_id(),
  changed_at timestamptz not null default clock_timestamp()
);
create index catalog_changes_xid_idx on catalog_changes (xid);
create index catalog_changes_at_idx on catalog_changes (changed_at);

-- Bulk loads of new products (the generated benchmark catalog) set sauda.catalog_changes = 'off': pages that
-- never existed cannot be cached.
create function catalog_changes_on() returns boolean language sql stable as $$
  select coalesce(current_setting('sauda.catalog_changes', true), 'on') <> 'off'
$$;

-- Variants and images: their product's page changed.
create function note_child_changes() returns trigger language plpgsql as $$
begin
  if not catalog_changes_on() then return null; end if;
  if tg_op = 'DELETE' then
    insert into catalog_changes (product_id) select distinct product_id from old_rows;
  else
    insert into catalog_changes (product_id) select distinct product_id from new_rows;
  end if;
  return null;
end $$;

create trigger product_variants_changes_insert after insert on product_variants
  referencing new table as new_rows for each statement execute function note_child_changes();
create trigger product_variants_changes_update after update on product_variants
  referencing new table as new_rows for each statement execute function note_child_changes();
create trigger product_variants_changes_delete after delete on product_variants
  referencing old table as old_rows for each statement execute function note_child_changes();
create trigger product_images_changes_insert after insert on product_images
  referencing new table as new_rows for each statement execute function note_child_changes();
create trigger product_images_changes_update after update on product_images
  referencing new table as new_rows for each statement execute function note_child_changes();
create trigger product_images_changes_delete after delete on product_images
  referencing old table as old_rows for each statement execute function note_child_changes();

-- Products: only rows whose page columns changed (popularity and the search vector move without the page).
create function note_product_changes() returns trigger language plpgsql as $$
begin
  if not catalog_changes_on() then return null; end if;
  if tg_op = 'DELETE' then
    insert into catalog_changes (product_id) select id from old_rows;
  else
    insert into catalog_changes (product_id)
    select n.id from new_rows n join old_rows o on o.id = n.id
    where (n.seller_name, n.slug, n.title, n.description, n.brand, n.category_id, n.price_amount, n.currency,
           n.status, n.image_url, n.rating, n.attributes, n.translations, n.compare_at_amount, n.hidden_at,
           n.hidden_reason, n.in_stock, n.review_count, n.gift_card)
      is distinct from
          (o.seller_name, o.slug, o.title, o.description, o.brand, o.category_id, o.price_amount, o.currency,
           o.status, o.image_url, o.rating, o.attributes, o.translations, o.compare_at_amount, o.hidden_at,
           o.hidden_reason, o.in_stock, o.review_count, o.gift_card);
  end if;
  return null;
end $$;

create trigger products_changes_update after update on products
  referencing new table as new_rows old table as old_rows for each statement
  execute function note_product_changes();
create trigger products_changes_delete after delete on products
  referencing old table as old_rows for each statement execute function note_product_changes();

-- Categories: their names and slugs show on every page under them.
create function note_category_changes() returns trigger language plpgsql as $$
begin
  if catalog_changes_on() then insert into catalog_changes (product_id) values (null); end if;
  return null;
end $$;

create trigger categories_changes after update or delete on categories
  for each statement execute function note_category_changes();
