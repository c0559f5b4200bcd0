export type {
  BureauReview,
  Change,
  Department,
  Directive,
  DirectiveEntry,
  Escalation,
  Incident,
  InterviewRequest,
  IssuedNotification,
  Leader,
  Ledger,
  LedgerMonth,
  Meeting,
  Milestone,
  Override,
  Portfolio,
  PortfolioDocument,
  Project,
  Report,
  Stall,
} from './types.js';
export { parsePortfolio, parsePortfolioText, safeParsePortfolio, safeParsePortfolioText, serializePortfolio } from './parsePortfolio.js';
export type { ParsePortfolioOptions, SafeParsePortfolioResult } from './parsePortfolio.js';
export { knownAt } from './knownAt.js';
export { achievementDate } from './achievementDate.js';
export { PORTFOLIO_FORMAT } from './schema.js';
export { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './limits.js';
export { isProjectCode, parseProjectCode, PROJECT_CODE_PATTERN } from './projectCode.js';
export type { ProjectCode } from './projectCode.js';
