/**
 * A valid spec that this version cannot generate yet (e.g. two companies with git on one server,
 * which needs the per-company VMs of a later version). Not a bug of CompanyKit: the CLI and the
 * editor show the message as the reason nothing was written, not as an internal error.
 */
export class UnsupportedSpecError extends Error {
    override readonly name = 'UnsupportedSpecError';
}
