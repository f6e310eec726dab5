// The shapes the /v1 API answers with (src/api/routes/cases.ts, src/api/routes/lists.ts).
export type AlertStatus = 'open' | 'escalated' | 'decided' | 'superseded';
export type Decision = 'true_match' | 'false_positive' | 'escalate';

export interface AlertSummary {
  id: number;
  record: string;
  record_name: string | null;
  entity: string;
  caption: string;
  schema: string;
  dataset: string;
  score: number;
  status: AlertStatus;
  created: string;
  list_version: string;
  run_id: number;
  decision: Decision | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface Explanation {
  feature: string;
  score: number;
  weight: number;
  detail: string;
}

export interface PortfolioRecord {
  id: string;
  fields: Record<string, string>;
  hash: string;
  added_at: string;
  updated_at: string;
}

export interface PropertyGroup {
  prop: string;
  label: string;
  values: string[];
}

export type GroupName = 'names' | 'identifiers' | 'dates' | 'addresses' | 'countries' | 'programmes' | 'other';

export interface EntityView {
  id: string;
  schema: string;
  schema_label: string;
  caption: string;
  datasets: string[];
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  groups: Record<GroupName, PropertyGroup[]>;
}

export interface ListedEntity {
  entity: EntityView;
  related: Array<EntityView & { relation: string }>;
  version: { id: number; dataset: string; version: string; published: string | null; published_source: string; imported_at: string; active: boolean };
}

export interface AlertDetail {
  alert: AlertSummary & { explanations: Explanation[]; record_changed: boolean };
  record: PortfolioRecord | null;
  listed: ListedEntity | null;
  history: AlertSummary[];
}

export interface MonitorRun {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'finished' | 'failed';
  records_total: number;
  records_done: number;
  alerts_created: number;
  list_versions: Record<string, string>;
  actor: string;
  error: string | null;
}

export interface Stats {
  alerts_per_day: Array<{ day: string; alerts: number }>;
  decisions: Array<{ decision: string; n: number }>;
  open: number;
  escalated: number;
  portfolio: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  list_versions: Record<string, string>;
  prev_hash: string;
  hash: string;
}

export type VerifyResult = { ok: true; rows: number } | { ok: false; rows: number; seq: number; problem: string };

export interface VersionSummary {
  id: number;
  version: string;
  published: string | null;
  published_source: string;
  imported_at: string;
  sha256: string;
  format: string;
  entities: number;
  targets: number;
  counts: Record<string, number>;
  active: boolean;
}

export interface ListInfo {
  dataset: string;
  title: string;
  publisher: string;
  active: VersionSummary | null;
  served: string | null;
  versions: VersionSummary[];
}

export interface ListDiff {
  dataset: string;
  old: { version: string; published: string | null };
  new: { version: string; published: string | null };
  added: Array<{ id: string; schema: string; caption: string }>;
  removed: Array<{ id: string; schema: string; caption: string }>;
  changed: Array<{ id: string; schema: string; caption: string; schemaChanged?: { from: string; to: string }; properties: Record<string, { added: string[]; removed: string[] }> }>;
}
