/**
 * A minimal client of the OpenAI-compatible chat completions API (OpenAI, Ollama, vLLM) with streaming:
 * content deltas go to `onDelta` as they arrive; tool calls are assembled from their fragments.
 */

export interface LlmMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  tool_calls?: LlmToolCall[];
  tool_call_id?: string;
}

export interface LlmToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface LlmTool {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface LlmEndpoint {
  url: string;
  key?: string;
  model: string;
  timeoutMs: number;
}

interface StreamChunk {
  choices?: Array<{
    delta?: {
      content?: string | null;
      tool_calls?: Array<{ index: number; id?: string; function?: { name?: string; arguments?: string } }>;
    };
    finish_reason?: string | null;
  }>;
}

/** One streamed completion: the text, the tool calls, and why it stopped. */
export async function streamCompletion(
  endpoint: LlmEndpoint,
  messages: LlmMessage[],
  tools: LlmTool[],
  onDelta?: (text: string) => void,
): Promise<{ content: string; toolCalls: LlmToolCall[]; finishReason: string }> {
  const response = await fetch(
    new URL('chat/completions', endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`),
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(endpoint.key ? { authorization: `Bearer ${endpoint.key}` } : {}),
      },
      body: JSON.stringify({
        model: endpoint.model,
        messages,
        tools,
        tool_choice: 'auto',
        stream: true,
        temperature: 0,
      }),
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    },
  );
  if (!response.ok || !response.body) throw new Error(`LLM endpoint answered ${response.status}`);
  let content = '';
  let finishReason = 'stop';
  const calls: LlmToolCall[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (data === '[DONE]') continue;
      const chunk = JSON.parse(data) as StreamChunk;
      for (const choice of chunk.choices ?? []) {
        const text = choice.delta?.content;
        if (text) {
          content += text;
          onDelta?.(text);
        }
        for (const fragment of choice.delta?.tool_calls ?? []) {
          const call = (calls[fragment.index] ??= {
            id: '',
            type: 'function',
            function: { name: '', arguments: '' },
          });
          if (fragment.id) call.id = fragment.id;
          if (fragment.function?.name) call.function.name += fragment.function.name;
          if (fragment.function?.arguments) call.function.arguments += fragment.function.arguments;
        }
        if (choice.finish_reason) finishReason = choice.finish_reason;
      }
    }
  }
  return { content, toolCalls: calls.filter(Boolean), finishReason };
}
