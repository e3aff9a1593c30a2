import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSignOut } from '../api/hooks';
import { UserIcon } from './Icons';

export interface SignInNotice {
  notice?: 'signedOut' | 'registered';
  username?: string;
}

/** Bootstrap's dropdown script gives this menu its keyboard handling (arrows, Escape). */
export function UserMenu({ username }: { username: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const onSignOut = () => {
    signOut.mutate(undefined, {
      // Even when the request fails the local session view is cleared, so leave either way.
      onSettled: () => {
        const state: SignInNotice = { notice: 'signedOut' };
        navigate('/signin', { replace: true, state });
      },
    });
  };
  return (
    <div className="dropdown">
      <button
        type="button"
        className="btn btn-outline-light btn-sm dropdown-toggle d-inline-flex align-items-center gap-2"
        data-bs-toggle="dropdown"
        aria-expanded="false"
        aria-label={t('userMenu.label', { username })}
      >
        <UserIcon size={18} />
        <span className="user-menu-name">{username}</span>
      </button>
      <ul className="dropdown-menu dropdown-menu-end shadow-sm">
        <li>
          <span className="dropdown-item-text small text-body-secondary">
            {t('userMenu.signedInAs')} <strong className="text-body">{username}</strong>
          </span>
        </li>
        <li>
          <hr className="dropdown-divider" />
        </li>
        <li>
          <Link className="dropdown-item" to="/settings/account">
            {t('userMenu.changePassword')}
          </Link>
        </li>
        <li>
          <Link className="dropdown-item" to="/settings/tokens">
            {t('userMenu.apiTokens')}
          </Link>
        </li>
        <li>
          <button type="button" className="dropdown-item" onClick={onSignOut} disabled={signOut.isPending}>
            {t('userMenu.signOut')}
          </button>
        </li>
      </ul>
    </div>
  );
}
