import type { ValidationChecks } from 'langium';
import type { CompanyDslAstType } from '../generated/ast.js';
import type { CompanyDslServices } from '../company-dsl-module.js';
import { checkAliasCycles, checkAliasExternalTargets } from './alias-validator.js';
import { checkCompaniesAcrossFiles } from './cross-file-validator.js';
import {
    checkAliasTargetsList, checkGroupIncludesList, checkServiceList, checkUserAliasesList, checkUserGroupsList
} from './duplicate-entry-validator.js';
import { checkGroupCycles, checkGroupsHaveMembers, checkIncludesCompany, checkUserGroupsCompany } from './group-validator.js';
import { checkCompanyHasAdmin, checkRoleAddresses } from './mailbox-warnings.js';
import {
    checkAddresses, checkCompanyNamesAndDomains, checkDomainCase, checkLocalPartCase, checkNameCase, checkRecipientNames
} from './name-validator.js';
import { checkClearPassword, checkPasswordHash } from './password-validator.js';
import { checkServiceBlockEnabled, checkServiceSettings } from './service-validator.js';
import { checkCompanyHasDomain } from './settings-validator.js';
import {
    checkCompanyDisplayName, checkGroupDisplayName, checkServiceSettingText, checkUserFullName
} from './unsafe-string-validator.js';
import {
    checkDkimSelector, checkDomain, checkEmailLocalPart, checkLocaleValue, checkMailAliasName, checkMaxMessageSize, checkQuota,
    checkSpamThreshold, checkTimezoneValue, checkUserAliasLocalParts
} from './value-validator.js';
import { WorkspaceFacts } from './workspace-facts.js';

/** The company rules (DESIGN.md §2), one concern per file; codes in `company-codes.ts`. */
export function registerCompanyChecks(services: CompanyDslServices): void {
    const workspace = new WorkspaceFacts(() => services.shared.workspace.LangiumDocuments);
    const checks: ValidationChecks<CompanyDslAstType> = {
        Spec: [checkCompanyNamesAndDomains, checkCompaniesAcrossFiles(workspace)],
        Company: [checkRecipientNames, checkAddresses, checkNameCase, checkCompanyHasDomain,
            checkCompanyHasAdmin, checkRoleAddresses, checkCompanyDisplayName, checkGroupsHaveMembers],
        User: [checkNameCase, checkUserFullName],
        Group: [checkNameCase, checkGroupDisplayName, checkGroupIncludesList, checkGroupCycles, checkIncludesCompany],
        MailAlias: [checkNameCase, checkMailAliasName, checkAliasTargetsList, checkAliasExternalTargets, checkAliasCycles],
        DomainSetting: [checkDomain, checkDomainCase],
        TimezoneSetting: checkTimezoneValue,
        LocaleSetting: checkLocaleValue,
        UserEmail: [checkEmailLocalPart, checkLocalPartCase],
        UserAliases: [checkUserAliasLocalParts, checkLocalPartCase, checkUserAliasesList],
        UserGroups: [checkUserGroupsList, checkUserGroupsCompany],
        UserQuota: checkQuota,
        UserClearPassword: checkClearPassword,
        UserPasswordHash: checkPasswordHash,
        MaxMessageSize: checkMaxMessageSize,
        SpamThreshold: checkSpamThreshold,
        DkimSelector: checkDkimSelector,
        ServiceList: checkServiceList,
        ServiceBlock: [checkServiceBlockEnabled, checkServiceSettings],
        ServiceSetting: checkServiceSettingText
    };
    services.validation.ValidationRegistry.register(checks);
}
