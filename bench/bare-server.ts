// The floor under `npm run bench:http`: Fastify with nothing of ours — no schemas, hooks, audit, metrics or
// screening — answering POST /match/{dataset} with an empty yente response. Driven with the same requests at
// the same concurrency, it shows what the framework, the loopback network and the load generator alone cost
// on this machine, so the service's own figures can be read against it.
//
//   node dist/bench/bare-server.js <port>
import Fastify from 'fastify';

const port = Number(process.argv[2]);
const app = Fastify({ logger: false });
app.post<{ Body: { queries: Record<string, unknown> } }>('/match/:dataset', async (request) => {
  const responses: Record<string, unknown> = {};
  for (const [key, query] of Object.entries(request.body.queries)) responses[key] = { status: 200, results: [], total: { value: 0, relation: 'eq' }, query };
  return { responses, limit: 5 };
});
app.get('/readyz', async () => ({ status: 'ok' }));
await app.listen({ port, host: '127.0.0.1' });
