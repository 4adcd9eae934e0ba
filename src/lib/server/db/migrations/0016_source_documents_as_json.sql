-- Import speed: a source record's documents (raw, mapped, match features) and a history entry's
-- changes and snapshot are stored as `json`, the text as delivered and checked, instead of
-- `jsonb`. No query looks inside them; they are only written whole and read whole. Building
-- jsonb (parsing every string, sorting every object's keys) was about a fifth of the database's
-- work during an import (perf, 100,000 records), and reading jsonb back means printing it again.
-- `json` also keeps a source row's columns in the order the source wrote them. Rewrites the
-- three tables once.
alter table source_records
	alter column raw type json using raw::json,
	alter column mapped drop default,
	alter column mapped type json using mapped::json,
	alter column mapped set default '{}',
	alter column match_features type json using match_features::json;
alter table source_record_versions
	alter column raw type json using raw::json,
	alter column mapped type json using mapped::json;
alter table change_history
	alter column changes drop default,
	alter column changes type json using changes::json,
	alter column changes set default '{}',
	alter column snapshot type json using snapshot::json;

-- As in 0010, lz4 where the server supports it (the type change resets the column's setting);
-- match_features (0014) and provenance came after 0010 and were still compressed with pglz.
do $$
begin
	alter table source_records alter column raw set compression lz4;
	alter table source_records alter column mapped set compression lz4;
	alter table source_records alter column match_features set compression lz4;
	alter table source_record_versions alter column raw set compression lz4;
	alter table source_record_versions alter column mapped set compression lz4;
	alter table change_history alter column changes set compression lz4;
	alter table change_history alter column snapshot set compression lz4;
	alter table innovations alter column provenance set compression lz4;
exception
	when feature_not_supported or invalid_parameter_value then
		raise notice 'lz4 not available: source documents keep the default compression';
end
$$;
