/** The shapes the services answer with (see each service's web package). */

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
  totalPages: number;
  message?: string | null;
}

export interface Person {
  name: string;
  username: string | null;
  email: string | null;
}

export interface Plan {
  id: string;
  title: string;
  organisation: string;
  service: string | null;
  serviceArea: string | null;
  period: string;
  starts: string;
  ends: string;
  owner: string | null;
  status: string;
  priorities: Array<{ id: string; title: string }>;
  outcomes: Array<{ code: string; title: string }>;
  version: number;
}

export interface Due {
  date: string;
  asWritten: string;
}

export interface Action {
  id: string;
  planId: string;
  priorityId: string | null;
  reference: string | null;
  title: string;
  description: string | null;
  serviceArea: string | null;
  leads: Person[];
  steps: Array<{ order: number; text: string; lead: Person | null; due: Due | null }>;
  startDate: string | null;
  due: Due;
  reviewDate: string | null;
  progressPercent: number;
  expectedPercent: number;
  status: string;
  judgedBy: string;
  exceptionReport: {
    reason: string; correctiveAction: string; revisedDate: string; reportedBy: string; reportedAt: string;
  } | null;
  progressUpdates: Array<{ asOf: string; author: string; text: string | null; progressPercent: number; recordedAt: string }>;
  createdBy: string;
  createdAt: string;
  version: number;
}

export interface HistoryEntry {
  at: string;
  by: string;
  what: string;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
}

export interface ImportReport {
  planId: string;
  dryRun: boolean;
  stored: boolean;
  accepted: number;
  rejected: number;
  rows: Array<{ row: number; accepted: boolean; title: string | null; actionId: string | null; errors: Array<{ field: string; message: string }> }>;
}

export interface PeriodValue {
  period: string | null;
  periodEnd: string | null;
  value: number | null;
  valueAsWritten: string | null;
  expectedOn: string | null;
  target: string | null;
  status: string;
  statusLabel: string;
  reason: string;
  trend: string | null;
  commentary: string | null;
  needsRemedialCommentary: boolean;
  recordedBy: string | null;
  recordedAt: string | null;
  revision: number | null;
}

export interface ScorecardRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  polarity: string;
  frequency: string;
  serviceArea: string | null;
  theme: string | null;
  owner: string | null;
  benchmarkSource: string | null;
  benchmarkValue: string | null;
  asAt: PeriodValue;
}

export interface Indicator {
  id: string;
  code: string;
  name: string;
  description: string | null;
  unit: string;
  polarity: string;
  frequency: string;
  baseline: { number: number | null; asWritten: string } | null;
  baselinePeriod: string | null;
  targets: Array<{ year: string; kind: string; value: number | null; asWritten: string }>;
  tolerance: { kind: string; amount: number; organisationDefault: boolean };
  owner: Person | null;
  serviceArea: string | null;
  theme: string | null;
  benchmark: { source: string; value: { number: number | null; asWritten: string } | null } | null;
  current: PeriodValue;
  periods: PeriodValue[];
  version: number;
}

export interface StatusCount {
  status: string;
  label: string;
  count: number;
  percent: number;
}

export interface IndicatorSummary {
  period: string | null;
  total: number;
  statuses: StatusCount[];
  redWithoutCommentary: number;
  message: string | null;
}

export interface Assessment {
  likelihood: number;
  impact: number;
  score: number;
  band: string;
}

export interface Risk {
  id: string;
  registerId: string;
  registerName: string;
  code: string;
  title: string;
  description: string | null;
  riskFactors: string | null;
  category: string;
  owner: Person | null;
  serviceArea: string | null;
  original: Assessment | null;
  current: Assessment | null;
  target: Assessment | null;
  aboveAppetite: boolean;
  appetite: string | null;
  mitigations: Array<{ id: string; text: string; owner: Person | null; dueDate: string | null; status: string; reduces: string | null; overdue: boolean }>;
  reviewFrequency: string;
  lastReviewedOn: string | null;
  nextReviewDue: string | null;
  reviewOverdue: boolean;
  status: string;
  version: number;
}

export interface RiskHistory {
  at: string;
  by: string;
  kind: string;
  assessment: string | null;
  before: Assessment | null;
  after: Assessment | null;
  justification: string | null;
  detail: string | null;
}

export interface HeatMap {
  assessment: string;
  counts: number[][];
  total: number;
  withoutAssessment: number;
}

export interface BudgetGroup {
  key: Record<string, string>;
  lines: number;
  budget: string;
  actualToDate: string;
  projectedOutturn: string | null;
  variance: string | null;
  variancePercent: string | null;
  outturnPercent: string | null;
  status: string;
  linesWithoutProjection: number;
  sharePercent: number | null;
}

export interface BudgetTotals {
  by: string[];
  groups: BudgetGroup[];
  total: BudgetGroup;
  sharesNote: string;
}

export interface BudgetLine {
  id: string;
  financialYear: string;
  organisation: string;
  serviceArea: string | null;
  division: string | null;
  fundingSource: string | null;
  type: string;
  project: string | null;
  category: string | null;
  categoryLabel: string | null;
  kind: string;
  description: string | null;
  amount: string;
  holder: Person | null;
  latest: { period: string | null; actualToDate: string | null; projectedOutturn: string | null; variance: string | null; variancePercent: string | null; outturnPercent: string | null; status: string };
}

export interface Alert {
  id: string;
  kind: string;
  recipientEmail: string;
  subject: string;
  status: string;
  attempts?: number;
  raisedAt: string;
  sentAt: string | null;
  read?: boolean;
  readAt?: string | null;
}

/** One stated figure of a budget table that its own lines contradict (budget-service, ADR 0030). */
export interface BudgetDisagreement {
  row: number;
  label: string;
  column: string;
  check: string;
  stated: string;
  computed: string | null;
  difference: string;
}

export interface BudgetTableCheck {
  rowsRead: number;
  unit: string;
  header: string[];
  headings?: Array<{ row: number; label: string }>;
  checks: number;
  disagreements: BudgetDisagreement[];
}

/** A line an imported budget table holds (lineId once stored). */
export interface ImportedBudgetLine {
  row: number;
  label: string;
  column: string;
  financialYear: string;
  organisation: string;
  serviceArea: string | null;
  division: string | null;
  fundingSource: string | null;
  type: string;
  project: string | null;
  category: string | null;
  amount: string;
  lineId: string | null;
}

/** What POST /api/budgets/imports did or would do (ADR 0031); also the `report` of its 400, 409 and 422 problems. */
export interface BudgetImportResult {
  outcome: 'STORED' | 'CHECKED' | 'REFUSED_ERRORS' | 'REFUSED_CONFLICTS' | 'REFUSED_DISCREPANCIES';
  dryRun: boolean;
  stored: boolean;
  wouldStore: boolean;
  message: string;
  organisation: string | null;
  year: string | null;
  rows: string;
  columns: string;
  discrepancies: number;
  acknowledgement: string | null;
  discrepanciesAccepted: boolean;
  lines: ImportedBudgetLine[];
  zeroCellsSkipped: number;
  linesTotal: string;
  errors: Array<{ field: string; message: string }>;
  conflicts: Array<{ row: number; column: string; existingLineId: string; message: string }>;
  check: BudgetTableCheck;
}

export interface RiskRegister {
  id: string;
  name: string;
  organisation: string | null;
  serviceArea: string | null;
  categories?: Array<{ name: string }>;
}

/** What a risk register import did (or would do), row by row (risk-service, ADR 0021). */
export interface RiskImportReport {
  dryRun: boolean;
  stored: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  report: Array<{
    row: number;
    code: string | null;
    outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';
    score: number | null;
    band: string | null;
    warnings: string[];
    errors: Array<{ field: string; message: string }>;
  }>;
}
