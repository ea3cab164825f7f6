import { compactMetadata, FieldProblem } from './imported-event.js';
import { splitIncludedInput, type InputSplit } from './input-split.js';
import { readCount, readFlag, readJsonArray, readJsonObject, readText } from './loose-values.js';

/** The call's provider: `custom_llm_provider`, else the `provider/` prefix of the model. */
export function readLiteLlmProvider(row: Record<string, unknown>): string {
  const model = readText(row['model']);
  const prefix = model?.includes('/') ? model.slice(0, model.indexOf('/')) : undefined;
  return readText(row['custom_llm_provider']) ?? prefix ?? 'litellm';
}

/** The model called, or the MCP tool for an MCP call. */
export function readLiteLlmTool(row: Record<string, unknown>): string {
  const tool = readText(row['mcp_namespaced_tool_name']) ?? readText(row['model']);
  if (tool === undefined) throw new FieldProblem('model', 'is required');
  return tool;
}

/**
 * `success` / `failure` (→ `error`) from the row, else from its metadata; older failed rows carry
 * neither but an empty `call_type`.
 */
export function readLiteLlmStatus(row: Record<string, unknown>, meta: Record<string, unknown>) {
  const status = readText(row['status']) ?? readText(meta['status']);
  if (status === undefined) return row['call_type'] === '' ? 'error' : 'success';
  return status === 'failure' ? 'error' : status;
}

/**
 * `prompt_tokens` with the cache split LiteLLM keeps in `additional_usage_values` or
 * `usage_object`: cached tokens are read as part of the prompt (LiteLLM reports usage the OpenAI
 * way) unless they exceed it.
 */
export function readLiteLlmInput(
  row: Record<string, unknown>,
  meta: Record<string, unknown>,
): InputSplit {
  const usage =
    readJsonObject(meta['additional_usage_values']) ?? readJsonObject(meta['usage_object']) ?? {};
  const details = readJsonObject(usage['prompt_tokens_details']) ?? {};
  const cacheRead = readCount(
    usage['cache_read_input_tokens'] ?? details['cached_tokens'],
    'cache_read_input_tokens',
  );
  const cacheWrite = readCount(usage['cache_creation_input_tokens'], 'cache_creation_input_tokens');
  const prompt = readCount(row['prompt_tokens'], 'prompt_tokens') ?? 0;
  return splitIncludedInput(prompt, cacheRead, cacheWrite);
}

/**
 * What is worth keeping of a row, never the prompt, the response, the hashed key, the raw
 * request or the caller's IP address.
 */
export function readLiteLlmMetadata(
  row: Record<string, unknown>,
  meta: Record<string, unknown>,
  split: InputSplit,
): Record<string, unknown> {
  const error =
    readJsonObject(row['error_information']) ?? readJsonObject(meta['error_information']);
  return compactMetadata({
    request_id: readText(row['request_id'] ?? row['id']),
    call_type: readText(row['call_type']),
    model_group: readText(row['model_group']),
    model_id: readText(row['model_id']),
    api_base: readText(row['api_base']),
    user: readText(row['user']),
    end_user: readText(row['end_user']),
    team_id: readText(row['team_id'] ?? meta['user_api_key_team_id']),
    organization_id: readText(row['organization_id'] ?? meta['user_api_key_org_id']),
    key_alias: readText(meta['user_api_key_alias']),
    team_alias: readText(meta['user_api_key_team_alias']),
    session_id: readText(row['session_id']),
    request_tags: readJsonArray(row['request_tags']),
    cache_hit: readFlag(row['cache_hit']),
    spend_logs_metadata: readJsonObject(meta['spend_logs_metadata']),
    cache_read_tokens: split.cache_read_tokens || undefined,
    cache_write_tokens: split.cache_write_tokens || undefined,
    error_code: readText(error?.['error_code']),
    error_class: readText(error?.['error_class']),
  });
}

/** The row's `metadata`: an object from the API, JSON text in raw dumps and CSV. */
export function readLiteLlmMeta(row: Record<string, unknown>): Record<string, unknown> {
  return readJsonObject(row['metadata']) ?? {};
}
