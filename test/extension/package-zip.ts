import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** One entry of a zip's central directory (a .vsix is a zip). */
export interface ZipEntry {
    readonly name: string;
    readonly size: number;
    readonly read: () => Buffer;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The entries of a zip file, read from its central directory (no zip64: a vsix is small). */
export function zipEntries(file: string): ZipEntry[] {
    const zip = readFileSync(file);
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || zip.readUInt32LE(end) !== END_OF_DIRECTORY) {
        throw new Error(`${file} is not a zip file`);
    }
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
        if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) {
            throw new Error(`${file}: broken central directory at entry ${i}`);
        }
        const method = zip.readUInt16LE(at + 10);
        const compressed = zip.readUInt32LE(at + 20);
        const size = zip.readUInt32LE(at + 24);
        const nameLength = zip.readUInt16LE(at + 28);
        const extraLength = zip.readUInt16LE(at + 30);
        const commentLength = zip.readUInt16LE(at + 32);
        const local = zip.readUInt32LE(at + 42);
        const name = zip.toString('utf-8', at + 46, at + 46 + nameLength);
        entries.push({ name, size, read: () => readEntry(zip, local, method, compressed) });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}

function readEntry(zip: Buffer, local: number, method: number, compressed: number): Buffer {
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    return method === 0 ? data : inflateRawSync(data);
}
