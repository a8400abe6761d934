import { describe, expect, test } from 'vitest';
import { parseSpec } from '../support/services.js';

/**
 * While a name is not typed yet the parser says so ("Expected a name"); the checks skip the
 * nameless company, server or VM rather than speak of `undefined`.
 */
const messages = async (text: string) => ((await parseSpec(text)).diagnostics ?? []).map(d => `${d.code ?? 'parser'}: ${d.message}`);

describe('half-typed names', () => {
    test.each([
        ['companies and servers without names', 'company { domain acme.example }\nserver { public 203.0.113.10 }\nserver { public 203.0.113.11 }'],
        ['two VMs without names', 'company acme { domain acme.example  user a { admin aliases postmaster, abuse } }\n'
            + 'server hv1 { public 203.0.113.10 on wm0  vm { }  vm { } }'],
        ['a VM without a name repeating a line', 'company acme { domain acme.example  user a { admin aliases postmaster, abuse } }\n'
            + 'server hv1 { public 203.0.113.10 on wm0  vm { memory 1 GB  memory 2 GB } }'],
        ['a server without a name overlapping a named one', 'company acme { domain acme.example  user a { admin aliases postmaster, abuse } }\n'
            + 'server hv1 { public 203.0.113.10  hosts acme }\nserver { public 203.0.113.11 }'],
        ['a company without a name, hosted nowhere', 'company { domain acme.example }\nserver hv1 { public 203.0.113.10  hosts globex }\n'
            + 'company globex { domain globex.example  user a { admin aliases postmaster, abuse } }\nserver hv2 { public 203.0.113.11  network 10.1.0.0/24 }']
    ])('%s: the parser reports the name, no message says undefined', async (_name, text) => {
        const all = await messages(text);
        expect(all.some(m => m.includes('Expected a name'))).toBe(true);
        expect(all.filter(m => /\bundefined\b/.test(m))).toEqual([]);
    });
});
