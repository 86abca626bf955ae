import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { INTERACTIVE_ATTRIBUTE } from './prerenderedState';
import { createQueryClient } from './queryClient';

export function App({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  // Effects run once the page is hydrated (or rendered): from here on its controls answer.
  useEffect(() => {
    document.getElementById('root')?.setAttribute(INTERACTIVE_ATTRIBUTE, '');
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
