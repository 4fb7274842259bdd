import { describe, expect, it } from 'vitest';
import { matches } from './ops-server.js';

describe('ops server route matching', () => {
  it('matches exact paths, and `/*rest` patterns as a prefix below the folder', () => {
    expect(matches('/healthz', '/healthz')).toBe(true);
    expect(matches('/healthz', '/healthz/x')).toBe(false);
    expect(matches('/admin/*rest', '/admin/review')).toBe(true);
    expect(matches('/admin/*rest', '/admin/data/export.tsv')).toBe(true);
    expect(matches('/admin/*rest', '/admin')).toBe(false);
    expect(matches('/admin/*rest', '/administrator')).toBe(false);
  });
});
