import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ApiClient } from './api/client';
import { ApiProvider } from './api/context';
import { SessionStore } from './api/session';
import './styles.css';

const client = new ApiClient({ session: new SessionStore() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <ApiProvider client={client}>
        <App />
      </ApiProvider>
    </BrowserRouter>
  </StrictMode>,
);
