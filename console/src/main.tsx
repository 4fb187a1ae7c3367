import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { PortalApp } from './PortalApp';
import { adoptPortalLink, PORTAL_BASE, PORTAL_MODE } from './api/portal';

// Before anything renders or logs the address: the token leaves the address bar.
adoptPortalLink();

// Focus rings for keyboard users on every control (Mantine shows them on :focus-visible).
const theme = createTheme({ primaryColor: 'indigo', focusRing: 'auto', defaultRadius: 'sm' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <BrowserRouter basename={PORTAL_MODE ? PORTAL_BASE : '/console'}>{PORTAL_MODE ? <PortalApp /> : <App />}</BrowserRouter>
    </MantineProvider>
  </StrictMode>,
);
