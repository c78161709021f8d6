import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './govuk.scss';
import './styles.css';
import { App } from './App';

// A page's own address (a link in an email, /actions/<id>): the gateway answered it with this page, and
// the portal's routes are hash routes (ADR 0051), so the address becomes its route before the router starts.
if (window.location.pathname !== '/' && window.location.pathname !== '/index.html' && !window.location.hash) {
  window.history.replaceState(null, '', `/#${window.location.pathname}${window.location.search}`);
}

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
