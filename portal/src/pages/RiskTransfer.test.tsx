import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ImportRiskRegisterPage, RisksPage } from './Risks';
import { SessionProvider } from '../session';
import { fakeApi, problem } from '../test/fakeApi';
import type { RiskImportReport } from '../types';

const REGISTER = {
  id: 'reg-cj', name: 'Children and Justice risk register', organisation: 'East Ayrshire Health and Social Care Partnership',
  serviceArea: 'Children and Justice', categories: [{ name: 'Operational' }, { name: 'Financial' }],
};

const RISK = {
  id: 'r1', registerId: 'reg-cj', registerName: REGISTER.name, code: 'CJ01', title: 'Loss of key staff', description: null,
  riskFactors: null, category: 'Operational', owner: { name: 'Sarah Campbell' }, serviceArea: 'Children and Justice',
  original: null, current: { likelihood: 3, impact: 4, score: 12, band: 'HIGH' }, target: null, aboveAppetite: false, appetite: null,
  mitigations: [], reviewFrequency: 'QUARTERLY', lastReviewedOn: null, nextReviewDue: '2026-12-31', reviewOverdue: true, status: 'OPEN', version: 1,
};

function me(...roles: string[]) {
  return { body: { username: 'sarah.manager', name: 'Sarah Campbell', authorities: roles.map((r) => `ROLE_${r}`), serviceAreas: ['Children and Justice'] } };
}

function at(path: string) {
  render(
    <SessionProvider>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/risks" element={<RisksPage />} />
          <Route path="/risks/registers/:id/import" element={<ImportRiskRegisterPage />} />
        </Routes>
      </MemoryRouter>
    </SessionProvider>,
  );
}

afterEach(() => cleanup());

/**
 * A link's name as a screen reader reads it. GOV.UK's pattern puts the space before the hidden words
 * inside the hidden span ("CSV<span> of the register</span>"), which browsers read as "CSV of the
 * register" and the test library's name computation as "CSVof the register": either matches.
 */
function named(visible: string, hidden: string): RegExp {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(visible)} ?${escape(hidden)}$`);
}

describe('risk exports', () => {
  function platform(...roles: string[]) {
    return fakeApi()
      .on('GET', '/me', me(...roles))
      .on('GET', '/api/risk-registers', { body: { items: [REGISTER], total: 1, page: 0, size: 200, totalPages: 1 } })
      .on('GET', '/api/risks', { body: { items: [RISK], total: 1, page: 0, size: 200, totalPages: 1 } })
      .on('GET', '/api/risks/heat-map', { body: { assessment: 'CURRENT', counts: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], total: 1, withoutAssessment: 0 } });
  }

  it('downloads exactly the listed risks: the export link carries the list filters and its order', async () => {
    platform('manager');
    at('/risks?registerId=reg-cj&serviceArea=Children%20and%20Justice&reviewOverdue=true');
    const csv = await screen.findByRole('link', { name: named('CSV', 'file of the listed risks') });
    const url = new URL(csv.getAttribute('href')!, 'http://waypoint.test');
    expect(url.pathname).toBe('/api/risks/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'csv', registerId: 'reg-cj', serviceArea: 'Children and Justice', reviewOverdue: 'true', sort: 'score,desc',
    });
    expect(csv.hasAttribute('download')).toBe(true);
    const xlsx = screen.getByRole('link', { name: named('Excel (XLSX)', 'file of the listed risks') });
    expect(new URL(xlsx.getAttribute('href')!, 'http://waypoint.test').searchParams.get('format')).toBe('xlsx');
    // The register filter is a labelled choice of the registers there are.
    expect((screen.getByLabelText('Register') as HTMLSelectElement).value).toBe('reg-cj');
  });

  it("lists each register with its CSV and XLSX exports, and an import link for those who may import", async () => {
    platform('manager');
    at('/risks');
    const registers = await screen.findByRole('table', { name: /Download a whole register, or import a spreadsheet into it/ });
    expect(within(registers).getByRole('link', { name: named('CSV', `of ${REGISTER.name}`) }).getAttribute('href'))
      .toBe('/api/risk-registers/reg-cj/export?format=csv');
    expect(within(registers).getByRole('link', { name: named('XLSX', `of ${REGISTER.name}`) }).getAttribute('href'))
      .toBe('/api/risk-registers/reg-cj/export?format=xlsx');
    expect(within(registers).getByRole('link', { name: named('Import', `into ${REGISTER.name}`) }).getAttribute('href'))
      .toBe('/risks/registers/reg-cj/import');
  });

  it('offers no import to staff, who may only read registers', async () => {
    platform('staff');
    at('/risks');
    const registers = await screen.findByRole('table', { name: 'Download a whole register' });
    expect(within(registers).queryByRole('link', { name: /Import/ })).toBeNull();
  });
});

describe('importing a risk register', () => {
  const REPORT: RiskImportReport = {
    dryRun: true, stored: false, rows: 3, created: 1, updated: 1, unchanged: 1, rejected: 0,
    report: [
      { row: 2, code: 'CJ01', outcome: 'UPDATED', score: 12, band: 'HIGH', warnings: ['Risk Score 15 disagrees with Likelihood x Severity = 3 x 4 = 12: the stated score is not stored, 12 is'], errors: [] },
      { row: 3, code: 'CJ02', outcome: 'UNCHANGED', score: 6, band: 'MEDIUM', warnings: [], errors: [] },
      { row: 4, code: 'CJ09', outcome: 'CREATED', score: 4, band: 'LOW', warnings: [], errors: [] },
    ],
  };

  function platform() {
    return fakeApi().on('GET', '/me', me('manager')).on('GET', '/api/risk-registers/reg-cj', { body: REGISTER });
  }

  function choose() {
    const file = new File(['Code,Title,Likelihood,Severity,Risk Score\n'], 'register.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Spreadsheet (CSV or XLSX)'), { target: { files: [file] } });
    return file;
  }

  it('checks a file (dry run) and shows the row-by-row report with the warning of a stated score that is not likelihood × severity', async () => {
    const api = platform().on('POST', '/api/risk-registers/reg-cj/import', { body: REPORT });
    at('/risks/registers/reg-cj/import');
    await screen.findByText(REGISTER.name, { selector: '.govuk-caption-l' });
    const file = choose();
    fireEvent.change(screen.getByLabelText('Category for rows without one (optional)'), { target: { value: 'Operational' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));

    const section = (await screen.findByRole('heading', { name: 'Row report' })).closest('section')!;
    expect(section.textContent).toContain('3 rows: 1 new, 1 reassessed, 1 unchanged, 0 not right; 1 with a warning. Nothing was stored (check only).');
    const row = within(section).getAllByRole('row')[1];
    expect(row.textContent).toContain('CJ01');
    expect(row.textContent).toContain('Reassessed');
    expect(row.textContent).toContain('Warning: Risk Score 15 disagrees with Likelihood x Severity = 3 x 4 = 12');
    const sent = api.sent('POST', '/api/risk-registers/reg-cj/import')[0];
    expect(Object.fromEntries(sent.params)).toEqual({ dryRun: 'true', defaultCategory: 'Operational' });
    expect((sent.body as FormData).get('file')).toBe(file);
  });

  it('imports for real when the check box is cleared, and says so', async () => {
    const api = platform().on('POST', '/api/risk-registers/reg-cj/import', { body: { ...REPORT, dryRun: false, stored: true } });
    at('/risks/registers/reg-cj/import');
    choose();
    fireEvent.click(screen.getByLabelText('Only check the file: store nothing'));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const banner = (await screen.findByText('Register imported')).closest('[role=alert]')!;
    expect(banner.textContent).toContain('1 new, 1 reassessed, 1 unchanged');
    expect(api.sent('POST', '/api/risk-registers/reg-cj/import')[0].params.get('dryRun')).toBe('false');
  });

  it('names each wrong row and column (rows[n].Column) in the error summary, linked to the row of the report; nothing stored', async () => {
    const report: RiskImportReport = {
      ...REPORT, rejected: 1, updated: 0,
      report: [
        { row: 2, code: 'CJ01', outcome: 'REJECTED', score: null, band: null, warnings: [], errors: [{ field: 'Likelihood', message: "'7' must be 1 to 5" }] },
        ...REPORT.report.slice(1),
      ],
    };
    platform().on('POST', '/api/risk-registers/reg-cj/import', problem(400, 'Rows rejected',
      "1 of 3 rows are not right, so nothing was stored: rows[2].Likelihood '7' must be 1 to 5",
      [{ field: 'rows[2].Likelihood', message: "'7' must be 1 to 5" }], { report }));
    at('/risks/registers/reg-cj/import');
    choose();
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));

    const summary = (await screen.findByText('There is a problem')).closest('.govuk-error-summary') as HTMLElement;
    const link = within(summary).getByRole('link', { name: "Row 2, Likelihood: '7' must be 1 to 5" });
    fireEvent.click(link);
    expect(document.activeElement?.id).toBe('import-row-2');
    expect(document.activeElement?.textContent).toContain("Error: Likelihood: '7' must be 1 to 5");
    expect(document.activeElement?.textContent).toContain('Not right');
    expect(screen.getByText(/Nothing was stored\./)).toBeTruthy();
  });

  it('asks for a file before sending anything', async () => {
    const api = platform();
    at('/risks/registers/reg-cj/import');
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    const link = await screen.findByRole('link', { name: 'Select a CSV or XLSX file' });
    fireEvent.click(link);
    expect(document.activeElement?.id).toBe('riskFile');
    expect(api.sent('POST', '/api/risk-registers/reg-cj/import')).toHaveLength(0);
  });
});
