import { compactMetadata, type ImportedEvent } from './imported-event.js';
import { splitAdditiveInput } from './input-split.js';
import { readIsoInstant } from './instants.js';
import { isRecord, readCount, readFlag, readText } from './loose-values.js';
import { readUsd } from './money.js';

type Usage = Record<string, unknown>;

/** The lines of one API call of a session, in file order. */
export interface ClaudeCodeCall {
  key: string;
  /** Line number and text of the call's first line. */
  line: number;
  raw: string;
  first: Record<string, unknown>;
  lines: Record<string, unknown>[];
}

/**
 * One call as an event. `tokens_in` is the whole prompt — uncached input plus cache writes plus
 * cache reads, which Anthropic reports apart — with reads and writes set as its cache split, so
 * the store prices a cache-heavy session at cache prices. Route: the project folder's name.
 *
 * @throws FieldProblem naming the field at fault.
 */
export function toClaudeCodeEvent(call: ClaudeCodeCall): ImportedEvent {
  // Every line repeats the call's usage, the early ones with placeholder counts: the largest
  // count of each kind is the final one. Summing them would count the call several times.
  const usages = call.lines.map((line) => messageOf(line)['usage'] as Usage);
  const most = (field: string, pick = (usage: Usage) => usage[field]) =>
    Math.max(0, ...usages.map((usage) => readCount(pick(usage), field) ?? 0));
  const cacheSplit = (ttl: '5m' | '1h') => (usage: Usage) => {
    const creation = usage['cache_creation'];
    return isRecord(creation) ? creation[`ephemeral_${ttl}_input_tokens`] : undefined;
  };

  const split = splitAdditiveInput(
    most('input_tokens'),
    most('cache_read_input_tokens'),
    most('cache_creation_input_tokens'),
  );
  const { first } = call;
  const message = messageOf(first);
  const cwd = readText(first['cwd']);
  const costs = call.lines.map((line) => readUsd(line['costUSD'], 'costUSD'));
  const reportedCosts = costs.filter((cost): cost is number => cost !== null);

  return {
    provider_id: 'anthropic',
    tool: readText(message['model']) ?? 'claude',
    route: cwd === undefined ? null : projectName(cwd),
    ...split,
    tokens_out: most('output_tokens'),
    duration_ms: 0,
    status: call.lines.some((line) => readFlag(line['isApiErrorMessage'])) ? 'error' : 'success',
    cost_estimated_usd: reportedCosts.length > 0 ? Math.max(...reportedCosts) : null,
    ts: readIsoInstant(first['timestamp'], 'timestamp'),
    event_id: call.key,
    metadata: compactMetadata({
      session_id: readText(first['sessionId']),
      request_id: readText(first['requestId']),
      message_id: readText(message['id']),
      cwd,
      git_branch: readText(first['gitBranch']),
      version: readText(first['version']),
      is_sidechain: readFlag(first['isSidechain']),
      input_tokens: most('input_tokens'),
      cache_read_tokens: split.cache_read_tokens,
      cache_write_tokens: split.cache_write_tokens,
      cache_write_5m_tokens: most('ephemeral_5m_input_tokens', cacheSplit('5m')) || undefined,
      cache_write_1h_tokens: most('ephemeral_1h_input_tokens', cacheSplit('1h')) || undefined,
      service_tier: readText(usages.at(-1)?.['service_tier']),
      tool_uses: toolUses(call.lines),
    }),
  };
}

function messageOf(line: Record<string, unknown>): Record<string, unknown> {
  return line['message'] as Record<string, unknown>;
}

/** Names of the tools the call asked for (`tool_use` content blocks), in order, once each. */
function toolUses(lines: Record<string, unknown>[]): string[] | undefined {
  const names = new Set<string>();
  for (const line of lines) {
    const content = messageOf(line)['content'];
    for (const block of Array.isArray(content) ? content : []) {
      if (isRecord(block) && block['type'] === 'tool_use') {
        const name = readText(block['name']);
        if (name !== undefined) names.add(name);
      }
    }
  }
  return names.size > 0 ? [...names] : undefined;
}

/** The last folder of a working directory, POSIX or Windows. */
function projectName(cwd: string): string {
  const parts = cwd.split(/[\\/]+/).filter(Boolean);
  return parts.at(-1) ?? cwd;
}
