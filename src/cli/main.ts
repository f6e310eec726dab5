#!/usr/bin/env node
// The `interdict` command. Each command group lives in ./commands and registers itself here.
// (V8 setting first: see gc-tuning.ts)
import '../match/gc-tuning.js';
import { Command } from 'commander';
import { registerListCommands } from './commands/lists.js';
import { registerUpdateCommand } from './commands/update.js';
import { registerAdminCommands } from './commands/admin.js';
import { registerCaseCommands } from './commands/cases.js';
import { registerScreenCommands } from './commands/screen.js';
import { registerServeCommand } from './commands/serve.js';
import { registerCheckCommands } from './commands/check.js';
import { reportError } from './output.js';

const program = new Command();
program.name('interdict').description('Sanctions and trade-compliance screening').version('0.1.0');
program.showHelpAfterError();
registerListCommands(program);
registerUpdateCommand(program);
registerAdminCommands(program);
registerScreenCommands(program);
registerCaseCommands(program);
registerServeCommand(program);
registerCheckCommands(program);

program.parseAsync(process.argv).catch((err) => {
  process.exitCode = reportError(err);
});
