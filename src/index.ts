/**
 * sansansan (三三三): Handan's mechanism for government-invested projects (邯政办字〔2018〕141号) as
 * pure functions over a JSON portfolio document — three ledgers, three levels of scheduling, three
 * supervision measures — with exact decimal money, calendar dates, configurable policy and an
 * explanation behind every judgement.
 *
 * @packageDocumentation
 */
export { evaluate } from './evaluate.js';
export type { DepartmentLine, EvaluatedProject, EvaluateOptions, Evaluation, InterviewCase, MonthColour } from './evaluate.js';
export { collectEvaluation, evaluateStream } from './evaluateStream.js';
export type { StreamPortfolioResult, StreamProjectResult, StreamResult } from './evaluateStream.js';
export type { PortfolioHeader } from './portfolio/ndjson.js';

export {
  achievementDate,
  knownAt,
  parsePortfolio,
  parsePortfolioText,
  PORTFOLIO_FORMAT,
  safeParsePortfolio,
  safeParsePortfolioText,
  serializePortfolio,
} from './portfolio/index.js';
export { portfolioJsonSchema } from './portfolio/jsonSchema.js';
export { isProjectCode, parseProjectCode, PROJECT_CODE_PATTERN } from './portfolio/index.js';
export { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './portfolio/index.js';
export type { ProjectCode } from './portfolio/index.js';
export type { JsonSchemaDocument } from './portfolio/jsonSchema.js';
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
  ParsePortfolioOptions,
  Portfolio,
  PortfolioDocument,
  Project,
  Report,
  SafeParsePortfolioResult,
  Stall,
} from './portfolio/index.js';

export { plannedInMonth, plannedToDate } from './ledger/plannedToDate.js';
export { completedToDate } from './reconciliation/completedToDate.js';
export { progressMetrics } from './reconciliation/progressMetrics.js';
export type { ProgressMetrics } from './reconciliation/progressMetrics.js';
export { isStalledMonth, stalledMonthsEndingAt } from './reconciliation/stallRun.js';
export { milestoneState, overdueMonthsAt } from './reconciliation/milestoneStatus.js';
export type { MilestoneState } from './reconciliation/milestoneStatus.js';
export { colourOf } from './reconciliation/colourOf.js';
export type { ColourInput, ColourResult } from './reconciliation/colourOf.js';
export { forecast, NO_FORECAST } from './reconciliation/forecast.js';
export type { Forecast } from './reconciliation/forecast.js';
export { reconcileProject } from './reconciliation/reconcileProject.js';
export type { MilestoneResult, ProjectEvaluation, ReconcileContext } from './reconciliation/reconcileProject.js';

export { mergeReports, readReportsCsv } from './io/csv/readReportsCsv.js';
export { workingCalendarFromDates } from './io/holidays/workingCalendarFromDates.js';
export type { WorkingCalendarFromDatesOptions } from './io/holidays/workingCalendarFromDates.js';
export type {
  CsvIssue,
  CsvIssueCode,
  CsvReport,
  MergeReportsResult,
  ReadReportsCsvOptions,
  ReadReportsCsvResult,
  ReportsCsvRow,
} from './io/csv/readReportsCsv.js';
export { ledgerCompliance } from './ledger/ledgerCompliance.js';
export { approvalWarning } from './reporting/approvalWarning.js';
export { reportCompliance } from './reporting/reportCompliance.js';
export { BUREAUS, reviewCompliance } from './reporting/reviewCompliance.js';
export { escalationCompliance, escalationStanding } from './scheduling/escalationCompliance.js';
export type { EscalationStanding } from './scheduling/escalationCompliance.js';
export { escalationLines } from './scheduling/escalationLines.js';
export type { EscalationLine } from './scheduling/escalationLines.js';
export { leaderViews } from './meetings/leaderViews.js';
export type { LeaderView, ProjectColour } from './meetings/leaderViews.js';
export { meetingMaterials } from './meetings/meetingMaterials.js';
export type {
  ColourCount,
  ColourMove,
  DirectiveItem,
  EscalationItem,
  MeetingLevel,
  MeetingMaterials,
  MeetingScope,
  MeetingSubject,
  MilestoneItem,
  ProblemItem,
} from './meetings/meetingMaterials.js';
export { cityLeaderMeetingCompliance, departmentMeetingCompliance, mayorMeetingCompliance } from './scheduling/meetingCompliance.js';

export { bottomFindings, monthEndRanking, quarterlyRanking, rankedQuarters } from './supervision/notification/quarterlyRanking.js';
export type {
  ExcludedDepartment,
  MonthEndRanking,
  QuarterlyNotification,
  RankingEntry,
  RankingTotal,
  ReminderLetter,
} from './supervision/notification/quarterlyRanking.js';
export { bottomThreeTwice, countedBottoms } from './supervision/interview/bottomThreeTwice.js';
export type { QuarterBottom } from './supervision/interview/bottomThreeTwice.js';
export { missedStartOrCompletion } from './supervision/interview/missedStartOrCompletion.js';
export { directiveLines, directiveNotImplemented, directiveStanding } from './supervision/interview/directiveNotImplemented.js';
export type { DirectiveLine, DirectiveStanding } from './supervision/interview/directiveNotImplemented.js';
export { insufficientPreliminaryStudy } from './supervision/interview/insufficientPreliminaryStudy.js';
export { unapprovedChange } from './supervision/interview/unapprovedChange.js';
export { leaderRequest } from './supervision/interview/leaderRequest.js';
export { interviewFinding } from './supervision/interview/types.js';
export type { InterviewRule, InterviewTrigger } from './supervision/interview/types.js';
export { accountabilityCases, accountabilityFinding } from './supervision/accountability/accountabilityCases.js';
export type {
  AccountabilityCase,
  AccountabilityGround,
  AccountabilityGroundKind,
  AccountabilityInput,
  AccountabilitySeverity,
  TriggerKey,
} from './supervision/accountability/accountabilityCases.js';

export { compareCodeUnits, compareFindings, complianceFinding, RULES } from './findings/index.js';
export type {
  ComplianceFinding,
  ComplianceKind,
  Evidence,
  EvidenceValue,
  Finding,
  FindingSubject,
  RuleId,
  RuleInfo,
  Severity,
} from './findings/index.js';

export { SansansanError } from './errors.js';
export type { LocalizedText } from './errors.js';
export { formatPath, ValidationError } from './validation.js';
export type { IssueCode, ValidationIssue } from './validation.js';

export { HANDAN_2018, parsePolicy, policyJsonSchema, PRESETS, safeParsePolicy } from './policy/index.js';
export type { Policy, PresetId } from './policy/index.js';
export type { Amount, MoneyUnit, Ratio } from './money/index.js';
export type { Bimonth, CalendarDate, Quarter, WorkingCalendar, YearMonth } from './calendar/index.js';
