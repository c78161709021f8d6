import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/react';
import { ApiError, query } from './api';
import { ApiErrorSummary, fieldLabel, formatMoney } from './components/govuk';

describe('formatting', () => {
  it('writes money exactly from the API decimal string, with the minus sign and pence', () => {
    expect(formatMoney('1234567.5')).toBe('£1,234,567.50');
    expect(formatMoney('-228.00')).toBe('−£228.00');
    expect(formatMoney(null)).toBe('—');
  });

  it('names API fields in words', () => {
    expect(fieldLabel('progressPercent')).toBe('Progress percent');
    expect(fieldLabel('rows[3].due')).toBe('Row 3, due');
    expect(fieldLabel('rows[4].Likelihood')).toBe('Row 4, Likelihood');
    expect(fieldLabel('rows[5].fundingSource')).toBe('Row 5, funding source');
    expect(fieldLabel("rows[11]['Total £m']")).toBe("Row 11, column 'Total £m'");
    expect(fieldLabel('rows[2]')).toBe('Row 2');
  });

  it('builds a query string from the values that are set only', () => {
    expect(query({ planId: 'ea', status: '', page: 0, q: undefined })).toBe('?planId=ea&page=0');
    expect(query({})).toBe('');
  });
});

describe('the error summary of a refused request', () => {
  it('lists each field error as a link that moves focus to its input', () => {
    const error = new ApiError(400, { title: 'Invalid request', detail: 'progressPercent must be at most 100',
      errors: [{ field: 'progressPercent', message: 'must be less than or equal to 100' }] });
    render(<><ApiErrorSummary error={error} fields={{ progressPercent: 'pp' }} /><input id="pp" aria-label="Progress" /></>);
    expect(screen.getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Progress percent must be less than or equal to 100' });
    fireEvent.click(link);
    expect(document.activeElement?.id).toBe('pp');
  });

  it('tells a person whose session ended to sign in again', () => {
    render(<ApiErrorSummary error={new ApiError(401, {})} />);
    expect(screen.getByRole('heading', { name: 'Your session has ended' })).toBeTruthy();
  });
});
