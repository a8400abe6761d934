import { describe, expect, test } from 'vitest';
import { checkTimezone, closestTimezone } from '../../../src/language/validation/timezones.js';
import { editDistance } from '../../../src/language/util/closest-name.js';
import { domainProblem, emailProblem, localeProblem, localPartProblem } from '../../../src/language/validation/value-syntax.js';

/** The value syntaxes directly, including forms the grammar cannot produce today (digits first, numeric TLDs). */
describe('domain names', () => {
    test.each(['acme.example', 'mail.acme.example', '3com.example', 'xn--bcher-kva.example', 'a-b.c-d.example'])('%s is valid', d =>
        expect(domainProblem(d)).toBeUndefined());
    test.each([
        ['localhost', 'at least two labels'],
        ['acme..example', 'a label is empty'],
        ['-acme.example', 'starts or ends with a hyphen'],
        ['acme-.example', 'starts or ends with a hyphen'],
        ['acme_corp.example', "holds '_'"],
        ['acme.123', 'is all digits'],
        [`${'a'.repeat(64)}.example`, 'more than 63'],
        [`${'abcdefghi.'.repeat(26)}example`, 'more than 253']
    ])('%s is not valid', (d, why) => expect(domainProblem(d)).toContain(why));
});

describe('local parts and addresses', () => {
    test.each(['alice', 'bob.martin', 'a+tag', 'x_y-z=1'])('%s is valid', p => expect(localPartProblem(p)).toBeUndefined());
    test.each([['.a', 'starts or ends'], ['a.', 'starts or ends'], ['a..b', 'two dots'], ['a b', "holds ' '"], ['x'.repeat(65), 'more than 64']])(
        '%s is not valid', (p, why) => expect(localPartProblem(p)).toContain(why));
    test('an address needs an @ and a valid domain', () => {
        expect(emailProblem('someone@partner.example')).toBeUndefined();
        expect(emailProblem('someone')).toContain('no @');
        expect(emailProblem('someone@partner')).toContain('domain');
        expect(emailProblem('so..meone@partner.example')).toContain('local part');
    });
});

describe('locales', () => {
    test.each(['en', 'de_CH', 'fil_PH'])('%s is valid', l => expect(localeProblem(l)).toBeUndefined());
    test('suggests the underscore form', () => expect(localeProblem('en-us')).toBe('write en_US'));
    test('refuses anything else', () => expect(localeProblem('english')).toContain('language code'));
});

describe('time zones', () => {
    test.each(['Europe/Berlin', 'UTC', 'Etc/UTC', 'America/Argentina/Buenos_Aires', 'Europe/Kiev'])('%s is known', z =>
        expect(checkTimezone(z).ok).toBe(true));
    test('a wrong case is suggested in the right case', () =>
        expect(checkTimezone('europe/berlin')).toEqual({ ok: false, suggestion: 'Europe/Berlin' }));
    test('a typo gets the closest zone', () => expect(closestTimezone('Europe/Pariss')).toBe('Europe/Paris'));
    test('nothing close, no suggestion', () => expect(checkTimezone('Nowhere/Special').suggestion).toBeUndefined());
    test('edit distance', () => {
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('abc', 'abc')).toBe(0);
        expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(2);
    });
});
