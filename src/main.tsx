import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/global.css';

const container = document.getElementById('root');
if (container) {
  createRoot(container, {
    // A section caught by its own boundary is already explained on the page: a warning, not an error.
    onCaughtError: (error, info) => console.warn('A section of the page could not be shown:', error, info.componentStack),
  }).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
