-- Our network: the sorting centres (ids shared with `dispatching`) and depots (ids shared with `stock`).
-- Ids are the fixed DEMO_SITES of packages/contracts/src/demo.ts (a test keeps them equal).
insert into sorting_centres (id, code, name, city, lat, lng, radius_km) values
  ('01950000-0000-7000-8000-0000000dc001', 'ALA-SC', 'Almaty sorting centre', 'Almaty', 43.2389, 76.8897, 60),
  ('01950000-0000-7000-8000-0000000dc002', 'NQZ-SC', 'Astana sorting centre', 'Astana', 51.1605, 71.4704, 60),
  ('01950000-0000-7000-8000-0000000dc003', 'CIT-SC', 'Shymkent sorting centre', 'Shymkent', 42.3417, 69.5901, 50)
on conflict (id) do nothing;

insert into depots (id, name, city, address, lat, lng) values
  ('01950000-0000-7000-8000-0000000de001', 'Almaty depot', 'Almaty', 'Suyunbay Ave 263, Almaty 050016', 43.3075, 76.9451),
  ('01950000-0000-7000-8000-0000000de002', 'Astana depot', 'Astana', 'Alash Highway 34, Astana 010000', 51.1282, 71.5307),
  ('01950000-0000-7000-8000-0000000de003', 'Shymkent depot', 'Shymkent', 'Kapal Batyr St 5, Shymkent 160000', 42.3155, 69.5869)
on conflict (id) do nothing;
