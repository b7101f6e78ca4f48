import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server that speaks Mistral's chat-completions protocol, for Vitest and Playwright. It checks
 * every request as the real API would (and as Loupe promises: text only, strict schema, known fields)
 * and answers with the scenario the test chose. Browsers call it cross-origin, so it answers CORS too.
 */
export type Scenario =
  | { kind: 'good'; content?: unknown; chunks?: boolean }
  | { kind: 'truncated' }
  | { kind: 'not-json' }
  | { kind: 'status'; status: number; message?: string; retryAfter?: string }
  | { kind: 'slow'; ms: number };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
  /** What the checks found wrong with it; a request with any is answered 422. */
  problems: string[];
}

const ACCEPTED_FIELDS = new Set([
  'model', 'messages', 'temperature', 'top_p', 'max_tokens', 'stream', 'stop', 'random_seed', 'response_format',
  'tools', 'tool_choice', 'presence_penalty', 'frequency_penalty', 'n', 'prediction', 'parallel_tool_calls', 'safe_prompt',
]);

export const MOCK_RECEIPT = {
  merchantName: 'CORNER CAFE SDN BHD',
  merchantAddress: '12 JALAN MAIN 50000 KUALA LUMPUR',
  date: '2018-02-12',
  time: '14:35',
  currency: 'MYR',
  subtotal: 16,
  tax: 0.96,
  tip: null,
  total: 16.96,
  paymentMethod: 'Cash',
  lineItems: [
    { description: 'LATTE', quantity: 1, unitPrice: 9, amount: 9 },
    { description: 'MUFFIN', quantity: 2, unitPrice: 3.5, amount: 7 },
  ],
};

function check(request: RecordedRequest, expected: { apiKey: string; model?: string }): string[] {
  const problems: string[] = [];
  const body = request.body;
  if (request.method !== 'POST' || request.path !== '/v1/chat/completions') problems.push(`unexpected ${request.method} ${request.path}`);
  if (request.headers.authorization !== `Bearer ${expected.apiKey}`) problems.push('wrong or missing Authorization');
  if (!body) return [...problems, 'body is not JSON'];
  for (const key of Object.keys(body)) if (!ACCEPTED_FIELDS.has(key)) problems.push(`extra_forbidden: ${key}`);
  if (expected.model && body.model !== expected.model) problems.push(`model ${String(body.model)}`);
  if (body.temperature !== 0) problems.push('temperature is not 0');
  const format = body.response_format as { type?: string; json_schema?: { strict?: boolean; schema?: unknown; name?: string } } | undefined;
  if (format?.type !== 'json_schema' || format.json_schema?.strict !== true || !format.json_schema.schema || !format.json_schema.name)
    problems.push('response_format is not a strict json_schema');
  const messages = body.messages as { role: string; content: unknown }[] | undefined;
  if (!Array.isArray(messages) || !messages.length) problems.push('no messages');
  else if (messages.some((m) => typeof m.content !== 'string')) problems.push('a message is not plain text (image parts are not allowed)');
  if (/image_url|data:image|base64,/i.test(JSON.stringify(body))) problems.push('image data in the request');
  return problems;
}

function completion(content: unknown, finish = 'stop') {
  return { id: 'mock', object: 'chat.completion', model: 'mock', choices: [{ index: 0, finish_reason: finish, message: { role: 'assistant', content } }] };
}

export async function startMistralMock(options: { apiKey: string; model?: string }) {
  const requests: RecordedRequest[] = [];
  let queue: Scenario[] = [];
  const cors = (res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, accept');
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  };
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    cors(res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      let body: Record<string, unknown> | undefined;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = undefined;
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, problems: [] };
      recorded.problems = check(recorded, options);
      requests.push(recorded);
      if (recorded.problems.length)
        return json(res, 422, { object: 'error', message: recorded.problems.join('; '), type: 'invalid_request_error', code: null });
      const scenario = queue.shift() ?? { kind: 'good' };
      switch (scenario.kind) {
        case 'good': {
          const content = JSON.stringify(scenario.content ?? MOCK_RECEIPT);
          const split = Math.floor(content.length / 2);
          return json(res, 200, completion(scenario.chunks ? [{ type: 'text', text: content.slice(0, split) }, { type: 'text', text: content.slice(split) }] : content));
        }
        case 'truncated':
          return json(res, 200, completion(JSON.stringify(MOCK_RECEIPT).slice(0, 40), 'length'));
        case 'not-json':
          return json(res, 200, completion('Sure! Here is the receipt: merchant Corner Cafe.'));
        case 'status':
          return json(res, scenario.status, { object: 'error', message: scenario.message ?? `mock ${scenario.status}`, type: 'mock', code: null }, scenario.retryAfter ? { 'Retry-After': scenario.retryAfter } : {});
        case 'slow':
          return void setTimeout(() => json(res, 200, completion(JSON.stringify(MOCK_RECEIPT))), scenario.ms);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** The answers to give, in order; once used up, every answer is good. */
    setScenarios: (scenarios: Scenario[]) => {
      queue = [...scenarios];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
