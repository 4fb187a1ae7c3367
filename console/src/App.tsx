import { useEffect, useState } from 'react';
import { Route, Routes } from 'react-router';
import { setUnauthorizedHandler } from './api/client';
import { forgetApiKey, readApiKey, storeApiKey } from './api/session';
import { Shell } from './components/Shell';
import { DeliveryPage } from './pages/DeliveryPage';
import { EventPage } from './pages/EventPage';
import { EventsPage } from './pages/EventsPage';
import { EventTypesPage } from './pages/EventTypesPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { SubscriptionPage } from './pages/SubscriptionPage';
import { SubscriptionsPage } from './pages/SubscriptionsPage';

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
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/subscriptions" element={<SubscriptionsPage />} />
        <Route path="/subscriptions/:id" element={<SubscriptionPage />} />
        <Route path="/deliveries/:id" element={<DeliveryPage />} />
        <Route path="/events" element={<EventsPage />} />
        <Route path="/events/:id" element={<EventPage />} />
        <Route path="/event-types" element={<EventTypesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
