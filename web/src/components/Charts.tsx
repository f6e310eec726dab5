// Two small SVG charts. Each has a text alternative: the same numbers as a table for screen readers.
export interface Datum {
  label: string;
  value: number;
  kind?: string;
}

function niceMax(n: number): number {
  if (n <= 5) return Math.max(1, n);
  const p = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / p) * p;
}

function DataTable({ data, title }: { data: Datum[]; title: string }) {
  return (
    <table className="sr-only">
      <caption>{title}</caption>
      <tbody>
        {data.map((d) => (
          <tr key={d.label}>
            <th scope="row">{d.label}</th>
            <td>{d.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Vertical bars over days. */
export function BarChart({ data, title }: { data: Datum[]; title: string }) {
  const W = 560;
  const H = 200;
  const pad = { l: 34, r: 8, t: 10, b: 38 };
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const bw = (W - pad.l - pad.r) / Math.max(1, data.length);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const ticks = [0, max / 2, max].map((t) => Math.round(t));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="chart-per-day">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} className="grid" />
            <text x={pad.l - 6} y={y(t) + 4} textAnchor="end" className="tick">
              {t}
            </text>
          </g>
        ))}
        {data.map((d, i) => (
          <g key={d.label}>
            <rect x={pad.l + i * bw + 1} y={y(d.value)} width={Math.max(1, bw - 2)} height={H - pad.b - y(d.value)} className="barfill">
              <title>
                {d.label}: {d.value}
              </title>
            </rect>
            {d.value > 0 && (
              <text x={pad.l + i * bw + bw / 2} y={y(d.value) - 3} textAnchor="middle" className="val">
                {d.value}
              </text>
            )}
            {(i % 7 === data.length % 7 || i === data.length - 1) && (
              <text x={pad.l + i * bw + bw / 2} y={H - pad.b + 14} textAnchor="middle" className="tick">
                {d.label.slice(5)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <DataTable data={data.filter((d) => d.value > 0)} title={title} />
    </figure>
  );
}

/** Horizontal bars per category. */
export function HBarChart({ data, title }: { data: Datum[]; title: string }) {
  if (!data.length) return <p className="muted">No alerts yet.</p>;
  const W = 560;
  const row = 34;
  const label = 130;
  const H = data.length * row + 10;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="chart-decisions">
        {data.map((d, i) => {
          const w = ((W - label - 50) * d.value) / max;
          return (
            <g key={d.label} transform={`translate(0, ${i * row + 6})`}>
              <text x={label - 8} y={row / 2 + 2} textAnchor="end" className="cat">
                {d.label}
              </text>
              <rect x={label} y={4} width={Math.max(1, w)} height={row - 12} className={`hbar ${d.kind ?? ''}`}>
                <title>
                  {d.label}: {d.value}
                </title>
              </rect>
              <text x={label + w + 6} y={row / 2 + 2} className="val">
                {d.value}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable data={data} title={title} />
    </figure>
  );
}
