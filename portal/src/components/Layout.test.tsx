import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Layout, SignedInAs } from './Layout';
import { SessionProvider } from '../session';
import { fakeApi } from '../test/fakeApi';

afterEach(() => cleanup());

describe('the header', () => {
  it("shows the signed-in person's name from /me, with the username they signed in with", async () => {
    fakeApi().on('GET', '/me', { body: {
      username: 'sarah.manager', name: 'Sarah Campbell', email: 'sarah.campbell@waypoint.example',
      authorities: ['ROLE_manager'], serviceAreas: ['Children and Justice'], manager: null,
    } });
    render(<SessionProvider><MemoryRouter><Layout><h1>Home</h1></Layout></MemoryRouter></SessionProvider>);
    expect((await screen.findByTestId('name')).textContent).toBe('Sarah Campbell');
    // The browser tests read the username from this element: it holds the username and nothing else.
    expect(screen.getByTestId('username').textContent).toBe('sarah.manager');
    expect(screen.getByRole('banner').textContent).toContain('Signed in as Sarah Campbell (sarah.manager)');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('shows the username alone when Keycloak has no name for the person', () => {
    render(<SignedInAs me={{ username: 'integration.bot', name: null, authorities: [] }} />);
    expect(screen.getByTestId('username').textContent).toBe('integration.bot');
    expect(screen.queryByTestId('name')).toBeNull();
    expect(document.body.textContent).toBe('Signed in as integration.bot');
  });

  it('offers to sign in when /me says the session has ended', async () => {
    fakeApi().on('GET', '/me', { status: 401, body: {} });
    render(<SessionProvider><MemoryRouter><Layout><h1>Home</h1></Layout></MemoryRouter></SessionProvider>);
    expect((await screen.findByRole('link', { name: 'Sign in' })).getAttribute('href')).toBe('/oauth2/authorization/keycloak');
    expect(screen.queryByTestId('username')).toBeNull();
  });
});
