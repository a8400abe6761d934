import type { ValidationAcceptor } from 'langium';
import type { ServiceBlock, ServiceSetting } from '../generated/ast.js';
import { serviceInfo, type SettingValueKind } from '../catalog/services.js';
import { CompanyCodes } from './company-codes.js';
import { companyOf, servicesOf, settingPort } from '../semantics/company-facts.js';
import { coded } from './report.js';
import { checkSize } from './value-validator.js';
import { dnsLabelProblem } from './value-syntax.js';

/** Per-service blocks (`cloud { quota 10 GB }`): keys and value kinds come from the service catalogue. */

/** Settings for a service the company does not use would be ignored without a word. */
export function checkServiceBlockEnabled(block: ServiceBlock, accept: ValidationAcceptor): void {
    const company = companyOf(block);
    const enabled = company ? servicesOf(company) : [];
    if (company && block.service && !enabled.includes(block.service)) {
        accept('warning', `${block.service} is not in this company's \`services\`, so these settings have no effect; add it to services.`,
            coded(CompanyCodes.ServiceNotEnabled, { node: block, property: 'service' }, { service: block.service }));
    }
}

export function checkServiceSettings(block: ServiceBlock, accept: ValidationAcceptor): void {
    if (!block.service) {
        return;
    }
    const info = serviceInfo(block.service);
    for (const setting of block.settings.filter(s => s.key !== undefined && s.value !== undefined)) {
        const known = info.settings.find(s => s.key === setting.key);
        if (!known) {
            const keys = info.settings.map(s => s.key).join(', ');
            accept('error', `${block.service} has no setting '${setting.key}'; its settings are: ${keys}.`,
                coded(CompanyCodes.UnknownServiceSetting, { node: setting, property: 'key' }));
            continue;
        }
        checkSettingValue(setting, known.value, accept);
    }
}

function checkSettingValue(setting: ServiceSetting, kind: SettingValueKind, accept: ValidationAcceptor): void {
    const value = setting.value;
    const wrong = (expected: string) => accept('error', `'${setting.key}' takes ${expected}.`,
        coded(CompanyCodes.InvalidServiceSetting, { node: setting, property: 'value' }));
    switch (kind.kind) {
        case 'size':
            return value.size ? checkSize(value.size, 'GB', setting.key, accept) : wrong('a size such as 10 GB');
        case 'port':
            return settingPort(value) !== undefined ? undefined : wrong('a TCP port number from 1 to 65535, such as 2222');
        case 'text':
            return value.text !== undefined ? undefined : wrong('a quoted text, such as "ACME Webmail"');
        case 'flag':
            return value.flag ? undefined : wrong('on or off');
        case 'choice':
            return value.word && kind.choices.includes(value.word) ? undefined : wrong(`one of: ${kind.choices.join(', ')}`);
        case 'label': {
            const problem = value.word ? dnsLabelProblem(value.word) : 'it is not a single name';
            return problem ? wrong(`a host name label such as ${setting.key === 'hostname' ? 'files' : 'name'} (${problem})`) : undefined;
        }
    }
}
