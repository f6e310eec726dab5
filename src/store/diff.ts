// What changed between two versions of a list: parties added, removed, and changed (property by property).
import type { Entity } from '../model/entity.js';
import type { ListStore, ListVersion } from './lists.js';

export interface PropertyChange {
  added: string[];
  removed: string[];
}

export interface ListDiff {
  dataset: string;
  old: Pick<ListVersion, 'version' | 'published'>;
  new: Pick<ListVersion, 'version' | 'published'>;
  added: Array<{ id: string; schema: string; caption: string }>;
  removed: Array<{ id: string; schema: string; caption: string }>;
  changed: Array<{ id: string; schema: string; caption: string; schemaChanged?: { from: string; to: string }; properties: Record<string, PropertyChange> }>;
}

function brief(store: ListStore, versionId: number, id: string): { id: string; schema: string; caption: string } {
  const r = store.db.prepare('SELECT schema, caption FROM entities WHERE version_id = ? AND id = ?').get(versionId, id) as { schema: string; caption: string };
  return { id, schema: r.schema, caption: r.caption };
}

/** Property-level difference of two versions of one entity. */
export function entityChanges(before: Entity, after: Entity): Record<string, PropertyChange> {
  const out: Record<string, PropertyChange> = {};
  const props = new Set([...Object.keys(before.properties), ...Object.keys(after.properties)]);
  for (const p of [...props].sort()) {
    const a = new Set(before.properties[p] ?? []);
    const b = new Set(after.properties[p] ?? []);
    const added = [...b].filter((v) => !a.has(v));
    const removed = [...a].filter((v) => !b.has(v));
    if (added.length || removed.length) out[p] = { added, removed };
  }
  return out;
}

/** Diff the listed parties (targets) of two versions of a dataset. */
export function diffVersions(store: ListStore, oldV: ListVersion, newV: ListVersion): ListDiff {
  const before = store.hashes(oldV.id);
  const after = store.hashes(newV.id);
  const diff: ListDiff = {
    dataset: newV.dataset,
    old: { version: oldV.version, published: oldV.published },
    new: { version: newV.version, published: newV.published },
    added: [],
    removed: [],
    changed: [],
  };
  for (const [id, hash] of after) {
    const prev = before.get(id);
    if (prev === undefined) diff.added.push(brief(store, newV.id, id));
    else if (prev !== hash) {
      const a = store.entity(oldV.id, id)!;
      const b = store.entity(newV.id, id)!;
      diff.changed.push({
        ...brief(store, newV.id, id),
        ...(a.schema !== b.schema ? { schemaChanged: { from: a.schema, to: b.schema } } : {}),
        properties: entityChanges(a, b),
      });
    }
  }
  for (const id of before.keys()) if (!after.has(id)) diff.removed.push(brief(store, oldV.id, id));
  const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id, 'en', { numeric: true });
  diff.added.sort(byId);
  diff.removed.sort(byId);
  diff.changed.sort(byId);
  return diff;
}
