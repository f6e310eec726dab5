// The lists in the store: every version with its publication date and counts, and what changed between
// two versions of a list.
import { useEffect, useState, type ReactNode } from 'react';
import { qs } from '../api';
import { Field, Loading, Problem, TableHead } from '../components/common';
import { plural, when } from '../format';
import { useApi, useInterval, useTitle } from '../hooks';
import { navigate, useRoute } from '../router';
import type { ListDiff, ListInfo, VersionSummary } from '../types';

const SHOW = 100;

function Counts({ v }: { v: VersionSummary }) {
  const entries = Object.entries(v.counts).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return null;
  return (
    <details>
      <summary>
        {entries.length} counts <span className="sr-only">for version {v.version}</span>
      </summary>
      <dl className="kv compact">
        {entries.map(([k, n]) => (
          <div key={k}>
            <dt>{k.replace(/_/g, ' ')}</dt>
            <dd>{n.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function Versions({ list }: { list: ListInfo }) {
  return (
    <section className="card" aria-labelledby={`list-${list.dataset}`}>
      <h2 id={`list-${list.dataset}`}>
        {list.title} <span className="muted mono">{list.dataset}</span>
      </h2>
      <p className="muted">
        {list.publisher}
        {list.served && (
          <>
            {' '}
            · screening now answers from <span className="mono">{list.served}</span>
          </>
        )}
      </p>
      <table className="versions">
        <TableHead columns={['Version', 'Published', 'Imported', 'Listed parties', 'Entities', 'Format', 'Counts']} />
        <tbody>
          {list.versions.map((v) => (
            <tr key={v.id}>
              <td>
                <span className="mono">{v.version}</span> {v.active && <span className="pill decided">active</span>}
              </td>
              <td>
                {v.published ?? 'undated'} <span className="sub">from the {v.published_source}</span>
              </td>
              <td className="nowrap">{when(v.imported_at)}</td>
              <td className="num">{v.targets.toLocaleString('en')}</td>
              <td className="num">{v.entities.toLocaleString('en')}</td>
              <td className="mono">{v.format}</td>
              <td>
                <Counts v={v} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Items({ title, items, render }: { title: string; items: unknown[]; render: (item: never) => ReactNode }) {
  const [all, setAll] = useState(false);
  return (
    <section className="diffpart" aria-label={title}>
      <h3>
        {title} <span className="muted">({items.length.toLocaleString('en')})</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="diffitems">{(all ? items : items.slice(0, SHOW)).map((x) => render(x as never))}</ul>
      )}
      {items.length > SHOW && !all && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {items.length.toLocaleString('en')}
        </button>
      )}
    </section>
  );
}

/** One end of the comparison: a labelled choice among a list's versions. */
function VersionSelect({ id, label, versions, value, onChange }: { id: string; label: string; versions: VersionSummary[] | undefined; value: string; onChange: (version: string) => void }) {
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {versions?.map((v) => (
          <option key={v.id} value={v.version}>
            {v.version}
          </option>
        ))}
      </select>
    </Field>
  );
}

function DiffView({ lists }: { lists: ListInfo[] }) {
  const { query } = useRoute();
  const candidates = lists.filter((l) => l.versions.length >= 2);
  const dataset = query.get('dataset') ?? candidates[0]?.dataset ?? '';
  const list = candidates.find((l) => l.dataset === dataset);
  const newer = query.get('new') ?? list?.versions[0]?.version ?? '';
  const older = query.get('old') ?? list?.versions.find((v) => v.version !== newer)?.version ?? '';
  const diff = useApi<ListDiff>(list && older && newer && older !== newer ? `/v1/lists/${encodeURIComponent(dataset)}/diff${qs({ old: older, new: newer })}` : null);
  // the server answers diffs once its index is built (a few seconds after start): try again until then
  const notReady = diff.error?.status === 503;
  useInterval(diff.reload, 2000, notReady);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    navigate(`/lists?${next}`, { replace: true });
  };
  useEffect(() => {
    if (!list && candidates[0] && query.get('dataset')) set({ dataset: candidates[0].dataset });
  });
  if (!candidates.length)
    return (
      <section className="card" aria-labelledby="diff-title">
        <h2 id="diff-title">Changes between versions</h2>
        <p className="muted">Import a second version of a list to compare versions.</p>
      </section>
    );
  return (
    <section className="card" aria-labelledby="diff-title">
      <h2 id="diff-title">Changes between versions</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field id="diff-list" label="List">
          <select id="diff-list" value={dataset} onChange={(e) => navigate(`/lists?dataset=${encodeURIComponent(e.target.value)}`, { replace: true })}>
            {candidates.map((l) => (
              <option key={l.dataset} value={l.dataset}>
                {l.title}
              </option>
            ))}
          </select>
        </Field>
        <VersionSelect id="diff-old" label="From" versions={list?.versions} value={older} onChange={(v) => set({ dataset, old: v, new: newer })} />
        <VersionSelect id="diff-new" label="To" versions={list?.versions} value={newer} onChange={(v) => set({ dataset, old: older, new: v })} />
      </form>
      {older === newer && <p className="muted">Choose two different versions.</p>}
      {notReady ? (
        <p className="muted" role="status">
          The server is still building its index; the changes appear as soon as it is ready…
        </p>
      ) : (
        <Problem error={diff.error} />
      )}
      {diff.loading && !notReady && <Loading what="the changes" />}
      {diff.data && !diff.loading && (
        <div data-testid="diff">
          <p>
            From <span className="mono">{diff.data.old.version}</span> (published {diff.data.old.published ?? 'undated'}) to <span className="mono">{diff.data.new.version}</span> (published{' '}
            {diff.data.new.published ?? 'undated'}): <strong className="added">+{diff.data.added.length}</strong> added, <strong className="removed">−{diff.data.removed.length}</strong> removed,{' '}
            <strong>~{diff.data.changed.length}</strong> changed.
          </p>
          <div className="diffgrid">
            <Items
              title="Added"
              items={diff.data.added}
              render={(x: ListDiff['added'][number]) => (
                <li key={x.id} className="added">
                  + {x.caption} <span className="sub">{x.schema} · {x.id}</span>
                </li>
              )}
            />
            <Items
              title="Removed"
              items={diff.data.removed}
              render={(x: ListDiff['removed'][number]) => (
                <li key={x.id} className="removed">
                  − {x.caption} <span className="sub">{x.schema} · {x.id}</span>
                </li>
              )}
            />
          </div>
          <Items
            title="Changed"
            items={diff.data.changed}
            render={(x: ListDiff['changed'][number]) => (
              <li key={x.id}>
                <details>
                  <summary>
                    ~ {x.caption} <span className="sub">{x.schema} · {x.id} · {plural(Object.keys(x.properties).length, 'property', 'properties')}</span>
                  </summary>
                  {x.schemaChanged && (
                    <p>
                      type: {x.schemaChanged.from} → {x.schemaChanged.to}
                    </p>
                  )}
                  <dl className="kv compact">
                    {Object.entries(x.properties).map(([p, ch]) => (
                      <div key={p}>
                        <dt>{p}</dt>
                        <dd>
                          {ch.removed.map((v, i) => (
                            <del key={`r${i}`}>{v}</del>
                          ))}
                          {ch.added.map((v, i) => (
                            <ins key={`a${i}`}>{v}</ins>
                          ))}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </details>
              </li>
            )}
          />
        </div>
      )}
    </section>
  );
}

export function ListsPage() {
  useTitle('Lists');
  const lists = useApi<{ lists: ListInfo[] }>('/v1/lists');
  const loaded = (lists.data?.lists ?? []).filter((l) => l.versions.length > 0);
  return (
    <section aria-labelledby="lists-title">
      <div className="pagehead">
        <h1 id="lists-title">Lists</h1>
        <p className="muted">
          Every imported version of every list. The newest publication of a list is active. Import with <code>interdict import</code> or <code>interdict update</code>.
        </p>
      </div>
      <Problem error={lists.error} />
      {!lists.data && lists.loading && <Loading what="lists" />}
      {lists.data && loaded.length === 0 && <p className="empty">No list imported yet.</p>}
      {lists.data && loaded.length > 0 && <DiffView lists={loaded} />}
      {loaded.map((l) => (
        <Versions key={l.dataset} list={l} />
      ))}
    </section>
  );
}
