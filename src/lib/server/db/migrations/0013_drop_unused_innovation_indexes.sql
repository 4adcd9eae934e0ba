-- The catalogue, search and facets run on the in-process index (decision 007). These two GIN
-- indexes served SQL title and SDG filters that no page or endpoint sends any more, and every
-- import paid a GIN insert per innovation for them (a trigram index per title is the dearest).
drop index if exists innovations_title_trgm_idx;
drop index if exists innovations_sdgs_idx;
