import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ImportBudgetPage } from './BudgetImport';
import { mayImportBudgets } from './Budgets';
import { fakeApi, problem } from '../test/fakeApi';
import type { BudgetImportResult } from '../types';

const EAST_AYRSHIRE = 'East Ayrshire Health and Social Care Partnership';
const ACKNOWLEDGEMENT = '46e9de0bb136caec';

// Seed 000, as budget-service reads it: its "Totals" row states £26.471m of EAC money that its lines
// add up to £26.748m; nine lines, one per non-zero amount cell.
const DISAGREEMENTS = [
  { row: 11, label: 'Totals', column: 'EAC Delegated Budget 2021/22 £m', check: 'column total of all lines', stated: '26471000.00', computed: '26748000.00', difference: '277000.00' },
  { row: 11, label: 'Totals', column: 'Total Delegated Budget 2021/22 £m', check: 'column total of all lines', stated: '33399000.00', computed: '33399000.00', difference: '0.00' },
];

function line(row: number, division: string, funder: string, amount: string, lineId: string | null = null) {
  return {
    row, label: division, column: `${funder} Budget 2021/22 £m`, financialYear: '2021/22', organisation: EAST_AYRSHIRE,
    serviceArea: 'Children and Justice', division, fundingSource: funder, type: 'REVENUE', project: null, category: null, amount, lineId,
  };
}

function result(overrides: Partial<BudgetImportResult>): BudgetImportResult {
  return {
    outcome: 'CHECKED', dryRun: true, stored: false, wouldStore: true, message: '', organisation: EAST_AYRSHIRE, year: '2021/22',
    rows: 'division', columns: 'fundingSource', discrepancies: 0, acknowledgement: '0000000000000000', discrepanciesAccepted: false,
    lines: [line(3, 'Child Protection Committee', 'EAC Delegated', '115000.00'), line(4, 'Prison and Police Healthcare', 'NHS A&A Delegated', '3338000.00')],
    zeroCellsSkipped: 2, linesTotal: '3453000.00', errors: [], conflicts: [],
    check: { rowsRead: 3, unit: 'MILLIONS', header: [], checks: 4, disagreements: [] },
    ...overrides,
  };
}

const discrepant = (overrides: Partial<BudgetImportResult> = {}) => result({
  wouldStore: false, discrepancies: 2, acknowledgement: ACKNOWLEDGEMENT,
  check: { rowsRead: 10, unit: 'MILLIONS', header: [], checks: 12, disagreements: DISAGREEMENTS }, ...overrides,
});

function page() {
  render(
    <MemoryRouter initialEntries={['/budgets/import']}>
      <Routes><Route path="/budgets/import" element={<ImportBudgetPage />} /></Routes>
    </MemoryRouter>,
  );
}

function choose(name = 'budget.tsv') {
  const file = new File(['Service Division\tEAC Delegated Budget 2021/22 £m\n'], name, { type: 'text/tab-separated-values' });
  fireEvent.change(screen.getByLabelText('Budget table'), { target: { files: [file] } });
  return file;
}

function fillIn({ store = false } = {}) {
  choose();
  fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: EAST_AYRSHIRE } });
  if (store) fireEvent.click(screen.getByLabelText('Only check what would be stored: store nothing'));
}

afterEach(() => cleanup());

describe('importing a budget table', () => {
  it('asks for the file and the organisation before sending anything, each error linked to its field', async () => {
    const api = fakeApi();
    page();
    fireEvent.click(screen.getByRole('button', { name: 'Check the table' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Select a CSV, TSV or XLSX file' }).getAttribute('href')).toBe('#budgetTable');
    fireEvent.click(within(summary).getByRole('link', { name: 'Enter the organisation whose budget the table is' }));
    expect(document.activeElement?.id).toBe('organisation');
    expect(api.calls).toHaveLength(0);
  });

  it('checks first (dry run) with the layout parameters, then stores the same file and says how many lines', async () => {
    const api = fakeApi()
      .on('POST', '/api/budgets/imports', (call) => call.params.get('dryRun') === 'true'
        ? { body: result({ message: '2 line(s) would be stored (dry run: nothing was).' }) }
        : { status: 201, body: result({ outcome: 'STORED', dryRun: false, stored: true, lines: result({}).lines.map((l, i) => ({ ...l, lineId: `line-${i}` })) }) });
    page();
    const file = choose();
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: ` ${EAST_AYRSHIRE} ` } });
    fireEvent.change(screen.getByLabelText('Financial year (optional)'), { target: { value: '2021/22' } });
    fireEvent.change(screen.getByLabelText('Amounts are in'), { target: { value: 'millions' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the table' }));

    await screen.findByText(/2 budget lines would be stored/);
    const check = api.sent('POST', '/api/budgets/imports')[0];
    expect(Object.fromEntries(check.params)).toEqual({
      organisation: EAST_AYRSHIRE, year: '2021/22', rows: 'division', columns: 'fundingSource', unit: 'millions', dryRun: 'true',
    });
    expect((check.body as FormData).get('file')).toBe(file);
    expect(screen.getByRole('table', { name: '2 lines read from the table' })).toBeTruthy();
    expect(screen.getByText('£3,338,000.00')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Store these 2 lines' }));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('2 budget lines stored');
    expect(banner.textContent).toContain('£3,453,000.00 in all');
    const store = api.sent('POST', '/api/budgets/imports')[1];
    expect(store.params.get('dryRun')).toBe('false');
    expect(store.params.get('acceptDiscrepancies')).toBeNull();
    expect((store.body as FormData).get('file')).toBe(file);
  });

  it('lists the cells that cannot be lines, naming row and field, and links a parameter error to its input', async () => {
    const errors = [
      { field: 'rows[5].division', message: "'Childrens Servces' (row 5, column 'EAC Delegated Budget 2021/22 £m'): is not a division of East Ayrshire Health and Social Care Partnership" },
      { field: 'year', message: 'must be given (e.g. 2021/22): the table\'s header does not name one financial year' },
    ];
    fakeApi().on('POST', '/api/budgets/imports', problem(400, 'Table not stored', '2 problem(s) in the table: nothing was stored.', errors,
      { report: result({ outcome: 'REFUSED_ERRORS', wouldStore: false, errors, lines: [] }) }));
    page();
    fillIn({ store: true });
    fireEvent.click(screen.getByRole('button', { name: 'Store the lines' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain("Row 5, division: 'Childrens Servces' (row 5, column 'EAC Delegated Budget 2021/22 £m')");
    const yearLink = within(summary).getByRole('link', { name: /^Year must be given/ });
    fireEvent.click(yearLink);
    expect(document.activeElement?.id).toBe('year');
    expect(screen.getByLabelText('Financial year (optional)').getAttribute('aria-describedby')).toContain('year-error');
    expect(screen.getByText(/Nothing was stored\./)).toBeTruthy();
  });

  it('refuses a table whose lines are budgeted already and names the rows', async () => {
    const errors = [{ field: 'rows[3]', message: "row 3, column 'EAC Delegated Budget 2021/22 £m' is budget line 73b0 already" }];
    fakeApi().on('POST', '/api/budgets/imports', problem(409, 'Lines budgeted already',
      '1 line(s) of the table are budgeted already: nothing was stored. Change those lines instead, or withdraw them first.', errors,
      { report: result({ outcome: 'REFUSED_CONFLICTS', wouldStore: false }) }));
    page();
    fillIn({ store: true });
    fireEvent.click(screen.getByRole('button', { name: 'Store the lines' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('are budgeted already: nothing was stored');
    expect(summary.textContent).toContain("Row 3: row 3, column 'EAC Delegated Budget 2021/22 £m' is budget line 73b0 already");
    expect(screen.queryByRole('button', { name: /Store anyway/ })).toBeNull();
  });

  it('shows the discrepancy report of a 422 and stores only when the person accepts these discrepancies, by their acknowledgement', async () => {
    const api = fakeApi()
      .on('POST', '/api/budgets/imports', (call) => call.params.get('acceptDiscrepancies') === ACKNOWLEDGEMENT
        ? { status: 201, body: discrepant({ outcome: 'STORED', dryRun: false, stored: true, wouldStore: true, discrepanciesAccepted: true }) }
        : problem(422, 'Stated figures disagree with the lines', `2 stated figure(s) disagree. To store anyway, pass acceptDiscrepancies=${ACKNOWLEDGEMENT}. Nothing was stored.`,
          DISAGREEMENTS.map((d) => ({ field: `rows[${d.row}]['${d.column}']`, message: `${d.check}: stated ${d.stated}, the lines make ${d.computed}` })),
          { report: discrepant({ outcome: 'REFUSED_DISCREPANCIES', dryRun: false }) }));
    page();
    const file = choose('budget.xlsx');
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: EAST_AYRSHIRE } });
    fireEvent.click(screen.getByLabelText('Only check what would be stored: store nothing'));
    fireEvent.click(screen.getByRole('button', { name: 'Store the lines' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('2 stated figures in the table disagree with what its lines add up to. Nothing was stored.');
    expect(summary.textContent).not.toContain('acceptDiscrepancies');
    fireEvent.click(within(summary).getAllByRole('link')[0]);
    expect(document.activeElement?.id).toBe('disagreement-row-11');

    const report = screen.getByRole('table', { name: '2 stated figures that the lines contradict' });
    const first = within(report).getAllByRole('row')[1];
    expect(within(first).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '11', 'Totals', 'EAC Delegated Budget 2021/22 £m', 'column total of all lines', '£26,471,000.00', '£26,748,000.00', '£277,000.00',
    ]);
    expect(screen.getByText(/each line’s history records that these 2 discrepancies were accepted/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Store anyway, accepting these 2 discrepancies' }));
    const banner = (await screen.findByText('2 budget lines stored')).closest('[role=alert]')!;
    expect(screen.queryByText('There is a problem')).toBeNull();
    expect(banner.textContent).toContain('2 accepted discrepancies in the table’s stated figures are recorded in each line’s history');
    const sent = api.sent('POST', '/api/budgets/imports');
    expect(sent).toHaveLength(2);
    expect(sent[1].params.get('acceptDiscrepancies')).toBe(ACKNOWLEDGEMENT);
    expect(sent[1].params.get('dryRun')).toBe('false');
    expect(sent[1].params.get('organisation')).toBe(EAST_AYRSHIRE);
    expect((sent[1].body as FormData).get('file')).toBe(file);
  });

  it('offers to accept the discrepancies a dry run found, with no error: the check itself went well', async () => {
    const api = fakeApi().on('POST', '/api/budgets/imports', { body: discrepant() });
    page();
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Check the table' }));
    await screen.findByRole('table', { name: '2 stated figures that the lines contradict' });
    expect(screen.queryByText('There is a problem')).toBeNull();
    expect(screen.queryByRole('button', { name: /Store these/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Store anyway, accepting these 2 discrepancies' }));
    await waitFor(() => expect(api.sent('POST', '/api/budgets/imports')).toHaveLength(2));
    expect(api.sent('POST', '/api/budgets/imports')[1].params.get('acceptDiscrepancies')).toBe(ACKNOWLEDGEMENT);
    expect(api.sent('POST', '/api/budgets/imports')[1].params.get('dryRun')).toBe('false');
  });

  it('is offered to finance officers, managers and admins only', () => {
    const me = (...roles: string[]) => ({ username: 'x', authorities: roles.map((r) => `ROLE_${r}`) });
    expect(mayImportBudgets(me('finance-officer'))).toBe(true);
    expect(mayImportBudgets(me('manager'))).toBe(true);
    expect(mayImportBudgets(me('admin'))).toBe(true);
    expect(mayImportBudgets(me('staff'))).toBe(false);
    expect(mayImportBudgets(me('auditor'))).toBe(false);
    expect(mayImportBudgets(null)).toBe(false);
  });
});

describe('a parameter the table does not name', () => {
  afterEach(() => cleanup());

  it('opens its section when the service refuses it, so that the error summary link reaches the input', async () => {
    fakeApi().on('POST', '/api/budgets/imports', problem(400, 'Bad Request', 'type must be REVENUE or CAPITAL',
      [{ field: 'type', message: 'must be REVENUE or CAPITAL' }]));
    page();
    expect(screen.getByText('Values the table does not name').closest('details')!.open).toBe(false);
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Check the table' }));
    const link = await screen.findByRole('link', { name: 'Type must be REVENUE or CAPITAL' });
    expect(screen.getByText('Values the table does not name').closest('details')!.open).toBe(true);
    fireEvent.click(link);
    expect(document.activeElement?.id).toBe('type');
  });
});
