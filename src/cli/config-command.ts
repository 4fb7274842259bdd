import { maskConfig } from '../config/mask.js';
import type { RegisterCommand } from './context.js';

/** `attribot config`: the effective configuration with secrets masked. */
export const registerConfigCommand: RegisterCommand = (program, ctx) => {
  program
    .command('config')
    .description('print the effective configuration (secrets masked)')
    .action(() => {
      ctx.out(JSON.stringify(maskConfig(ctx.config()), null, 2));
    });
};
