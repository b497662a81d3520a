import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/portal.css';

const container = document.getElementById('root');
if (!container) throw new Error('Expected an element with id "root" in index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
