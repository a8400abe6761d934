import { spawnSync } from 'node:child_process';

/** Whether a checker is on PATH: tests that need one skip, naming it, when it is not installed. */
export const hasCommand = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
