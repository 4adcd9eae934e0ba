-- Import speed: the large JSON and text values an import writes (source rows, history entries,
-- narratives) are compressed with lz4 instead of the default pglz, which costs the database
-- several times more CPU per byte. Only where the server supports lz4 (PostgreSQL 14+ built
-- with it); elsewhere (e.g. the embedded PGlite) the columns keep the default. Existing values
-- stay as they are; new ones use lz4.
do $$
begin
	alter table source_records alter column raw set compression lz4;
	alter table source_records alter column mapped set compression lz4;
	alter table source_records alter column match_reasons set compression lz4;
	alter table source_record_versions alter column raw set compression lz4;
	alter table source_record_versions alter column mapped set compression lz4;
	alter table change_history alter column changes set compression lz4;
	alter table change_history alter column snapshot set compression lz4;
	alter table innovations alter column summary set compression lz4;
	alter table innovations alter column problem set compression lz4;
	alter table innovations alter column aims set compression lz4;
	alter table innovations alter column novelty set compression lz4;
	alter table innovations alter column implementation set compression lz4;
	alter table innovations alter column results set compression lz4;
	alter table innovations alter column transferability set compression lz4;
	alter table innovations alter column resources set compression lz4;
	alter table innovations alter column sustainability_strategy set compression lz4;
	alter table quarantined_rows alter column raw set compression lz4;
exception
	when feature_not_supported or invalid_parameter_value then
		raise notice 'lz4 not available: import columns keep the default compression';
end
$$;
