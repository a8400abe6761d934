/**
 * The diagram as a graph: what is drawn and how it connects, before anything has a position.
 * Built from the Infrastructure model only (diagram-graph.ts), laid out by diagram-layout.ts and
 * drawn by diagram-svg.ts. Nothing here holds a secret: only names, addresses, ports and roles.
 */

/** How a line of text is drawn: a box's heading, ordinary text, or a quieter detail. */
export type LineStyle = 'title' | 'text' | 'muted';

export interface DiagramLine {
    readonly text: string;
    readonly style: LineStyle;
    /** Company names whose colour swatches precede the text (a role, a web route). */
    readonly companies?: readonly string[];
}

export type NodeKind = 'internet' | 'clients' | 'public' | 'vm';

export interface DiagramNode {
    /** Internal id (layout key), e.g. `vm:hv1.mx`; never shown. */
    readonly id: string;
    readonly kind: NodeKind;
    /** The innermost group holding the node, if any. */
    readonly group?: string;
    readonly lines: readonly DiagramLine[];
    /** The companies the node serves; exactly one tints the box with that company's colour. */
    readonly companies: readonly string[];
    /** For a VM: its host id `server.vm`. */
    readonly host?: string;
}

export type GroupKind = 'server' | 'network';

export interface DiagramGroup {
    readonly id: string;
    readonly kind: GroupKind;
    readonly parent?: string;
    readonly title: string;
}

/**
 * - uplink: the internet reaching a server's public address;
 * - forward: a port forward from the public address to a VM (npf's NAT);
 * - mail: the mail path after the MX (MX → mail VM → IMAP clients);
 * - web: the reverse proxy to a backend VM;
 * - replica: a copy fed by another VM (LDAP replica, DNS secondary, extra videobridge);
 * - anchor: not drawn; keeps a VM nothing else reaches in its server's column.
 */
export type EdgeKind = 'uplink' | 'forward' | 'mail' | 'web' | 'replica' | 'anchor';

export interface DiagramEdge {
    readonly from: string;
    readonly to: string;
    readonly kind: EdgeKind;
    readonly label: readonly DiagramLine[];
    /** Companies whose traffic takes this edge; exactly one colours the line. */
    readonly companies: readonly string[];
}

export interface LegendCompany {
    readonly name: string;
    readonly displayName: string;
    readonly domain: string;
    readonly colour: string;
}

export interface DiagramGraph {
    readonly title: string;
    readonly companies: readonly LegendCompany[];
    readonly groups: readonly DiagramGroup[];
    readonly nodes: readonly DiagramNode[];
    readonly edges: readonly DiagramEdge[];
}
