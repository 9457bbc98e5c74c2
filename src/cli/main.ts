import { Command } from 'commander';
import { COMMANDS } from './commands/index.ts';

/** The `khabar` command line: a thin shell over the library. Each command lives in `commands/<name>.ts`. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('khabar')
    .description('Reads Arabic news the way an analyst does.')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(s) });
  for (const register of COMMANDS) register(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.stderr.write(`khabar: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
