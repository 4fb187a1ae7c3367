import { useEffect, useState } from 'react';
import { setUnauthorizedHandler } from './api/client';
import { forgetApiKey, readApiKey, storeApiKey } from './api/session';
import { ConsoleRoutes } from './ConsoleRoutes';
import { Shell } from './components/Shell';
import { SignInPage } from './pages/SignInPage';

/** Signed out: the sign-in page on any route (the route stays, so you land where you meant to). Signed in: the console. */
export function App() {
  const [signedIn, setSignedIn] = useState(() => readApiKey() !== null);
  const [expired, setExpired] = useState(false);

  const signIn = (key: string) => {
    storeApiKey(key);
    setExpired(false);
    setSignedIn(true);
  };
  const signOut = () => {
    forgetApiKey();
    setSignedIn(false);
  };

  // A key revoked while signed in: back to sign-in, saying why.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      forgetApiKey();
      setExpired(true);
      setSignedIn(false);
    });
  }, []);

  if (!signedIn) return <SignInPage onSignedIn={signIn} expired={expired} />;
  return (
    <Shell onSignOut={signOut}>
      <ConsoleRoutes />
    </Shell>
  );
}
