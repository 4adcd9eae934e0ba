import { AppError } from '../errors';

/** A numeric id from the path (`/admin/impor/12`); anything else is not found. */
export function parsePathId(value: string | undefined, notFound: () => AppError): number {
	if (!value || !/^[1-9][0-9]{0,15}$/.test(value)) throw notFound();
	return Number(value);
}
