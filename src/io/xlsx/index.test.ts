import { afterEach, describe, expect, it, vi } from 'vitest';

describe('sansansan/xlsx without exceljs', () => {
  afterEach(() => {
    vi.doUnmock('node:module');
    vi.resetModules();
  });

  it('fails at import with missing_peer_dependency and a zh/en message naming the install command', async () => {
    vi.resetModules();
    vi.doMock('node:module', () => ({
      createRequire: () => () => {
        throw new Error("Cannot find module 'exceljs'");
      },
    }));
    const error: unknown = await import('./index.js').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'SansansanError', code: 'missing_peer_dependency' });
    expect((error as { text: { zh: string; en: string } }).text.en).toContain('npm install exceljs@4');
  });
});
