import type { Command } from 'commander';

/**
 * A command group shared by several command files (`khabar eval morph`,
 * `khabar eval ner`, `khabar train morph`...): returns the group, creating it once.
 */
export function commandGroup(program: Command, name: 'eval' | 'train', description: string): Command {
  const found = program.commands.find((c) => c.name() === name);
  if (found) return found;
  return program.command(name).description(description);
}
