import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './govuk.scss';
import './styles.css';
import { App } from './App';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
