-- The admin dashboard's on-time rate reads deliveries over a range of days.
create index tracking_events_delivered on tracking_events (occurred_at) where status = 'delivered';
