-- Region outlines and centroids for the small server-drawn maps (replications of an innovation).
-- Loaded by `jippnas load-boundaries` (and by `serve` on first start when ../shared/data is
-- there); the app draws whatever is loaded and falls back to dots on a blank map.
-- Codes are Kemendagri codes as in regions.code; no foreign key, so a boundary file a little
-- older or newer than the region list still loads (a code not in regions is simply never used).
create table region_boundaries (
	code text primary key check (code ~ '^[0-9]{2}(\.[0-9]{2})?$'),
	level text not null check (level in ('provinsi', 'kabupaten_kota')),
	name text not null,
	-- RFC 7946 Polygon or MultiPolygon, longitude/latitude
	geometry jsonb not null,
	source text not null,
	loaded_at timestamptz not null default now()
);
create index region_boundaries_level_idx on region_boundaries (level);

-- One point per province and kabupaten/kota where a map puts its dot.
create table region_centroids (
	code text primary key check (code ~ '^[0-9]{2}(\.[0-9]{2})?$'),
	name text not null,
	latitude double precision not null check (latitude between -90 and 90),
	longitude double precision not null check (longitude between -180 and 180),
	source text not null,
	loaded_at timestamptz not null default now()
);
