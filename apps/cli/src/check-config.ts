import { existsSync } from 'node:fs';
import { z } from 'zod';
import { CliError } from './cli-error.js';
import { readJsonFile } from './store-session.js';

/** The file `finops check` reads its defaults from when it exists in the working directory. */
export const DEFAULT_CHECK_CONFIG = 'finops.config.json';

const ratio = z.number().finite().nonnegative();

/** Settings a check config file may hold; flags given on the command line win over them. */
export const checkConfigSchema = z
  .object({
    fail_on: z.enum(['attention', 'regression']).optional(),
    require_coverage: z.boolean().optional(),
    attention_threshold: ratio.optional(),
    regression_threshold: ratio.optional(),
    window_days: z.number().int().min(1).max(90).optional(),
    limit: z.number().int().min(1).max(12).optional(),
    locale: z.enum(['pt-BR', 'en']).optional(),
  })
  .strict();
export type CheckConfig = z.infer<typeof checkConfigSchema>;

/** Reads `--config FILE`, else `finops.config.json` when present, else no settings. */
export function loadCheckConfig(path: string | undefined): CheckConfig {
  const file = path ?? (existsSync(DEFAULT_CHECK_CONFIG) ? DEFAULT_CHECK_CONFIG : undefined);
  if (!file) return {};

  const parsed = checkConfigSchema.safeParse(readJsonFile(file, 'config'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join('.') || (issue && 'keys' in issue ? String(issue.keys) : 'config');
    throw new CliError(`${file}: ${key}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
