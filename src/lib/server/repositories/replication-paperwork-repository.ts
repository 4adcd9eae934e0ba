import { sql, type Kysely } from 'kysely';
import type { DB, ReplicationKind, ReplicationState } from '../db/schema';
import { fromReplications, withReplicationNames } from './replication-repository';

/**
 * What the agreement and the certificate PDFs say about one replication: its facts, the names
 * of the innovation, both agencies, the hub and the people who confirmed, and when the
 * agreement was last drafted.
 */
export interface ReplicationPaperwork {
	id: string;
	state: ReplicationState;
	kind: ReplicationKind;
	originator_agency_id: string;
	replicator_agency_id: string;
	hub_id: string | null;
	interest_scope: string;
	innovation_title: string;
	originator_name: string;
	replicator_name: string;
	hub_name: string | null;
	agreement_number: string | null;
	agreement_duties_originator: string | null;
	agreement_duties_replicator: string | null;
	agreement_valid_from: string | null;
	agreement_valid_until: string | null;
	agreement_confirmed_by_originator_at: Date | null;
	originator_confirmer_name: string | null;
	agreement_confirmed_by_replicator_at: Date | null;
	replicator_confirmer_name: string | null;
	/** The latest draftAgreement event, if the timeline has one. */
	agreement_drafted_at: Date | null;
	certificate_number: string | null;
	completed_at: Date | null;
	updated_at: Date;
}

export async function findReplicationPaperwork(db: Kysely<DB>, replicationId: string): Promise<ReplicationPaperwork | undefined> {
	return withReplicationNames(fromReplications(db))
		.leftJoin('users as uo', 'uo.id', 'r.agreement_confirmed_by_originator')
		.leftJoin('users as ur', 'ur.id', 'r.agreement_confirmed_by_replicator')
		.select([
			'r.id',
			'r.state',
			'r.kind',
			'r.originator_agency_id',
			'r.replicator_agency_id',
			'r.hub_id',
			'r.interest_scope',
			'i.title as innovation_title',
			'o.name as originator_name',
			'p.name as replicator_name',
			'h.name as hub_name',
			'r.agreement_number',
			'r.agreement_duties_originator',
			'r.agreement_duties_replicator',
			'r.agreement_valid_from',
			'r.agreement_valid_until',
			'r.agreement_confirmed_by_originator_at',
			'uo.name as originator_confirmer_name',
			'r.agreement_confirmed_by_replicator_at',
			'ur.name as replicator_confirmer_name',
			(eb) =>
				eb
					.selectFrom('replication_events as e')
					.select(sql<Date>`max(e.created_at)`.as('at'))
					.whereRef('e.replication_id', '=', 'r.id')
					.where('e.kind', 'in', ['draftAgreement', 'draft_agreement'])
					.as('agreement_drafted_at'),
			'r.certificate_number',
			'r.completed_at',
			'r.updated_at'
		])
		.where('r.id', '=', replicationId)
		.executeTakeFirst() as Promise<ReplicationPaperwork | undefined>;
}
