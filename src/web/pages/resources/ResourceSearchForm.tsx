import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** One search box over every resource: submitting opens /resources/search?q= (shareable, back works). */
export function ResourceSearchForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  useEffect(() => setQ(initial), [initial]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = q.trim();
    if (query) navigate(`/resources/search?${new URLSearchParams({ q: query }).toString()}`);
  };
  return (
    <form className="d-flex flex-wrap gap-2 mb-3" onSubmit={submit} aria-label={t('resources.search.title')}>
      <label className="visually-hidden" htmlFor="all-resources-search">
        {t('resources.search.label')}
      </label>
      <input
        id="all-resources-search"
        type="search"
        className="form-control"
        style={{ maxWidth: '28rem', minWidth: 0, flex: '1 1 12rem' }}
        placeholder={t('resources.search.placeholder')}
        value={q}
        maxLength={200}
        onChange={(event) => setQ(event.target.value)}
      />
      <button type="submit" className="btn btn-outline-primary">
        {t('resources.search.submit')}
      </button>
    </form>
  );
}
