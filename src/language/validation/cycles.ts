/**
 * The path `from → … → to` along `next`, or undefined if `to` cannot be reached. Used to tell
 * whether an edge `to → from` closes a cycle, and to name that cycle in the message.
 */
function pathBetween<T>(from: T, to: T, next: (node: T) => readonly T[]): T[] | undefined {
    const cameFrom = new Map<T, T | undefined>([[from, undefined]]);
    const queue: T[] = [from];
    while (queue.length > 0) {
        const node = queue.shift()!;
        if (node === to) {
            const path: T[] = [];
            for (let n: T | undefined = node; n !== undefined; n = cameFrom.get(n)) {
                path.unshift(n);
            }
            return path;
        }
        for (const successor of next(node)) {
            if (!cameFrom.has(successor)) {
                cameFrom.set(successor, node);
                queue.push(successor);
            }
        }
    }
    return undefined;
}

/** The cycle an edge `source → target` closes, as `source → target → … → source`, if it closes one. */
export function cycleThrough<T>(source: T, target: T, next: (node: T) => readonly T[]): T[] | undefined {
    const back = pathBetween(target, source, next);
    return back ? [source, ...back] : undefined;
}
