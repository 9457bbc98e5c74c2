import type { Command } from 'commander';
import { registerAnalyze } from './analyze.ts';

/** Every CLI command registers itself on the program; one line per command file. */
export const COMMANDS: Array<(program: Command) => void> = [registerAnalyze];
