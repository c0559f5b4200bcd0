export { RULES } from './rules.js';
export type { RuleId, RuleInfo } from './rules.js';
export { compareCodeUnits, compareFindings, isReason, mergeFindings, sortFindings } from './finding.js';
export { complianceFinding } from './complianceFinding.js';
export type { ComplianceFinding, ComplianceKind } from './compliance.js';
export type { Evidence, EvidenceValue, Finding, FindingSubject, Severity } from './finding.js';
