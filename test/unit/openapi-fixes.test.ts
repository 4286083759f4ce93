import { documentAccess } from '../../src/documentation/access';
import {
  addComputedFields,
  allowNulls,
  enumerateLocales,
  fixGeneratedDocument,
  fixPagination,
  fixSchemaTypes,
  foldQueryPaths,
  mergeIdenticalPaths,
  nameOperations,
  operationIdFor,
  summaryFor,
  type OpenApiDraft,
} from '../../src/documentation/fix-generated';

const draft = (paths: OpenApiDraft['paths'], schemas: Record<string, unknown> = {}): OpenApiDraft => ({ paths, components: { schemas } });

describe('operation names', () => {
  it.each([
    ['get', '/articles', 'getArticles', 'List /articles'],
    ['get', '/articles/{id}', 'getArticlesById', 'Get one of /articles'],
    ['delete', '/upload/files/{id}', 'deleteUploadFilesById', 'Delete one of /upload/files'],
    ['post', '/users-permissions/roles', 'postUsersPermissionsRoles', 'Create in /users-permissions/roles'],
  ])('%s %s → %s, "%s"', (method, path, id, summary) => {
    expect(operationIdFor(method, path)).toBe(id);
    expect(summaryFor(method, path)).toBe(summary);
  });

  it('replaces URL-unsafe ids and empty summaries, keeps good ones, never repeats an id', () => {
    const doc = draft({
      '/articles/{id}': { get: { operationId: 'get/articles/{id}', summary: '' }, put: { operationId: 'getArticlesById', summary: 'Sửa' } },
    });
    nameOperations(doc);
    const item = doc.paths['/articles/{id}'] as Record<string, { operationId: string; summary: string }>;
    expect(item.get).toEqual({ operationId: 'getArticlesById', summary: 'Get one of /articles' });
    expect(item.put).toEqual({ operationId: 'getArticlesById_', summary: 'Sửa' });
  });
});

describe('paths', () => {
  it('folds /upload?id={id} into POST /upload with an optional id query parameter', () => {
    const doc = draft({
      '/upload': { post: { description: 'Upload files', requestBody: { content: { 'multipart/form-data': { schema: { required: ['files'] } } } } } },
      '/upload?id={id}': { post: { description: 'Upload file information', parameters: [{ name: 'id', in: 'query', required: true }] } },
    });
    foldQueryPaths(doc);
    expect(Object.keys(doc.paths)).toEqual(['/upload']);
    const post = (doc.paths['/upload'] as { post: { parameters: { name: string; required: boolean }[]; requestBody: unknown } }).post;
    expect(post.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'query', required: false })]);
    expect(JSON.stringify(post.requestBody)).not.toContain('required');
  });

  it('merges paths that differ by a parameter name, renaming the parameter', () => {
    const doc = draft({
      '/roles/{id}': { get: { parameters: [{ name: 'id', in: 'path' }] } },
      '/roles/{role}': { put: { parameters: [{ name: 'role', in: 'path' }, { name: 'x', in: 'query' }] } },
    });
    mergeIdenticalPaths(doc);
    expect(Object.keys(doc.paths)).toEqual(['/roles/{id}']);
    expect((doc.paths['/roles/{id}'] as { put: { parameters: unknown[] } }).put.parameters).toEqual([{ name: 'id', in: 'path' }, { name: 'x', in: 'query' }]);
  });
});

describe('schemas', () => {
  it('types a boolean enum as boolean and gives a nullable oneOf a type', () => {
    const doc = draft({ '/a': { post: { responses: { 200: { schema: { type: 'string', enum: [true] } } } } } }, {
      Error: { type: 'object', properties: { data: { nullable: true, oneOf: [{ type: 'object' }, { type: 'array' }] } } },
    });
    fixSchemaTypes(doc);
    expect(JSON.stringify(doc.paths)).toContain('{"type":"boolean","enum":[true]}');
    expect(doc.components.schemas?.Error).toMatchObject({ properties: { data: { nullable: true, type: 'object' } } });
  });

  it('lets optional typed attributes and components be null, never ids or required ones', () => {
    const doc = draft({}, {
      Seo: { type: 'object', properties: { metaTitle: { type: 'string' } } },
      Article: {
        type: 'object',
        required: ['title'],
        properties: { id: { type: 'number' }, title: { type: 'string' }, summary: { type: 'string' }, seo: { $ref: '#/components/schemas/Seo' }, body: {} },
      },
    });
    allowNulls(doc);
    const article = doc.components.schemas?.Article as { properties: Record<string, Record<string, unknown>> };
    expect(article.properties.id.nullable).toBeUndefined();
    expect(article.properties.title.nullable).toBeUndefined();
    expect(article.properties.summary.nullable).toBe(true);
    expect(article.properties.seo).toEqual({ type: 'object', properties: { metaTitle: { type: 'string', nullable: true } }, nullable: true });
    expect(article.properties.body).toEqual({});
  });

  it('gives list answers the real pagination bounds (pageSize ≥ 1, any pageCount)', () => {
    const doc = draft({}, { ArticleListResponse: { type: 'object', properties: { meta: { properties: { pagination: { properties: { pageSize: { minimum: 25 } } } } } } } });
    fixPagination(doc);
    expect(JSON.stringify(doc.components.schemas)).not.toContain('"minimum":25');
    expect(doc.components.schemas?.Pagination).toMatchObject({ properties: { pageSize: { minimum: 1 }, pageCount: { minimum: 0 } } });
  });

  it('adds what the API computes for a văn bản (validity and its label), and nothing elsewhere', () => {
    const doc = draft({}, { LegalDocument: { type: 'object', properties: { number: { type: 'string' } } }, Article: { type: 'object', properties: {} } });
    addComputedFields(doc);
    expect(doc.components.schemas?.LegalDocument).toMatchObject({
      properties: {
        validity: { type: 'string', enum: ['chua-hieu-luc', 'con-hieu-luc', 'het-hieu-luc'] },
        validityLabel: { type: 'string', enum: ['Chưa có hiệu lực', 'Còn hiệu lực', 'Hết hiệu lực'] },
      },
    });
    expect(doc.components.schemas?.Article).toEqual({ type: 'object', properties: {} });
  });

  it('runs all fixes on an empty document without throwing', () => {
    expect(() => fixGeneratedDocument(draft({}))).not.toThrow();
  });
});

describe('enumerateLocales', () => {
  it('lists the locales and "*" on generated locale parameters, and leaves typed ones alone', () => {
    const doc = draft({
      '/articles': { get: { parameters: [{ name: 'locale', in: 'query', schema: { type: 'string' } }, { name: 'sort', in: 'query', schema: { type: 'string' } }] } },
      '/search': { get: { parameters: [{ name: 'locale', in: 'query', schema: { type: 'string', enum: ['vi'] } }] } },
    });
    enumerateLocales(doc, ['vi', 'en']);
    expect(JSON.stringify(doc.paths['/articles'])).toContain('"enum":["vi","en","*"]');
    expect(JSON.stringify(doc.paths['/articles'])).toContain('{"name":"sort","in":"query","schema":{"type":"string"}}');
    expect(JSON.stringify(doc.paths['/search'])).toContain('"enum":["vi"]');
  });
});

describe('documentAccess', () => {
  it.each([
    [{ enabled: false, restrictedAccess: false, loggedIn: false }, 'absent'],
    [{ enabled: true, restrictedAccess: false, loggedIn: false }, 'serve'],
    [{ enabled: true, restrictedAccess: true, loggedIn: false }, 'login'],
    [{ enabled: true, restrictedAccess: true, loggedIn: true }, 'serve'],
  ])('%o → %s', (state, expected) => {
    expect(documentAccess(state)).toBe(expected);
  });
});
