-- Gift cards sold as a product (issue 12): a product flagged `gift_card` sells cards whose face value is the
-- variant's regular price; confirming the order issues one card per unit, owned by the buyer.
alter table products add column gift_card boolean not null default false;

alter table gift_cards
  add column order_id uuid,
  add column owner_id uuid,
  -- `<order>:<variant>:<n>`: the n-th card of a line is issued once, however often the confirmation is seen.
  add column unit_key text unique;
create index gift_cards_owner_idx on gift_cards (owner_id, created_at desc) where owner_id is not null;
create index gift_cards_order_idx on gift_cards (order_id) where order_id is not null;
