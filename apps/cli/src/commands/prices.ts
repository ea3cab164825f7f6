import {
  countSkips,
  describeSkips,
  isFormatError,
  readLiteLlmPriceMap,
  type SkipCounts,
} from '@finops/formats';
import {
  formatInstant,
  isStoreError,
  validatePriceEntry,
  type PriceEntry,
  type PriceEntryInput,
} from '@finops/store';
import { Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { print, type CommandIo } from '../io.js';
import { readJsonFile, withStore, type StoreOptions } from '../store-session.js';
import { renderTable, type Column } from '../table-view.js';

const priceColumns: Column<PriceEntry>[] = [
  { header: 'Id', value: (p) => p.id, kind: 'number' },
  { header: 'Provider', value: (p) => p.provider_id },
  { header: 'Model', value: (p) => p.model ?? '(any)' },
  { header: 'Input / 1k', value: (p) => p.input_cost_per_1k, kind: 'money' },
  { header: 'Output / 1k', value: (p) => p.output_cost_per_1k, kind: 'money' },
  { header: 'Cache read / 1k', value: (p) => p.cache_read_cost_per_1k, kind: 'money' },
  { header: 'Cache write / 1k', value: (p) => p.cache_write_cost_per_1k, kind: 'money' },
  {
    header: 'Effective at',
    value: (p) => (p.effective_at === null ? 'always' : formatInstant(p.effective_at)),
  },
];

interface PriceFlags {
  providerId: string;
  model?: string;
  input?: string;
  output?: string;
  cacheRead?: string;
  cacheWrite?: string;
  effectiveAt?: string;
}

/** `finops prices list|add|remove|import`: the price table used for events without a cost. */
export function pricesCommand(io: CommandIo): Command {
  const prices = new Command('prices').description('manage price entries (USD per 1k tokens)');
  const storeFlags = (command: Command) =>
    command
      .option('--db <path>', 'database file')
      .option('--providers <file>', 'providers manifest (JSON)');

  storeFlags(prices.command('list').description('list price entries'))
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .action((flags: StoreOptions & { format: string }) =>
      withStore(flags, io, async (store) => {
        const entries = await store.listPrices();
        const json = () => `${JSON.stringify({ items: entries.map(toJson) }, null, 2)}\n`;
        print(
          io,
          flags.format === 'json'
            ? json()
            : renderTable(entries, priceColumns, 'No price entries.'),
        );
      }),
    );

  storeFlags(
    prices
      .command('add')
      .description('add a price entry and re-price events without a reported cost'),
  )
    .requiredOption('--provider-id <id>', 'provider the entry prices')
    .option(
      '--model <model>',
      "price events whose tool is this model (default: any model); when no entry is in force, the provider's cheapest applies",
    )
    .option('--input <usd>', 'USD per 1k input tokens')
    .option('--output <usd>', 'USD per 1k output tokens')
    .option(
      '--cache-read <usd>',
      'USD per 1k input tokens read from a prompt cache (default: the input price)',
    )
    .option(
      '--cache-write <usd>',
      'USD per 1k input tokens written to a prompt cache (default: the input price)',
    )
    .option('--effective-at <iso>', 'in force from this instant (default: always)')
    .action((flags: StoreOptions & PriceFlags) =>
      withStore(
        flags,
        io,
        async (store) => {
          const entry = await store.addPrice({
            provider_id: flags.providerId,
            model: flags.model ?? null,
            input_cost_per_1k: readPrice(flags.input, 'input'),
            output_cost_per_1k: readPrice(flags.output, 'output'),
            cache_read_cost_per_1k: readPrice(flags.cacheRead, 'cache-read'),
            cache_write_cost_per_1k: readPrice(flags.cacheWrite, 'cache-write'),
            effective_at: flags.effectiveAt ?? null,
          });
          print(io, `added price entry ${entry.id}`);
        },
        'create',
      ),
    );

  storeFlags(prices.command('remove').description('remove a price entry by id'))
    .argument('<id>', 'price entry id (see prices list)')
    .action((id: string, flags: StoreOptions) =>
      withStore(flags, io, async (store) => {
        if (!/^\d+$/.test(id)) throw new CliError(`price id must be a whole number, got "${id}"`);
        if (!(await store.removePrice(Number(id))))
          throw new CliError(`no price entry with id ${id}`);
        print(io, `removed price entry ${id}`);
      }),
    );

  storeFlags(
    prices
      .command('import')
      .description(
        'add the entries of a JSON file: an array or {"prices": [...]}; with --from litellm, LiteLLM\'s model price map',
      ),
  )
    .argument('<file>', 'JSON file of price entries')
    .addOption(
      new Option(
        '--from <source>',
        "the file is another tool's price list: litellm = model_prices_and_context_window.json",
      ).choices(['litellm']),
    )
    .action((file: string, flags: StoreOptions & { from?: 'litellm' }) =>
      withStore(
        flags,
        io,
        async (store) => {
          const value = readJsonFile(file, '<file>');
          const { entries, skipped } =
            flags.from === 'litellm'
              ? readPriceMap(value)
              : { entries: readEntries(value, file), skipped: null };
          // Check every entry before adding any, so a bad file changes nothing.
          entries.forEach((entry, index) => checkEntry(entry, index));
          for (const entry of entries) await store.addPrice(entry);
          print(
            io,
            `imported ${entries.length} price entries from ${file}${describePriceMapSkips(skipped)}`,
          );
        },
        'create',
      ),
    );

  return prices;
}

function readPrice(text: string | undefined, flag: string): number | null {
  if (text === undefined) return null;
  if (!/^\d+(\.\d+)?$/.test(text.trim()))
    throw new CliError(`--${flag} must be a non-negative number, got "${text}"`);
  return Number(text);
}

/** ` (LiteLLM price map), skipped N (reason N, …)` after an import from the price map. */
function describePriceMapSkips(skipped: SkipCounts | null): string {
  if (skipped === null) return '';
  const count = countSkips(skipped);
  const reasons = count > 0 ? ` (${describeSkips(skipped, 'litellm')})` : '';
  return ` (LiteLLM price map), skipped ${count}${reasons}`;
}

function readPriceMap(value: unknown): ReturnType<typeof readLiteLlmPriceMap> {
  try {
    return readLiteLlmPriceMap(value);
  } catch (error) {
    if (!isFormatError(error)) throw error;
    throw new CliError(`${error.message}; nothing was imported`);
  }
}

function readEntries(value: unknown, file: string): PriceEntryInput[] {
  const list = Array.isArray(value) ? value : (value as { prices?: unknown } | null)?.prices;
  if (!Array.isArray(list))
    throw new CliError(`${file} must hold an array of price entries or {"prices": [...]}`);
  return list as PriceEntryInput[];
}

function toJson(entry: PriceEntry) {
  return {
    ...entry,
    effective_at: entry.effective_at === null ? null : formatInstant(entry.effective_at),
  };
}

function checkEntry(entry: PriceEntryInput, index: number): void {
  try {
    validatePriceEntry(entry);
  } catch (error) {
    if (!isStoreError(error)) throw error;
    throw new CliError(`price entry ${index + 1}: ${error.message}; nothing was imported`);
  }
}
