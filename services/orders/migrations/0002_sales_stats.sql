-- The admin dashboard's orders per day read a range of placed_at across every status.
create index orders_placed on orders (placed_at);
