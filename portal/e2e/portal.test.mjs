// End-to-end tests of the portal against the REAL local platform (./waypoint up): Debian's
// Chromium, Keycloak's own login page, the gateway, the services, Kafka and the SMTP server.
// Every page visited is saved as a screenshot under e2e-results/screenshots and must pass axe-core.
//   npm --prefix portal run e2e        (WAYPOINT_URL, WAYPOINT_MAIL_URL, CHROMIUM_PATH to point elsewhere)
import { after, before, describe as suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { BASE, RESULTS, describe, launch, mail, signIn, visit } from './browser.mjs';

let browser;
let page;

async function expectAccessible(name) {
  const violations = await visit(page, name);
  assert.equal(violations.length, 0, `axe-core found problems on ${name}:\n${describe(violations)}`);
}

async function go(path) {
  await page.goto(`${BASE}/#${path}`);
  await page.locator('h1').first().waitFor();
}

before(async () => {
  rmSync(RESULTS, { recursive: true, force: true });
  const up = await fetch(`${BASE}/actuator/health`).then((r) => r.ok).catch(() => false);
  assert.ok(up, `the gateway is not up at ${BASE}: run ./waypoint up first`);
  browser = await launch();
  page = browser.page;
});

after(async () => {
  await browser?.close();
});

suite('staff member Jamie', () => {
  test('signs in through the real Keycloak login page and sees Home', async () => {
    await page.goto(`${BASE}/`);
    await page.waitForURL(/\/realms\/waypoint\//);
    await visit(page, 'keycloak-login'); // Keycloak's page: screenshot only, not ours to fix
    await signIn(page, 'jamie.lead');
    assert.equal(await page.getByTestId('username').textContent(), 'jamie.lead');
    await page.locator('h1').waitFor();
    assert.match(await page.locator('h1').textContent(), /needs (your )?attention/);
    await expectAccessible('home-staff');
  });

  test('finds the plan and an action under its priority', async () => {
    await go('/plans');
    await expectAccessible('plans');
    await page.getByRole('link', { name: /Children's Health, Care and Justice/ }).first().click();
    await page.locator('h2', { hasText: /SP: / }).first().waitFor();
    await expectAccessible('plan');
  });

  test('filters, sorts and pages the actions', async () => {
    await go('/actions?planId=ea-chcj-sip-2021-24');
    await page.locator('table caption').first().waitFor();
    await page.getByRole('button', { name: 'Progress' }).click();
    await page.waitForURL(/sort=progress/);
    await page.locator('#status').selectOption('OVERDUE');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=OVERDUE/);
    await page.locator('table caption').first().waitFor();
    await expectAccessible('actions-filtered');
  });

  test('records progress on an action and sees it in the history', async () => {
    // An action Jamie leads, created through the gateway with the session and its CSRF token.
    const created = await page.evaluate(async () => {
      const token = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')).split('=')[1]);
      const response = await fetch('/api/actions', {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
        body: JSON.stringify({
          planId: 'ea-chcj-sip-2021-24', priorityId: 'SP', reference: `E2E-${Date.now()}`,
          title: 'Support the implementation of the new MAPPA standards', serviceArea: 'Children and Justice', due: '2027-03-31',
          leads: [{ name: 'Jamie Wilson', username: 'jamie.lead', email: 'jamie.wilson@waypoint.example' }],
        }),
      });
      return { status: response.status, body: await response.json() };
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await go(`/actions/${created.body.id}`);
    await page.locator('#progressPercent').waitFor();
    await expectAccessible('action');

    // A mistake first: the error summary names it and links to the field.
    await page.locator('#progressPercent').fill('150');
    await page.getByRole('button', { name: 'Save progress' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /0 to 100/);
    await expectAccessible('action-progress-error');

    const note = `Progress checked by the end-to-end test ${Date.now()}`;
    await page.locator('#progressPercent').fill('95');
    await page.locator('#progressText').fill(note);
    await page.getByRole('button', { name: 'Save progress' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'Progress saved' }).waitFor();
    await page.getByText(note).first().waitFor();
    assert.match(await page.locator('.wp-progress__text').textContent(), /95% done/);
    await expectAccessible('action-progress-saved');
  });

  test('writes an exception report', async () => {
    await page.locator('#exceptionReason').fill('Waiting for the national guidance to be published.');
    await page.locator('#correctiveAction').fill('Draft local procedures now and align them when it arrives.');
    await page.locator('#revisedDate').fill('2027-03-31');
    await page.getByRole('button', { name: 'Save exception report' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'Exception report saved' }).waitFor();
    await page.getByText('Waiting for the national guidance to be published.').first().waitFor();
    await expectAccessible('action-exception-report');
  });
});

suite('manager Sarah', () => {
  test('signs in and sees her service area with counts', async () => {
    await browser.context.clearCookies();
    await signIn(page, 'sarah.manager');
    await page.locator('.wp-count__number').first().waitFor();
    await expectAccessible('home-manager');
  });

  test('checks a spreadsheet of actions for her plan and reads the row report', async () => {
    await go('/actions/import?planId=ea-chcj-sip-2021-24');
    await page.locator('#file').setInputFiles({
      name: 'actions.csv', mimeType: 'text/csv',
      buffer: Buffer.from('Reference,Title,Due,Leads\nE2E-1,Check the import from the portal,2027-03-31,Jamie Wilson\nE2E-2,,someday,\n'),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.locator('#report-heading').waitFor();
    assert.match(await page.locator('section', { has: page.locator('#report-heading') }).textContent(), /1 row right, 1 not right/);
    await expectAccessible('actions-import-report');
  });

  test('reads the indicator scorecard and an indicator page with its chart', async () => {
    await go('/indicators');
    await page.locator('table.wp-scorecard').waitFor();
    await expectAccessible('indicators');
    await page.locator('table.wp-scorecard a').first().click();
    await page.locator('#measurement-heading').waitFor();
    await expectAccessible('indicator');
  });

  test('filters the risk register by a heat-map cell', async () => {
    await go('/risks');
    await page.locator('.wp-heatmap').waitFor();
    const cell = page.locator('.wp-heatmap button').filter({ hasText: /\d/ }).first();
    await cell.click();
    await page.waitForURL(/cell=\dx\d/);
    await expectAccessible('risks-heat-map');
    await go('/risks?assessment=TARGET');
    await page.locator('.wp-heatmap').waitFor();
    await expectAccessible('risks-heat-map-target');
  });

  test('opens a risk and reassesses it with a justification', async () => {
    await go('/risks');
    // The register's own table (the registers' download links come after it, and may load first).
    await page.locator('table.govuk-table', { hasText: 'highest current score first' }).locator('a').first().click();
    await page.locator('#reassess-heading').waitFor();
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await page.locator('#justification').fill('Reviewed at the service management team: no change to controls.');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'Assessment saved' }).waitFor();
    await expectAccessible('risk');
  });

  test('downloads the listed risks and checks a register import, row by row, with its warnings and errors', async () => {
    await go('/risks?serviceArea=Children%20and%20Justice');
    const listExport = page.getByRole('link', { name: /^CSV ?file of the listed risks$/ });
    await listExport.waitFor();
    assert.match(await listExport.getAttribute('href'), /^\/api\/risks\/export\?format=csv&serviceArea=Children\+and\+Justice&sort=score%2Cdesc$/);
    const [download] = await Promise.all([page.waitForEvent('download'), listExport.click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    await page.locator('#registers-heading').waitFor();
    await expectAccessible('risks-exports');

    // A register of Sarah's service area: she may import into it.
    const register = await page.evaluate(async () => {
      const me = await fetch('/me').then((r) => r.json());
      const registers = await fetch('/api/risk-registers?size=200').then((r) => r.json()); // a page, as every list
      return registers.items.find((r) => (me.serviceAreas ?? []).includes(r.serviceArea)) ?? null;
    });
    assert.ok(register, 'no risk register in Sarah\'s service area');
    const category = `"${(register.categories?.[0]?.name ?? '').replace(/"/g, '""')}"`;
    const code = `E2E-${Date.now()}`;
    await go(`/risks/registers/${encodeURIComponent(register.id)}/import`);
    await page.locator('#riskFile').setInputFiles({
      name: 'register.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`Code,Title,Category,Likelihood,Severity,Risk Score\n${code},Checked by the portal test,${category},3,4,15\n`),
    });
    await page.getByRole('button', { name: 'Check the file' }).click(); // "Only check the file" is ticked: nothing stored
    const report = page.locator('section', { has: page.locator('#report-heading') });
    await report.waitFor();
    assert.match(await report.textContent(), /1 row: 1 new, 0 reassessed, 0 unchanged, 0 not right; 1 with a warning\. Nothing was stored \(check only\)/);
    assert.match(await report.textContent(), /Warning: Risk Score 15 disagrees with Likelihood x Severity/);
    await expectAccessible('risk-register-import-check');

    await page.locator('#riskFile').setInputFiles({
      name: 'register.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`Code,Title,Category,Likelihood,Severity\n${code},Checked by the portal test,${category},3,4\n${code}-2,A likelihood out of range,${category},7,4\n`),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /Row 3, Likelihood/);
    assert.match(await report.textContent(), /1 not right/);
    await expectAccessible('risk-register-import-errors');
  });

  test('reads the budgets by division, funder and category', async () => {
    await go('/budgets');
    await page.locator('h2', { hasText: 'Monitoring' }).waitFor();
    await expectAccessible('budgets-division');
    await page.locator('#by').selectOption('fundingSource');
    await page.waitForURL(/by=fundingSource/);
    await expectAccessible('budgets-funder');
  });

  test('imports a budget table whose total disagrees with its lines, accepting that discrepancy', async () => {
    // Divisions of Sarah's service area, a funder of this run only (so the lines are never budgeted
    // already), a year nobody budgets and a "Totals" row that states £2.000m where the lines make £2.048m.
    const funder = `Portal check ${Date.now().toString(36).replace(/\d/g, (d) => 'abcdefghij'[d])}`;
    const table = `Service Division\t${funder} Budget 2031/32 £m\nChild Protection Committee\t0.115\nJustice Services\t1.933\nTotals\t2.000\n`;
    await go('/budgets');
    await page.getByRole('link', { name: 'Import a budget table' }).click();
    await page.locator('#budgetTable').waitFor();
    await page.locator('#budgetTable').setInputFiles({ name: 'budget.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(table) });
    await page.locator('#organisation').fill('East Ayrshire Health and Social Care Partnership');
    await page.getByRole('button', { name: 'Check the table' }).click();
    const result = page.locator('section', { has: page.locator('#import-result-heading') });
    await result.waitFor();
    assert.match(await result.textContent(), /2 budget lines read/);
    await page.locator('#discrepancies-heading').waitFor();
    await expectAccessible('budget-import-check');

    await page.locator('#dryRun').uncheck();
    await page.getByRole('button', { name: 'Store the lines' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /1 stated figure in the table disagrees with what its lines add up to\. Nothing was stored\./);
    assert.match(await summary.textContent(), /stated £2,000,000\.00, the lines make £2,048,000\.00/);
    await expectAccessible('budget-import-discrepancies');

    await page.getByRole('button', { name: 'Store anyway, accepting this discrepancy' }).click();
    const banner = page.locator('.govuk-notification-banner', { hasText: '2 budget lines stored' });
    await banner.waitFor();
    assert.match(await banner.textContent(), /accepted discrepancy/);
    await expectAccessible('budget-import-stored');

    // Withdraw the lines again, so that the demo budgets are as they were.
    const withdrawn = await page.evaluate(async (fundingSource) => {
      const token = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')).split('=')[1]);
      const lines = await fetch('/api/budgets/lines?year=2031%2F32&size=200').then((r) => r.json());
      const statuses = [];
      for (const line of (lines.items ?? []).filter((l) => l.fundingSource === fundingSource)) {
        const read = await fetch(`/api/budgets/lines/${line.id}`);
        const response = await fetch(`/api/budgets/lines/${line.id}`, {
          method: 'DELETE', headers: { 'X-XSRF-TOKEN': token, 'If-Match': read.headers.get('ETag') },
        });
        statuses.push(response.status);
      }
      return statuses;
    }, funder);
    assert.deepEqual(withdrawn, [200, 200], `withdrawing the imported lines answered ${JSON.stringify(withdrawn)}`);
  });

  test('reads the committee report', async () => {
    await go('/report');
    await page.locator('#summary-heading').waitFor();
    await page.locator('.wp-heatmap').waitFor();
    await expectAccessible('committee-report');
  });

  test('reads the alerts sent', async () => {
    await go('/notifications');
    await expectAccessible('notifications');
  });
});

suite('performance officer Priya', () => {
  test('records a measurement that turns an indicator red, and the alert email arrives', async () => {
    await browser.context.clearCookies();
    await signIn(page, 'priya.officer');
    // A green percentage indicator measured by quarter: its next quarter at 1% is far below target.
    const list = await page.evaluate(() => fetch('/api/indicators?status=GREEN&size=200').then((r) => r.json()));
    const green = list.items.find((i) => i.unit === 'PERCENTAGE' && i.polarity === 'HIGHER_IS_BETTER'
      && i.asAt.target && /Q[123]$/.test(i.asAt.period ?? ''));
    assert.ok(green, 'no green quarterly percentage indicator left to turn red');
    const next = green.asAt.period.replace(/Q(\d)$/, (_, q) => `Q${Number(q) + 1}`);
    await go(`/indicators/${green.id}`);
    await page.locator('#measurement-heading').waitFor();
    const code = green.code;
    const seen = new Set((await mail()).map((m) => m.id)); // the mail server lists newest first
    await page.locator('#period').fill(next);
    await page.locator('#value').fill('1%');
    await page.locator('#commentary').fill('Staff shortages: cases reallocated; recovery plan agreed.');
    await page.getByRole('button', { name: 'Save measurement' }).click();
    await page.locator('.govuk-notification-banner, .govuk-error-summary').first().waitFor();
    const refused = page.locator('.govuk-error-summary');
    assert.equal(await refused.count(), 0, `the measurement of ${code} for ${next} was refused: ${
      await refused.count() ? await refused.first().textContent() : ''}`);
    assert.match(await page.locator('.govuk-notification-banner').textContent(), /major concerns/i);
    await expectAccessible('indicator-measurement-red');
    let arrived = null;
    for (let i = 0; i < 90 && !arrived; i++) {
      const messages = await mail();
      arrived = messages.find((m) => !seen.has(m.id) && m.subject.includes(code) && m.subject.startsWith('Red:'));
      if (!arrived) await new Promise((r) => setTimeout(r, 1000));
    }
    assert.ok(arrived, `no email about ${code} arrived at the mail server within 90 seconds`);
  });
});
