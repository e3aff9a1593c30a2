import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { CollectionPage } from './CollectionPage';
import { DiffPage } from './DiffPage';
import { HistoryPage } from './HistoryPage';
import { ResourceDetailPage } from './ResourceDetailPage';
import { SearchPage } from './SearchPage';
import { StartCollectionPage } from './StartCollectionPage';

/** /resources/*: history, search, start form, one collection (progress → tables), one resource, compare. */
export function ResourcesPage() {
  return (
    <Routes>
      <Route index element={<HistoryPage />} />
      <Route path="new" element={<StartCollectionPage />} />
      <Route path="compare" element={<DiffPage />} />
      <Route path="search" element={<SearchPage />} />
      <Route path="collections/:id" element={<CollectionPage />} />
      <Route path="collections/:id/r/:collector/:resourceId" element={<ResourceDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
