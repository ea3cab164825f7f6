import type { Readable } from 'node:stream';
import type { SourceRecord } from '@finops/store';
import { toClaudeCodeEvent, type ClaudeCodeCall } from './claude-code-event.js';
import { toSourceRecord } from './imported-event.js';
import { readJsonItems } from './input-items.js';
import { isRecord, readText } from './loose-values.js';
import type { SkipReporter } from './skip-counts.js';

/**
 * Events of Claude Code session logs (`~/.claude/projects/<project>/<session>.jsonl`). Claude Code
 * writes one line per content block, each repeating the call's usage (the first ones with
 * placeholder counts), so lines are grouped by `message.id` + `requestId` and each call becomes
 * one event with the largest count of each kind — never a sum. `user`, `summary`, `system`,
 * `file-history-snapshot` lines and the `<synthetic>` model are skipped and counted.
 *
 * Calls are held until the input ends, as a call's lines need not be adjacent; a session file
 * holds a few thousand calls at most.
 */
export async function* readClaudeCodeRecords(
  input: Readable,
  skip: SkipReporter,
): AsyncGenerator<SourceRecord> {
  const calls = new Map<string, ClaudeCodeCall>();

  for await (const item of readJsonItems(input)) {
    if (item.parseError !== undefined) {
      yield item;
      continue;
    }
    const line = item.value;
    if (!isRecord(line)) {
      yield { ...item, parseError: 'expected a Claude Code session line (a JSON object)' };
      continue;
    }
    const reason = skipReason(line);
    if (reason !== undefined) {
      skip(reason);
      continue;
    }

    const message = line['message'] as Record<string, unknown>;
    const key = callKey(line, message, item.line);
    const call = calls.get(key) ?? { key, line: item.line, raw: item.raw, first: line, lines: [] };
    call.lines.push(line);
    calls.set(key, call);
  }

  for (const call of calls.values()) {
    yield toSourceRecord(call.line, call.raw, () => toClaudeCodeEvent(call));
  }
}

/** Why a line is not an API call, or undefined for an assistant line with usage. */
function skipReason(line: Record<string, unknown>): string | undefined {
  const type = readText(line['type']);
  if (type !== 'assistant') return type === undefined ? 'line without a type' : `${type} line`;
  const message = line['message'];
  if (!isRecord(message)) return 'assistant line without a message';
  if (message['model'] === '<synthetic>') return 'synthetic model';
  if (!isRecord(message['usage'])) return 'assistant line without usage';
  return undefined;
}

/** `message.id:requestId` (ccusage's key); older lines without a request id use what they have. */
function callKey(line: Record<string, unknown>, message: Record<string, unknown>, at: number) {
  const parts = [readText(message['id']), readText(line['requestId'])].filter(Boolean);
  return parts.length > 0 ? parts.join(':') : (readText(line['uuid']) ?? `line-${at}`);
}
