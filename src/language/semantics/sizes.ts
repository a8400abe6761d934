import type { Size } from '../generated/ast.js';
import { SIZE_UNITS } from '../catalog/keywords.js';

/** Sizes as written (`512 MB`, `1 TB`), read as binary units: 1 GB = 1024 MB. */

const BYTES_PER_MIB = 1024 ** 2;

/** A size in MiB, or undefined without a unit (or while half-typed). */
export function sizeInMiB(size: Size | undefined): number | undefined {
    return size?.unit === undefined || typeof size.value !== 'number' ? undefined : Number(size.value) * (SIZE_UNITS[size.unit] / BYTES_PER_MIB);
}

export function sizeInGiB(size: Size | undefined): number | undefined {
    const mib = sizeInMiB(size);
    return mib === undefined ? undefined : mib / 1024;
}

/** `512 MB`, `2 GB`: whole gigabytes in GB, anything else in MB. */
export function formatMiB(mib: number): string {
    return mib >= 1024 && mib % 1024 === 0 ? `${mib / 1024} GB` : `${Math.round(mib)} MB`;
}

/** `10 GB`, `1 TB`: whole terabytes in TB, anything else in GB to one decimal. */
export function formatGiB(gib: number): string {
    return gib >= 1024 && gib % 1024 === 0 ? `${gib / 1024} TB` : `${Math.round(gib * 10) / 10} GB`;
}
