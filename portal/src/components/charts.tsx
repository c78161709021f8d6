/**
 * Charts drawn as SVG by hand (no chart library, nothing fetched). Each chart is an image with a
 * text alternative; the pages that show one also show its figures in a table.
 */

export interface Point {
  label: string;
  value: number | null;
  target?: number | null;
}

/** A small trend line for a table cell. */
export function Sparkline({ values, label, width = 100, height = 24 }: {
  values: Array<number | null>; label: string; width?: number; height?: number;
}) {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length < 2) return <span className="govuk-body-s">—</span>;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  const points = values
    .map((v, i) => (v === null ? null : `${(i * step).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  return (
    <svg className="wp-sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="#1d70b8" strokeWidth="2" />
    </svg>
  );
}

/**
 * Values per period against target, with the tolerance band around the target and the benchmark
 * as a dashed line.
 */
export function ValueChart({ points, tolerance, benchmark, title, unit }: {
  points: Point[]; tolerance?: number | null; benchmark?: number | null; title: string; unit?: string;
}) {
  const width = 720;
  const height = 300;
  const pad = { left: 60, right: 20, top: 20, bottom: 60 };
  const all = points.flatMap((p) => [p.value, p.target, p.target != null && tolerance ? p.target - tolerance : null,
    p.target != null && tolerance ? p.target + tolerance : null]).concat(benchmark ?? null)
    .filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  if (points.length === 0 || all.length === 0) return <p className="govuk-body">No values to chart yet.</p>;
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (min === max) { min -= 1; max += 1; }
  const margin = (max - min) * 0.1;
  min -= margin; max += margin;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => pad.top + plotH - ((v - min) / (max - min)) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => min + t * (max - min));
  const line = (get: (p: Point) => number | null | undefined) => points
    .map((p, i) => { const v = get(p); return v === null || v === undefined ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`; })
    .filter(Boolean).join(' ');
  const band = tolerance ? points.map((p, i) => (p.target == null ? null : [x(i), y(p.target + tolerance), y(p.target - tolerance)] as const)).filter((b) => b !== null) : [];
  const bandPath = band.length > 1
    ? `M${band.map((b) => `${b![0].toFixed(1)},${b![1].toFixed(1)}`).join(' L')} L${[...band].reverse().map((b) => `${b![0].toFixed(1)},${b![2].toFixed(1)}`).join(' L')} Z`
    : null;
  const description = `${title}. ${points.map((p) => `${p.label}: ${p.value ?? 'not available'}${unit ?? ''}${p.target != null ? ` against a target of ${p.target}${unit ?? ''}` : ''}`).join('; ')}.`;
  return (
    <figure className="wp-figure">
      <svg className="wp-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
        {ticks.map((t, i) => (
          <g key={i}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke="#b1b4b6" strokeWidth="1" />
            <text x={pad.left - 8} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#0b0c0c">{formatTick(t)}</text>
          </g>
        ))}
        {bandPath && <path d={bandPath} fill="#d2e2f1" stroke="none" />}
        {benchmark != null && <line x1={pad.left} x2={width - pad.right} y1={y(benchmark)} y2={y(benchmark)} stroke="#6f72af" strokeWidth="2" strokeDasharray="6 4" />}
        <polyline points={line((p) => p.target)} fill="none" stroke="#0b0c0c" strokeWidth="2" strokeDasharray="2 3" />
        <polyline points={line((p) => p.value)} fill="none" stroke="#1d70b8" strokeWidth="3" />
        {points.map((p, i) => p.value === null ? null : <circle key={i} cx={x(i)} cy={y(p.value)} r="4" fill="#1d70b8" />)}
        {points.map((p, i) => (
          <text key={i} x={x(i)} y={height - pad.bottom + 18} textAnchor="middle" fontSize="12" fill="#0b0c0c">{p.label}</text>
        ))}
      </svg>
      <figcaption className="govuk-body-s">
        <span className="wp-key wp-key--value" aria-hidden="true" /> Value{' '}
        <span className="wp-key wp-key--target" aria-hidden="true" /> Target{' '}
        {tolerance ? <><span className="wp-key wp-key--band" aria-hidden="true" /> Tolerance band{' '}</> : null}
        {benchmark != null ? <><span className="wp-key wp-key--benchmark" aria-hidden="true" /> Benchmark</> : null}
      </figcaption>
    </figure>
  );
}

function formatTick(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1000) return Math.round(v).toLocaleString('en-GB');
  if (abs >= 10) return v.toFixed(0);
  return v.toFixed(1);
}

/** Horizontal bars with their figures written beside them. */
export function Bars({ rows, label }: { rows: Array<{ label: string; value: number; text: string }>; label: string }) {
  const max = Math.max(...rows.map((r) => Math.abs(r.value)), 1);
  return (
    <figure className="wp-figure" aria-label={label}>
      <ul className="wp-bars">
        {rows.map((r) => (
          <li key={r.label}>
            <span>{r.label}</span>
            <span className="wp-bars__track" aria-hidden="true"><span className="wp-bars__bar" style={{ width: `${(Math.abs(r.value) / max) * 100}%`, display: 'block' }} /></span>
            <span>{r.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
