// `node:module` in the worker: what `createRequire(…)` loads there is chinese-days, bundled in.
import * as chineseDays from 'chinese-days';

export function createRequire(_from: string): (id: string) => unknown {
  return (id) => {
    if (id === 'chinese-days') return chineseDays;
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
  };
}
