// The messages between the page and its worker: the page sends what to evaluate, the worker answers
// with progress, the result, then the documents.
import type { Evaluation } from '../src/evaluate.js';
import type { LocalizedText } from '../src/errors.js';
import type { ReportFile } from '../src/render/reportFiles.js';

/** Where the portfolio comes from. */
export type Source =
  | { readonly kind: 'sample' }
  | { readonly kind: 'json' | 'ndjson'; readonly name: string; readonly text: string }
  /** A document read from a workbook on the page. */
  | { readonly kind: 'document'; readonly name: string; readonly document: unknown };

/** What the page asks the worker to do. */
export interface EvaluateRequest {
  readonly type: 'evaluate';
  readonly id: number;
  readonly source: Source;
  /** Reports CSV files to merge into a JSON document or workbook before it is checked. */
  readonly csv: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  readonly asOf: string;
  /** A preset id, or the text of a policy file. */
  readonly policy: { readonly preset: string } | { readonly name: string; readonly text: string };
  /** Move deadlines by the statutory holidays (chinese-days). */
  readonly holidays: boolean;
}

/** A problem found in the input, where it is and what it is. */
export interface Problem {
  /** The file it is in. */
  readonly file: string;
  /** A JSON path, a CSV cell or a line. */
  readonly where: string;
  readonly code: string;
  readonly message: LocalizedText;
  readonly severity: 'error' | 'warning';
}

/** What the worker answers. */
export type WorkerReply =
  | { readonly type: 'progress'; readonly id: number; readonly stage: 'read' | 'evaluate' | 'render'; readonly done?: number }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly problems: readonly Problem[];
      /** Null when the input cannot be evaluated. */
      readonly evaluation: Evaluation | null;
      readonly charts: { readonly battleMap: string; readonly colourMatrix: string } | null;
    }
  | { readonly type: 'files'; readonly id: number; readonly files: readonly ReportFile[] }
  | { readonly type: 'failed'; readonly id: number; readonly message: LocalizedText };
