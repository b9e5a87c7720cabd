// Errors the services raise on purpose.

/** A message names a case that is not in the table: retried, then kept in the DLQ for a person to look at. */
export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} not found`);
    this.name = 'CaseNotFoundError';
  }
}
