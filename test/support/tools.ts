import { spawnSync } from 'node:child_process';

/** Whether a program is on PATH (the name is passed as an argument, never parsed by the shell). */
export const hasCommand = (command: string): boolean => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
