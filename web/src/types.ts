// The shapes the /v1 API answers with. Those the server declares are imported from it (type-only: erased
// from the bundle), so the UI cannot drift from the API; the rest are the routes' answers as sent.
import type { AlertSummary } from '../../src/cases/alerts.js';
import type { Explanation } from '../../src/match/score.js';
import type { VersionSummary } from '../../src/api/lists.js';
import type { ListedEntity } from '../../src/api/routes/entity-view.js';

export type { AlertStatus, AlertSummary, Decision } from '../../src/cases/alerts.js';
export type { Explanation } from '../../src/match/score.js';
export type { MonitorRun } from '../../src/cases/monitor.js';
export type { AuditEntry } from '../../src/audit/log.js';
export type { VersionSummary } from '../../src/api/lists.js';
export type { EntityView, GroupName, ListedEntity, PropertyGroup } from '../../src/api/routes/entity-view.js';
export type { ListDiff } from '../../src/store/diff.js';
export interface PortfolioRecord {
  id: string;
  fields: Record<string, string>;
  hash: string;
  added_at: string;
  updated_at: string;
}

export interface AlertDetail {
  alert: AlertSummary & { explanations: Explanation[]; record_changed: boolean };
  record: PortfolioRecord | null;
  listed: ListedEntity | null;
  history: AlertSummary[];
}

export interface Stats {
  alerts_per_day: Array<{ day: string; alerts: number }>;
  decisions: Array<{ decision: string; n: number }>;
  open: number;
  escalated: number;
  portfolio: number;
}

export type VerifyResult = { ok: true; rows: number } | { ok: false; rows: number; seq: number; problem: string };

export interface ListInfo {
  dataset: string;
  title: string;
  publisher: string;
  active: VersionSummary | null;
  served: string | null;
  versions: VersionSummary[];
}

