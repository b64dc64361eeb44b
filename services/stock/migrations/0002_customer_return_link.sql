-- A returned parcel may answer a customer's return request in orders: its inspection is then announced.
alter table returns add column customer_return_id uuid;
