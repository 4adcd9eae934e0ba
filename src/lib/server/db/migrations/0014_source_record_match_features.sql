-- Import speed: what duplicate detection needs of a stored source record (title, agency,
-- region, year and its narrative's figures and word hashes, domain/import/stored-record.ts), so
-- that a later import compares against the record without reading its narrative again. Records
-- stored before have none and are read from `mapped` as before. The narrative itself is no
-- longer repeated in mapped.match (it is in mapped.record).
alter table source_records add column match_features jsonb;

-- The blocking keys are derived from their source record and written in the same transaction
-- as the record, never on their own; checking each key's record against source_records cost
-- every import about a quarter of the time it spends on the keys (a lookup and a row lock per key).
alter table source_record_block_keys drop constraint if exists source_record_block_keys_source_record_id_fkey;
