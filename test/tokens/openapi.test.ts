import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenMayCall } from '../../src/tokens/scopes.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe('OpenAPI document and docs UI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the document at /api/docs/json, signed out, with the routes and the bearer scheme', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      security: Record<string, string[]>[];
    };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/collections',
      '/api/collections/{id}',
      '/api/collections/{id}/cancel',
      '/api/advisor/runs',
      '/api/advisor/runs/{runId}',
      '/api/advisor/runs/{runId}/report',
      '/api/advisor/runs/{runId}/compliance',
      '/api/tokens',
      '/api/tokens/{id}',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    // Generated from the zod schemas: the start-collection body is described, not empty.
    expect(JSON.stringify(doc.paths['/api/collections']?.post?.requestBody)).toContain('regions');
    // The compliance route documents its framework choice.
    expect(JSON.stringify(doc.paths['/api/advisor/runs/{runId}/compliance'])).toContain('ismsp');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toContainEqual({ bearerAuth: [] });
    // Hidden helper routes stay out of the document.
    expect(Object.keys(doc.paths)).not.toContain('/api/openapi.json');
  });

  it('serves the Swagger UI at /api/docs with its scripts from our own origin', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    if (res.statusCode === 302)
      res = await t.app.inject({ method: 'GET', url: String(res.headers.location) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('swagger-ui-bundle.js');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
  });
});

describe('token scopes', () => {
  it('read tokens only read; read-run tokens also start and cancel runs, nothing else', () => {
    expect(tokenMayCall('read', 'GET', '/api/collections')).toBe(true);
    expect(tokenMayCall('read', 'POST', '/api/collections')).toBe(false);
    expect(tokenMayCall('read-run', 'POST', '/api/collections')).toBe(true);
    expect(tokenMayCall('read-run', 'POST', '/api/collections/:id/cancel')).toBe(true);
    expect(tokenMayCall('read-run', 'POST', '/api/advisor/runs')).toBe(true);
    expect(tokenMayCall('read-run', 'DELETE', '/api/collections/:id')).toBe(false);
    expect(tokenMayCall('read-run', 'PUT', '/api/advisor/settings')).toBe(false);
    expect(tokenMayCall('read-run', 'POST', '/api/connections')).toBe(false);
  });
});
