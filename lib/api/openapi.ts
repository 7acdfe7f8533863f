// The public API described as OpenAPI 3.1, served at /api/v1/openapi.json.
import { SLUG_PATTERN } from '@/lib/slug';

const error = { $ref: '#/components/responses/Error' };
const slugParam = (name: string, what: string) => ({ name, in: 'query', required: false, description: what, schema: { type: 'string', pattern: SLUG_PATTERN.source } });

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Masthead public API',
      version: '1.0.0',
      description:
        'Read-only access to published stories. Only published stories whose time has come are ever returned; drafts, scheduled and unpublished stories are not. Open to any origin (CORS, GET only). Errors are JSON: {"error": {"status", "message", "details"?}}. Unknown or repeated query parameters are refused with 400.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    paths: {
      '/stories': {
        get: {
          summary: 'Published stories, newest first (or ranked by relevance with q)',
          parameters: [
            slugParam('section', 'Only stories in this section'),
            slugParam('tag', 'Only stories with this tag'),
            slugParam('author', 'Only stories with this byline (author slug)'),
            { name: 'q', in: 'query', description: 'Full-text search (web-search syntax: "quoted phrase", -exclude, or)', schema: { type: 'string', maxLength: 200 } },
            { name: 'cursor', in: 'query', description: 'nextCursor from the previous page', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: {
            200: { description: 'A page of stories', content: { 'application/json': { schema: { type: 'object', required: ['data', 'nextCursor'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/StorySummary' } }, nextCursor: { type: ['string', 'null'] } } } } } },
            400: error,
          },
        },
      },
      '/stories/{ref}': {
        get: {
          summary: 'One published story by id or slug, with its body as HTML and as Tiptap JSON',
          parameters: [
            { name: 'ref', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'format', in: 'query', description: 'ninjs: the story as IPTC ninjs 2.0', schema: { type: 'string', enum: ['json', 'ninjs'], default: 'json' } },
          ],
          responses: {
            200: { description: 'The story ({"data": Story}, or a ninjs object)', content: { 'application/json': { schema: { oneOf: [{ type: 'object', properties: { data: { $ref: '#/components/schemas/Story' } } }, { type: 'object', description: 'IPTC ninjs 2.0', required: ['uri'] }] } } } },
            400: error,
            404: error,
          },
        },
      },
      '/sections': { get: { summary: 'Sections', responses: { 200: { description: 'All sections', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Section' } } } } } } }, 400: error } } },
      '/tags': { get: { summary: 'Tags with published stories', responses: { 200: { description: 'Tags and story counts', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } } } } } }, 400: error } } },
      '/authors': { get: { summary: 'People with published stories', responses: { 200: { description: 'Authors, bios and story counts', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Author' } } } } } } }, 400: error } } },
    },
    components: {
      responses: {
        Error: { description: 'A refusal', content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } } } } } } } },
      },
      schemas: {
        Section: { type: 'object', required: ['name', 'slug', 'url'], properties: { name: { type: 'string' }, slug: { type: 'string' }, url: { type: 'string', format: 'uri' } } },
        Tag: { type: 'object', required: ['name', 'slug', 'storyCount', 'url'], properties: { name: { type: 'string' }, slug: { type: 'string' }, storyCount: { type: 'integer' }, url: { type: 'string', format: 'uri' } } },
        Author: { type: 'object', required: ['name', 'slug', 'bio', 'storyCount', 'url'], properties: { name: { type: 'string' }, slug: { type: 'string' }, bio: { type: 'string' }, storyCount: { type: 'integer' }, url: { type: 'string', format: 'uri' } } },
        StorySummary: {
          type: 'object',
          required: ['id', 'url', 'slug', 'headline', 'dek', 'bylines', 'section', 'tags', 'publishedAt', 'updatedAt'],
          properties: {
            id: { type: 'string' },
            url: { type: 'string', format: 'uri' },
            slug: { type: 'string' },
            headline: { type: 'string' },
            dek: { type: 'string' },
            bylines: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, slug: { type: 'string' }, url: { type: 'string', format: 'uri' } } } },
            section: { type: 'object', properties: { name: { type: 'string' }, slug: { type: 'string' } } },
            tags: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, slug: { type: 'string' } } } },
            publishedAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
            image: { type: ['object', 'null'] },
            live: { type: 'boolean', description: 'A live blog whose coverage is running' },
            snippet: { type: 'string', description: 'Only in search results' },
          },
        },
        Story: {
          allOf: [
            { $ref: '#/components/schemas/StorySummary' },
            {
              type: 'object',
              required: ['bodyHtml', 'body'],
              properties: {
                creditLine: { type: 'string' },
                dateline: { type: 'string' },
                corrections: { type: 'array', items: { type: 'object', properties: { kind: { enum: ['correction', 'clarification'] }, text: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } } } },
                bodyHtml: { type: 'string', description: 'Rendered on the server from the validated body; escaped' },
                body: { type: 'object', description: 'The body as Tiptap (ProseMirror) JSON; a live blog’s summary' },
                liveBlog: {
                  type: 'object',
                  description: 'Only for a live blog: whether coverage ended, the pinned entry and the newest entries, newest first',
                  properties: {
                    coverageEndedAt: { type: ['string', 'null'], format: 'date-time' },
                    pinned: { type: ['object', 'null'] },
                    entries: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: { id: { type: 'string' }, url: { type: 'string', format: 'uri' }, headline: { type: 'string' }, keyEvent: { type: 'boolean' }, postedAt: { type: 'string', format: 'date-time' }, correctedAt: { type: ['string', 'null'], format: 'date-time' }, author: { type: ['object', 'null'] }, bodyHtml: { type: 'string' } },
                      },
                    },
                  },
                },
              },
            },
          ],
        },
      },
    },
  };
}
