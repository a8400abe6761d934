import type { RoleKind } from '../language/generated/ast.js';
import type { CompanyModel, Infrastructure, RoleModel, ServerModel, VmModel } from '../model/infrastructure.js';
import { companyNamed } from '../model/locate.js';
import type { SecretStore } from '../model/secrets.js';
import type { PlatformProfile } from '../platform/profile.js';
import type { GeneratedFile } from './file-set.js';

/** What a role renderer sees: the whole model, the guest it renders for and the platform. */
export interface GuestContext {
    readonly infra: Infrastructure;
    readonly server: ServerModel;
    readonly vm: VmModel;
    readonly profile: PlatformProfile;
    /**
     * For the few values a role needs beyond the core model (database passwords, Gitea and Jitsi
     * tokens, TSIG keys): ask through a pure model module (`src/model/<concern>.ts`) with a key
     * `<area>:<company>:<name>`, never from a template.
     */
    readonly secrets: SecretStore;
}

/** What one role contributes to its guest. */
export interface RoleOutput {
    readonly files: readonly GeneratedFile[];
    /** Extra /etc/rc.conf lines beyond `<rcvar>=YES` (e.g. `slapd_flags=…`), without a trailing newline. */
    readonly rcConf?: readonly string[];
    /** A fragment of provision.sh (POSIX sh, idempotent): users, directories, keys, database loads. */
    readonly provision?: string;
}

export type RoleRenderer = (context: GuestContext, role: RoleModel) => RoleOutput;

export type RoleRenderers = Readonly<Record<RoleKind, RoleRenderer>>;

/** The companies a role serves, as models. */
export function roleCompanies(context: GuestContext, role: RoleModel): CompanyModel[] {
    return role.companies.map(name => companyNamed(context.infra, name));
}
