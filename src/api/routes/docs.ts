// GET /openapi.json and the interactive documentation at /docs, generated from the route schemas.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/** Must be registered before any route, so every route's schema reaches the document. */
export async function registerDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Interdict screening API',
        version,
        description:
          'Sanctions screening against official lists. `/match`, `/search`, `/entities`, `/catalog` and `/algorithms` answer like yente 5 (OpenSanctions), so existing clients work by changing the base URL. `/v1/*` are Interdict extensions. When API keys exist, send `Authorization: Bearer <key>`.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key from `interdict keys create`' } } },
      security: [{ bearerAuth: [] }],
      tags: [
        { name: 'Matching', description: 'yente-compatible screening' },
        { name: 'Screening', description: 'Interdict decision-ready screening' },
        { name: 'Data access', description: 'Entities and the data catalog' },
        { name: 'Lists', description: 'List versions and changes' },
        { name: 'System information', description: 'Probes, metrics, algorithms' },
      ],
    },
    // keep the shared schemas' names (EntityResponse, ErrorResponse...) as component names
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
