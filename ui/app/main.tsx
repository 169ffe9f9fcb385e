/** The app's entry: composes the status page (the widgets come next). */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { sessionToken, watchBridge, type Connection } from './bridge-status';
import { StatusView } from './StatusView';
import './status.css';

function App() {
  const [connection, setConnection] = useState<Connection>({ state: 'connecting' });
  useEffect(() => watchBridge(sessionToken(window.location, window.sessionStorage), setConnection), []);
  return <StatusView connection={connection} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
