// Types for synthetic-spec.mjs, shared by the benchmark and the TypeScript tests.
export interface SyntheticSpec {
    text: string;
    lines: number;
    companyIds: string[];
    servers: number;
}

export declare function buildSyntheticSpec(options?: { companies?: number, usersPerCompany?: number, groupsPerCompany?: number, companiesPerServer?: number }): SyntheticSpec;
export declare function buildSyntheticSpecOfLines(lines: number): SyntheticSpec;
