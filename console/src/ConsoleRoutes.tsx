import { Route, Routes } from 'react-router';
import { PORTAL_MODE } from './api/portal';
import { ApiKeysPage } from './pages/ApiKeysPage';
import { DeliveriesPage } from './pages/DeliveriesPage';
import { DeliveryPage } from './pages/DeliveryPage';
import { EventPage } from './pages/EventPage';
import { EventsPage } from './pages/EventsPage';
import { EventTypesPage } from './pages/EventTypesPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PortalLinksPage } from './pages/PortalLinksPage';
import { ReplayPage } from './pages/ReplayPage';
import { ReplaysPage } from './pages/ReplaysPage';
import { SubscriptionPage } from './pages/SubscriptionPage';
import { SubscriptionsPage } from './pages/SubscriptionsPage';

/** The console's pages, the same signed in with a key and through a portal link. */
export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route path="/subscriptions" element={<SubscriptionsPage />} />
      <Route path="/subscriptions/:id" element={<SubscriptionPage />} />
      <Route path="/deliveries" element={<DeliveriesPage />} />
      <Route path="/deliveries/:id" element={<DeliveryPage />} />
      <Route path="/events" element={<EventsPage />} />
      <Route path="/events/:id" element={<EventPage />} />
      <Route path="/event-types" element={<EventTypesPage />} />
      {/* Replays (scope manage), keys and links (scope admin) are never a portal link's: there, no such page. */}
      {!PORTAL_MODE && (
        <>
          <Route path="/replays" element={<ReplaysPage />} />
          <Route path="/replays/:id" element={<ReplayPage />} />
          <Route path="/api-keys" element={<ApiKeysPage />} />
          <Route path="/portal-links" element={<PortalLinksPage />} />
        </>
      )}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
