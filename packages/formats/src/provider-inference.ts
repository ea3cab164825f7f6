/** Model name patterns of the big providers, for formats that do not name the provider. */
const modelFamilies: readonly (readonly [RegExp, string])[] = [
  [/^(gpt-|chatgpt-|o\d|text-embedding-|dall-e|whisper|tts-)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^(gemini|gemma)/, 'google'],
  [/^(mistral|mixtral|codestral|ministral|pixtral|magistral)/, 'mistral'],
  [/^command/, 'cohere'],
  [/^deepseek/, 'deepseek'],
  [/^grok/, 'xai'],
];

/**
 * The provider of a model name: its `provider/` prefix, else the family its name belongs to
 * (`gpt-4o` → `openai`, `claude-…` → `anthropic`), else undefined.
 *
 * @example inferProvider('claude-3-5-haiku-20241022') // 'anthropic'
 */
export function inferProvider(model: string | undefined): string | undefined {
  if (model === undefined) return undefined;
  const slash = model.indexOf('/');
  if (slash > 0) return model.slice(0, slash).toLowerCase();
  const name = model.toLowerCase();
  return modelFamilies.find(([pattern]) => pattern.test(name))?.[1];
}
