import { useEffect, useState } from 'react';
import { setUnauthorizedHandler } from './api/client';
import { forgetPortalToken, portalReadOnly, readPortalToken } from './api/portal';
import { ConsoleRoutes } from './ConsoleRoutes';
import { Shell } from './components/Shell';
import { PortalEndedPage } from './pages/PortalEndedPage';

/** The console through a portal link: one tenant, no key pages, no sign-out; a 401 means the link ended. */
export function PortalApp() {
  const [ended, setEnded] = useState(() => readPortalToken() === null);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      forgetPortalToken();
      setEnded(true);
    });
  }, []);

  if (ended) return <PortalEndedPage />;
  return (
    <Shell portal={{ readOnly: portalReadOnly() }}>
      <ConsoleRoutes />
    </Shell>
  );
}
