/**
 * GOV.UK Frontend components as React: the markup the design system prescribes, so its stylesheet,
 * focus styles and accessibility patterns apply (error summary, fields with hints and errors, tags,
 * tables, pagination, summary lists).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError, FieldError } from '../api';

/** Moves focus to an element on the page without touching the (hash) route. */
export function focusById(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
    target.setAttribute('tabindex', '-1');
  }
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}

export interface SummaryItem {
  text: string;
  href?: string; // the id of the field, without '#'
}

/**
 * The error summary: at the top of the main content, focused when it appears, each error linked
 * to its field.
 */
export function ErrorSummary({ items, title = 'There is a problem', description }: {
  items: SummaryItem[]; title?: string; description?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = items.map((i) => i.text).join('|') + (description ?? '');
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  if (items.length === 0 && !description) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description && <p>{description}</p>}
          {items.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {items.map((item, i) => (
                <li key={i}>
                  {item.href ? (
                    <a href={`#${item.href}`} onClick={(e) => { e.preventDefault(); focusById(item.href!); }}>{item.text}</a>
                  ) : item.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

/** The row number of a row field of an import ("rows[4].Likelihood" is row 4), or null. */
export function rowOf(field: string | null | undefined): number | null {
  const match = /^rows\[(\d+)\]/.exec(field ?? '');
  return match ? Number(match[1]) : null;
}

function words(field: string): string {
  const text = field.replace(/\[\d+\]/g, '').replace(/[._]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Words a person understands for an API field name ("progressPercent" is "Progress percent"). A
 * field of an imported file's row names the row as the spreadsheet numbers it and the column as
 * the file heads it: "rows[4].Likelihood" is "Row 4, Likelihood", "rows[11]['Total £m']" is
 * "Row 11, column 'Total £m'", "rows[5].fundingSource" is "Row 5, funding source".
 */
export function fieldLabel(field: string): string {
  const row = /^rows\[(\d+)\](?:\.(.+)|\['(.*)'\])?$/.exec(field);
  if (row) {
    const [, n, named, quoted] = row;
    if (quoted !== undefined) return `Row ${n}, column '${quoted}'`;
    if (named === undefined) return `Row ${n}`;
    return `Row ${n}, ${/^[a-z]/.test(named) ? words(named).toLowerCase() : named}`;
  }
  return words(field);
}

/**
 * The error summary for a failed API call. {@code fields} maps API field names to the ids of the
 * form's inputs, so each message links to its input; {@code rowLink} gives the id of the element
 * that shows a row of an imported file (its line in a report table), so that a row's error links there.
 */
export function ApiErrorSummary({ error, fields = {}, rowLink }: {
  error: ApiError | null; fields?: Record<string, string>; rowLink?: (row: number) => string | undefined;
}) {
  if (!error) return null;
  if (error.signedOut) {
    return (
      <ErrorSummary title="Your session has ended" description="Sign in again to carry on: what you typed is kept on this page."
        items={[{ text: 'Sign in again (opens the sign-in page)', href: undefined }]} />
    );
  }
  const items: SummaryItem[] = error.errors.map((e: FieldError) => {
    const row = rowOf(e.field);
    return {
      text: e.field && !fields[e.field] ? `${fieldLabel(e.field)}: ${e.message}` : messageFor(e),
      href: e.field ? fields[e.field] ?? (row !== null ? rowLink?.(row) : undefined) : undefined,
    };
  });
  return <ErrorSummary items={items} description={items.length === 0 ? error.detail : error.status === 400 ? undefined : error.detail} />;
}

function messageFor(e: FieldError): string {
  return `${fieldLabel(e.field)} ${e.message}`;
}

/** The error message of one field, from the API's errors. */
export function fieldError(error: ApiError | null, ...fields: string[]): string | undefined {
  if (!error) return undefined;
  const found = error.errors.find((e) => fields.includes(e.field));
  return found ? messageFor(found) : undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
  labelClass?: string;
}

export function Field({ id, label, hint, error, children, labelClass = 'govuk-label' }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={labelClass} htmlFor={id}>{label}</label>
      {hint && <div id={`${id}-hint`} className="govuk-hint">{hint}</div>}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {children(describedBy, !!error)}
    </div>
  );
}

export function TextInput({ id, label, hint, error, value, onChange, type = 'text', width, inputMode, autoComplete }: {
  id: string; label: string; hint?: string; error?: string; value: string; onChange: (v: string) => void;
  type?: string; width?: string; inputMode?: 'numeric' | 'text' | 'decimal'; autoComplete?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <input className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${invalid ? ' govuk-input--error' : ''}`}
          id={id} name={id} type={type} value={value} inputMode={inputMode} autoComplete={autoComplete ?? 'off'}
          aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

export function TextArea({ id, label, hint, error, value, onChange, rows = 4 }: {
  id: string; label: string; hint?: string; error?: string; value: string; onChange: (v: string) => void; rows?: number;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <textarea className={`govuk-textarea${invalid ? ' govuk-textarea--error' : ''}`} id={id} name={id} rows={rows}
          value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

export function Select({ id, label, hint, error, value, onChange, options }: {
  id: string; label: string; hint?: string; error?: string; value: string; onChange: (v: string) => void;
  options: Array<{ value: string; text: string }>;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <select className={`govuk-select${invalid ? ' govuk-select--error' : ''}`} id={id} name={id} value={value}
          aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.text}</option>)}
        </select>
      )}
    </Field>
  );
}

/** A file upload field: label, hint and error linked by aria-describedby; reports the chosen file. */
export function FileInput({ id, label, hint, error, accept, onChange }: {
  id: string; label: string; hint?: string; error?: string; accept?: string; onChange: (file: File | null) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <input className={`govuk-file-upload${invalid ? ' govuk-file-upload--error' : ''}`} id={id} name={id} type="file"
          accept={accept} aria-describedby={describedBy} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
      )}
    </Field>
  );
}

/** One small checkbox with its label (and hint). */
export function Checkbox({ id, label, hint, checked, onChange }: {
  id: string; label: string; hint?: string; checked: boolean; onChange: (checked: boolean) => void;
}) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} name={id} type="checkbox" checked={checked}
            aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.checked)} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>{label}</label>
          {hint && <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">{hint}</div>}
        </div>
      </div>
    </div>
  );
}

/** The design system's warning text: an icon and the word "Warning" for screen readers, so the meaning is never only colour or shape. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>{children}</strong>
    </div>
  );
}

export function Button({ children, secondary, warning, type = 'submit', onClick, disabled }: {
  children: ReactNode; secondary?: boolean; warning?: boolean; type?: 'submit' | 'button'; onClick?: () => void; disabled?: boolean;
}) {
  const cls = `govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}`;
  return <button type={type} className={cls} data-module="govuk-button" onClick={onClick} disabled={disabled} aria-disabled={disabled}>{children}</button>;
}

const TAG_COLOURS: Record<string, string> = {
  OVERDUE: 'red', AT_RISK: 'orange', ON_TRACK: 'green', COMPLETE: 'blue', NOT_STARTED: 'grey', POSTPONED: 'yellow',
  CANCELLED: 'grey', RED: 'red', AMBER: 'orange', GREEN: 'green', GREY: 'grey', HIGH: 'red', VERY_HIGH: 'red',
  MEDIUM: 'orange', LOW: 'green', VERY_LOW: 'green', OVERSPEND: 'red', UNDERSPEND: 'yellow', ON_BUDGET: 'green',
  SENT: 'green', PENDING: 'yellow', FAILED: 'red', OPEN: 'blue', CLOSED: 'grey',
};

export function humanise(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A coloured status tag; the text always carries the meaning (colour is never the only cue). */
export function Tag({ status, text }: { status: string | null | undefined; text?: string }) {
  if (!status) return null;
  const colour = TAG_COLOURS[status.toUpperCase()];
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{text ?? humanise(status)}</strong>;
}

export function SummaryList({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Previous / next with "page N of M", as GOV.UK pagination. */
export function Pagination({ page, totalPages, onPage, label = 'results' }: {
  page: number; totalPages: number; onPage: (p: number) => void; label?: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={`Pages of ${label}`}>
      {page > 0 && (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href="#prev" rel="prev"
            onClick={(e) => { e.preventDefault(); onPage(page - 1); }}>
            <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
      <ul className="govuk-pagination__list">
        <li className="govuk-pagination__item govuk-pagination__item--current">
          <span aria-current="page">Page {page + 1} of {totalPages}</span>
        </li>
      </ul>
      {page + 1 < totalPages && (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href="#next" rel="next"
            onClick={(e) => { e.preventDefault(); onPage(page + 1); }}>
            <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
    </nav>
  );
}

export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return <Link className="govuk-back-link" to={to}>{children}</Link>;
}

export function Loading({ what }: { what: string }) {
  return <p className="govuk-body" role="status">Loading {what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

export function NotificationBanner({ title = 'Success', children }: { title?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert"
      aria-labelledby="banner-title" data-module="govuk-notification-banner" tabIndex={-1} ref={ref}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="banner-title">{title}</h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

/** A progress bar that reads as text too. */
export function ProgressBar({ percent, expected, label }: { percent: number; expected?: number; label: string }) {
  return (
    <div className="wp-progress">
      <div className="wp-progress__track" role="img" aria-label={`${label}: ${percent}% done${expected !== undefined ? `, ${expected}% expected by now` : ''}`}>
        <div className="wp-progress__bar" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
        {expected !== undefined && <div className="wp-progress__expected" style={{ left: `${Math.max(0, Math.min(100, expected))}%` }} />}
      </div>
      <p className="govuk-body-s wp-progress__text">
        {percent}% done{expected !== undefined ? ` · ${expected}% expected by now` : ''}
      </p>
    </div>
  );
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })} ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

/** Money as the API gives it (a decimal string) in pounds, exact: no floating point for the text. */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const negative = value.startsWith('-');
  const [whole, pence = '00'] = value.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}£${grouped}.${pence.padEnd(2, '0').substring(0, 2)}`;
}
