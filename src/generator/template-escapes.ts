/**
 * Escapes for values that land inside a config's string syntax. Validation refuses most hostile
 * text, but templates still quote every free-text value with the escape of their format, so a
 * display name with a quote can never end a string early.
 */

/** A JSON / JavaScript string literal, quotes included (config.js, JSON files). */
export const jsonString = (value: unknown): string => JSON.stringify(String(value));

/** A PHP single-quoted string literal, quotes included. */
export const phpString = (value: unknown): string => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A Lua double-quoted string literal, quotes included (prosody.cfg.lua). */
export const luaString = (value: unknown): string => `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** A POSIX shell single-quoted word, quotes included. */
export const shellWord = (value: unknown): string => `'${String(value).replace(/'/g, `'\\''`)}'`;

/** A HOCON quoted string (jicofo.conf, jvb.conf): JSON string rules. */
export const hoconString = jsonString;

/** A double-quoted string for nginx, named.conf, Dovecot and similar C-like configs. */
export const cString = (value: unknown): string => `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * One LDIF attribute line (RFC 2849): `attr: value` when the value is a safe string, otherwise
 * `attr:: base64`, so leading spaces, colons, `<` or non-ASCII text survive.
 */
export function ldifLine(attribute: string, value: unknown): string {
    const text = String(value);
    // eslint-disable-next-line no-control-regex
    const safe = /^[\x01-\x09\x0B-\x0C\x0E-\x1F\x21-\x39\x3B\x3D-\x7F][\x01-\x09\x0B-\x0C\x0E-\x7F]*$/.test(text) && !text.endsWith(' ');
    return safe || text === '' ? `${attribute}: ${text}` : `${attribute}:: ${Buffer.from(text, 'utf-8').toString('base64')}`;
}

/** HTML/XML text or attribute value (quotes escaped too), for generated web pages and XML files. */
export const htmlText = (value: unknown): string => String(value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
