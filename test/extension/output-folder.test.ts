import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFolderError, resolveOutputFolder } from '../../src/extension/output-folder.js';

const specPath = join('/home/ann/infra', 'acme.company');
const base = { specPath, workspaceFolder: '/home/ann', homeDir: '/home/ann' };
const resolve = (setting: string, extra: Partial<typeof base> = {}) => resolveOutputFolder({ ...base, ...extra, setting });

describe('companykit.outputFolder', () => {
    it('empty (the default) or blank leaves the folder to the generator: generated/<spec> beside the spec', () => {
        expect(resolve('')).toBeUndefined();
        expect(resolve('   ')).toBeUndefined();
    });

    it('a relative path is relative to the spec\'s folder, not the workspace or the process', () => {
        expect(resolve('out')).toBe('/home/ann/infra/out');
        expect(resolve('../deploy/acme')).toBe('/home/ann/deploy/acme');
        expect(resolve('./out/')).toBe('/home/ann/infra/out');
    });

    it('an absolute path is used as it is (normalized)', () => {
        expect(resolve('/srv/companykit//acme/')).toBe('/srv/companykit/acme');
    });

    it('${workspaceFolder} is the workspace folder holding the spec', () => {
        expect(resolve('${workspaceFolder}/generated')).toBe('/home/ann/generated');
        expect(resolve('${workspaceFolder}', { workspaceFolder: '/work/ws' })).toBe('/work/ws');
    });

    it('${workspaceFolder} without a workspace folder is refused with a message saying what to do', () => {
        expect(() => resolve('${workspaceFolder}/out', { workspaceFolder: undefined }))
            .toThrow(new OutputFolderError('The setting companykit.outputFolder uses ${workspaceFolder}, but acme.company is not '
                + 'in an open workspace folder: open its folder, or use a path relative to the spec.'));
    });

    it('any other ${variable} is refused rather than written as a folder named "${...}"', () => {
        expect(() => resolve('${fileDirname}/out')).toThrow(OutputFolderError);
        expect(() => resolve('${fileDirname}/out')).toThrow('only ${workspaceFolder} is supported');
    });

    it('a leading ~ is the home folder; ~user and a ~ inside a name are not', () => {
        expect(resolve('~', { homeDir: '/u/ann' })).toBe('/u/ann');
        expect(resolve('~/out', { homeDir: '/u/ann' })).toBe('/u/ann/out');
        expect(resolve('~bob/out')).toBe('/home/ann/infra/~bob/out');
        expect(resolve('a~/out')).toBe('/home/ann/infra/a~/out');
    });
});
